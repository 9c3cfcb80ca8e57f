import Foundation
import Postgres

/// A unit's nominations imported from a filled-in template (issue 16 item 2): every row is checked, every problem
/// is listed with its row and column, and nothing is imported when any row is wrong. The rows are written in one
/// transaction, each exactly as a nomination typed in (``NominationRepository/create(_:by:)``), audited alike.
public enum NominationImport {
    /// One row of the template, as typed: rounds and movements by their codes, the kind by its Vietnamese label
    /// (or its code).
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var round: String
        public var movement: String
        public var kind: String
        public var name: String
        public var title: String
        public var achievements: String

        public init(line: Int, round: String, movement: String, kind: String, name: String, title: String = "", achievements: String = "") {
            self.line = line
            self.round = round
            self.movement = movement
            self.kind = kind
            self.name = name
            self.title = title
            self.achievements = achievements
        }
    }

    /// What is wrong with a row: its line, the column's heading, and why.
    public struct Problem: Sendable, Hashable, Codable {
        public var line: Int
        public var column: String
        public var vietnamese: String
        public var english: String
    }

    /// The template's columns: the key a row's field has, and the heading the template shows.
    public static let columns: [(key: String, heading: String)] = [
        ("round", "Mã đợt"), ("movement", "Mã phong trào"), ("kind", "Loại đối tượng"),
        ("name", "Tên tập thể, cá nhân, hộ gia đình"), ("title", "Danh hiệu, hình thức đề nghị"), ("achievements", "Tóm tắt thành tích"),
    ]

    /// The column a refusal of a row is about: the round's for a closed round or a full quota, else the name's.
    static func column(of refusal: ThiduaError) -> String {
        switch refusal {
        case .quotaExceeded, .pastDueDate, .roundNotOpen: "round"
        case .invalid(let field, _, _) where field == "nominee": "kind"
        default: "name"
        }
    }

    /// The kind a cell names: its Vietnamese label or its code, in any case, with or without diacritics.
    static func kind(_ text: String) -> NomineeKind? {
        let typed = Text.folded(text)
        return NomineeKind.allCases.first { Text.folded($0.vietnamese) == typed || $0.rawValue == typed }
    }
}

extension NominationRepository {
    /// Creates a draft for the actor's unit from each row, all or none: ``ThiduaError/importRefused(_:)`` lists
    /// every row that is wrong — an unknown round or movement, a kind the movement does not take, a missing name,
    /// a round that is closed, a quota that is full — and then nothing is written.
    public func importDrafts(_ rows: [NominationImport.Row], by actor: Actor) async throws -> [Nomination] {
        guard !rows.isEmpty else {
            throw ThiduaError.invalid(field: "file", vietnamese: "Tệp không có dòng nào để nhập.", english: "The file has no rows to import.")
        }
        // The capacity is the create's, permitted row by row (it depends on the row's movement).
        return try await store.write(actor, nil, action: "nomination.import") { connection in
            let rounds = try await codes(connection.query("SELECT code, id FROM thidua.rounds"))
            let movements = try await codes(connection.query("SELECT code, id FROM thidua.movements"))
            var problems: [NominationImport.Problem] = [], made: [Nomination] = []
            for row in rows {
                func problem(_ column: String, _ vietnamese: String, _ english: String) {
                    problems.append(.init(line: row.line, column: NominationImport.columns.first { $0.key == column }?.heading ?? column,
                                          vietnamese: vietnamese, english: english))
                }
                let round = rounds[Text.folded(row.round)], movement = movements[Text.folded(row.movement)]
                let kind = NominationImport.kind(row.kind)
                if round == nil { problem("round", "Không có đợt mã “\(row.round)”.", "No round has the code “\(row.round)”.") }
                if movement == nil { problem("movement", "Không có phong trào mã “\(row.movement)”.", "No movement has the code “\(row.movement)”.") }
                if kind == nil {
                    problem("kind", "Loại đối tượng “\(row.kind)” không có; hãy ghi \(NomineeKind.allCases.map { "“\($0.vietnamese)”" }.joined(separator: ", ")).",
                            "“\(row.kind)” is not a kind of nominee.")
                }
                guard let round, let movement, let kind else { continue }
                let draft = NominationDraft(
                    roundID: round, movementID: movement, nominee: .new(NewNominee(kind: kind, name: row.name)),
                    content: NominationContent(nomineeName: row.name, title: row.title, achievements: row.achievements))
                // A row the database refuses (a closed round, a full quota) is undone alone, so every row is checked.
                try await connection.execute(script: "SAVEPOINT import_row")
                do {
                    RecordStore.act(in: try Policy.permit(actor, .create, on: NominationFacts(
                        unitID: actor.unitID, movementID: movement, state: .draft, restricted: actor.unitKind == .armedForce)), on: connection)
                    made.append(try await insert(draft, unitID: actor.unitID, by: actor, on: connection))
                    try await connection.execute(script: "RELEASE SAVEPOINT import_row")
                } catch {
                    try await connection.execute(script: "ROLLBACK TO SAVEPOINT import_row")
                    let refusal = (error as? PostgresError).flatMap(ThiduaError.init) ?? (error as? ThiduaError)
                    guard let refusal else { throw error }
                    problem(NominationImport.column(of: refusal), refusal.vietnamese, refusal.english)
                }
            }
            guard problems.isEmpty else { throw ThiduaError.importRefused(problems) }
            return made
        }
    }

    /// Codes (folded as typed ones are) with their ids, of the rounds or movements row-level security shows.
    private func codes(_ rows: PostgresRows) throws -> [String: UUID] {
        Dictionary(try rows.map { (Text.folded(try $0.decode(String.self, at: 0)), try $0.decode(UUID.self, at: 1)) },
                   uniquingKeysWith: { first, _ in first })
    }
}
