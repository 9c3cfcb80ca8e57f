import Foundation
import HTTPTypes
import Postgres
import Testing
import ThiduaCore
@testable import ThiduaServer
import ThiduaTesting

/// The auditors' pages under `/kiem-tra` over real HTTP and a real database (issue 16 item 3): who may open
/// them, the search by user, name, unit and period, a nomination's one timeline with its documents, votes
/// and decision, its content as it was at a moment, its printed extract, and the whole chain verified from
/// the page, with a tampered event named.
@Suite("AuditPageTests")
struct AuditPageTests {
    /// Commune B's "Lò Văn Páo" taken through the council and a signed decision; its nomination's id.
    static func commendedNomination(_ world: RecordsWorld) async throws -> UUID {
        _ = try await world.commended("Lò Văn Páo")
        return try await world.superuser { connection in
            try await connection.query("SELECT id FROM thidua.nominations WHERE nominee_name = 'Lò Văn Páo'").single()!.decode(UUID.self, at: 0)
        }
    }

    @Test("each auditors' page answers an auditor 200 and a commune clerk 403 or 404; the menu shows «Kiểm tra» to those the policy lets search")
    func whoOpensThePages() async throws {
        try await APIWorld.run { world, api in
            let id = try await Self.commendedNomination(world)
            let paths = ["/kiem-tra", "/kiem-tra/ho-so/\(id.lower)", "/kiem-tra/ho-so/\(id.lower)?in=1", "/kiem-tra/chuoi"]
            let auditor = PageClient(api: api, session: try await api.signIn(.auditor))
            for path in paths {
                let page = try await auditor.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            }
            #expect(try await auditor.get("/").text.contains(#"href="/kiem-tra""#))
            for person in [RecordsWorld.Person.clerkA, .clerkB] {
                let clerk = PageClient(api: api, session: try await api.signIn(person))
                #expect(!(try await clerk.get("/").text.contains(#"href="/kiem-tra""#)))
                for path in paths {
                    let status = try await clerk.get(path).status
                    #expect(status == .forbidden || status == .notFound, "\(person) \(path): \(status)")
                }
                let post = try await clerk.post("/kiem-tra/chuoi", [("_csrf", try await clerk.csrf(on: "/"))])
                #expect(post.status == .forbidden)
            }
            // The secretariat and the chairman search; only auditors recompute the chain.
            for person in [RecordsWorld.Person.secretary, .chairman] {
                let reader = PageClient(api: api, session: try await api.signIn(person))
                #expect(try await reader.get("/kiem-tra").status == .ok)
                #expect(try await reader.get("/kiem-tra/chuoi").status == .forbidden)
            }
        }
    }

    @Test("a search by username, by full name without diacritics, by nominee, by unit and by period finds the events; a name that matches no one says so; a bad day is 422")
    func search() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let id = try await Self.commendedNomination(world)
            let auditor = PageClient(api: api, session: try await api.signIn(.auditor))
            for user in ["clerkb", "sung a lu", "SÙNG A LỬ"] {
                let page = try await auditor.get("/kiem-tra?nguoi=\(PageClient.encoded(user))")
                #expect(page.status == .ok)
                #expect(page.text.contains("Người dùng: Sùng A Lử (clerkb)"), "\(user)")
                #expect(page.text.contains("Lập hồ sơ đề nghị") && page.text.contains("Tải tài liệu lên"), "\(user)")
                #expect(page.text.contains("/kiem-tra/ho-so/\(id.lower)"), "\(user): no link to the timeline")
                // Only what that user did: the chairman's vote is not among them.
                #expect(!page.text.contains("Phiếu biểu quyết"), "\(user)")
            }
            let nobody = try await auditor.get("/kiem-tra?nguoi=khong-co-ai")
            #expect(nobody.text.contains("Không có người dùng nào") && nobody.text.contains("Không có sự kiện nào"))
            let byRecord = try await auditor.get("/kiem-tra?ho-so=lo+van+pao")
            #expect(byRecord.text.contains("Hồ sơ: Lò Văn Páo (UBND xã Tả Phìn)") && byRecord.text.contains("Phiếu biểu quyết"), "\(byRecord.status) \(byRecord.text.suffix(3000))")
            let byUnit = try await auditor.get("/kiem-tra?don-vi=ta+phin")
            #expect(byUnit.text.contains("Đơn vị: UBND xã Tả Phìn") && byUnit.text.contains("Gửi hồ sơ"))
            let today = VietnameseTime.isoDay(VietnameseTime.today())
            #expect(try await auditor.get("/kiem-tra?nguoi=clerkb&tu=\(today)&den=\(today)").text.contains("Lập hồ sơ đề nghị"))
            #expect(try await auditor.get("/kiem-tra?nguoi=clerkb&tu=2000-01-01&den=2000-01-31").text.contains("Không có sự kiện nào"))
            let bad = try await auditor.get("/kiem-tra?tu=2024-13-01")
            #expect(bad.status == .unprocessableContent && bad.text.contains("không hợp lệ"))
            let reversed = try await auditor.get("/kiem-tra?tu=2024-02-01&den=2024-01-01")
            #expect(reversed.status == .unprocessableContent)
            // Paged, newest first: a second page continues below the first's last event.
            for number in 1...8 {
                _ = try await world.nominations.create(world.draft(name: "Hồ sơ thử \(number)", unit: world.communeA), by: try await world.actor(.clerkA))
            }
            let first = try await auditor.get("/kiem-tra")
            let older = try #require(first.text.firstMatch(of: /href="(\/kiem-tra\?truoc=\d+)#ket-qua"/).map { String($0.1) })
            #expect(try await auditor.get(older).text.contains("Về trang mới nhất"))
        }
    }

    @Test("a nomination's timeline holds its own steps, its documents, the council's votes and its decision item, in words; under a secret ballot the vote shows without its choice")
    func timeline() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let id = try await Self.commendedNomination(world)
            let auditor = PageClient(api: api, session: try await api.signIn(.auditor))
            let page = try await auditor.get("/kiem-tra/ho-so/\(id.lower)")
            for words in ["Lập hồ sơ đề nghị", "Tài liệu hồ sơ: request.pdf", "Gửi hồ sơ", "Cơ quan Thường trực thẩm định",
                          "Phiếu biểu quyết", "Đồng ý", "Vũ Đình Khoa", "Mục của quyết định", "Hình thức: ", "Ghi nhận khen thưởng",
                          "Trạng thái: Hội đồng nhất trí → Đã có quyết định khen thưởng", "Đối tượng được đề nghị: Lò Văn Páo"] {
                #expect(page.text.contains(words), "no «\(words)» on the timeline")
            }
            #expect(!page.text.contains("Phiếu kín"))

            // Under a secret ballot the vote is there as participation only: its choice is in no audited row.
            let secretary = try await world.actor(.secretary)
            let secretNomination = try await world.verified("Sùng A Páo")
            let secret = try #require(try await world.councilReviews.rules(as: secretary).first { $0.code == "ninety-percent-secret" })
            let session = try await world.councilReviews.open(
                round: world.round, title: "Phiên họp bỏ phiếu kín", nominations: [secretNomination.id], rule: secret.id, by: secretary)
            _ = try await world.councilReviews.vote(.approve, on: secretNomination.id, in: session.id, version: 0, by: try await world.actor(.member))
            let secretPage = try await auditor.get("/kiem-tra/ho-so/\(secretNomination.id.lower)")
            #expect(secretPage.text.contains("Phiếu biểu quyết") && secretPage.text.contains("Phiếu kín: lựa chọn không được ghi vào nhật ký"))
            #expect(!secretPage.text.contains("Đồng ý"))
            let extract = try await auditor.get("/kiem-tra/ho-so/\(id.lower)?in=1")
            #expect(extract.text.contains("TRÍCH LỤC NHẬT KÝ HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG") && extract.text.contains("Bùi Thị Lan"))
            #expect(!extract.text.contains("<form method=\"get\""))
        }
    }

    @Test("the nomination as it was at a chosen moment shows its old content with its labels, not JSON; before it existed the page says so")
    func asOf() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await world.actor(.clerkA)
            var nomination = try await world.nominations.create(world.draft(name: "Lò Thị Dung"), by: clerk)
            let created = Date()
            try await Task.sleep(for: .milliseconds(1_200))
            var content = NominationContent(
                nomineeName: "Lò Thị Dung", title: "Mô hình trồng chè Shan tuyết",
                achievements: "Vận động 60 hộ trồng 12 ha chè.", criteriaAnswers: ["c1": CriterionAnswer(met: false)], indicators: [:])
            nomination = try await world.nominations.edit(nomination.id, version: nomination.version, content: content, by: clerk)
            content.achievements = "unused"
            let auditor = PageClient(api: api, session: try await api.signIn(.auditor))
            let parts = VietnameseTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: created)
            let moment = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
            let then = try await auditor.get("/kiem-tra/ho-so/\(nomination.id.lower)?luc=\(moment)")
            #expect(then.status == .ok)
            #expect(then.text.contains("Tóm tắt thành tích</dt><dd>Vận động 40 hộ hiến 2.000 m² đất làm đường liên bản.</dd>"), "\(then.text)")
            #expect(then.text.contains("Tiêu chí c1: Đóng góp ngày công</dt><dd>Đạt — 120 ngày công"))
            #expect(then.text.contains("Trạng thái</dt><dd>Dự thảo"))
            #expect(!then.text.contains("Mô hình trồng chè Shan tuyết</dd>") && !then.text.contains("{&quot;"))
            let now = try await auditor.get("/kiem-tra/ho-so/\(nomination.id.lower)?luc=2099-01-01T00:00")
            #expect(now.text.contains("Tên mô hình, điển hình</dt><dd>Mô hình trồng chè Shan tuyết"))
            let before = try await auditor.get("/kiem-tra/ho-so/\(nomination.id.lower)?luc=2000-01-01T08:00")
            #expect(before.text.contains("hồ sơ này chưa được lập"))
            let bad = try await auditor.get("/kiem-tra/ho-so/\(nomination.id.lower)?luc=hom-qua")
            #expect(bad.status == .unprocessableContent)
            // Right after its first event, from the timeline's own link.
            let timeline = try await auditor.get("/kiem-tra/ho-so/\(nomination.id.lower)")
            let after = try #require(timeline.text.firstMatch(of: /href="([^"]*\?sau=\d+)#thoi-diem"/).map { String($0.1) })
            #expect(try await auditor.get(after).text.contains("Vận động 40 hộ hiến 2.000 m² đất"))
        }
    }

    @Test("the chain is verified from the page: running, it reloads itself and shows its progress; then intact; after an event is edited as superuser, the page names that event, its record and its time")
    func chainFromThePage() async throws {
        try await APIWorld.run { world, api in
            let id = try await Self.commendedNomination(world)
            let auditor = PageClient(api: api, session: try await api.signIn(.auditor))
            let token = try await auditor.csrf(on: "/kiem-tra/chuoi")
            // Held on a lock of the trail, the check is seen running.
            let holder = try await world.database.connect()
            defer { holder.close() }
            try await holder.execute(script: """
                BEGIN; LOCK TABLE thidua.audit_events, thidua.audit_checkpoints, thidua.audit_checkpoint_heads IN ACCESS EXCLUSIVE MODE
                """)
            do {
                #expect(try await auditor.post("/kiem-tra/chuoi", [("_csrf", token)]).status == .seeOther)
                let running = try await auditor.get("/kiem-tra/chuoi")
                #expect(running.text.contains(#"<meta http-equiv="refresh" content="2">"#) && running.text.contains("Đang kiểm tra"))
                // A second start while it runs changes nothing.
                #expect(try await auditor.post("/kiem-tra/chuoi", [("_csrf", token)]).status == .seeOther)
            } catch {
                try? await holder.execute(script: "ROLLBACK")
                throw error
            }
            try await holder.execute(script: "ROLLBACK")
            let intact = try await Self.finished(auditor)
            #expect(intact.text.contains("Nhật ký nguyên vẹn") && !intact.text.contains("http-equiv=\"refresh\""))

            let edited = try await world.superuser { connection in
                try await connection.withTransaction { connection in
                    _ = try await connection.query("SET LOCAL session_replication_role = replica")
                    return try await connection.query("""
                        UPDATE thidua.audit_events SET reason = 'sửa lén'
                        WHERE id = (SELECT min(id) FROM thidua.audit_events WHERE record_type = 'nominations' AND record_id = \(id.lower))
                        RETURNING id
                        """).single()!.decode(Int64.self, at: 0)
                }
            }
            #expect(try await auditor.post("/kiem-tra/chuoi", [("_csrf", token)]).status == .seeOther)
            let tampered = try await Self.finished(auditor)
            #expect(tampered.text.contains("Nhật ký không còn nguyên vẹn"))
            #expect(tampered.text.contains("Sự kiện #\(edited) (bản ghi hồ sơ đề nghị: Lò Văn Páo, thứ tự 1) đã bị sửa"), "\(tampered.text)")
            #expect(tampered.text.contains("Lập hồ sơ đề nghị") && tampered.text.contains("Sùng A Lử") && tampered.text.contains("/kiem-tra/ho-so/\(id.lower)"))
            let sentence = try #require(tampered.text.firstMatch(of: /<strong>Nhật ký không còn nguyên vẹn\.<\/strong>([^<]*)/).map { String($0.1) })
            #expect(sentence.firstMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-/) == nil, "a key in «\(sentence)»")
        }
    }

    /// The chain page once its check is over (within a minute).
    static func finished(_ auditor: PageClient) async throws -> Reply {
        for _ in 0..<600 {
            let page = try await auditor.get("/kiem-tra/chuoi")
            if !page.text.contains("Đang kiểm tra") { return page }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure("the check of the chain did not end within a minute")
    }
}
