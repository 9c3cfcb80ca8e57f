import Foundation
import HTTPTypes
import NIOCore
import Testing
import ThiduaCore
import ThiduaOffice
import ThiduaTesting
import ZIPFoundation

/// The decision as a file over HTTP: a named Word attachment, never sniffed, holding the number, the date, every
/// commended name and the signer, each basis once however it was typed; a draft hidden from a commune is 404
/// there too; the PDF, through LibreOffice, holds the same text, and is 503 with its reason without it.
@Suite("DecisionFileTests")
struct DecisionFileTests {
    @Test("the signed decision downloads as DOCX from its page; a draft's file is 404 for a commune's clerk; without LibreOffice no PDF is offered and it answers 503")
    func wordFile() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let series = try await world.addDecisionSeries()
            let first = try await DecisionPageTests.approved(world, "Lò Thị Mai")
            let second = try await DecisionPageTests.approved(world, "Vàng <b>A</b> Páo")
            let secretary = try await world.actor(.secretary)
            let decisions = DecisionRepository(store: world.store)
            var decision = try await decisions.draft(DecisionDraft(
                seriesID: series, decidedOn: ISO8601DateFormatter().date(from: "2024-12-20T00:00:00Z")!, subject: "Về việc khen thưởng năm 2024",
                legalBases: ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "đề nghị của Trưởng phòng Nội vụ huyện"],
                items: [first, second].map { DecisionItemDraft(nominationID: $0.id, form: "giay-khen-chu-tich-huyen") }), by: secretary)
            let path = "/api/v1/decisions/\(decision.id.lower)/document.docx"
            let clerk = try await api.signIn(.clerkB)
            #expect(try await api.send(.get, path, token: clerk).status == .notFound)

            decision = try await decisions.sign(decision.id, version: decision.version, by: try await world.actor(.chairman))
            let chairman = PageClient(api: api, session: try await api.signIn(.chairman))
            let page = try await chairman.get("/quyet-dinh/\(decision.id.lower)")
            #expect(page.text.contains("href=\"\(path)\""))
            let file = try await chairman.get(path)
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"Quyet dinh 1-QD-UBND.docx\"") == true)
            #expect(file.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")

            let archive = try Archive(data: Data(file.body.readableBytesView), accessMode: .read)
            var xml = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
            let text = String(decoding: xml, as: UTF8.self)
            for line in ["Số: 1/QĐ-UBND", "Thử Nghiệm, ngày 20 tháng 12 năm 2024", "Lò Thị Mai", "Vàng &lt;b&gt;A&lt;/b&gt; Páo", "Vũ Đình Khoa",
                         "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "Theo đề nghị của Trưởng phòng Nội vụ huyện."] {
                #expect(text.contains(line), "\(line)")
            }
            #expect(!text.contains("Căn cứ Căn cứ") && !text.contains(";;") && !text.contains("Căn cứ đề nghị"))

            #expect(!page.text.contains("document.pdf"), "without LibreOffice the page offers only the Word file")
            let pdf = try await chairman.get("/api/v1/decisions/\(decision.id.lower)/document.pdf")
            #expect(pdf.status == .serviceUnavailable && pdf.text.contains("pdf_unavailable"))
        }
    }

    @Test("with LibreOffice the decision's page links its PDF, which holds the number, the names and the signer",
          .enabled(if: PDFConverter.installed() != nil, "LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui)"))
    func pdfFile() async throws {
        let converter = try #require(PDFConverter.installed())
        try await APIWorld.run(verifier: false, pdfConverter: converter) { world, api in
            let series = try await world.addDecisionSeries()
            let nomination = try await DecisionPageTests.approved(world, "Lò Thị Mai")
            let decisions = DecisionRepository(store: world.store)
            var decision = try await decisions.draft(DecisionDraft(
                seriesID: series, decidedOn: ISO8601DateFormatter().date(from: "2024-12-20T00:00:00Z")!, subject: "Về việc khen thưởng năm 2024",
                legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
                items: [DecisionItemDraft(nominationID: nomination.id, form: "giay-khen-chu-tich-huyen")]), by: try await world.actor(.secretary))
            decision = try await decisions.sign(decision.id, version: decision.version, by: try await world.actor(.chairman))
            let chairman = PageClient(api: api, session: try await api.signIn(.chairman))
            let path = "/api/v1/decisions/\(decision.id.lower)/document.pdf"
            #expect(try await chairman.get("/quyet-dinh/\(decision.id.lower)").text.contains("href=\"\(path)\""))
            // LibreOffice's first start on a fresh machine, beside the parallel suite on two cores, can outlast the
            // test client's fixed 20 s read timeout; a first conversion outside HTTP (bounded by the converter's own
            // 60 s) warms it, so the request below measures the route, not the disk's cold cache.
            let word = try await chairman.get("/api/v1/decisions/\(decision.id.lower)/document.docx")
            _ = try await converter.pdf(fromDOCX: Data(word.body.readableBytesView))
            let file = try await chairman.get(path)
            #expect(file.status == .ok && file.headers[.contentType] == "application/pdf")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"Quyet dinh 1-QD-UBND.pdf\"") == true)
            let text = try Self.pdfText(Data(file.body.readableBytesView))
            for line in ["Số: 1/QĐ-UBND", "Lò Thị Mai", "Vũ Đình Khoa", "QUYẾT ĐỊNH"] {
                #expect(text.contains(line), "\(line)")
            }
        }
    }

    /// The text of a PDF, by poppler's `pdftotext` (installed beside LibreOffice by .ci/run).
    static func pdfText(_ pdf: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-pdf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("quyet-dinh.pdf")
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-enc", "UTF-8", input.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "pdftotext failed")
        return String(decoding: text, as: UTF8.self)
    }
}
