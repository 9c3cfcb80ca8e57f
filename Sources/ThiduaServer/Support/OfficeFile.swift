import Foundation
import Hummingbird
import NIOCore
import ThiduaCore

/// A document written by the server (a decision as Word or PDF) sent as a download with its name, never
/// sniffed or shown inline.
struct OfficeFile: ResponseGenerator {
    static let wordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let pdfType = "application/pdf"

    var content: Data
    var mediaType: String
    var fileName: String

    /// "Quyết định 1-QĐ-UBND.docx", or "Dự thảo quyết định.docx" before it has a number.
    static func decisionName(_ decision: Decision, extension suffix: String) -> String {
        let word = decision.kind == .proposal ? "Tờ trình" : "Quyết định"
        return (decision.symbol.map { "\(word) \($0.replacingOccurrences(of: "/", with: "-"))" } ?? "Dự thảo \(word.lowercased())") + "." + suffix
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: mediaType, .contentDisposition: DossierFile.contentDisposition(fileName: fileName),
                .init("X-Content-Type-Options")!: "nosniff", .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }
}
