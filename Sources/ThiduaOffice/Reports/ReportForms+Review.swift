import Foundation
import ThiduaCore

extension ReportForms {
    /// The mid-term (sơ kết) or final (tổng kết) review's summary of the plan's period: nominations by movement
    /// and year, awards, how exemplars were followed, the exemplars selected, units' plans and minimums not met.
    public static func review(_ summary: ReviewSummary, reporter: String) -> ReportForm {
        let word = summary.kind == .midTerm ? "SƠ KẾT" : "TỔNG KẾT"
        let followUp = summary.followUp
        return ReportForm(
            form: nil, title: "BÁO CÁO \(word) PHONG TRÀO THI ĐUA GIAI ĐOẠN \(summary.period)",
            lines: [reporterLine(reporter), "\(summary.review.name), năm \(summary.review.year)",
                    "Số liệu từ năm \(summary.fromYear) đến năm \(summary.toYear)"],
            tables: [
                ReportForm.Table(
                    caption: "I. Hồ sơ đề nghị theo phong trào và năm", columns: ["Phong trào", "Năm"] + milestoneColumns,
                    rows: summary.byMovementAndYear.map { line in
                        [.text(line.movementName), .number(line.year), .number(line.submitted), .number(line.verified),
                         .number(line.approved), .number(line.commended)]
                    },
                    summed: [2, 3, 4, 5]),
                ReportForm.Table(
                    caption: "II. Khen thưởng", columns: ["Phong trào", "Năm", "Hình thức", "Số lượng", "Số tiền thưởng (đồng)"],
                    rows: summary.awards.map { award in
                        [.text(award.movementName), .number(award.year), .text(award.formName), .number(award.count), .money(award.amount)]
                    },
                    summed: [3, 4]),
                ReportForm.Table(
                    caption: "III. Bồi dưỡng, nhân rộng điển hình tiên tiến", columns: ["Chỉ tiêu", "Số lượng"],
                    rows: [[.text("Điển hình được theo dõi"), .number(followUp.exemplars)],
                           [.text("Lượt đánh giá"), .number(followUp.evaluations)]]
                        + followUp.propagations.map { [.text("Tuyên truyền: \($0.label)"), .number($0.count)] }
                        + [[.text("Lượt nhân rộng"), .number(followUp.replications)],
                           [.text("Đơn vị áp dụng"), .number(followUp.adoptingUnits.count)]]),
                ReportForm.Table(
                    caption: "IV. Điển hình được lựa chọn", columns: ["Hội nghị, đại hội", "Năm", "Số điển hình", "Điển hình"],
                    rows: summary.selections.map { selection in
                        [.text(selection.review.name), .number(selection.review.year), .number(selection.selected),
                         .text(selection.nominees.joined(separator: "; "))]
                    },
                    summed: [2]),
                ReportForm.Table(
                    caption: "V. Kế hoạch thi đua của các đơn vị", columns: ["Chỉ tiêu", "Số đơn vị"],
                    rows: [[.text("Đơn vị tham gia"), .number(summary.unitPlans.takingPart)],
                           [.text("Đã gửi kế hoạch"), .number(summary.unitPlans.received)],
                           [.text("Chưa gửi kế hoạch"), .number(summary.unitPlans.takingPart - summary.unitPlans.received)]]),
                ReportForm.Table(
                    caption: "VI. Chỉ tiêu tối thiểu chưa đạt",
                    columns: ["Phong trào", "Đợt", "Năm", "Đối tượng", "Đơn vị chủ trì", "Chỉ tiêu", "Đã gửi", "Còn thiếu"],
                    rows: summary.shortfalls.map { line in
                        [.text(line.movementName), .text(line.roundCode), .number(line.year), .text(line.nomineeKind?.vietnamese ?? "Mọi loại"),
                         .text(line.leadUnitName ?? ""), .number(line.required), .number(line.submitted), .number(line.shortfall)]
                    },
                    summed: [5, 6, 7]),
            ],
            fileName: fileName("Bao cao \(summary.kind == .midTerm ? "so ket" : "tong ket") \(summary.period)"))
    }
}
