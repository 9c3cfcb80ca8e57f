import Foundation
import Postgres

/// Nominees: registered with a unit's first nomination of them, found again by name.
public struct NomineeRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// People, collectives, households and localities the actor may see whose name contains `text`,
    /// diacritics ignored ("nguyen van" finds "Nguyễn Văn An"), in Vietnamese order.
    public func search(_ text: String, as actor: Actor, limit: Int = 50) async throws -> [Nominee] {
        guard let text = Text.cleaned(text) else { return [] }
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: Nominee.columns) FROM thidua.nominees
                WHERE thidua.unaccented(lower(name)) LIKE thidua.unaccented(\(SearchPattern.contains(text)))
                ORDER BY name COLLATE "vi-VN-x-icu", id
                LIMIT \(min(max(limit, 1), 500))
                """).map(Nominee.init(row:))
        }
    }

    /// A nominee's personal data, for the registering unit, the secretariat and auditors only; `nil` for
    /// anyone else (lead units and the council review without it) or when none was recorded.
    public func personalDetails(of nomineeID: UUID, as actor: Actor) async throws -> PersonalDetails? {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT date_of_birth::text, gender, ethnicity, position, workplace FROM thidua.nominee_personal
                WHERE nominee_id = \(nomineeID)
                """).single().map { row in
                    PersonalDetails(
                        dateOfBirth: try row.decode(column: "date_of_birth"), gender: try row.decode(column: "gender"),
                        ethnicity: try row.decode(column: "ethnicity"), position: try row.decode(column: "position"),
                        workplace: try row.decode(column: "workplace"))
                }
        }
    }

    /// Registers a nominee (and their personal data) inside a nomination's creation.
    static func register(_ nominee: NewNominee, unitID: UUID, areaID: String, on connection: PostgresConnection) async throws -> UUID {
        guard let name = Text.cleaned(nominee.name) else {
            throw ThiduaError.invalid(field: "nominee.name", vietnamese: "Phải có tên người, tập thể được đề nghị.",
                                      english: "The nominee's name is required.")
        }
        let recipientClass = nominee.recipientClass ?? RecipientClass.implied(by: nominee.kind)
        if let recipientClass, !recipientClass.nomineeKinds.contains(nominee.kind) {
            throw ThiduaError.invalid(
                field: "nominee.recipientClass",
                vietnamese: "Đối tượng \"\(recipientClass.vietnamese)\" không phù hợp với loại \"\(nominee.kind.vietnamese)\".",
                english: "The recipient class \(recipientClass.rawValue) does not fit a nominee of kind \(nominee.kind.rawValue).")
        }
        let rows = try await connection.query("""
            INSERT INTO thidua.nominees (area_id, unit_id, kind, name, restricted, recipient_class)
            SELECT \(areaID), u.id, \(nominee.kind.rawValue), \(name), u.kind = 'armed_force', \(recipientClass?.rawValue)
            FROM thidua.units u WHERE u.id = \(unitID)
            RETURNING id
            """)
        guard let id = try rows.single()?.decode(UUID.self, at: 0) else { throw ThiduaError.notFound("đơn vị / unit") }
        if let personal = nominee.personal {
            if let birth = personal.dateOfBirth, birth.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
                throw ThiduaError.invalid(field: "nominee.personal.dateOfBirth", vietnamese: "Ngày sinh phải có dạng yyyy-mm-dd.",
                                          english: "The date of birth must read yyyy-mm-dd.")
            }
            _ = try await connection.query("""
                INSERT INTO thidua.nominee_personal (nominee_id, unit_id, date_of_birth, gender, ethnicity, position, workplace)
                VALUES (\(id), \(unitID), \(personal.dateOfBirth)::date, \(personal.gender), \(Text.cleaned(personal.ethnicity)),
                        \(Text.cleaned(personal.position)), \(Text.cleaned(personal.workplace)))
                """)
        }
        return id
    }
}
