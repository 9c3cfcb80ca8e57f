import Foundation
import ThiduaCore

/// Turns what a person types into the id the API takes: a round's, a unit's or a movement's code (`thu-2021`,
/// `xa-a`, `nong-thon-moi`), a signed decision's number (`2/QĐ-UBND`), a username (`sinchai.canbo`); a UUID is
/// taken as it is. Names are found in the server's own lists, as the signed-in user may see them: the one way
/// the command line resolves a name, so no route needs to know names. Each list is read once per command.
actor Lookup {
    enum Kind: Sendable, Hashable {
        case round, unit, movement, decision, user

        var list: String {
            switch self {
            case .round: "/api/v1/rounds"
            case .unit: "/api/v1/units"
            case .movement: "/api/v1/movements"
            case .decision: "/api/v1/decisions"
            case .user: "/api/v1/users"
            }
        }

        var words: String {
            switch self {
            case .round: "đợt / round"
            case .unit: "đơn vị / unit"
            case .movement: "phong trào / movement"
            case .decision: "quyết định / decision"
            case .user: "người dùng / user"
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
        let entries = try await list(kind)
        let matches = entries.filter { $0.name.lowercased() == wanted.lowercased() }
        guard let match = matches.first else { throw NameLookupError.notFound(kind.words, typed: typed) }
        guard matches.count == 1 else { throw NameLookupError.ambiguous(kind.words, typed: typed, ids: matches.map(\.id)) }
        return match.id
    }

    /// For an option left out: nothing to look up.
    func idIfGiven(_ kind: Kind, _ typed: String?) async throws -> UUID? {
        guard let typed else { return nil }
        return try await id(kind, typed)
    }

    /// Each record of the kind's list with the name a person types for it (a draft decision has none).
    private func list(_ kind: Kind) async throws -> [(id: UUID, name: String)] {
        if let entries = lists[kind] { return entries }
        struct Coded: Decodable { var id: UUID; var code: String }
        let reply = try await client.send("GET", kind.list)
        let entries: [(id: UUID, name: String)] = switch kind {
        case .round, .unit, .movement: try reply.decode([Coded].self).map { ($0.id, $0.code) }
        case .user: try reply.decode([StaffMember].self).map { ($0.id, $0.username) }
        case .decision: try reply.decode([DecisionSummary].self).compactMap { decision in decision.symbol.map { (decision.id, $0) } }
        }
        lists[kind] = entries
        return entries
    }
}
