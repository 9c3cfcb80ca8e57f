import Foundation
import Hummingbird
import ThiduaCore

/// `/kiem-tra/chuoi`: an auditor verifies the whole audit chain from the page. The form posts (with its CSRF
/// token) and the check runs in the server (``AuditChainChecks``) through the `thidua_verifier` login, as
/// `GET /api/v1/audit/verification` does; this page, loaded again every few seconds by the browser itself
/// (`<meta http-equiv="refresh">`, no script), shows the events checked out of the total, then the result:
/// intact, or the first event that fails, named by its record, its time and its author.
struct AuditChainPage: Sendable {
    /// Seconds between two loads of the page while a check runs.
    static let refreshSeconds = 2

    let store: RecordStore
    let verifierURL: String?
    let checks: AuditChainChecks

    private struct View {
        var csrf: String
        var running: Bool
        var checked: String
        var total: String
        var percent: Int
        var counted: Bool
        var checkedNumber: Int
        var totalNumber: Int
        var startedAt: String
        var finished: Bool
        var intact: Bool
        var summary: [String]
        var problem: String?
        var failing: [AuditEventLine]
        var hasFailing: Bool
        var failure: String?
        var root: String
        var latestRoot: String?
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/kiem-tra/chuoi") { request, context in try await page(request, context) }
        pages.post("/kiem-tra/chuoi") { request, context in
            let actor = context.actor
            try AuditTrail.permitVerification(by: actor)
            do {
                var root: AuditExpectedRoot?
                if let text = context.form.text("goc") {
                    guard let parsed = AuditExpectedRoot(parsing: text) else {
                        throw ThiduaError.invalid(
                            field: "goc", vietnamese: "Gốc đã lưu không đúng dạng: cần 64 chữ số thập lục phân như kết quả lần trước đã ghi (hoặc “số mốc:mã”), hoặc để trống.",
                            english: "The kept root is not 64 hexadecimal digits as the last result gave (or “checkpoint:hash”); or leave it empty.")
                    }
                    root = parsed
                }
                let verifierURL = verifierURL, logger = context.logger, expected = root
                let started = checks.start(for: actor.userID, failureMessage: { PageError($0, logger: logger).message }) { progress in
                    try await AuditTrail.verifyChain(connectingTo: verifierURL, expecting: expected, as: actor, progress: progress)
                }
                guard started || checks.check(of: actor.userID)?.isRunning == true else { throw APIError.verificationRunning }
                return HTMLPage.redirect(to: "/kiem-tra/chuoi")
            } catch {
                return try await page(request, context, error: error).response()
            }
        }
    }

    private func page(_ request: Request, _ context: SignedInContext, error: (any Error)? = nil) async throws -> HTMLPage {
        let actor = context.actor
        try AuditTrail.permitVerification(by: actor)
        let check = checks.check(of: actor.userID)
        var view = View(
            csrf: context.csrfToken, running: check?.isRunning ?? false, checked: "", total: "", percent: 0, counted: false,
            checkedNumber: check?.checked ?? 0, totalNumber: check?.total ?? 0,
            startedAt: check.map { VietnameseTime.moment($0.startedAt) } ?? "", finished: check?.finishedAt != nil,
            intact: check?.result?.isIntact ?? false, summary: [], problem: nil, failing: [], hasFailing: false, failure: check?.failure,
            root: context.form.value("goc") ?? "", latestRoot: nil)
        if let check {
            view.checked = VietnameseNumber.text(Decimal(check.checked))
            view.total = check.total.map { VietnameseNumber.text(Decimal($0)) } ?? "…"
            view.counted = (check.total ?? 0) > 0
            view.percent = check.total.map { $0 > 0 ? min(100, check.checked * 100 / $0) : 0 } ?? 0
        }
        if let result = check?.result {
            view.summary = [
                "Số sự kiện đã kiểm tra: \(VietnameseNumber.text(Decimal(result.eventsChecked)))",
                "Số bản ghi: \(VietnameseNumber.text(Decimal(result.records)))",
                "Số mốc niêm phong: \(VietnameseNumber.text(Decimal(result.checkpoints)))",
                "Sự kiện sau mốc niêm phong cuối: \(VietnameseNumber.text(Decimal(result.unsealedEvents)))",
            ]
            view.latestRoot = result.latestRoot?.hex
            if let problem = result.problem {
                (view.problem, view.failing) = try await named(problem, as: actor)
                view.hasFailing = !view.failing.isEmpty
            }
        }
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/kiem-tra")
        return HTMLPage("Kiểm tra tính toàn vẹn của nhật ký", template: "audit-chain", view: view, shell: shell,
                        status: error.map { PageError($0, logger: context.logger).status } ?? .ok,
                        error: error.map { PageError($0, logger: context.logger).message },
                        refreshSeconds: view.running ? Self.refreshSeconds : nil)
    }

    /// The problem's sentence with its record named as people know it (never its key), and the event it names.
    private func named(_ problem: AuditProblem, as actor: Actor) async throws -> (String, [AuditEventLine]) {
        let trail = AuditTrail(store: store)
        var event: AuditEvent?
        if let id = problem.eventID { event = try await trail.event(id, as: actor) }
        if event == nil, let record = problem.record { event = try await trail.history(of: record.type, id: record.id, as: actor).last }
        var sentence = problem.vietnamese
        guard let event else { return (sentence, []) }
        let names = try await CatalogueNames.load(store, as: actor)
        let people = try await UserRepository(store: store).names(of: AuditEventReader.people(in: [event]), as: actor)
        let reader = AuditEventReader(people: people, names: names, forms: [:])
        var line = reader.line(event)
        if let record = problem.record {
            sentence = sentence.replacingOccurrences(of: record.description, with: line.record.lowercasedFirstLetter)
        }
        if problem.eventID != event.id {
            // Not the event at fault (it is gone): the record's last one, to say which record it is.
            line.what = "Sự kiện cuối còn lại của bản ghi: \(line.what)"
        }
        return (sentence, [line])
    }
}

private extension String {
    var lowercasedFirstLetter: String { prefix(1).lowercased() + dropFirst() }
}
