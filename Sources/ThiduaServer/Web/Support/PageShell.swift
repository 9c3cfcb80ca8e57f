import ThiduaCore

/// What every signed-in page shows around its content: who is signed in, the menu their roles open, and the
/// CSRF token for the sign-out form. The menu is worked out here from the policy, never in a template.
struct PageShell: Sendable {
    struct Link: Sendable {
        var href: String
        var label: String
        var current: Bool
    }

    var fullName: String
    var unitName: String
    var roleNames: String
    var areaName: String
    var csrf: String
    var nav: [Link]

    /// The menu's sections: the path each opens and who sees it. A section joins the menu
    /// with its page, so no link leads to a page that is not there.
    private static let sections: [(href: String, label: String, shows: @Sendable (Actor) -> Bool)] = [
        ("/", "Trang chủ", { _ in true }),
        ("/ho-so", "Hồ sơ đề nghị", { $0.holdsAny(.unitClerk, .unitHead, .secretariat, .councilMember, .chairman, .auditor) }),
        ("/duyet", "Duyệt hồ sơ", { !Policy.reviewQueues(of: $0).isEmpty }),
        ("/phong-trao", "Phong trào", { _ in true }),
        ("/dot", "Đợt thi đua", { _ in true }),
        ("/hoi-dong", "Hội đồng", { $0.holdsAny(.secretariat, .councilMember, .chairman, .auditor) }),
        ("/quyet-dinh", "Quyết định", { _ in true }),
        ("/bao-cao", "Báo cáo", { Policy.allows($0, CatalogueAction.readReports) }),
        ("/kiem-tra", "Kiểm tra", { Policy.allows($0, CatalogueAction.searchAuditTrail) }),
        ("/quan-tri/nam-moi", "Mở năm mới", { Policy.allows($0, CatalogueAction.manageRounds) }),
        ("/quan-tri/nguoi-dung", "Người dùng", { Policy.allows($0, CatalogueAction.manageUsers) }),
        ("/quan-tri/don-vi", "Đơn vị", { Policy.allows($0, CatalogueAction.manageUnits) }),
    ]

    init(profile: SignedInProfile, actor: Actor, csrf: String, path: String) {
        fullName = profile.fullName
        unitName = profile.unitName
        areaName = profile.areaName
        roleNames = Role.allCases.filter(actor.holds).map(\.vietnamese).joined(separator: ", ")
        self.csrf = csrf
        nav = Self.sections.filter { $0.shows(actor) }.map { section in
            Link(href: section.href, label: section.label,
                 current: section.href == "/" ? path == "/" : path == section.href || path.hasPrefix(section.href + "/"))
        }
    }
}

extension PageShell {
    /// The shell for the signed-in user of `context`, on the page at `path`.
    static func load(_ context: SignedInContext, users: UserRepository, path: String) async throws -> PageShell {
        PageShell(profile: try await users.profile(of: context.actor), actor: context.actor, csrf: context.csrfToken, path: path)
    }
}
