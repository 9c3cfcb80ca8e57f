import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// A signed decision's certificates (Giấy khen) against a real PostgreSQL (issue 4 §6): one per standing
/// commendation record, numbered as the decision lists its items, signed as the decision was; none for a draft,
/// a revoked decision or a proposal; printed by the secretariat, the chairman and auditors only.
@Suite("CertificateTests")
struct CertificateTests {
    typealias Person = RecordsWorld.Person

    @Test("one certificate per commendation record of a signed decision, in the decision's order, with its authority, number, date, signature and register number; a draft gets none")
    func onePerCommendationRecord() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo", "Giàng A Dình"])
        var decision = try await f.draft([
            DecisionItemDraft(nominationID: nominations[0].id, form: "giay-khen-chu-tich-huyen"),
            DecisionItemDraft(nominationID: nominations[1].id, form: "giay-khen-chu-tich-huyen"),
            DecisionItemDraft(nominationID: nominations[2].id, form: "lao-dong-tien-tien"),
        ])
        await #expect(throws: ThiduaError.decision(.state(.draft))) {
            try await f.decisions.certificates(decision.id, as: f[.secretary])
        }
        // An item taken out while drafting makes no record and no certificate; the others keep Điều 1's numbers.
        decision = try await f.decisions.removeItem(decision.items[1].id, from: decision.id, version: decision.version, by: f[.secretary])
        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])

        let certificates = try await f.decisions.certificates(decision.id, as: f[.secretary])
        let records = try await f.world.superuser { connection in
            try await connection.query("""
                SELECT id FROM thidua.commendation_records WHERE decision_id = \(decision.id) AND revoked_at IS NULL
                """).map { try $0.decode(UUID.self, at: 0) }
        }
        #expect(records.count == 2 && Set(certificates.map(\.recordID)) == Set(records))
        #expect(certificates.map(\.recipientName) == ["Lò Thị Mai", "Giàng A Dình"])
        #expect(certificates.map(\.registerNumber) == ["1/QĐ-UBND-01", "1/QĐ-UBND-02"])
        let document = try await f.decisions.document(decision.id, as: f[.secretary])
        #expect(document.articles[1].hasPrefix("1. Lò Thị Mai") && document.articles[2].hasPrefix("2. Giàng A Dình"))

        let giayKhen = certificates[0], title = certificates[1]
        #expect(giayKhen.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM")
        #expect(giayKhen.nationalName == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" && giayKhen.motto == "Độc lập - Tự do - Hạnh phúc")
        #expect(giayKhen.heading == "TẶNG GIẤY KHEN" && giayKhen.distinction == nil && giayKhen.form == "giay-khen-chu-tich-huyen")
        #expect(title.heading == "CÔNG NHẬN DANH HIỆU" && title.distinction == "LAO ĐỘNG TIÊN TIẾN")
        #expect(giayKhen.recipientKind == .individual && giayKhen.recipientKindText == "Cá nhân" && giayKhen.unitName == "UBND xã Tả Phìn")
        #expect(giayKhen.achievement == "Đã có thành tích xuất sắc trong phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” năm 2021.")
        #expect(giayKhen.decisionLine == "Quyết định số 1/QĐ-UBND ngày 20 tháng 12 năm 2024")
        #expect(giayKhen.dateLine == "Thử Nghiệm, ngày 20 tháng 12 năm 2024")
        #expect(giayKhen.signature == ["CHỦ TỊCH", "Vũ Đình Khoa"])
        #expect(certificates.allSatisfy { $0.decisionID == decision.id })
        #expect(try await f.decisions.certificates(decision.id, as: f[.chairman]) == certificates)
        #expect(try await f.decisions.certificates(decision.id, as: f[.auditor]) == certificates)
    }

    @Test("a decision a deputy signed under ký thay gives certificates signed “KT. CHỦ TỊCH / PHÓ CHỦ TỊCH” and the deputy's name")
    func deputySignsOnBehalf() async throws {
        let f = try await DecisionFixture.make()
        let decision = try await f.signed([("Lò Thị Mai", "giay-khen-chu-tich-huyen")], by: f.deputy)
        let certificates = try await f.decisions.certificates(decision.id, as: f[.secretary])
        #expect(certificates.map(\.signature) == [["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Phó"]])
    }

    @Test("a revoked decision's records are revoked and get no certificates; a revocation or a proposal is not a decision to print certificates of")
    func revokedAndOtherKinds() async throws {
        let f = try await DecisionFixture.make()
        let decision = try await f.signed([("Lò Thị Mai", "giay-khen-chu-tich-huyen"), ("Sùng A Páo", "lao-dong-tien-tien")])
        #expect(try await f.decisions.certificates(decision.id, as: f[.secretary]).count == 2)
        var revocation = try await f.decisions.draftRevocation(
            of: decision.id, on: day("2025-03-10"), subject: "Về việc hủy bỏ quyết định khen thưởng",
            legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"], reason: "Hồ sơ kê khai không trung thực", by: f[.secretary])
        revocation = try await f.decisions.sign(revocation.id, version: revocation.version, by: f[.chairman])

        let live = try await f.world.superuser { connection in
            try await connection.query("""
                SELECT count(*)::integer FROM thidua.commendation_records WHERE decision_id = \(decision.id) AND revoked_at IS NULL
                """).single()!.decode(Int.self, at: 0)
        }
        #expect(live == 0)
        await #expect(throws: ThiduaError.decision(.state(.revoked))) {
            try await f.decisions.certificates(decision.id, as: f[.secretary])
        }
        let notCommendation = ThiduaError.decision(.certificatesOnlyForCommendations)
        await #expect(throws: notCommendation) {
            try await f.decisions.certificates(revocation.id, as: f[.secretary])
        }
        let approved = try await f.approved(["Giàng A Dình"])
        var proposal = try await f.draft([DecisionItemDraft(nominationID: approved[0].id, form: "bang-khen-chu-tich-tinh")], proposalTo: .provinceChairman)
        proposal = try await f.decisions.sign(proposal.id, version: proposal.version, by: f[.chairman])
        await #expect(throws: notCommendation) {
            try await f.decisions.certificates(proposal.id, as: f[.secretary])
        }
    }

    @Test("the secretariat, the chairman and auditors print certificates; units, council members and the administrator are refused; an unknown decision is not found")
    func whoPrintsCertificates() async throws {
        let f = try await DecisionFixture.make()
        let decision = try await f.signed([("Lò Thị Mai", "giay-khen-chu-tich-huyen")])
        for person in [Person.clerkB, .headB, .member, .admin] {
            await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat, .chairman, .auditor])), "\(person)") {
                try await f.decisions.certificates(decision.id, as: f[person])
            }
        }
        await #expect(throws: ThiduaError.notFound("quyết định / decision")) {
            try await f.decisions.certificates(UUID(), as: f[.secretary])
        }
    }
}
