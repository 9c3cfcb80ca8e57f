import Foundation
import ThiduaCore

/// Turns what a person types into the id the API takes: a round's, a unit's, a movement's, a register's or a
/// council rule's code (`thu-2021`, `xa-a`, `nong-thon-moi`, `qd-ubnd`), a signed decision's number
/// (`2/QĐ-UBND`), a username (`sinchai.canbo`), a council session's title, a nominee's full name for their
/// nomination; a UUID is taken as it is. Names are found in the server's own lists, as the signed-in user may see them: the one way
/// the command line resolves a name, so no route needs to know names. Each list is read once per command.
actor Lookup {
    enum Kind: Sendable, Hashable {
        case round, unit, movement, decision, user, series, rule, session, nomination

        var list: String {
            switch self {
            case .round: "/api/v1/rounds"
            case .unit: "/api/v1/units"
            case .movement: "/api/v1/movements"
            case .decision: "/api/v1/decisions"
            case .user: "/api/v1/users"
            case .series: "/api/v1/decision-series"
            case .rule: "/api/v1/council/rules"
            case .session: "/api/v1/council/sessions"
            case .nomination: "/api/v1/nominations"
            }
        }

        var words: String {
            switch self {
            case .round: "đợt / round"
            case .unit: "đơn vị / unit"
            case .movement: "phong trào / movement"
            case .decision: "quyết định / decision"
            case .user: "người dùng / user"
            case .series: "sổ văn bản / register"
            case .rule: "quy chế biểu quyết / council rule"
            case .session: "phiên họp / council session"
            case .nomination: "hồ sơ / nomination"
            }
        }
    }

    let client: ServerClient
    private var lists: [Kind: [(id: UUID, name: String)]] = [:]

    init(client: ServerClient) {
        self.client = client
    }

    /// The id of what `typed` names; the kind's list is read only for something other than a UUID.
    func id(_ kind: Kind, _ typed: String) async throws -> UUID {
        let wanted = typed.trimmingCharacters(in: .whitespaces)
        if let id = UUID(uuidString: wanted) { return id }
        let entries = kind == .nomination ? try await nominations(named: wanted) : try await list(kind)
        let key = Self.comparable(wanted)
        let matches = entries.filter { Self.comparable($0.name) == key }
        guard let match = matches.first else { throw NameLookupError.notFound(kind.words, typed: typed) }
        guard matches.count == 1 else { throw NameLookupError.ambiguous(kind.words, typed: typed, ids: matches.map(\.id)) }
        return match.id
    }

    /// For an option left out: nothing to look up.
    func idIfGiven(_ kind: Kind, _ typed: String?) async throws -> UUID? {
        guard let typed else { return nil }
        return try await id(kind, typed)
    }

    /// Names are compared as a person types them: NFC, any case.
    private static func comparable(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The nominations the user may see whose nominee is named `name`, found by the list's own search (a whole
    /// district's list is too long to read for one name).
    private func nominations(named name: String) async throws -> [(id: UUID, name: String)] {
        struct Page: Decodable { var items: [NominationSummary] }
        let reply = try await client.send("GET", Kind.nomination.list, query: ["q": name, "limit": "500"])
        return try reply.decode(Page.self).items.map { ($0.id, $0.nomineeName) }
    }

    /// Each record of the kind's list with the name a person types for it (a draft decision has none).
    private func list(_ kind: Kind) async throws -> [(id: UUID, name: String)] {
        if let entries = lists[kind] { return entries }
        struct Coded: Decodable { var id: UUID; var code: String }
        let reply = try await client.send("GET", kind.list)
        let entries: [(id: UUID, name: String)] = switch kind {
        case .round, .unit, .movement, .series, .rule: try reply.decode([Coded].self).map { ($0.id, $0.code) }
        case .session:
            try reply.decode([CouncilSessionSummary].self).map { ($0.id, $0.title) }
        case .nomination: []
        case .user: try reply.decode([StaffMember].self).map { ($0.id, $0.username) }
        case .decision: try reply.decode([DecisionSummary].self).compactMap { decision in decision.symbol.map { (decision.id, $0) } }
        }
        lists[kind] = entries
        return entries
    }
}
