import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaTesting

/// `/quan-tri/nguoi-dung` over real HTTP and a real database: the administrator creates an account, resets a
/// password with a reason, grants and revokes roles within the separation-of-duties rules (refusals shown in
/// Vietnamese), disables an account; and a round's page lists the deadline exceptions granted.
@Suite("UserPageTests")
struct UserPageTests {
    static let created = "Mật khẩu ban đầu 01"
    static let reset = "Mật khẩu đặt lại 02"

    @Test("the administrator creates an account, may not arm it, resets its password with a reason, and the user signs in with the new one")
    func createAndReset() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let admin = PageClient(api: api, session: try await api.signIn(.admin))
            let home = try await admin.get("/")
            #expect(home.text.contains("href=\"/quan-tri/nguoi-dung\""))
            let list = try await admin.get("/quan-tri/nguoi-dung")
            #expect(list.status == .ok && list.text.contains("Lò Văn Pâng") && list.text.contains("clerka") && list.text.contains("Cán bộ nhập liệu"))
            let token = try #require(PageClient.csrf(in: list.text))

            let short = try await admin.post("/quan-tri/nguoi-dung", [("_csrf", token), ("unit", world.communeA.lower), ("username", "vang.a.do"),
                                                                      ("fullName", "Vàng A Dơ"), ("password", "ngắn")])
            #expect(short.status == .unprocessableContent && short.text.contains("ít nhất 10 ký tự") && short.text.contains("Vàng A Dơ"))
            let made = try await admin.post("/quan-tri/nguoi-dung", [("_csrf", token), ("unit", world.communeA.lower), ("username", "vang.a.do"),
                                                                     ("fullName", "Vàng A Dơ"), ("password", Self.created)])
            #expect(made.status == .seeOther)
            let location = try #require(made.headers[.location])
            let path = String(location.prefix { $0 != "?" })
            let page = try await admin.get(location)
            #expect(page.text.contains("Vàng A Dơ") && page.text.contains("Tài khoản chưa có vai trò nào") && page.text.contains("UBND xã Sín Chải"))
            #expect(!page.text.contains("value=\"admin\""))

            let armed = try await admin.post("\(path)/cap-quyen", [("_csrf", token), ("role", "unit_clerk")])
            #expect(armed.status == .forbidden && armed.text.contains("do chính mình tạo"))
            let promoted = try await admin.post("\(path)/cap-quyen", [("_csrf", token), ("role", "admin")])
            #expect(promoted.status == .forbidden && promoted.text.contains("người cài đặt"))

            let noReason = try await admin.post("\(path)/dat-lai-mat-khau", [("_csrf", token), ("password", Self.reset), ("reason", "")])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("lý do"))
            let done = try await admin.post("\(path)/dat-lai-mat-khau", [("_csrf", token), ("password", Self.reset), ("reason", "Cán bộ quên mật khẩu ban đầu")])
            #expect(done.status == .seeOther)
            #expect(try await admin.get(done.headers[.location] ?? "").text.contains("Đã đặt lại mật khẩu"))

            let sessions = SessionRepository(store: world.store)
            await #expect(throws: ThiduaError.invalidCredentials) { _ = try await sessions.signIn(username: "vang.a.do", password: Self.created, address: nil) }
            _ = try await sessions.signIn(username: "vang.a.do", password: Self.reset, address: nil)
        }
    }

    @Test("roles of an account made by the installer are granted with their day and revoked with a reason; an account is disabled with a reason; the own account offers nothing")
    func grantsAndDisabling() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let admin = PageClient(api: api, session: try await api.signIn(.admin))
            let token = try await admin.csrf(on: "/quan-tri/nguoi-dung")
            let clerk = "/quan-tri/nguoi-dung/\(world.users[.clerkA]!.lower)"
            #expect(try await admin.post("\(clerk)/cap-quyen", [("_csrf", token), ("role", "council_member")]).status == .seeOther)
            let page = try await admin.get(clerk)
            #expect(page.text.contains("Thành viên Hội đồng") && page.text.contains("Cấp từ"))
            let noReason = try await admin.post("\(clerk)/thu-hoi", [("_csrf", token), ("role", "council_member"), ("reason", " ")])
            #expect(noReason.status == .unprocessableContent)
            #expect(try await admin.post("\(clerk)/thu-hoi", [("_csrf", token), ("role", "council_member"), ("reason", "Thôi tham gia Hội đồng")]).status == .seeOther)
            #expect(!(try await admin.get(clerk).text.contains("<td data-label=\"Vai trò\">Thành viên Hội đồng")))

            let clerkB = PageClient(api: api, session: try await api.signIn(.clerkB))
            #expect(try await clerkB.get("/ho-so").status == .ok)
            let other = "/quan-tri/nguoi-dung/\(world.users[.clerkB]!.lower)"
            #expect(try await admin.post("\(other)/khoa", [("_csrf", token), ("reason", "Chuyển công tác")]).status == .seeOther)
            #expect(try await admin.get(other).text.contains("Đã khóa"))
            #expect(try await clerkB.get("/ho-so").status != .ok)

            let own = "/quan-tri/nguoi-dung/\(world.users[.admin]!.lower)"
            #expect(!(try await admin.get(own).text.contains("dat-lai-mat-khau")))
            let selfReset = try await admin.post("\(own)/dat-lai-mat-khau", [("_csrf", token), ("password", Self.reset), ("reason", "Tự đặt")])
            #expect(selfReset.status == .forbidden && selfReset.text.contains("không đặt lại mật khẩu của chính mình"))

            let secretary = PageClient(api: api, session: try await api.signIn(.secretary))
            #expect(!(try await secretary.get("/").text.contains("/quan-tri/nguoi-dung")))
            #expect(try await secretary.get("/quan-tri/nguoi-dung").status == .forbidden)
            let forged = try await secretary.post("\(clerk)/dat-lai-mat-khau", [("_csrf", try await secretary.csrf(on: "/")), ("password", Self.reset), ("reason", "Giả mạo")])
            #expect(forged.status == .forbidden)
        }
    }

    @Test("the administrator reads on an account's page the delegations it gave or received, with their period and basis")
    func delegationsOnTheAccountPage() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let head = try await world.actor(.headA)
            _ = try await world.userRepository.delegate(.unitHead, to: world.users[.deputyA]!, style: .onBehalf, until: Date().addingTimeInterval(7 * 86400),
                                                        basis: "Quyết định số 12/QĐ-UBND xã, Chủ tịch đi công tác", by: head)
            let admin = PageClient(api: api, session: try await api.signIn(.admin))
            let page = try await admin.get("/quan-tri/nguoi-dung/\(world.users[.deputyA]!.lower)")
            #expect(page.text.contains("Giàng A Của ủy quyền ký thay (KT.) vai trò Thủ trưởng đơn vị cho Vàng Thị Mỷ"))
            #expect(page.text.contains("Quyết định số 12/QĐ-UBND xã, Chủ tịch đi công tác"))
            #expect(try await world.userRepository.delegations(involving: world.users[.headA]!, as: try await world.actor(.admin)).count == 1)
        }
    }

    @Test("a round's page lists the deadline exceptions granted: the unit, until when, why and who")
    func exceptionsOnTheRoundPage() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let secretary = try await world.actor(.secretary)
            _ = try await world.rounds.grantDeadlineException(round: world.round, unit: world.communeB, until: Date().addingTimeInterval(86400),
                                                              reason: "Sạt lở đường lên xã", by: secretary)
            let pages = PageClient(api: api, session: try await api.signIn(.secretary))
            let page = try await pages.get("/dot/\(world.round.lower)")
            #expect(page.text.contains("Các trường hợp đã cho gia hạn") && page.text.contains("Sạt lở đường lên xã"))
            #expect(page.text.contains("Phạm Thu Trang") && page.text.contains("UBND xã Tả Phìn"))
            let clerkA = PageClient(api: api, session: try await api.signIn(.clerkA))
            #expect(!(try await clerkA.get("/dot/\(world.round.lower)").text.contains("Sạt lở đường lên xã")))
        }
    }
}
