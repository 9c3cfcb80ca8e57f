import Postgres

extension PostgresRow {
    /// A text column holding one of an enum's raw values (the database CHECKs them).
    func decodeEnum<T: RawRepresentable>(_: T.Type = T.self, column: String) throws -> T where T.RawValue == String {
        let raw = try decode(String.self, column: column)
        guard let value = T(rawValue: raw) else {
            throw PostgresError.decoding(column: column, swiftType: "\(T.self)", postgresType: .text, reason: .malformed("unknown value “\(raw)”"))
        }
        return value
    }
}
