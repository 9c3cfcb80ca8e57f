import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Commendation decisions against a real PostgreSQL (issue 4 §3): drafting from approved nominations, signing in
/// person and "KT. Chủ tịch", numbering, immutability, the law's refusals, rewards on the decision's date,
/// proposals upward and revocations.
@Suite("DecisionTests")
struct DecisionTests {
    typealias Person = RecordsWorld.Person

    // MARK: - Signing

    @Test("the test world's registers (RecordsWorld.addDecisionSeries): decisions QĐ-UBND and proposals TTr-UBND of the district chairman, as the secretariat lists them")
    func testWorldSeries() async throws {
        let f = try await DecisionFixture.make()
        let extra = try await f.world.addDecisionSeries(code: "qd-ubnd-2")
        let listed = try await f.decisions.series(as: f[.secretary])
        #expect(Set(listed.map(\.id)) == [f.decisionSeries, f.proposalSeries, extra])
        for series in listed {
            let decision = series.id != f.proposalSeries
            #expect(series.documentKind == (decision ? .decision : .proposal) && series.suffix == (decision ? "QĐ-UBND" : "TTr-UBND"))
            #expect(series.issuerLevel == .districtChairman && series.issuingBody == "Ủy ban nhân dân huyện Thử Nghiệm" && series.place == "Thử Nghiệm")
        }
        #expect(listed.first { $0.id == extra }?.code == "qd-ubnd-2" && listed.first { $0.id == f.proposalSeries }?.code == "ttr-ubnd")
    }

    @Test("signing numbers the decision, decides its nominations and makes the commendation records, all audited; the document shows number, date, bases and the signer")
    func signingEndToEnd() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        var decision = try await f.draft([
            DecisionItemDraft(nominationID: nominations[0].id, form: "giay-khen-chu-tich-huyen"),
            DecisionItemDraft(nominationID: nominations[1].id, form: "lao-dong-tien-tien"),
        ])
        #expect(decision.state == .draft && decision.symbol == nil && decision.kind == .commendation)
        #expect(try await f.decisions.document(decision.id, as: f[.secretary]).number == "Số:      /QĐ-UBND")

        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
        #expect(decision.state == .signed && decision.symbol == "1/QĐ-UBND" && decision.year == 2024)
        #expect(decision.signedAs == .inPerson && decision.signedBy == f.world.users[.chairman] && decision.signedFor == nil)
        for nomination in nominations {
            #expect(try await f.world.nominations.get(nomination.id, as: f[.secretary]).state == .decided)
            let history = try await f.commendations.history(of: nomination.nomineeID, as: f[.secretary])
            #expect(history.count == 1)
            #expect(history.first?.reference == "1/QĐ-UBND" && history.first?.year == 2021 && history.first?.type == .byMovement)
            #expect(history.first?.conferredBy == .districtChairman && history.first?.isRevoked == false)
        }
        // The nominee's own unit reads its commendations; another unit does not.
        #expect(try await f.commendations.history(of: nominations[0].nomineeID, as: f[.clerkB]).count == 1)
        #expect(try await f.commendations.history(of: nominations[0].nomineeID, as: f[.clerkA]).isEmpty)

        let document = try await f.decisions.document(decision.id, as: f[.clerkA])
        #expect(document.number == "Số: 1/QĐ-UBND")
        #expect(document.dateLine == "Thử Nghiệm, ngày 20 tháng 12 năm 2024")
        #expect(document.bases == ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                                   "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng huyện;"])
        #expect(document.articles.contains("1. Lò Thị Mai: Giấy khen của Chủ tịch Ủy ban nhân dân huyện; tiền thưởng 702.000 đồng"))
        #expect(document.articles.contains("2. Sùng A Páo: Lao động tiên tiến; tiền thưởng 702.000 đồng"))
        #expect(document.signature == ["CHỦ TỊCH", "Vũ Đình Khoa"])

        let events = try await f.world.audit.history(of: "decisions", id: decision.id.uuidString.lowercased(), as: f[.auditor])
        #expect(events.map(\.action) == ["commendation.draft", "decision.sign"])
        #expect(events.last?.actorRole == "chairman")
        let decided = try await f.world.audit.history(of: "nominations", id: nominations[0].id.uuidString.lowercased(), as: f[.auditor])
        #expect(decided.last?.action == "nomination.decide" && decided.last?.actorID == f.world.users[.chairman])
    }

    @Test("a deputy holding the chairman's KT delegation signs “KT. CHỦ TỊCH / PHÓ CHỦ TỊCH”; a TL delegate or a deputy signing as the chairman is refused")
    func deputySignsOnBehalf() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        let first = try await f.draft([DecisionItemDraft(nominationID: nominations[0].id, form: "giay-khen-chu-tich-huyen")])

        await #expect(throws: ThiduaError.denied(.signsOnlyInPersonOrKT)) {
            try await f.decisions.sign(first.id, version: first.version, by: f.clerkDeputy)
        }
        // Behind the repository: the deputy naming no delegator (signing as the chairman) is refused.
        #expect(try await f.refusal(of: """
            UPDATE thidua.decisions SET state = 'signed', version = version + 1 WHERE id = \(first.id)
            """, as: f.deputy, in: .chairman) == "TD008")

        let signed = try await f.decisions.sign(first.id, version: first.version, by: f.deputy)
        #expect(signed.signedAs == .onBehalf && signed.signedBy == f.deputy.userID && signed.signedFor == f.world.users[.chairman])
        let document = try await f.decisions.document(signed.id, as: f[.secretary])
        #expect(document.signature == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Phó"])
        let event = try await f.world.audit.history(of: "decisions", id: signed.id.uuidString.lowercased(), as: f[.auditor]).last
        #expect(event?.actorID == f.deputy.userID && event?.onBehalfOf == f.world.users[.chairman] && event?.action == "decision.sign")
    }

    @Test("the chairman signing one decision twice at once: one signing wins, the other gets a clear conflict, one number is taken")
    func doubleSigningAtOnce() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        let decision = try await f.draft(nominations.map { DecisionItemDraft(nominationID: $0.id, form: "lao-dong-tien-tien") })
        let barrier = Barrier(parties: 2)
        let results = await withTaskGroup(of: Result<Decision, any Error>.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    await barrier.arrive()
                    do { return .success(try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])) }
                    catch { return .failure(error) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let winners = results.compactMap { try? $0.get() }
        #expect(winners.count == 1 && winners.first?.symbol == "1/QĐ-UBND")
        for case .failure(let error) in results {
            let conflict = error as? ThiduaError
            #expect(conflict == .decision(.state(.signed)) || conflict == .staleVersion(expected: decision.version, current: decision.version + 1),
                    "\(error)")
        }
        let counts = try await f.world.superuser { connection in
            try await connection.query("""
                SELECT (SELECT last_number FROM thidua.decision_numbers WHERE series_id = \(f.decisionSeries)),
                       (SELECT count(*)::integer FROM thidua.commendation_records WHERE decision_id = \(decision.id)),
                       (SELECT count(*)::integer FROM thidua.audit_events WHERE record_type = 'decisions' AND action = 'decision.sign'),
                       (SELECT max(version) FROM thidua.nominations WHERE id = ANY (\(nominations.map(\.id))))
                """).single()!
        }
        #expect(try counts.decode(Int.self, at: 0) == 1)
        #expect(try counts.decode(Int.self, at: 1) == 2)
        #expect(try counts.decode(Int.self, at: 2) == 1)
        #expect(try counts.decode(Int.self, at: 3) == nominations[0].version + 1)
    }

    @Test("numbers are unique and gapless in their series under concurrent drafting and signing; a draft sent back takes none")
    func numbersUniqueAndGapless() async throws {
        let f = try await DecisionFixture.make()
        let count = 6
        let nominations = try await f.approved((1...count).map { "Người được đề nghị số \($0)" })
        let barrier = Barrier(parties: count)
        let drafts = try await withThrowingTaskGroup(of: Decision.self) { group in
            for nomination in nominations {
                group.addTask {
                    await barrier.arrive()
                    return try await f.draft([DecisionItemDraft(nominationID: nomination.id, form: "lao-dong-tien-tien")])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(drafts.allSatisfy { $0.number == nil })
        // One of them is sent back first: it takes no number.
        let returned = try await f.decisions.sendBack(drafts[0].id, version: drafts[0].version, reason: "Bổ sung căn cứ", by: f[.chairman])
        #expect(returned.state == .returned && returned.number == nil && returned.returnReason == "Bổ sung căn cứ")
        let signingBarrier = Barrier(parties: count - 1)
        let numbers = try await withThrowingTaskGroup(of: Int?.self) { group in
            for draft in drafts.dropFirst() {
                group.addTask {
                    await signingBarrier.arrive()
                    return try await f.decisions.sign(draft.id, version: draft.version, by: f[.chairman]).number
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(numbers.compactMap { $0 }.sorted() == Array(1..<count))
        let resubmitted = try await f.decisions.resubmit(returned.id, version: returned.version, by: f[.secretary])
        #expect(try await f.decisions.sign(resubmitted.id, version: resubmitted.version, by: f[.chairman]).number == count)
    }

    // MARK: - Immutability

    @Test("a signed decision cannot be changed by anyone: not through the repository, not by SQL as the application role, not by the owner")
    func signedDecisionIsImmutable() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        var decision = try await f.draft([DecisionItemDraft(nominationID: nominations[0].id, form: "lao-dong-tien-tien")])
        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
        let item = decision.items[0].id

        await #expect(throws: ThiduaError.decision(.state(.signed))) {
            try await f.decisions.addItems([DecisionItemDraft(nominationID: nominations[1].id, form: "lao-dong-tien-tien")],
                                           to: decision.id, version: decision.version, by: f[.secretary])
        }
        await #expect(throws: ThiduaError.decision(.state(.signed))) {
            try await f.decisions.removeItem(item, from: decision.id, version: decision.version, by: f[.secretary])
        }
        await #expect(throws: ThiduaError.decision(.state(.signed))) {
            try await f.decisions.sendBack(decision.id, version: decision.version, reason: "Sửa lại", by: f[.chairman])
        }
        await #expect(throws: ThiduaError.decision(.state(.signed))) {
            try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
        }

        let attempts: [(PostgresQuery, Person, Role)] = [
            ("UPDATE thidua.decisions SET subject = 'Về việc khác', version = version + 1 WHERE id = \(decision.id)", .secretary, .secretariat),
            ("UPDATE thidua.decisions SET decided_on = '2024-01-02', version = version + 1 WHERE id = \(decision.id)", .chairman, .chairman),
            ("UPDATE thidua.decisions SET state = 'draft', number = NULL, version = version + 1 WHERE id = \(decision.id)", .chairman, .chairman),
            ("UPDATE thidua.decisions SET state = 'revoked', version = version + 1 WHERE id = \(decision.id)", .chairman, .chairman),
            ("UPDATE thidua.decision_items SET amount = 9000000, coefficient = 4, base_salary = 2250000, version = version + 1 WHERE id = \(item)", .secretary, .secretariat),
            ("UPDATE thidua.decision_items SET removed_at = now(), version = version + 1 WHERE id = \(item)", .secretary, .secretariat),
            ("UPDATE thidua.decision_items SET answer = 'granted', answer_reference = 'x', answered_on = '2024-12-21', answered_by = \(f.world.users[.secretary]!), version = version + 1 WHERE id = \(item)", .secretary, .secretariat),
            ("UPDATE thidua.commendation_records SET amount = 1, version = version + 1 WHERE decision_id = \(decision.id)", .chairman, .chairman),
        ]
        for (sql, person, role) in attempts {
            #expect(try await f.refusal(of: sql, as: f[person], in: role) == "TD033", "\(sql.sql)")
        }
        // A new item under a signed decision, and deletions, which the application role may not even attempt.
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.decision_items (decision_id, nomination_id, area_id, unit_id, nominee_id, nominee_kind, nominee_name,
                                               round_id, movement_id, form_code, type_code)
            SELECT \(decision.id), n.id, n.area_id, n.unit_id, n.nominee_id, n.nominee_kind, n.nominee_name, n.round_id, n.movement_id,
                   'lao-dong-tien-tien', 'by_movement'
            FROM thidua.nominations n WHERE n.id = \(nominations[1].id)
            """, as: f[.secretary], in: .secretariat) == "TD033")
        #expect(try await f.refusal(of: "DELETE FROM thidua.decisions WHERE id = \(decision.id)", as: f[.chairman], in: .chairman) == "42501")
        // The owner's session (a superuser acting as the installer) is refused by the same guards.
        #expect(try await f.ownerRefusal(of: "DELETE FROM thidua.decision_items WHERE id = \(item)") == "TD033")
        #expect(try await f.ownerRefusal(of: "UPDATE thidua.decisions SET subject = 'x', version = version + 1 WHERE id = \(decision.id)") == "TD033")
        #expect(try await f.ownerRefusal(of: "DELETE FROM thidua.commendation_records WHERE decision_id = \(decision.id)") == "TD033")
        // Numbers are taken only by signing.
        #expect(try await f.refusal(of: "UPDATE thidua.decision_numbers SET last_number = last_number + 1", as: f[.chairman], in: .chairman) == "TD002")

        let after = try await f.decisions.decision(decision.id, as: f[.auditor])
        #expect(after == decision)
    }

    // MARK: - The law's refusals

    @Test("a decision granting what its signer may not confer is refused (propose it upward instead); the district's powers end on 2025-07-01")
    func beyondTheSignersPower() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai"])
        let nomination = nominations[0]
        await #expect(throws: ThiduaError.notConferrable(form: "bang-khen-chu-tich-tinh", proposeTo: .provinceChairman)) {
            try await f.draft([DecisionItemDraft(nominationID: nomination.id, form: "bang-khen-chu-tich-tinh")])
        }
        await #expect(throws: ThiduaError.notConferrable(form: "giay-khen-chu-tich-huyen", proposeTo: nil)) {
            try await f.draft([DecisionItemDraft(nominationID: nomination.id, form: "giay-khen-chu-tich-huyen")], on: "2025-08-01")
        }
        // Behind the repository, the item's guard refuses it too.
        let decision = try await f.draft([DecisionItemDraft(nominationID: nomination.id, form: "lao-dong-tien-tien")])
        let removed = try await f.decisions.removeItem(decision.items[0].id, from: decision.id, version: decision.version, by: f[.secretary])
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.decision_items (decision_id, nomination_id, area_id, unit_id, nominee_id, nominee_kind, nominee_name,
                                               round_id, movement_id, form_code, type_code)
            SELECT \(removed.id), n.id, n.area_id, n.unit_id, n.nominee_id, n.nominee_kind, n.nominee_name, n.round_id, n.movement_id,
                   'bang-khen-chu-tich-tinh', 'by_movement'
            FROM thidua.nominations n WHERE n.id = \(nomination.id)
            """, as: f[.secretary], in: .secretariat) == "TD030")

        // The district proposes it to the province instead: a proposal, numbered in its own series, that tracks the answer.
        var proposal = try await f.draft([DecisionItemDraft(nominationID: nomination.id, form: "bang-khen-chu-tich-tinh")],
                                         proposalTo: .provinceChairman)
        #expect(proposal.kind == .proposal && proposal.liveItems.first?.reward == nil)
        proposal = try await f.decisions.sign(proposal.id, version: proposal.version, by: f[.chairman])
        #expect(proposal.symbol == "1/TTr-UBND")
        #expect(try await f.world.nominations.get(nomination.id, as: f[.secretary]).state == .decided)
        #expect(try await f.commendations.history(of: nomination.nomineeID, as: f[.secretary]).isEmpty)
        let document = try await f.decisions.document(proposal.id, as: f[.secretary])
        #expect(document.title == "TỜ TRÌNH" && document.articles.first == "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh")

        proposal = try await f.decisions.recordAnswer(.granted, item: proposal.items[0].id, of: proposal.id,
                                                      reference: "1234/QĐ-UBND tỉnh Điện Biên", on: day("2025-02-10"), by: f[.secretary])
        #expect(proposal.items[0].answer == .granted && proposal.state == .signed)
        let record = try await f.commendations.history(of: nomination.nomineeID, as: f[.secretary]).first
        #expect(record?.form == "bang-khen-chu-tich-tinh" && record?.conferredBy == .provinceChairman
                && record?.reference == "1234/QĐ-UBND tỉnh Điện Biên" && record?.conferredOn == day("2025-02-10"))
        await #expect(throws: ThiduaError.notFound("dòng chưa được trả lời / unanswered proposal item")) {
            try await f.decisions.recordAnswer(.refused, item: proposal.items[0].id, of: proposal.id, reference: "Trả lời lại",
                                               on: day("2025-02-11"), by: f[.secretary])
        }
    }

    @Test("a person under a hold cannot be put in a decision, and a hold placed after drafting stops the signing; a lifted hold no longer blocks")
    func holdsBlockCommendation() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        let (held, other) = (nominations[0], nominations[1])
        let hold = try await f.holds.place(.discipline, on: held.nomineeID, from: day("2024-01-01"),
                                           basis: "Quyết định thi hành kỷ luật số 05/QĐ-UBND", by: f[.secretary])
        await #expect(throws: ThiduaError.underHold(.discipline)) {
            try await f.draft([DecisionItemDraft(nominationID: held.id, form: "lao-dong-tien-tien")])
        }
        await #expect(throws: ThiduaError.underHold(.discipline)) {
            try await f.draft([DecisionItemDraft(nominationID: held.id, form: "bang-khen-chu-tich-tinh")], proposalTo: .provinceChairman)
        }
        // Policy first: a unit head places no holds and reads none.
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat]))) {
            try await f.holds.place(.complaint, on: other.nomineeID, from: day("2024-01-01"), basis: "Đơn khiếu nại", by: f[.headB])
        }
        #expect(try await f.holds.holds(of: held.nomineeID, as: f[.chairman]).map(\.kind) == [.discipline])

        // Lifted from 2024-06-01: a decision dated later commends the nominee.
        _ = try await f.holds.lift(hold.id, version: hold.version, on: day("2024-06-01"), reason: "Hết thời hạn kỷ luật", by: f[.secretary])
        let decision = try await f.draft([DecisionItemDraft(nominationID: held.id, form: "lao-dong-tien-tien"),
                                          DecisionItemDraft(nominationID: other.id, form: "lao-dong-tien-tien")])
        // An investigation opened after the drafting, in force on the decision's date, stops the signing.
        _ = try await f.holds.place(.investigation, on: other.nomineeID, from: day("2024-12-01"),
                                    basis: "Thông báo thụ lý điều tra số 12/TB-CAH", by: f[.secretary])
        await #expect(throws: ThiduaError.underHold(.investigation)) {
            try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
        }
        #expect(try await f.decisions.decision(decision.id, as: f[.secretary]).state == .draft)
        #expect(try await f.world.nominations.get(held.id, as: f[.secretary]).state == .approved)
    }

    @Test("one achievement is commended once: a second commendation of the same nominee's work in the same movement and round is refused, even drafted at once")
    func oneAchievementOneCommendation() async throws {
        let f = try await DecisionFixture.make()
        let first = try await f.approved(["Lò Thị Mai"])[0]
        var decision = try await f.draft([DecisionItemDraft(nominationID: first.id, form: "lao-dong-tien-tien")])
        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])

        // The commune nominates the same person for the same work again; the council approves it again.
        var draft = f.world.draft(name: "Lò Thị Mai")
        draft.nominee = .existing(first.nomineeID)
        var again = try await f.world.nominations.create(draft, by: f[.clerkB])
        try await f.world.completeDossier(of: again.id, by: f[.clerkB])
        again = try await f.world.nominations.perform(.submit, on: again.id, version: again.version, by: f[.headB])
        again = try await f.world.nominations.perform(.endorse, on: again.id, version: again.version, by: f[.leadHead])
        again = try await f.world.nominations.perform(.verify, on: again.id, version: again.version, by: f[.secretary])
        again = try await f.approve([again.id])[0]
        await #expect(throws: ThiduaError.alreadyCommended) {
            try await f.draft([DecisionItemDraft(nominationID: again.id, form: "giay-khen-chu-tich-huyen")])
        }
        await #expect(throws: ThiduaError.alreadyCommended) {
            try await f.draft([DecisionItemDraft(nominationID: again.id, form: "bang-khen-chu-tich-tinh")], proposalTo: .provinceChairman)
        }

        // Two drafts of one new achievement at once: one holds it, the other is refused.
        let fresh = try await f.approved(["Sùng A Páo"])[0]
        let barrier = Barrier(parties: 2)
        let results = await withTaskGroup(of: Result<Decision, any Error>.self) { group in
            for form in ["lao-dong-tien-tien", "giay-khen-chu-tich-huyen"] {
                group.addTask {
                    await barrier.arrive()
                    do { return .success(try await f.draft([DecisionItemDraft(nominationID: fresh.id, form: form)])) }
                    catch { return .failure(error) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.compactMap { try? $0.get() }.count == 1)
        for case .failure(let error) in results {
            #expect(error as? ThiduaError == .alreadyCommended, "\(error)")
        }
    }

    @Test("a reward uses the coefficient and the base salary in force on the decision's date, not today's, and keeps both")
    func rewardOnTheDecisionsDate() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        var early = try await f.draft([DecisionItemDraft(nominationID: nominations[0].id, form: "lao-dong-tien-tien")], on: "2024-03-15")
        early = try await f.decisions.sign(early.id, version: early.version, by: f[.chairman])
        #expect(early.items[0].reward == Reward(coefficient: Decimal(string: "0.3")!, baseSalary: 1_800_000, amount: 540_000))
        let late = try await f.draft([DecisionItemDraft(nominationID: nominations[1].id, form: "lao-dong-tien-tien")], on: "2024-12-20")
        #expect(late.items[0].reward == Reward(coefficient: Decimal(string: "0.3")!, baseSalary: 2_340_000, amount: 702_000))
        #expect(try await f.rules.baseSalary(on: Date(), as: f[.secretary])?.amount == 2_340_000)
        #expect(try await f.commendations.history(of: nominations[0].nomineeID, as: f[.secretary]).first?.amount == 540_000)
        #expect(try await f.decisions.document(early.id, as: f[.secretary]).articles.contains("1. Lò Thị Mai: Lao động tiên tiến; tiền thưởng 540.000 đồng"))
    }

    // MARK: - Sending back and revoking

    @Test("the chairman sends a draft back with a reason; the secretariat removes an item and puts it up again; a returned draft is not signed")
    func sendBackAndResubmit() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        var decision = try await f.draft(nominations.map { DecisionItemDraft(nominationID: $0.id, form: "lao-dong-tien-tien") })
        await #expect(throws: ThiduaError.reasonRequired) {
            try await f.decisions.sendBack(decision.id, version: decision.version, reason: " ", by: f[.chairman])
        }
        await #expect(throws: ThiduaError.denied(.roleRequired([.chairman]))) {
            try await f.decisions.sign(decision.id, version: decision.version, by: f[.secretary])
        }
        decision = try await f.decisions.sendBack(decision.id, version: decision.version, reason: "Ông Sùng A Páo chưa đủ tiêu chuẩn", by: f[.chairman])
        await #expect(throws: ThiduaError.decision(.state(.returned))) {
            try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
        }
        decision = try await f.decisions.removeItem(decision.items[1].id, from: decision.id, version: decision.version, by: f[.secretary])
        await #expect(throws: ThiduaError.staleVersion(expected: decision.version - 1, current: decision.version)) {
            try await f.decisions.resubmit(decision.id, version: decision.version - 1, by: f[.secretary])
        }
        decision = try await f.decisions.resubmit(decision.id, version: decision.version, by: f[.secretary])
        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
        #expect(decision.liveItems.map(\.nominationID) == [nominations[0].id] && decision.items.count == 2)
        #expect(try await f.world.nominations.get(nominations[1].id, as: f[.secretary]).state == .approved)
        let events = try await f.world.audit.history(of: "decisions", id: decision.id.uuidString.lowercased(), as: f[.auditor])
        #expect(events.map(\.action) == ["commendation.draft", "decision.send_back", "decision.remove_item", "decision.resubmit", "decision.sign"])
        #expect(events[1].reason == "Ông Sùng A Páo chưa đủ tiêu chuẩn")
    }

    @Test("a decision resting on false records is revoked by a new, audited decision that names it; its commendation records are marked revoked, never deleted")
    func revocation() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        var decision = try await f.draft(nominations.map { DecisionItemDraft(nominationID: $0.id, form: "lao-dong-tien-tien") })
        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])

        let reason = "Hồ sơ kê khai không trung thực (Kết luận thanh tra số 07/KL-TTr)"
        var revocation = try await f.decisions.draftRevocation(
            of: decision.id, on: day("2025-03-10"), subject: "Về việc hủy bỏ quyết định khen thưởng",
            legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"], reason: reason, by: f[.secretary])
        #expect(try await f.decisions.decision(decision.id, as: f[.secretary]).state == .signed)
        revocation = try await f.decisions.sign(revocation.id, version: revocation.version, by: f.deputy)
        // Numbered in the same series, whose numbers restart with the year of the date.
        #expect(revocation.symbol == "1/QĐ-UBND" && revocation.year == 2025)
        #expect(revocation.revokes == decision.id && revocation.signedAs == .onBehalf)

        let revoked = try await f.decisions.decision(decision.id, as: f[.auditor])
        #expect(revoked.state == .revoked && revoked.revokedBy == revocation.id && revoked.symbol == "1/QĐ-UBND")
        for nomination in nominations {
            let history = try await f.commendations.history(of: nomination.nomineeID, as: f[.secretary])
            #expect(history.count == 1 && history.first?.isRevoked == true && history.first?.revokedBy == revocation.id)
        }
        let document = try await f.decisions.document(revocation.id, as: f[.secretary])
        #expect(document.articles.first == "Điều 1. Hủy bỏ Quyết định số 1/QĐ-UBND ngày 20/12/2024; lý do: \(reason).")
        #expect(document.signature == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Phó"])

        let events = try await f.world.audit.history(of: "decisions", id: decision.id.uuidString.lowercased(), as: f[.auditor])
        #expect(events.map(\.action) == ["commendation.draft", "decision.sign", "decision.revoked"])
        #expect(events.last?.onBehalfOf == f.world.users[.chairman])

        // Revoked once; a revoked decision changes no more.
        await #expect(throws: ThiduaError.decision(.state(.revoked))) {
            try await f.decisions.draftRevocation(of: decision.id, on: day("2025-03-11"), subject: "Hủy lần hai",
                                                  legalBases: ["Luật Thi đua, khen thưởng"], reason: "Lặp lại", by: f[.secretary])
        }
        #expect(try await f.refusal(of: """
            UPDATE thidua.commendation_records SET revoked_at = NULL, revoked_by_decision_id = NULL, version = version + 1
            WHERE decision_id = \(decision.id)
            """, as: f[.chairman], in: .chairman) == "TD033")
    }
}
