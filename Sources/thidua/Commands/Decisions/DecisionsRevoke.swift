import ArgumentParser
import Foundation

struct DecisionsRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Hủy bỏ quyết định / Draft the revocation of a signed decision found to rest on false records (secretariat).",
        discussion: """
            The revocation is a new decision naming the one it revokes, numbered in the same register when the \
            chairman signs it (thidua decisions sign); signing marks that decision and its commendation records \
            revoked. Nothing is deleted.

            Example:
              thidua decisions revoke 12/QĐ-UBND --date 2025-03-01 \\
                  --subject "Về việc hủy bỏ Quyết định số 12/QĐ-UBND" \\
                  --basis "Luật Thi đua, khen thưởng 2022, điều 87" \\
                  --reason "Hồ sơ khai không đúng sự thật"
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The signed decision to revoke (number such as 2/QĐ-UBND, or id).") var id: String
    @Option(help: "The date the revocation will bear, yyyy-MM-dd.") var date: Day
    @Option(help: "Trích yếu: what it is about.") var subject: String
    @Option(help: "A legal basis (repeatable), as it reads in the document.") var basis: [String] = []
    @Option(help: "Why the decision is revoked (recorded in the audit trail).") var reason: String

    func run() async throws {
        do {
            let body: [String: Any] = ["decidedOn": date.text, "subject": subject, "legalBases": basis, "reason": reason]
            let server = try client.client()
            let id = try await Lookup(client: server).id(.decision, id)
            let reply = try await server.send("POST", "/api/v1/decisions/\(id.uuidString)/revocations", json: try ServerClient.json(body))
            let revocation = try reply.decode(DecisionDetails.self)
            try client.print(reply) { revocation.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
