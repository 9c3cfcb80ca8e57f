import Foundation
import ThiduaCore

extension ReportForms {
    static let milestoneColumns = ["Đã gửi", "Đã thẩm định", "Hội đồng đề nghị", "Đã khen thưởng"]

    static func counts(_ line: YearlyReport.Line) -> [SheetCell] {
        [.text(line.label), .number(line.submitted), .number(line.verified), .number(line.approved), .number(line.commended)]
    }

    /// The yearly report to the chairman: the year's nominations by movement, kind of unit and kind of nominee
    /// at each milestone, and its commendations by form, type and kind of recipient with the money.
    public static func yearly(_ report: YearlyReport, reporter: String) -> ReportForm {
        ReportForm(
            form: nil, title: "BÁO CÁO KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM \(report.year)",
            lines: [reporterLine(reporter), "Kính gửi: Chủ tịch Ủy ban nhân dân", "Kỳ báo cáo: năm \(report.year)"],
            tables: [
                ReportForm.Table(caption: "I. Hồ sơ đề nghị theo phong trào", columns: ["Phong trào"] + milestoneColumns,
                                 rows: report.byMovement.map(counts), summed: [1, 2, 3, 4]),
                ReportForm.Table(caption: "II. Hồ sơ đề nghị theo loại đơn vị", columns: ["Loại đơn vị"] + milestoneColumns,
                                 rows: report.byUnitKind.map(counts), summed: [1, 2, 3, 4]),
                ReportForm.Table(caption: "III. Hồ sơ đề nghị theo loại đối tượng", columns: ["Loại đối tượng"] + milestoneColumns,
                                 rows: report.byNomineeKind.map(counts), summed: [1, 2, 3, 4]),
                ReportForm.Table(
                    caption: "IV. Khen thưởng trong năm", columns: ["Hình thức", "Loại khen thưởng", "Đối tượng", "Số lượng", "Số tiền thưởng (đồng)"],
                    rows: report.awards.map { award in
                        [.text(award.formName), .text(typeWords(award.type)), .text(award.nomineeKind.vietnamese),
                         .number(award.count), .money(award.amount)]
                    },
                    summed: [3, 4]),
            ],
            fileName: fileName("Bao cao thi dua khen thuong nam \(report.year)"))
    }

    /// Thông tư 02/2023/TT-BNV's 0603.N: the year's commendations by form and type in the recipient columns.
    public static func recipients(_ report: YearlyReport, reporter: String) -> ReportForm {
        let columns = [
            "Hình thức khen thưởng", "Loại khen thưởng", "Tập thể", "Trong đó: doanh nghiệp", "Hộ gia đình", "Cá nhân",
            "Trong đó: lãnh đạo, quản lý", "Trong đó: doanh nhân", "Trong đó: công nhân, nông dân, người lao động trực tiếp",
            "Trong đó: cá nhân khác", "Chưa phân loại",
        ]
        return ReportForm(
            form: "Biểu số 0603.N", title: "SỐ LƯỢNG KHEN THƯỞNG",
            lines: [reporterLine(reporter), "Kỳ báo cáo: năm \(report.year)",
                    "Đơn vị tính: lượt tập thể, hộ gia đình, cá nhân được khen thưởng (không tính khen thưởng đã bị hủy)"],
            tables: [ReportForm.Table(
                caption: nil, columns: columns,
                rows: report.awardsByRecipient.map { line in
                    [.text(line.formName), .text(typeWords(line.type)), .number(line.collectives), .number(line.enterprises),
                     .number(line.households), .number(line.individuals), .number(line.leaders), .number(line.businessPeople),
                     .number(line.workersAndFarmers), .number(line.otherIndividuals), .number(line.unclassified)]
                },
                summed: Array(2...10))],
            fileName: fileName("Bieu 0603.N nam \(report.year)"))
    }
}
