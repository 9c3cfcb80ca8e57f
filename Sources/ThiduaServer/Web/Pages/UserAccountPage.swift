import Foundation
import Hummingbird
import ThiduaCore

/// `/quan-tri/nguoi-dung/{id}`: one account as the administrator manages it — its live role grants with the day
/// each was given, granting and revoking (with a reason), disabling and enabling (with a reason), and resetting
/// its password with a reason (audited, the user's sessions ended). The separation-of-duties refusals of 0015
/// (no admin role from here, no workflow role for an administrator, no role for an account one made a day ago)
/// show above the form in Vietnamese.
struct UserAccountPage: Sendable {
    let store: RecordStore

    struct GrantRow: Sendable { var role: String; var roleName: String; var since: String }
    struct DelegationRow: Sendable { var text: String; var period: String; var basis: String; var revoked: String? }

    private struct View {
        var id: String
        var csrf: String
        var fullName: String
        var username: String
        var unit: String
        var created: String
        var active: Bool
        var own: Bool
        var grants: [GrantRow]
        var hasGrants: Bool
        var roles: [Option]
        var reason: String
        var delegations: [DelegationRow]
        var hasDelegations: Bool
    }

    /// The roles an administrator grants from the page: every one but `admin`, which only the installer grants.
    static let grantable: [Role] = Role.allCases.filter { $0 != .admin }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/quan-tri/nguoi-dung/:id") { request, context in
            try await page(try context.uuid("id"), context, flash: Flash.message(request))
        }
        for (path, flash) in [("cap-quyen", "cap-quyen"), ("thu-hoi", "thu-hoi"), ("khoa", "khoa"), ("mo-khoa", "mo-khoa"), ("dat-lai-mat-khau", "dat-lai-mat-khau")] {
            pages.post("/quan-tri/nguoi-dung/:id/\(path)") { _, context in
                let id = try context.uuid("id")
                do {
                    try await perform(path, on: id, context)
                    return HTMLPage.redirect(to: "/quan-tri/nguoi-dung/\(id.uuidString.lowercased())?ok=\(flash)")
                } catch {
                    return try await page(id, context, error: error).response()
                }
            }
        }
    }

    private func perform(_ step: String, on user: UUID, _ context: SignedInContext) async throws {
        let users = UserRepository(store: store)
        let form = context.form
        let reason = form.text("reason") ?? ""
        func role() throws -> Role {
            guard let role = form.value("role").flatMap(Role.init(rawValue:)) else { throw APIError.badParameter("role") }
            return role
        }
        func requireReason() throws {
            guard !reason.isEmpty else {
                throw ThiduaError.invalid(field: "reason", vietnamese: "Phải nêu lý do.", english: "A reason is required.")
            }
        }
        switch step {
        case "cap-quyen": try await users.grant(try role(), to: user, by: context.actor)
        case "thu-hoi":
            try requireReason()
            try await users.revoke(try role(), from: user, reason: reason, by: context.actor)
        case "khoa":
            try requireReason()
            try await users.setActive(false, user: user, reason: reason, by: context.actor)
        case "mo-khoa":
            try requireReason()
            try await users.setActive(true, user: user, reason: reason, by: context.actor)
        default: try await users.resetPassword(of: user, to: form.value("password") ?? "", reason: reason, by: context.actor)
        }
    }

    private func page(_ id: UUID, _ context: SignedInContext, flash: String? = nil, error: (any Error)? = nil) async throws -> HTMLPage {
        let account = try await UserRepository(store: store).staffAccount(id, as: context.actor)
        let held = Set(account.grants.map(\.role))
        let delegations = try await UserRepository(store: store).delegations(involving: id, as: context.actor).map { delegation in
            DelegationRow(
                text: "\(delegation.delegatorName) ủy quyền \(delegation.style == .onBehalf ? "ký thay (KT.)" : "thừa lệnh (TL.)") vai trò \(delegation.role.vietnamese) cho \(delegation.delegateName)",
                period: "Từ \(VietnameseTime.moment(delegation.validFrom)) đến \(VietnameseTime.moment(delegation.validTo))", basis: delegation.basis,
                revoked: delegation.revokedAt.map { "Đã thu hồi lúc \(VietnameseTime.moment($0))" })
        }
        let view = View(
            id: id.uuidString.lowercased(), csrf: context.csrfToken, fullName: account.fullName, username: account.username,
            unit: account.unitName, created: VietnameseTime.moment(account.createdAt), active: account.active, own: id == context.actor.userID,
            grants: account.grants.map { GrantRow(role: $0.role.rawValue, roleName: $0.role.vietnamese, since: VietnameseTime.moment($0.grantedAt)) },
            hasGrants: !account.grants.isEmpty,
            roles: Self.grantable.filter { !held.contains($0) }.map { Option(value: $0.rawValue, label: $0.vietnamese, selected: $0.rawValue == context.form.value("role")) },
            reason: context.form.text("reason") ?? "", delegations: delegations, hasDelegations: !delegations.isEmpty)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/quan-tri/nguoi-dung")
        return HTMLPage(account.fullName, template: "user", view: view, shell: shell, flash: flash, refusal: error, logger: context.logger)
    }
}
