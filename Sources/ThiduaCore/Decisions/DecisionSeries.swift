import Foundation
import Postgres

/// An issuing body's register of one kind of document (`decision_series`, 0010): "123/QĐ-UBND" is number 123 of
/// the series with suffix "QĐ-UBND" in the year of its date. Numbers are taken at signing, one after another.
public struct DecisionSeries: Sendable, Hashable, Identifiable, Codable {
    public enum DocumentKind: String, Sendable, Hashable, Codable {
        case decision
        case proposal
    }

    public var id: UUID
    public var code: String
    public var documentKind: DocumentKind
    /// "Ủy ban nhân dân huyện Tủa Chùa".
    public var issuingBody: String
    public var issuerLevel: AuthorityLevel
    public var suffix: String
    /// The place on the date line.
    public var place: String

    static let columns: StaticString = "id, code, document_kind, issuing_body, issuer_level, suffix, place"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        code = try row.decode(column: "code")
        documentKind = try row.decodeEnum(column: "document_kind")
        issuingBody = try row.decode(column: "issuing_body")
        issuerLevel = try row.decodeEnum(column: "issuer_level")
        suffix = try row.decode(column: "suffix")
        place = try row.decode(column: "place")
    }
}
