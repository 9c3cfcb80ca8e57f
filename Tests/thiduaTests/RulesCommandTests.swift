import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTesting

/// `thidua holds`, `exemplars`, `notices`, `rules` and `eligibility` against a running server, with the exit
/// codes a script relies on.
@Suite("RulesCommandTests")
struct RulesCommandTests {
    typealias Shell = ClientCommandTests.Shell

    @Test("holds: the secretariat adds, lists and lifts; a clerk is refused with 77, an unknown hold is 66")
    func holdsFromTheCommandLine() async throws {
        try await Self.withServer { world, shell in
            let nominee = try await world.nominations.create(world.draft(name: "Thào A Dình"), by: try await world.actor(.clerkB)).nomineeID
            let added = try await shell.thidua(.secretary, [
                "holds", "add", "--json", "--nominee", nominee.uuidString, "--kind", "investigation", "--from", "2024-02-01",
                "--basis", "Thông báo thụ lý số 12/TB-CAH",
            ])
            #expect(added.status == 0, "\(added.error)")
            let hold = try #require(try JSONSerialization.jsonObject(with: Data(added.output.utf8)) as? [String: Any])["id"] as? String
            let id = try #require(hold)

            let refused = try await shell.thidua(.clerkB, ["holds", "add", "--nominee", nominee.uuidString, "--kind", "discipline",
                                                           "--from", "2024-02-01", "--basis", "x"])
            #expect(refused.status == 77 && refused.error.contains("secretariat"), "\(refused.error)")
            let badDay = try await shell.thidua(.secretary, ["holds", "add", "--nominee", nominee.uuidString, "--kind", "discipline",
                                                             "--from", "1/2/2024", "--basis", "x"])
            #expect(badDay.status == 64, "\(badDay.error)")

            let listed = try await shell.thidua(.secretary, ["holds", "list", "--nominee", nominee.uuidString])
            #expect(listed.status == 0 && listed.output.contains("investigation") && listed.output.contains("2024-02-01")
                    && listed.output.contains("[v1]"), "\(listed.output)")
            let unknown = try await shell.thidua(.secretary, ["holds", "lift", UUID().uuidString, "--reason", "x", "--version", "1"])
            #expect(unknown.status == 66, "\(unknown.error)")
            let lifted = try await shell.thidua(.secretary, ["holds", "lift", id, "--on", "2024-05-01", "--reason", "Đình chỉ điều tra", "--version", "1"])
            #expect(lifted.status == 0 && lifted.output.contains("2024-05-01"), "\(lifted.output) \(lifted.error)")
            let again = try await shell.thidua(.secretary, ["holds", "lift", id, "--reason", "Lần hai", "--version", "1"])
            #expect(again.status == 75, "\(again.error)")
            let stored = try await HoldRepository(store: world.store).holds(of: nominee, as: try await world.actor(.secretary))
            #expect(stored.map(\.liftReason) == ["Đình chỉ điều tra"])
        }
    }

    @Test("exemplars: list, evaluate, propagate, replicate and show; another unit's clerk gets 66; rules and eligibility print")
    func exemplarsFromTheCommandLine() async throws {
        try await Self.withServer { world, shell in
            let record = try await world.commended("Lò Thị Dung")
            let exemplar = try await ExemplarRepository(store: world.store).designate(
                record.id, title: "Mô hình nuôi cá lồng", followedBy: world.communeB, on: Date(), by: try await world.actor(.clerkB))
            let id = exemplar.id.uuidString.lowercased()
            let listed = try await shell.thidua(.clerkB, ["exemplars", "list"])
            #expect(listed.status == 0 && listed.output.contains("Lò Thị Dung — Mô hình nuôi cá lồng"), "\(listed.output) \(listed.error)")
            let evaluated = try await shell.thidua(.clerkB, ["exemplars", "evaluate", id, "--on", "2025-06-30", "--period", "Năm 2025",
                                                             "--effect", "20 hộ làm theo", "--efficiency", "Thu nhập tăng 30%", "--potential", "Nhân rộng 3 xã"])
            #expect(evaluated.status == 0, "\(evaluated.error)")
            let propagated = try await shell.thidua(.secretary, ["exemplars", "propagate", id, "--kind", "exchange", "--on", "2025-07-01"])
            #expect(propagated.status == 0, "\(propagated.error)")
            let replicated = try await shell.thidua(.clerkB, ["exemplars", "replicate", id, "--unit", world.communeA.uuidString,
                                                              "--on", "2025-08-01", "--result", "5 hộ nuôi cá lồng"])
            #expect(replicated.status == 0, "\(replicated.error)")
            let refused = try await shell.thidua(.clerkA, ["exemplars", "evaluate", id, "--on", "2025-06-30", "--period", "x",
                                                           "--effect", "x", "--efficiency", "x", "--potential", "x"])
            #expect(refused.status == 66, "\(refused.error)")
            let shown = try await shell.thidua(.clerkB, ["exemplars", "show", id])
            #expect(shown.status == 0 && shown.output.contains("Đánh giá / Evaluations (1)") && shown.output.contains("Năm 2025: 20 hộ làm theo")
                    && shown.output.contains("Nhân rộng / Replications (1)"), "\(shown.output)")
            let json = try await shell.thidua(.clerkB, ["exemplars", "show", id, "--json"])
            let file = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            #expect((file["propagations"] as? [Any])?.count == 1)

            let rules = try await shell.thidua(.clerkA, ["rules"])
            #expect(rules.status == 0 && rules.output.contains("district_chairman  lao-dong-tien-tien")
                    && rules.output.contains("xa-tieu-bieu  Xã, phường, thị trấn tiêu biểu  — công khai / notice 10 ngày làm việc"), "\(rules.output)")
            let eligibility = try await shell.thidua(.secretary, ["eligibility", "--year", "2024"])
            #expect(eligibility.status == 0 && eligibility.output.contains("đủ điều kiện / eligible"), "\(eligibility.error)")
            #expect(try await shell.thidua(.secretary, ["eligibility"]).status == 64)
        }
    }

    @Test("notices: the secretariat opens one, a unit records an objection, closing early is 75, a clerk opening is 77, one on a draft is 75")
    func noticesFromTheCommandLine() async throws {
        try await Self.withServer { world, shell in
            let draft = try await world.nominations.create(world.draft(name: "Xã Chưa Gửi"), by: try await world.actor(.clerkB))
            let onDraft = try await shell.thidua(.secretary, ["notices", "open", draft.id.uuidString, "--form", "xa-tieu-bieu",
                                                              "--channel", "Niêm yết", "--from", "2026-01-05"])
            #expect(onDraft.status == 75 && onDraft.error.contains("notice_not_openable"), "\(onDraft.error)")
            let nomination = try await world.nominations.create(world.draft(name: "Mùa A Sình"), by: try await world.actor(.clerkB))
            try await world.completeDossier(of: nomination.id, by: try await world.actor(.clerkB))
            _ = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await world.actor(.headB))
            let refused = try await shell.thidua(.clerkB, ["notices", "open", nomination.id.uuidString, "--form", "xa-tieu-bieu",
                                                           "--channel", "Niêm yết", "--from", "2026-01-05"])
            #expect(refused.status == 77, "\(refused.error)")
            let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
            let opened = try await shell.thidua(.secretary, ["notices", "open", nomination.id.uuidString, "--form", "xa-tieu-bieu",
                                                             "--channel", "Cổng thông tin điện tử huyện", "--from", today, "--json"])
            #expect(opened.status == 0, "\(opened.error)")
            let id = try #require((try JSONSerialization.jsonObject(with: Data(opened.output.utf8)) as? [String: Any])?["id"] as? String)
            let objected = try await shell.thidua(.headB, ["notices", "object", id, "--objector", "Ông Vừ A Tủa", "--content", "Cần xác minh", "--received", today])
            #expect(objected.status == 0, "\(objected.error)")
            let early = try await shell.thidua(.secretary, ["notices", "close", id, "--outcome", "objections_dismissed", "--reason", "Không có cơ sở"])
            #expect(early.status == 75 && early.error.contains("notice_pending"), "\(early.error)")
            let listed = try await shell.thidua(.secretary, ["notices", "list", "--running"])
            #expect(listed.status == 0 && listed.output.contains("Ông Vừ A Tủa: Cần xác minh") && listed.output.contains("1 đợt"), "\(listed.output)")
        }
    }

    private static func withServer(_ body: @Sendable (RecordsWorld, Shell) async throws -> Void) async throws {
        let world = try await RecordsWorld.make()
        try await Shell.serving(world, signedIn: [.secretary, .clerkA, .clerkB, .headB]) { shell in try await body(world, shell) }
    }
}
