import Postgres
import ThiduaCore
import ThiduaOffice

/// Where the server listens and what it expects of the schema.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The migrations this build was made for, with their checksums; `/ready` is 200 only when the database
    /// has applied exactly these (by version, name and checksum), not merely reached the same number.
    public var expectedMigrations: [Migrator.AppliedMigration]?
    /// Mark the session cookie `Secure`: set it when the server is reached over TLS (behind nginx).
    public var secureCookies: Bool
    /// The proxies (nginx) whose `X-Forwarded-For` names the client and whose `X-Forwarded-Proto: https` makes
    /// the session cookie `Secure`; from any other peer both headers are ignored.
    public var trustedProxies: [IPNetwork]
    /// How to log in as `thidua_verifier` to recompute the audit chain for auditors; without it
    /// `GET /api/v1/audit/verification` answers 503 (verify with `thidua audit verify` on the database instead).
    public var auditVerifierURL: String?
    /// LibreOffice, looked up once when the server starts: without it a decision's PDF answers 503 and the
    /// decision's page offers only the Word file.
    public var pdfConverter: PDFConverter?
    /// The key secret ballots are sealed and counted under; without it a secret vote answers 503.
    public var ballotKey: BallotKey?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, expectedMigrations: [Migrator.AppliedMigration]? = nil, secureCookies: Bool = false,
        trustedProxies: [IPNetwork] = [], auditVerifierURL: String? = nil, pdfConverter: PDFConverter? = PDFConverter.installed(),
        ballotKey: BallotKey? = nil
    ) {
        self.host = host
        self.port = port
        self.expectedMigrations = expectedMigrations
        self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies
        self.auditVerifierURL = auditVerifierURL
        self.pdfConverter = pdfConverter
        self.ballotKey = ballotKey
    }
}
