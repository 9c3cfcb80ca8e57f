import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The commands issue 15 (item 8) gave scripts, with rounds, units and movements named by code, decisions by
/// number and users by username, as a person types them: deadline exceptions, the lists of council sessions,
/// decisions and movements, a movement's details, a document attached from a file, and nominations, council
/// sessions, rules and registers by the names and codes people know them by.
@Suite("ScriptCommandTests")
struct ScriptCommandTests {
    typealias Shell = ClientCommandTests.Shell

    /// Tomorrow at this minute, as an official in Vietnam types it.
    static let tomorrow: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date().addingTimeInterval(86_400))
    }()

    @Test("the secretariat grants a deadline exception by round and unit code in Vietnam time; a clerk is refused and nothing is written; unknown codes and bad times are clear errors")
    func deadlineExceptionByCode() async throws {
        let world = try await RecordsWorld.make()
        @Sendable func exceptions() async throws -> [Date] {
            try await world.superuser { try await $0.query("SELECT until FROM thidua.deadline_exceptions").map { try $0.decode(Date.self, at: 0) } }
        }
        try await Shell.serving(world, signedIn: [.secretary, .clerkA]) { shell in
            let listed = try await shell.thidua(.secretary, ["rounds", "list"])
            #expect(listed.status == 0 && listed.output.contains("thu-2021") && listed.output.contains("Đợt thử năm 2021"), "\(listed.output)")

            let refused = try await shell.thidua(.clerkA, ["rounds", "grant-exception", "thu-2021", "xa-a", "--until", Self.tomorrow, "--reason", "Xin gia hạn"])
            #expect(refused.status == 77, "\(refused.error)")
            #expect(try await exceptions().isEmpty)

            let granted = try await shell.thidua(.secretary, [
                "rounds", "grant-exception", "THU-2021", "xa-a", "--until", Self.tomorrow, "--reason", "Mất điện ngày nộp",
            ])
            #expect(granted.status == 0, "\(granted.error)")
            #expect(granted.output.contains(Self.tomorrow), "\(granted.output)")
            let until = try #require(try await exceptions().first)
            #expect(abs(until.timeIntervalSinceNow - 86_400) < 120, "17:00 typed is 17:00 in Vietnam, not UTC: \(until)")

            let unknown = try await shell.thidua(.secretary, ["rounds", "grant-exception", "khong-co", "xa-a", "--until", Self.tomorrow, "--reason", "Lũ"])
            #expect(unknown.status == 66 && unknown.error.contains("khong-co") && unknown.error.contains("round"), "\(unknown.error)")
            let unknownUnit = try await shell.thidua(.secretary, ["rounds", "grant-exception", "thu-2021", "xa-z", "--until", Self.tomorrow, "--reason", "Lũ"])
            #expect(unknownUnit.status == 66 && unknownUnit.error.contains("xa-z"), "\(unknownUnit.error)")
            let badTime = try await shell.thidua(.secretary, ["rounds", "grant-exception", "thu-2021", "xa-a", "--until", "2030-02-30 17:00", "--reason", "Lũ"])
            #expect(badTime.status == 64 && badTime.error.contains("--until"), "\(badTime.error)")
            let past = try await shell.thidua(.secretary, ["rounds", "grant-exception", "thu-2021", "xa-a", "--until", "2020-12-20 17:00", "--reason", "Lũ"])
            #expect(past.status == 65 && past.error.contains("until"), "\(past.error)")
            #expect(try await exceptions().count == 1)
        }
    }

    @Test("council sessions and decisions listed; a decision shown and exported by its number; an unknown number is named")
    func councilAndDecisionsByNumber() async throws {
        let world = try await RecordsWorld.make()
        let record = try await world.commended("Thào Thị Dung")
        let waiting = try await world.verified("Sùng Thị Mai")
        _ = try await world.councilReviews.open(round: world.round, title: "Phiên họp tháng Mười Hai", nominations: [waiting.id],
                                                by: try await world.actor(.secretary))
        try await Shell.serving(world, signedIn: [.member, .secretary, .clerkB]) { shell in
            let sessions = try await shell.thidua(.member, ["council", "list"])
            #expect(sessions.status == 0 && sessions.output.contains("Phiên họp tháng Mười Hai") && sessions.output.contains("1 chờ phiếu của bạn"),
                    "\(sessions.output) \(sessions.error)")
            #expect(try await shell.thidua(.clerkB, ["council", "list"]).status == 77)

            let signed = try await shell.thidua(.secretary, ["decisions", "list", "--state", "signed"])
            #expect(signed.status == 0 && signed.output.contains("1/QĐ-UBND") && signed.output.contains("Về việc khen thưởng"), "\(signed.output) \(signed.error)")
            let drafts = try await shell.thidua(.secretary, ["decisions", "list", "--state", "draft", "--state", "returned"])
            #expect(drafts.status == 0 && drafts.output.contains("Không có quyết định nào"), "\(drafts.output)")
            let json = try await shell.thidua(.secretary, ["decisions", "list", "--json"])
            #expect(json.status == 0 && json.output.contains(record.decisionID.uuidString))

            let shown = try await shell.thidua(.clerkB, ["decisions", "show", "1/qđ-ubnd", "--json"])
            #expect(shown.status == 0 && shown.output.contains(record.decisionID.uuidString), "\(shown.error)")
            let exported = try await shell.thidua(.secretary, ["decisions", "export", "1/QĐ-UBND"])
            #expect(exported.status == 0 && exported.output.contains("Thào Thị Dung"), "\(exported.error)")
            let unknown = try await shell.thidua(.secretary, ["decisions", "show", "7/QĐ-UBND"])
            #expect(unknown.status == 66 && unknown.error.contains("7/QĐ-UBND"), "\(unknown.error)")
        }
    }

    @Test("movements listed by code and one shown with its criteria, units and minimums; nominations listed and created by codes")
    func movementsAndNominationsByCode() async throws {
        let world = try await RecordsWorld.make()
        try await Shell.serving(world, signedIn: [.clerkA]) { shell in
            let listed = try await shell.thidua(.clerkA, ["movements", "list"])
            #expect(listed.status == 0 && listed.output.contains("nong-thon-moi") && listed.output.contains("vi-an-ninh-to-quoc"), "\(listed.error)")
            let shown = try await shell.thidua(.clerkA, ["movements", "show", "nong-thon-moi"])
            #expect(shown.status == 0, "\(shown.error)")
            for text in ["c1  Đóng góp ngày công", "chủ trì / lead  Phòng Nông nghiệp và Phát triển nông thôn (phong-nn)",
                         "phối hợp / partner  UBND xã Sín Chải (xa-a)", "thu-2021  individual: 3"] {
                #expect(shown.output.contains(text), "\(text) in \(shown.output)")
            }
            let unknown = try await shell.thidua(.clerkA, ["movements", "show", "khong-co"])
            #expect(unknown.status == 66 && unknown.error.contains("khong-co"))

            let created = try await shell.thidua(.clerkA, [
                "nominations", "create", "--round", "thu-2021", "--movement", "nong-thon-moi", "--kind", "household", "--name", "Hộ ông Lò Văn Pâng",
            ])
            #expect(created.status == 0, "\(created.error)")
            // The create went with an Idempotency-Key, claimed with the nomination (issue 12 item 4).
            let claimed = try await world.superuser { connection in
                try await connection.query("""
                    SELECT count(*)::int FROM thidua.idempotency_keys WHERE route = 'POST /api/v1/nominations' AND status = 201
                    """).first!.decode(Int.self, at: 0)
            }
            #expect(claimed == 1)
            let byCodes = try await shell.thidua(.clerkA, ["nominations", "list", "--round", "thu-2021", "--movement", "nong-thon-moi", "--unit", "xa-a"])
            #expect(byCodes.status == 0 && byCodes.output.contains("Hộ ông Lò Văn Pâng"), "\(byCodes.error)")
            let otherMovement = try await shell.thidua(.clerkA, ["nominations", "list", "--movement", "vi-an-ninh-to-quoc"])
            #expect(otherMovement.status == 0 && !otherMovement.output.contains("Hộ ông Lò Văn Pâng"))
        }
    }

    @Test("a document attached from a file by its kind; a file the server does not take is refused")
    func attach() async throws {
        let world = try await RecordsWorld.make()
        let nomination = try await world.nominations.create(world.draft(name: "Lò Thị Mai"), by: try await world.actor(.clerkA))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-attach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("bien-ban-binh-xet.pdf"), fake = folder.appendingPathComponent("gia.pdf")
        try Data("%PDF-1.7\n…".utf8).write(to: pdf)
        try Data("MZ not a pdf".utf8).write(to: fake)
        try await Shell.serving(world, signedIn: [.clerkA]) { shell in
            let id = nomination.id.uuidString.lowercased()
            let attached = try await shell.thidua(.clerkA, ["nominations", "attach", id, pdf.path, "--kind", "review_minutes"])
            #expect(attached.status == 0 && attached.output.contains("bien-ban-binh-xet.pdf"), "\(attached.error)")
            let stored = try await AttachmentRepository(store: world.store).list(for: nomination.id, as: try await world.actor(.clerkA))
            #expect(stored.map(\.kind) == [.reviewMinutes] && stored.first?.mediaType == "application/pdf")
            let mismatched = try await shell.thidua(.clerkA, ["nominations", "attach", id, fake.path, "--kind", "other"])
            #expect(mismatched.status == 65 && mismatched.error.contains("content_mismatch"), "\(mismatched.error)")
            let badKind = try await shell.thidua(.clerkA, ["nominations", "attach", id, pdf.path, "--kind", "bien-ban"])
            #expect(badKind.status == 64)
            let missing = try await shell.thidua(.clerkA, ["nominations", "attach", id, folder.appendingPathComponent("khong-co.pdf").path, "--kind", "other"])
            #expect(missing.status == 64 && missing.error.contains("khong-co.pdf"))
        }
    }

    @Test("users shown, granted and audited by username; council members excused by username; an unknown username is named")
    func usersByUsername() async throws {
        let world = try await RecordsWorld.make()
        let nomination = try await world.verified("Sùng Thị Mai")
        try await Shell.serving(world, signedIn: [.admin, .auditor, .secretary]) { shell in
            let shown = try await shell.thidua(.admin, ["users", "show", "deputya"])
            #expect(shown.status == 0 && shown.output.contains("Vàng Thị Mỷ") && shown.output.contains(world.users[.deputyA]!.uuidString.lowercased()), "\(shown.error)")
            #expect(try await shell.thidua(.admin, ["users", "grant", "deputya", "unit_head"]).status == 0)
            let account = try await UserRepository(store: world.store).account(world.users[.deputyA]!, as: try await world.actor(.admin))
            #expect(account.roles.contains(.unitHead))
            let unknown = try await shell.thidua(.admin, ["users", "show", "khong.co"])
            #expect(unknown.status == 66 && unknown.error.contains("khong.co"), "\(unknown.error)")

            let audited = try await shell.thidua(.auditor, ["audit", "by-user", "admin"])
            #expect(audited.status == 0 && audited.output.split(separator: "\n").last?.hasPrefix("0 ") == false, "\(audited.output) \(audited.error)")
            let byID = try await shell.thidua(.auditor, ["audit", "by-user", world.users[.admin]!.uuidString])
            #expect(byID.status == 0 && byID.output == audited.output, "the username names the same user as the id")

            let opened = try await shell.thidua(.secretary, [
                "council", "open", "--round", "thu-2021", "--title", "Phiên thử", "--excused", "member2", "--", nomination.id.uuidString,
            ])
            #expect(opened.status == 0, "\(opened.error)")
            let session = try #require(try await world.councilReviews.sessions(as: try await world.actor(.member2)).first)
            #expect(!session.seated)
        }
    }

    @Test("a nomination named by its nominee, a session by its title, a rule and a register by code: open, vote, close and draft without an id; an unknown or shared name is a clear error")
    func councilAndDraftByName() async throws {
        let world = try await RecordsWorld.make()
        _ = try await world.verified("Sùng Thị Mai")
        _ = try await world.addDecisionSeries(code: "qd-ubnd-huyen")
        let twins = [try await world.verified("Lò Văn Trùng"), try await world.verified("Lò Văn Trùng")]
        try await Shell.serving(world, signedIn: [.secretary, .member, .chairman]) { shell in
            let opened = try await shell.thidua(.secretary, [
                "council", "open", "--round", "thu-2021", "--title", "Phiên họp cuối năm", "--rule", "standard", "--", "sùng thị mai",
            ])
            #expect(opened.status == 0, "\(opened.error)")
            for person in [RecordsWorld.Person.member, .chairman] {
                let voted = try await shell.thidua(person, ["council", "vote", "Phiên họp cuối năm", "Sùng Thị Mai", "approve"])
                #expect(voted.status == 0, "\(voted.error)")
            }
            let shown = try await shell.thidua(.member, ["council", "show", "PHIÊN HỌP CUỐI NĂM"])
            #expect(shown.status == 0 && shown.output.contains("Sùng Thị Mai"), "\(shown.output) \(shown.error)")
            #expect(try await shell.thidua(.secretary, ["council", "close", "Phiên họp cuối năm"]).status == 0)
            let drafted = try await shell.thidua(.secretary, [
                "decisions", "draft", "--series", "qd-ubnd-huyen", "--date", "2024-12-20", "--subject", "Về việc khen thưởng",
                "--basis", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "--item", "Sùng Thị Mai=lao-dong-tien-tien",
            ])
            #expect(drafted.status == 0, "\(drafted.error)")
            let decisions = try await DecisionRepository(store: world.store).list(as: try await world.actor(.secretary))
            #expect(decisions.count == 1)

            let unknown = try await shell.thidua(.secretary, ["nominations", "show", "Không Có Ai"])
            #expect(unknown.status == 66 && unknown.error.contains("Không Có Ai"), "\(unknown.error)")
            let shared = try await shell.thidua(.secretary, ["nominations", "show", "Lò Văn Trùng"])
            #expect(shared.status == 65, "\(shared.error)")
            for twin in twins { #expect(shared.error.contains(twin.id.uuidString.lowercased()), "each is named by its id to choose from") }
            let noSession = try await shell.thidua(.member, ["council", "show", "Phiên không có"])
            #expect(noSession.status == 66, "\(noSession.error)")
        }
    }
}
