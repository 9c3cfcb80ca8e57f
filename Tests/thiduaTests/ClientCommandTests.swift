import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaSchema
import ThiduaTesting
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The command line against a running server, as officials script their work: login, the nomination
/// commands, `--json`, and the exit codes a script relies on.
@Suite("ClientCommandTests")
struct ClientCommandTests {
    /// Runs `thidua` as `person` (their own session file) against the server at `port`.
    struct Shell: Sendable {
        let port: Int
        let folder: URL

        func thidua(_ person: RecordsWorld.Person, _ arguments: [String], server: String? = nil) async throws -> BuiltCommand.Result {
            try await BuiltCommand.run("thidua", arguments, environment: [
                "THIDUA_SERVER": server ?? "http://127.0.0.1:\(port)",
                "THIDUA_SESSION_FILE": folder.appendingPathComponent("\(person.rawValue).json").path,
                "THIDUA_USERNAME": person.rawValue.lowercased(), "THIDUA_PASSWORD": "mật khẩu thử",
            ])
        }

        /// Serves `world` on a random port and runs `body` with a shell whose `people` have signed in.
        static func serving(
            _ world: RecordsWorld, signedIn people: [RecordsWorld.Person], _ body: @Sendable (Shell) async throws -> Void
        ) async throws {
            let verifierURL = try world.database.connectionString(user: ThiduaSchema.verifierRole)
            let app = ThiduaApplication.make(pool: world.pool, configuration: .init(port: 0, auditVerifierURL: verifierURL))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-cli-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await app.test(.live) { client in
                let shell = Shell(port: try #require(client.port), folder: folder)
                for person in people {
                    let login = try await shell.thidua(person, ["login"])
                    #expect(login.status == 0, "\(login.error)")
                }
                try await body(shell)
            }
        }
    }

    @Test("login, create, submit, return, edit with a stale version, list and logout, with their exit codes")
    func aDayOfWorkFromTheCommandLine() async throws {
        let world = try await RecordsWorld.make()
        try await Shell.serving(world, signedIn: [.clerkA, .headA, .leadHead, .clerkB]) { shell in
            let mode = try FileManager.default.attributesOfItem(atPath: shell.folder.appendingPathComponent("clerkA.json").path)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let created = try await shell.thidua(.clerkA, [
                "nominations", "create", "--json", "--round", world.round.uuidString, "--movement", world.movement.uuidString,
                "--kind", "individual", "--name", "Giàng A Páo", "--title", "Cá nhân điển hình tiên tiến",
            ])
            #expect(created.status == 0, "\(created.error)")
            let id = try #require(try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [String: Any])["id"] as? String
            let nomination = try #require(id)

            let bySomeoneElse = try await shell.thidua(.clerkB, ["nominations", "show", nomination])
            #expect(bySomeoneElse.status == 66 && bySomeoneElse.error.contains("Không tìm thấy"), "\(bySomeoneElse.error)")
            let byTheClerk = try await shell.thidua(.clerkA, ["nominations", "submit", nomination])
            #expect(byTheClerk.status == 77 && byTheClerk.error.contains("unit_head"), "\(byTheClerk.error)")
            let submitted = try await shell.thidua(.headA, ["nominations", "submit", nomination, "--version", "1"])
            #expect(submitted.status == 0 && submitted.output.contains("submitted"), "\(submitted.error)")
            let returned = try await shell.thidua(.leadHead, ["nominations", "return", nomination, "--reason", "Thiếu minh chứng ngày công"])
            #expect(returned.status == 0 && returned.output.contains("returned"), "\(returned.error)")
            let stale = try await shell.thidua(.clerkA, ["nominations", "edit", nomination, "--version", "1", "--title", "Điển hình"])
            #expect(stale.status == 75 && stale.error.contains("stale_version"), "\(stale.error)")
            let edited = try await shell.thidua(.clerkA, ["nominations", "edit", nomination, "--title", "Điển hình tiên tiến"])
            #expect(edited.status == 0 && edited.output.contains("v4"), "\(edited.output) \(edited.error)")

            let listed = try await shell.thidua(.clerkA, ["nominations", "list", "--search", "giang a"])
            #expect(listed.status == 0 && listed.output.contains("Giàng A Páo") && listed.output.contains("returned"))
            let rounds = try await shell.thidua(.clerkA, ["rounds"])
            #expect(rounds.status == 0 && rounds.output.contains("thu-2021"), "\(rounds.output)")
            let me = try await shell.thidua(.headA, ["me"])
            #expect(me.output.contains("unit_head"))

            let unreachable = try await shell.thidua(.clerkA, ["me"], server: "http://127.0.0.1:1")
            #expect(unreachable.status == 64, "a session saved for another server is not used: \(unreachable.error)")
            let logout = try await shell.thidua(.clerkA, ["logout"])
            #expect(logout.status == 0 && !FileManager.default.fileExists(atPath: shell.folder.appendingPathComponent("clerkA.json").path))
            let afterLogout = try await shell.thidua(.clerkA, ["me"])
            #expect(afterLogout.status == 64 && afterLogout.error.contains("thidua login"))
            let wrongPassword = try await BuiltCommand.run("thidua", ["login"], environment: [
                "THIDUA_SERVER": "http://127.0.0.1:\(shell.port)", "THIDUA_SESSION_FILE": shell.folder.appendingPathComponent("x.json").path,
                "THIDUA_USERNAME": "clerka", "THIDUA_PASSWORD": "sai",
            ])
            #expect(wrongPassword.status == 77 && wrongPassword.error.contains("invalid_credentials"))
        }
    }

    @Test("the council, the decision, users, the audit history and the compliance table from the command line")
    func councilUsersAuditAndCompliance() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkB)
        var nomination = try await world.nominations.create(world.draft(name: "Hộ bà Lầu Thị Chá"), by: clerk)
        try await world.completeDossier(of: nomination.id, by: clerk)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: try await world.actor(.headB))
        nomination = try await world.nominations.perform(.endorse, on: nomination.id, version: 2, by: try await world.actor(.leadHead))
        nomination = try await world.nominations.perform(.verify, on: nomination.id, version: 3, by: try await world.actor(.secretary))
        let id = nomination.id.uuidString.lowercased()
        try await Shell.serving(world, signedIn: [.secretary, .member, .chairman, .admin, .auditor]) { shell in
            let opened = try await shell.thidua(.secretary, ["council", "open", "--json", "--round", world.round.uuidString, "--title", "Phiên họp năm 2021", id])
            #expect(opened.status == 0, "\(opened.error)")
            let session = try #require(try JSONSerialization.jsonObject(with: Data(opened.output.utf8)) as? [String: Any])["id"] as? String
            let sessionID = try #require(session)
            let notAMember = try await shell.thidua(.secretary, ["council", "vote", sessionID, id, "approve"])
            #expect(notAMember.status == 77, "\(notAMember.error)")
            let badChoice = try await shell.thidua(.member, ["council", "vote", sessionID, id, "maybe"])
            #expect(badChoice.status == 64)
            #expect(try await shell.thidua(.member, ["council", "vote", sessionID, id, "approve", "--comment", "Xứng đáng"]).status == 0)
            #expect(try await shell.thidua(.chairman, ["council", "vote", sessionID, id, "approve"]).status == 0)
            let closed = try await shell.thidua(.secretary, ["council", "close", sessionID])
            #expect(closed.status == 0 && closed.output.contains("approved"), "\(closed.output) \(closed.error)")
            let again = try await shell.thidua(.member, ["council", "vote", sessionID, id, "reject", "--version", "1"])
            #expect(again.status == 75 && again.error.contains("session_closed"), "\(again.error)")
            let minutesFile = shell.folder.appendingPathComponent("bien-ban.html")
            let minutes = try await shell.thidua(.secretary, ["council", "minutes", sessionID, "--output", minutesFile.path])
            #expect(minutes.status == 0 && minutes.output.contains("bien-ban.html"), "\(minutes.error)")
            let page = try String(contentsOf: minutesFile, encoding: .utf8)
            #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("BIÊN BẢN") && page.contains("Hộ bà Lầu Thị Chá") && page.contains("Xứng đáng"))
            let minutesData = try await shell.thidua(.member, ["council", "minutes", sessionID, "--json"])
            let minutesJSON = try JSONSerialization.jsonObject(with: Data(minutesData.output.utf8)) as? [String: Any]
            #expect(minutesData.status == 0 && minutesJSON?["isDraft"] as? Bool == false, "\(minutesData.output) \(minutesData.error)")
            #expect(try await shell.thidua(.admin, ["council", "minutes", sessionID]).status == 77)

            let series = try await world.addDecisionSeries()
            let drafted = try await shell.thidua(.secretary, [
                "decisions", "draft", "--json", "--series", series.uuidString, "--date", "2024-12-20", "--subject", "Về việc khen thưởng năm 2021",
                "--basis", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "--item", "\(id)=giay-khen-chu-tich-huyen",
            ])
            #expect(drafted.status == 0, "\(drafted.error)")
            let decision = try #require(try JSONSerialization.jsonObject(with: Data(drafted.output.utf8)) as? [String: Any])["id"] as? String
            let decisionID = try #require(decision)
            #expect(try await shell.thidua(.secretary, ["decisions", "sign", decisionID]).status == 77)
            let unsigned = try await shell.thidua(.secretary, ["decisions", "certificates", decisionID])
            #expect(unsigned.status == 75 && unsigned.error.contains("decision_state"), "\(unsigned.error)")
            let signed = try await shell.thidua(.chairman, ["decisions", "sign", decisionID])
            #expect(signed.status == 0 && signed.output.contains("1/QĐ-UBND"), "\(signed.output) \(signed.error)")
            let signedTwice = try await shell.thidua(.chairman, ["decisions", "sign", decisionID])
            #expect(signedTwice.status == 75, "\(signedTwice.error)")
            let certificatesFile = shell.folder.appendingPathComponent("giay-khen.html")
            let certificates = try await shell.thidua(.secretary, ["decisions", "certificates", decisionID, "-o", certificatesFile.path])
            #expect(certificates.status == 0, "\(certificates.error)")
            let printed = try String(contentsOf: certificatesFile, encoding: .utf8)
            #expect(printed.contains("TẶNG GIẤY KHEN") && printed.contains("Hộ bà Lầu Thị Chá") && printed.contains("1/QĐ-UBND-01"))
            let exported = try await shell.thidua(.secretary, ["decisions", "export", decisionID])
            #expect(exported.output.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && exported.output.contains("Số: 1/QĐ-UBND"), "\(exported.output)")
            // --output takes the server's JSON under --json, as every command with --output does, and says where it went.
            let documentFile = shell.folder.appendingPathComponent("quyet-dinh.json")
            let exportedJSON = try await shell.thidua(.secretary, ["decisions", "export", decisionID, "--json", "--output", documentFile.path])
            #expect(exportedJSON.status == 0 && exportedJSON.output.contains("quyet-dinh.json"), "\(exportedJSON.error)")
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: documentFile)) as? [String: Any]
            #expect((document?["lines"] as? [String])?.contains { $0.contains("Số: 1/QĐ-UBND") } == true)

            let yearly = try await shell.thidua(.secretary, ["reports", "yearly", "2021"])
            #expect(yearly.status == 0 && yearly.output.contains("Giấy khen của Chủ tịch Ủy ban nhân dân huyện (individual): 1"), "\(yearly.output)")
            #expect(yearly.output.contains("Biểu 0603.N") && yearly.output.contains("Giấy khen của Chủ tịch Ủy ban nhân dân huyện: 0 (0), 0, 1 (0; 0; 0; 0), 1"),
                    "\(yearly.output)")
            #expect(try await shell.thidua(.member, ["reports", "overdue"]).status == 77)
            let movements = try await shell.thidua(.secretary, ["reports", "movements", "--year", "2021"])
            #expect(movements.status == 0 && movements.output.contains("Tổng số: 2, 2, ") && movements.output.contains("  Chuyên đề: 1, 1, ")
                    && movements.output.contains("Cả nước chung sức xây dựng nông thôn mới (Trung ương; Toàn địa bàn; Có thời hạn 2021–2025; Chuyên đề)"),
                    "\(movements.output) \(movements.error)")
            let asJSON = try await shell.thidua(.secretary, ["reports", "movements", "--year", "2021", "--json"])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(asJSON.output.utf8)) as? [String: Any])
            #expect((report["movements"] as? [[String: Any]])?.count == 2)
            #expect(try await shell.thidua(.secretary, ["reports", "review-summary", "--kind", "mid-term"]).status == 66)
            #expect(try await shell.thidua(.secretary, ["reports", "review-summary", "--kind", "so-ket"]).status == 64)

            let server = "http://127.0.0.1:\(shell.port)"
            let verified = try await shell.thidua(.auditor, ["audit", "verify", "--server", server])
            #expect(verified.status == 0 && verified.output.contains("audit trail intact"), "\(verified.output) \(verified.error)")
            let wrongRoot = try await shell.thidua(.auditor, ["audit", "verify", "--server", server, "--expect-root", String(repeating: "0", count: 64)])
            #expect(wrongRoot.status == 65 && wrongRoot.error.contains("FAILED VERIFICATION"), "\(wrongRoot.error)")
            #expect(try await shell.thidua(.secretary, ["audit", "verify", "--server", server]).status == 77)
            let history = try await shell.thidua(.auditor, ["audit", "history", "nominations", id])
            #expect(history.status == 0 && history.output.contains("nomination.put_before_council") && history.output.contains("nomination.council_outcome"))
            let byUser = try await shell.thidua(.auditor, ["audit", "by-user", world.users[.chairman]!.uuidString])
            #expect(byUser.status == 0 && byUser.output.contains("decision.sign") && byUser.output.contains("council.vote"), "\(byUser.output)")
            let before = try await shell.thidua(.auditor, ["audit", "as-of", id, "--at", ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400))])
            #expect(before.status == 66, "the nomination did not exist a day ago: \(before.error)")
            let now = try await shell.thidua(.auditor, ["audit", "as-of", id, "--at", ISO8601DateFormatter().string(from: Date().addingTimeInterval(5))])
            #expect(now.status == 0 && now.output.contains("decided"), "\(now.output) \(now.error)")
            let compliance = try await shell.thidua(.secretary, ["compliance", world.round.uuidString])
            #expect(compliance.status == 0 && compliance.output.contains("UBND xã Tả Phìn"), "\(compliance.output)")

            // A commendation is not a proposal, and never becomes one (422, not a state to retry after); then the
            // decision is revoked by a new one, which the chairman signs.
            let notAProposal = try await shell.thidua(.secretary, [
                "decisions", "answer", decisionID, UUID().uuidString, "granted", "--reference", "1/QĐ-UBND", "--date", "2025-01-10"])
            #expect(notAProposal.status == 65 && notAProposal.error.contains("only_proposals_answered"), "\(notAProposal.error)")
            let revokeArguments = ["decisions", "revoke", decisionID, "--json", "--subject", "Về việc hủy bỏ quyết định khen thưởng",
                                   "--basis", "Luật Thi đua, khen thưởng 2022, điều 87", "--reason", "Hồ sơ khai không đúng sự thật"]
            #expect(try await shell.thidua(.secretary, revokeArguments + ["--date", "01/03/2025"]).status == 64)
            let revocation = try await shell.thidua(.secretary, revokeArguments + ["--date", "2025-03-01"])
            #expect(revocation.status == 0, "\(revocation.error)")
            let revocationID = try #require(try JSONSerialization.jsonObject(with: Data(revocation.output.utf8)) as? [String: Any])["id"] as? String
            #expect(try await shell.thidua(.chairman, ["decisions", "sign", try #require(revocationID)]).status == 0)
            let revoked = try await shell.thidua(.secretary, ["decisions", "show", decisionID, "--json"])
            #expect((try JSONSerialization.jsonObject(with: Data(revoked.output.utf8)) as? [String: Any])?["state"] as? String == "revoked",
                    "\(revoked.output)")

            let created = try await BuiltCommand.run("thidua", ["users", "create", "--unit", world.communeB.uuidString, "--username", "tapin.canbo2",
                                                                "--full-name", "Giàng Thị Dở"], environment: [
                "THIDUA_SERVER": "http://127.0.0.1:\(shell.port)", "THIDUA_SESSION_FILE": shell.folder.appendingPathComponent("admin.json").path,
                "THIDUA_NEW_PASSWORD": "một mật khẩu đủ dài",
            ])
            #expect(created.status == 0, "\(created.error)")
            let user = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
            // Who made the account does not arm it (0015): another administrator grants its roles.
            let ownRecruit = try await shell.thidua(.admin, ["users", "grant", user, "unit_clerk"])
            #expect(ownRecruit.status == 77 && ownRecruit.error.contains("own_recruit"), "\(ownRecruit.error)")
            let selfGrant = try await shell.thidua(.admin, ["users", "grant", world.users[.admin]!.uuidString, "auditor"])
            #expect(selfGrant.status == 77)
            #expect(try await shell.thidua(.admin, ["users", "disable", user, "--reason", "Nhập nhầm"]).status == 0)
            let byAuditor = try await shell.thidua(.auditor, ["users", "enable", user, "--reason", "Thử"])
            #expect(byAuditor.status == 77)
        }
    }

    @Test("users grant, revoke, disable and enable with --json print the user as `users show --json` does, fetched after the change")
    func userChangesPrintTheUser() async throws {
        let world = try await RecordsWorld.make()
        try await Shell.serving(world, signedIn: [.admin, .clerkA]) { shell in
            let user = world.users[.deputyA]!.uuidString
            func object(_ result: BuiltCommand.Result) throws -> [String: Any] {
                #expect(result.status == 0, "\(result.error)")
                return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
            }
            let granted = try await shell.thidua(.admin, ["users", "grant", user, "unit_head", "--json"])
            #expect(try object(granted)["roles"] as? [String] == ["unit_clerk", "unit_head"])
            #expect(try (object(granted)["id"] as? String)?.lowercased() == user.lowercased())
            #expect(try object(granted)["fullName"] as? String == "Vàng Thị Mỷ" && object(granted)["username"] as? String == "deputya")
            #expect(try await shell.thidua(.admin, ["users", "show", user, "--json"]).output == granted.output)
            let revoked = try await shell.thidua(.admin, ["users", "revoke", user, "unit_clerk", "--reason", "Chuyển việc", "--json"])
            #expect(try object(revoked)["roles"] as? [String] == ["unit_head"])
            // Without --json: the sentence, and `users show` for people.
            let plain = try await shell.thidua(.admin, ["users", "grant", user, "unit_clerk"])
            #expect(plain.status == 0 && plain.output.contains("granted unit_clerk"), "\(plain.output)")
            let shown = try await shell.thidua(.admin, ["users", "show", user])
            #expect(shown.status == 0 && shown.output.contains("Vàng Thị Mỷ (deputya)") && shown.output.contains("unit_clerk, unit_head")
                    && shown.output.contains("active"), "\(shown.output)")
            #expect(try await shell.thidua(.clerkA, ["users", "show", user]).status == 77)
            let disabled = try object(try await shell.thidua(.admin, ["users", "disable", user, "--reason", "Nghỉ phép dài", "--json"]))
            #expect(disabled["active"] as? Bool == false && disabled["version"] as? Int == 2)
            let enabled = try object(try await shell.thidua(.admin, ["users", "enable", user, "--reason", "Đi làm lại", "--json"]))
            #expect(enabled["active"] as? Bool == true && enabled["version"] as? Int == 3 && enabled["roles"] as? [String] == ["unit_clerk", "unit_head"])
            #expect(try await shell.thidua(.admin, ["users", "show", UUID().uuidString]).status == 66)
            // A refused change prints no user: the exit code and the error say it.
            let refused = try await shell.thidua(.admin, ["users", "grant", world.users[.admin]!.uuidString, "auditor", "--json"])
            #expect(refused.status == 77 && refused.output.isEmpty, "\(refused.output)")
        }
    }

    @Test("import drafts from CSV (a bad row is reported by the line it is on in the file, the others go in) and export them for Excel")
    func importAndExport() async throws {
        let world = try await RecordsWorld.make()
        let round = "thu-2021", movement = "nong-thon-moi"
        // The bad row is the file's line 5: after a record on two lines (a quoted line break) and a blank line.
        let good = "\u{FEFF}round,movement,kind,name,title,achievements\r\n"
            + "\(round),\(movement),individual,Giàng A Páo,Điển hình,\"Hiến 500 m² đất, làm 90 ngày công\nnăm 2021\"\r\n"
            + "\r\n"
        let bad = "\(round),\(movement),robot,Máy,,\r\n"
        let last = "\(round),\(movement),household,\"Hộ ông Sùng A \"\"Lử\"\"\",,\r\n"
        try await Shell.serving(world, signedIn: [.clerkA]) { shell in
            let folder = shell.folder
            let file = folder.appendingPathComponent("dang-ky.csv")
            try (good + bad + last).write(to: file, atomically: true, encoding: .utf8)
            let refused = try await shell.thidua(.clerkA, ["nominations", "import", file.path])
            #expect(refused.status == 65, "\(refused.output) \(refused.error)")
            #expect(refused.error.contains("dòng 5") && refused.error.contains("line 5") && !refused.error.contains("line 3"),
                    "\(refused.output) \(refused.error)")
            // Nothing was imported; without the bad row, both are.
            try (good + last).write(to: file, atomically: true, encoding: .utf8)
            let imported = try await shell.thidua(.clerkA, ["nominations", "import", file.path])
            #expect(imported.status == 0 && imported.output.contains("imported 2 drafts"), "\(imported.output) \(imported.error)")
            let exported = try await shell.thidua(.clerkA, ["nominations", "export"])
            #expect(exported.status == 0)
            #expect(exported.output.hasPrefix("\u{FEFF}STT,Đợt xét,Mã phong trào,"), "\(exported.output)")
            #expect(exported.output.contains("\"Hiến 500 m² đất, làm 90 ngày công\nnăm 2021\""))
            #expect(exported.output.contains("\"Hộ ông Sùng A \"\"Lử\"\"\""))

            // The same list as an Excel workbook: its parts, and the cells as typed (quotes and a line break kept).
            let workbookFile = folder.appendingPathComponent("danh-sach.xlsx")
            let workbook = try await shell.thidua(.clerkA, ["nominations", "export", "--output", workbookFile.path])
            #expect(workbook.status == 0, "\(workbook.error)")
            let archive = try Archive(url: workbookFile, accessMode: .read)
            #expect(Set(archive.map(\.path)) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"])
            var sheet = Data()
            _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
            let xml = try #require(String(data: sheet, encoding: .utf8))
            #expect(xml.contains("<t xml:space=\"preserve\">Thành tích</t>") && xml.contains(">Giàng A Páo<"))
            #expect(xml.contains(">Hộ ông Sùng A &quot;Lử&quot;<") && xml.contains("90 ngày công\nnăm 2021"))
            #expect(xml.components(separatedBy: "<row ").count - 1 == 3, "a header and the two imported drafts")
            _ = try XMLDocument(data: sheet)  // well-formed XML, or this throws
        }
    }

    @Test("a server pool of no connections, or not a number, is a usage error (64), before any database is touched")
    func poolSizeIsChecked() async throws {
        let database = ["--database-url", "host=127.0.0.1 port=1 connect_timeout=1"]
        let zero = try await BuiltCommand.run("thidua", ["serve", "--pool-size", "0"] + database, environment: [:])
        #expect(zero.status == 64 && zero.error.contains("--pool-size"), "\(zero.error)")
        let word = try await BuiltCommand.run("thidua", ["serve"] + database, environment: ["THIDUA_POOL_SIZE": "bốn"])
        #expect(word.status == 64 && word.error.contains("THIDUA_POOL_SIZE"), "\(word.error)")
    }

    @Test("an unreachable server is exit code 69")
    func unreachableServer() async throws {
        let result = try await BuiltCommand.run("thidua", ["login"], environment: [
            "THIDUA_SERVER": "http://127.0.0.1:1", "THIDUA_USERNAME": "clerka", "THIDUA_PASSWORD": "x",
            "THIDUA_SESSION_FILE": FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID()).json").path,
        ])
        #expect(result.status == 69, "\(result.error)")
    }
}
