import Foundation
import Hummingbird
import ThiduaCore
import ThiduaOffice

/// `/bao-cao`: the secretariat's reports as pages with pictures, each downloading (`?tai=xlsx` or `?tai=csv`) as
/// the file its form is — the round's compliance table, the yearly report to the chairman, Thông tư
/// 02/2023/TT-BNV's 0601.N and 0603.N, the mid-term and final review summaries. 0602.N is named with why it
/// is not produced. Who may read them is the policy's `readReports`; the figures are what the reader's
/// row-level security lets them count.
struct ReportPages: Sendable {
    let store: RecordStore

    struct Entry: Sendable { var href: String; var name: String; var about: String }
    private struct IndexView { var entries: [Entry] }
    private struct MissingView { var form: String; var title: String; var notes: [String] }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/bao-cao") { request, context in
            try Self.mayRead(context.actor)
            let shell = try await PageShell.load(context, users: UserRepository(store: store), path: request.uri.path)
            return HTMLPage("Báo cáo", template: "reports", view: IndexView(entries: Self.entries), shell: shell).response()
        }
        pages.get("/bao-cao/chi-tieu") { request, context in try await compliance(request, context) }
        pages.get("/bao-cao/nam") { request, context in
            try await yearlyForm(request, context, path: "/bao-cao/nam", title: "Báo cáo năm") { report, reporter in
                (ReportForms.yearly(report, reporter: reporter), [Self.movementsChart(report)])
            }
        }
        pages.get("/bao-cao/0603") { request, context in
            try await yearlyForm(request, context, path: "/bao-cao/0603", title: "Biểu 0603.N") { report, reporter in
                (ReportForms.recipients(report, reporter: reporter), [Self.recipientsChart(report)])
            }
        }
        pages.get("/bao-cao/0601") { request, context in try await movements(request, context) }
        pages.get("/bao-cao/0602") { request, context in
            try Self.mayRead(context.actor)
            let shell = try await PageShell.load(context, users: UserRepository(store: store), path: request.uri.path)
            return HTMLPage("Biểu 0602.N", template: "report-missing", view: MissingView(
                form: "Biểu số 0602.N", title: "Khen thưởng cấp Nhà nước",
                notes: [
                    "Biểu 0602.N của Thông tư 02/2023/TT-BNV báo cáo các hình thức khen thưởng cấp Nhà nước (Huân chương, Huy chương, "
                        + "danh hiệu vinh dự Nhà nước, Bằng khen của Thủ tướng Chính phủ…).",
                    "Hệ thống chưa lập biểu này: chúng tôi chưa tìm được phụ lục của Thông tư nêu các cột của biểu, nên không tự đặt ra cột. "
                        + "Khi có mẫu biểu, biểu sẽ được lập từ các quyết định khen thưởng đã ký như biểu 0603.N.",
                ]), shell: shell).response()
        }
        pages.get("/bao-cao/so-ket") { request, context in try await review(.midTerm, request, context) }
        pages.get("/bao-cao/tong-ket") { request, context in try await review(.final, request, context) }
    }

    /// Said under 0601.N and 0603.N: their columns are the circular's classifications as the records hold them
    /// (domain/LAW.md), not copied from the annex's printed form, which we have not seen.
    static let circularNote = "Các cột của biểu theo các tiêu chí phân loại của Thông tư 02/2023/TT-BNV mà hệ thống ghi nhận; "
        + "chưa được đối chiếu với mẫu biểu in trong phụ lục của Thông tư."

    static let entries = [
        Entry(href: "/bao-cao/chi-tieu", name: "Theo dõi chỉ tiêu hồ sơ", about: "Từng đơn vị, từng phong trào: chỉ tiêu, đã gửi, đã thẩm định, gửi muộn."),
        Entry(href: "/bao-cao/nam", name: "Báo cáo năm gửi Chủ tịch", about: "Hồ sơ đề nghị và khen thưởng trong năm, số tiền thưởng."),
        Entry(href: "/bao-cao/0601", name: "Biểu 0601.N — Số phong trào thi đua", about: "Theo cấp phát động, phạm vi, thời gian, hình thức (Thông tư 02/2023/TT-BNV)."),
        Entry(href: "/bao-cao/0602", name: "Biểu 0602.N — Khen thưởng cấp Nhà nước", about: "Chưa lập: chưa có mẫu biểu."),
        Entry(href: "/bao-cao/0603", name: "Biểu 0603.N — Số lượng khen thưởng", about: "Theo hình thức, loại khen thưởng và đối tượng được khen."),
        Entry(href: "/bao-cao/so-ket", name: "Sơ kết giữa kỳ (2023)", about: "Tổng hợp từ đầu giai đoạn đến năm sơ kết."),
        Entry(href: "/bao-cao/tong-ket", name: "Tổng kết giai đoạn (2025)", about: "Tổng hợp cả giai đoạn."),
    ]

    // MARK: The reports

    private func compliance(_ request: Request, _ context: SignedInContext) async throws -> Response {
        try Self.mayRead(context.actor)
        let names = try await CatalogueNames.load(store, as: context.actor)
        let chosen = request.uri.queryParameters["dot"].map(String.init)
        let round: Round
        if let chosen, !chosen.isEmpty {
            guard let id = UUID(uuidString: chosen), let found = names.rounds[id] else { throw APIError.badParameter("dot") }
            round = found
        } else {
            guard let first = names.roundList.first(where: { $0.state == "open" }) ?? names.roundList.first else {
                throw ThiduaError.notFound("round")
            }
            round = first
        }
        let table = try await RoundRepository(store: store).compliance(round: round.id, as: context.actor)
        let form = ReportForms.compliance(table, round: round, reporter: try await reporter(context))
        let choice = ReportView.Choice(name: "dot", label: "Đợt thi đua", options: names.roundList.map {
            Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == round.id)
        })
        return try await respond(request, context, form: form, page: "Theo dõi chỉ tiêu", query: [("dot", round.id.uuidString.lowercased())],
                                 choice: choice, charts: Self.complianceCharts(table))
    }

    private func yearlyForm(
        _ request: Request, _ context: SignedInContext, path: String, title: String,
        build: (YearlyReport, String) -> (ReportForm, [BarChart?])
    ) async throws -> Response {
        let (year, choice) = try await self.year(request, context)
        let report = try await ReportRepository(store: store).yearly(year: year, as: context.actor)
        let (form, charts) = build(report, try await reporter(context))
        return try await respond(request, context, form: form, page: "\(title) \(year)", query: [("nam", String(year))],
                                 choice: choice, charts: charts.compactMap { $0 })
    }

    private func movements(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let (year, choice) = try await self.year(request, context)
        let report = try await ReportRepository(store: store).movements(year: year, as: context.actor)
        let form = ReportForms.movements(report, reporter: try await reporter(context))
        let chart = BarChart(title: "Phong trào trong năm theo cấp phát động", id: "bieu-do-cap-phat-dong", rows: report.byInitiatingLevel.map {
            BarChart.Row(label: $0.label, value: $0.movements, target: nil, figure: "\($0.movements) phong trào", judged: false)
        })
        return try await respond(request, context, form: form, page: "Biểu 0601.N \(year)", query: [("nam", String(year))],
                                 choice: choice, charts: [chart])
    }

    private func review(_ kind: ReviewSummary.Kind, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let summary = try await ReportRepository(store: store).reviewSummary(kind: kind, as: context.actor)
        let form = ReportForms.review(summary, reporter: try await reporter(context))
        var totals: [String: Int] = [:]
        var order: [String] = []
        for line in summary.byMovementAndYear {
            if totals[line.movementName] == nil { order.append(line.movementName) }
            totals[line.movementName, default: 0] += line.submitted
        }
        let chart = BarChart(title: "Hồ sơ đề nghị cả giai đoạn theo phong trào", id: "bieu-do-giai-doan", rows: order.map {
            BarChart.Row(label: $0, value: totals[$0] ?? 0, target: nil, figure: "\(totals[$0] ?? 0) hồ sơ", judged: false)
        })
        return try await respond(request, context, form: form, page: kind == .midTerm ? "Sơ kết giữa kỳ" : "Tổng kết giai đoạn",
                                 query: [], choice: nil, charts: [chart])
    }

    // MARK: Pictures

    static func complianceCharts(_ table: Compliance) -> [BarChart] {
        [
            BarChart(title: "Hồ sơ đã gửi của từng đơn vị so với tối thiểu", id: "bieu-do-don-vi", rows: table.units.map { unit in
                BarChart.Row(label: unit.unitName, value: unit.counts.submitted, target: unit.minimum,
                             figure: "đã gửi \(unit.counts.submitted)/\(unit.minimum), đã thẩm định \(unit.counts.verified), gửi muộn \(unit.counts.late)")
            }),
            BarChart(title: "Hồ sơ đã gửi của từng phong trào so với chỉ tiêu", id: "bieu-do-phong-trao", rows: table.movements.map { line in
                BarChart.Row(label: line.movementName + (line.leadUnitName.map { " — \($0)" } ?? ""), value: line.counts.submitted, target: line.required,
                             figure: "đã gửi \(line.counts.submitted)/\(line.required), đã thẩm định \(line.counts.verified), gửi muộn \(line.counts.late)")
            }),
        ]
    }

    static func movementsChart(_ report: YearlyReport) -> BarChart? {
        report.byMovement.isEmpty ? nil : BarChart(title: "Hồ sơ đề nghị trong năm theo phong trào", id: "bieu-do-nam", rows: report.byMovement.map {
            BarChart.Row(label: $0.label, value: $0.submitted, target: nil, figure: "\($0.submitted) đã gửi, \($0.commended) đã khen thưởng", judged: false)
        })
    }

    static func recipientsChart(_ report: YearlyReport) -> BarChart? {
        report.awardsByRecipient.isEmpty ? nil : BarChart(title: "Số được khen thưởng theo hình thức", id: "bieu-do-0603", rows: report.awardsByRecipient.map {
            let count = $0.collectives + $0.households + $0.individuals
            return BarChart.Row(label: "\($0.formName) (\(ReportForms.typeWords($0.type).lowercased()))", value: count, target: nil, figure: "\(count) lượt", judged: false)
        })
    }

    // MARK: Support

    /// The page, or its file when `?tai=xlsx` or `?tai=csv` asks for it.
    private func respond(
        _ request: Request, _ context: SignedInContext, form: ReportForm, page title: String, query: [(String, String)],
        choice: ReportView.Choice?, charts: [BarChart]
    ) async throws -> Response {
        if let wanted = request.uri.queryParameters["tai"].map(String.init) {
            guard let format = SheetFormat(rawValue: wanted) else { throw APIError.badParameter("tai") }
            return try OfficeFile(content: try form.data(format), mediaType: format.mediaType, fileName: "\(form.fileName).\(format.rawValue)")
                .response(from: request, context: context)
        }
        let view = ReportView(form, path: request.uri.path, query: query, choice: choice, charts: charts,
                              notes: form.form == nil ? [] : [Self.circularNote])
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: request.uri.path)
        return HTMLPage(title, template: "report", view: view, shell: shell).response()
    }

    /// The policy's refusal (403) for anyone it does not let read reports; the repositories ask it again.
    static func mayRead(_ actor: Actor) throws {
        do { _ = try Policy.authorize(actor, CatalogueAction.readReports) } catch { throw ThiduaError.denied(error) }
    }

    /// "Phòng Nội vụ, huyện Tủa Chùa": the unit reporting, as the form's "Đơn vị báo cáo" line names it.
    private func reporter(_ context: SignedInContext) async throws -> String {
        let profile = try await UserRepository(store: store).profile(of: context.actor)
        return profile.areaName.isEmpty ? profile.unitName : "\(profile.unitName), \(profile.areaName)"
    }

    /// `?nam=2021`, or when absent the year of the newest round (what the secretariat is working on), else this
    /// year in Vietnam.
    private func year(_ request: Request, _ context: SignedInContext) async throws -> (year: Int, choice: ReportView.Choice) {
        let rounds = try await RoundRepository(store: store).list(as: context.actor)
        let now = VietnameseTime.calendar.component(.year, from: Date())
        let year: Int
        if let text = request.uri.queryParameters["nam"].map(String.init), !text.isEmpty {
            guard let chosen = Int(text), (2000...2100).contains(chosen) else { throw APIError.badParameter("nam") }
            year = chosen
        } else {
            year = rounds.max { $0.opensAt < $1.opensAt }?.year ?? now
        }
        let years = Set(rounds.map(\.year) + [year, now]).sorted(by: >)
        return (year, ReportView.Choice(name: "nam", label: "Năm báo cáo", options: years.map {
            Option(value: String($0), label: "Năm \($0)", selected: $0 == year)
        }))
    }
}
