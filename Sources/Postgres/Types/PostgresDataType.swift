/// A PostgreSQL type, by its object identifier (OID) in `pg_type`.
///
/// Only the built-in types whose OIDs never change are named here; a value of any other type still
/// arrives with its OID, and decoding it into a Swift type that does not accept it is an error that
/// names the column.
public struct PostgresDataType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    public static let bool = Self(16)
    public static let bytea = Self(17)
    public static let char = Self(18)
    public static let name = Self(19)
    public static let int8 = Self(20)
    public static let int2 = Self(21)
    public static let int4 = Self(23)
    public static let text = Self(25)
    public static let oid = Self(26)
    public static let json = Self(114)
    public static let float4 = Self(700)
    public static let float8 = Self(701)
    public static let unknown = Self(705)
    public static let bpchar = Self(1042)
    public static let varchar = Self(1043)
    public static let date = Self(1082)
    public static let timestamp = Self(1114)
    public static let timestamptz = Self(1184)
    public static let numeric = Self(1700)
    public static let uuid = Self(2950)
    public static let jsonb = Self(3802)

    public static let boolArray = Self(1000)
    public static let byteaArray = Self(1001)
    public static let int2Array = Self(1005)
    public static let int4Array = Self(1007)
    public static let textArray = Self(1009)
    public static let varcharArray = Self(1015)
    public static let int8Array = Self(1016)
    public static let float4Array = Self(1021)
    public static let float8Array = Self(1022)
    public static let timestampArray = Self(1115)
    public static let dateArray = Self(1182)
    public static let timestamptzArray = Self(1185)
    public static let numericArray = Self(1231)
    public static let uuidArray = Self(2951)
    public static let jsonArray = Self(199)
    public static let jsonbArray = Self(3807)

    private static let names: [UInt32: String] = [
        16: "boolean", 17: "bytea", 18: "\"char\"", 19: "name", 20: "bigint", 21: "smallint", 23: "integer",
        25: "text", 26: "oid", 114: "json", 700: "real", 701: "double precision", 705: "unknown",
        1042: "character", 1043: "character varying", 1082: "date", 1114: "timestamp without time zone",
        1184: "timestamp with time zone", 1700: "numeric", 2950: "uuid", 3802: "jsonb",
        1000: "boolean[]", 1001: "bytea[]", 1005: "smallint[]", 1007: "integer[]", 1009: "text[]",
        1015: "character varying[]", 1016: "bigint[]", 1021: "real[]", 1022: "double precision[]",
        1115: "timestamp[]", 1182: "date[]", 1185: "timestamptz[]", 1231: "numeric[]", 2951: "uuid[]",
        199: "json[]", 3807: "jsonb[]",
    ]

    public var description: String { Self.names[rawValue] ?? "oid \(rawValue)" }
}
