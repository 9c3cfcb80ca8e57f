import ArgumentParser
import Foundation
import ThiduaCore

struct NominationsAttach: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Đính kèm tài liệu / Add a document to a draft or returned nomination's dossier.",
        discussion: """
            The server reads the file's type from its name (pdf, jpg, png, txt, doc, docx, xlsx) and checks its \
            first bytes; at most 20 MB.

            Example:
              thidua nominations attach 3f0c… bien-ban-binh-xet.pdf --kind review_minutes
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The nomination: its nominee's full name (\"Lò Văn Pằng\") or its id.") var nomination: String
    @Argument(help: "The file to attach.", completion: .file()) var file: String
    @Option(help: "The dossier kind: request, achievement_report, review_minutes, initiative_certificate, other.") var kind: DossierKind

    struct Attached: Decodable { var fileName: String; var byteSize: Int; var sha256: String }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("Không đọc được tệp / cannot read \(file)")
        }
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.nomination, nomination).uuidString
            let reply = try await server.send(
                "POST", "/api/v1/nominations/\(id)/attachments",
                query: ["kind": kind.rawValue, "fileName": URL(fileURLWithPath: file).lastPathComponent],
                content: (data, "application/octet-stream"), timeout: .seconds(300))
            let attached = try reply.decode(Attached.self)
            try client.print(reply) {
                Console.line("Đã đính kèm / attached \(attached.fileName) (\(attached.byteSize) byte, SHA-256 \(attached.sha256))")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}

extension DossierKind: ExpressibleByArgument {}
