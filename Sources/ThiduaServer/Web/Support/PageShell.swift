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

    /// The menu's sections: the path each opens and the roles (any of) that see it. A section joins the menu
    /// with its page, so no link leads to a page that is not there.
    private static let sections: [(href: String, label: String, roles: Set<Role>)] = [
        ("/", "Trang chủ", Set(Role.allCases)),
        ("/ho-so", "Hồ sơ đề nghị", [.unitClerk, .unitHead, .secretariat, .councilMember, .chairman, .auditor]),
        ("/phong-trao", "Phong trào", Set(Role.allCases)),
        ("/dot", "Đợt thi đua", Set(Role.allCases)),
        ("/hoi-dong", "Hội đồng", [.secretariat, .councilMember, .chairman, .auditor]),
        ("/quyet-dinh", "Quyết định", Set(Role.allCases)),
    ]

    init(profile: SignedInProfile, actor: Actor, csrf: String, path: String) {
        fullName = profile.fullName
        unitName = profile.unitName
        areaName = profile.areaName
        roleNames = Role.allCases.filter(actor.holds).map(\.vietnamese).joined(separator: ", ")
        self.csrf = csrf
        nav = Self.sections.filter { !$0.roles.isDisjoint(with: Role.allCases.filter(actor.holds)) }.map { section in
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
