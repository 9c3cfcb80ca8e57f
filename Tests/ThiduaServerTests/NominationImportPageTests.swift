import Foundation
import HTTPTypes
import Hummingbird
import Testing
import ThiduaCore
import ThiduaTesting

/// `/ho-so/nhap` (issue 16 item 2): a commune's clerk downloads the template, fills it and imports it; a file with
/// a wrong row imports nothing and lists the row and column; only units import.
@Suite("NominationImportPageTests")
struct NominationImportPageTests {
    static let header = "Mã đợt,Mã phong trào,Loại đối tượng,\"Tên tập thể, cá nhân, hộ gia đình\",\"Danh hiệu, hình thức đề nghị\",Tóm tắt thành tích\r\n"

    @Test("the clerk downloads the template, imports two rows as drafts; a file with a wrong row imports nothing and names it; the secretariat may not")
    func importFromThePage() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = PageClient(api: api, session: try await api.signIn(.clerkA))
            let form = try await clerk.get("/ho-so/nhap")
            #expect(form.status == .ok && form.text.contains("thu-2021") && form.text.contains("nong-thon-moi") && form.text.contains("Tải mẫu Excel"))
            #expect(try await clerk.get("/ho-so").text.contains("/ho-so/nhap"))
            let template = try await clerk.get("/ho-so/nhap/mau?tai=xlsx")
            #expect(template.status == .ok && template.headers[.contentType]?.hasPrefix("application/vnd.openxmlformats") == true)
            let csrf = try await clerk.csrf(on: "/ho-so/nhap")

            let wrong = Self.header + "thu-2021,nong-thon-moi,Cá nhân,Lò Thị Mai,,\r\nthu-2021,khong-co,Cá nhân,Vàng A Dếnh,,\r\n"
            let refused = try await clerk.postFile("/ho-so/nhap", [("_csrf", csrf)], file: ("file", "ds.csv", "text/csv", wrong))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Chưa nhập dòng nào") && refused.text.contains("Mã phong trào") && refused.text.contains("khong-co"))
            #expect(try await world.nominations.list(NominationFilter(), as: try await world.actor(.clerkA)).isEmpty)

            let good = Self.header + "thu-2021,nong-thon-moi,Cá nhân,Lò Thị Mai,Cá nhân điển hình,Hiến đất\r\nthu-2021,nong-thon-moi,ho gia dinh,Hộ ông Sùng A Páo,,\r\n"
            let imported = try await clerk.postFile("/ho-so/nhap", [("_csrf", csrf)], file: ("file", "ds.csv", "text/csv", good))
            #expect(imported.status == .seeOther && imported.headers[.location]?.contains("ok=nhap") == true)
            let drafts = try await world.nominations.list(NominationFilter(), as: try await world.actor(.clerkA))
            #expect(Set(drafts.map(\.nomineeName)) == ["Lò Thị Mai", "Hộ ông Sùng A Páo"] && drafts.allSatisfy { $0.state == .draft })

            let secretariat = PageClient(api: api, session: try await api.signIn(.secretary))
            #expect(try await secretariat.get("/ho-so/nhap").status == .forbidden)
        }
    }
}
