import Foundation
import Hummingbird
import ThiduaCore

/// `/quan-tri/nguoi-dung`: the administrator's list of the area's users — unit, roles with the day granted,
/// active or not — and the form that creates an account (issue 16, item 4). An account starts with no role:
/// another administrator grants its first one (0015, an administrator does not arm an account it just made).
struct UserListPage: Sendable {
    let store: RecordStore

    struct Row: Sendable { var href: String; var username: String; var fullName: String; var unit: String; var roles: String; var active: Bool }

    private struct View {
        var csrf: String
        var rows: [Row]
        var units: [Option]
        var username: String
        var fullName: String
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/quan-tri/nguoi-dung") { request, context in
            try await page(context, flash: Flash.message(request))
        }
        pages.post("/quan-tri/nguoi-dung") { _, context in
            let form = context.form
            do {
                guard let unit = form.value("unit").flatMap(UUID.init(uuidString:)) else {
                    throw ThiduaError.invalid(field: "unit", vietnamese: "Phải chọn đơn vị của người dùng.", english: "Choose the user's unit.")
                }
                let id = try await UserRepository(store: store).create(
                    unitID: unit, username: form.text("username") ?? "", fullName: form.text("fullName") ?? "",
                    password: form.value("password") ?? "", by: context.actor)
                return HTMLPage.redirect(to: "/quan-tri/nguoi-dung/\(id.uuidString.lowercased())?ok=tao-tai-khoan")
            } catch {
                return try await page(context, error: error).response()
            }
        }
    }

    private func page(_ context: SignedInContext, flash: String? = nil, error: (any Error)? = nil) async throws -> HTMLPage {
        let accounts = try await UserRepository(store: store).accounts(as: context.actor)
        let units = try await UnitRepository(store: store).list(existingOn: VietnameseTime.isoDay(VietnameseTime.today()), as: context.actor)
        let chosen = context.form.value("unit")
        let rows = accounts.map { account in
            Row(href: "/quan-tri/nguoi-dung/\(account.id.uuidString.lowercased())", username: account.username, fullName: account.fullName,
                unit: account.unitName, roles: account.grants.map(\.role.vietnamese).joined(separator: ", "), active: account.active)
        }
        let view = View(
            csrf: context.csrfToken, rows: rows,
            units: units.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id.uuidString.lowercased() == chosen) },
            username: context.form.text("username") ?? "", fullName: context.form.text("fullName") ?? "")
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/quan-tri/nguoi-dung")
        return HTMLPage("Người dùng", template: "users", view: view, shell: shell, flash: flash, refusal: error, logger: context.logger)
    }
}
