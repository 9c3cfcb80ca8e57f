import Foundation

/// A parameterised SQL statement. Interpolated values become `$1`, `$2`… parameters, never SQL text:
///
/// ```swift
/// let unit = "Xã Sính Phình"
/// let rows = try await pool.query("SELECT id FROM units WHERE name = \(unit)")
/// ```
///
/// SQL that is built from pieces (a table name from configuration, say) uses ``init(unsafeSQL:bindings:)``
/// or interpolates an identifier with `\(identifier: name)`, which quotes it.
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation {
    public var sql: String
    public var bindings: PostgresBindings

    public init(unsafeSQL sql: String, bindings: PostgresBindings = PostgresBindings()) {
        self.sql = sql
        self.bindings = bindings
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, bindings: stringInterpolation.bindings)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var bindings = PostgresBindings()

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            bindings.append(value)
            sql += "$\(bindings.count)"
        }

        /// An optional value: `nil` binds SQL `NULL`. (Spelled out so the compiler does not take it for an
        /// accidental debug description of an optional.)
        public mutating func appendInterpolation<Wrapped: PostgresEncodable>(_ value: Wrapped?) {
            bindings.append(value)
            sql += "$\(bindings.count)"
        }

        /// A fragment of SQL written in the program (a column list shared by several queries). `StaticString`
        /// only, so no runtime text can reach the statement this way.
        public mutating func appendInterpolation(sql fragment: StaticString) {
            sql += fragment.description
        }

        /// A quoted identifier (table, column, role name), see ``PostgresQuery/quoted(identifier:)``.
        public mutating func appendInterpolation(identifier: String) {
            sql += PostgresQuery.quoted(identifier: identifier)
        }
    }

    /// An identifier as SQL text: `"name"` with inner quotes doubled, so it can never end the identifier early.
    public static func quoted(identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
