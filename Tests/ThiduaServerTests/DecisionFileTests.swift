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
/// there too; the PDF is 503 with its reason where LibreOffice is not installed.
@Suite("DecisionFileTests")
struct DecisionFileTests {
    @Test("the signed decision downloads as DOCX from its page; a draft's file is 404 for a commune's clerk; PDF needs LibreOffice")
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

            let pdf = try await chairman.get("/api/v1/decisions/\(decision.id.lower)/document.pdf")
            if PDFConverter.installed() == nil {
                #expect(pdf.status == .serviceUnavailable && pdf.text.contains("pdf_unavailable"))
            } else {
                #expect(pdf.status == .ok && pdf.text.hasPrefix("%PDF"))
            }
        }
    }
}
