import Foundation
import ThiduaCore

extension ReportForms {
    /// Thông tư 02/2023/TT-BNV's 0601.N: the movements running in the year, by each of the law's classifications
    /// (level that launched them, scope, duration, method), with those launched in the year and what the records
    /// show of taking part; then the movements themselves.
    public static func movements(_ report: MovementsReport, reporter: String) -> ReportForm {
        let columns = ["Chỉ tiêu", "Số phong trào", "Trong đó: phát động trong năm", "Số đơn vị tham gia", "Số hồ sơ đề nghị", "Số được khen thưởng"]
        func line(_ line: MovementsReport.Line) -> [SheetCell] {
            [.text(line.label), .number(line.movements), .number(line.launched), .number(line.units), .number(line.nominations), .number(line.commended)]
        }
        // Each classification adds up to the total (units excepted, see MovementsReport), so each gets its own total line.
        func table(_ caption: String, _ lines: [MovementsReport.Line]) -> ReportForm.Table {
            ReportForm.Table(caption: caption, columns: columns, rows: lines.map(line), summed: [1, 2, 4, 5])
        }
        return ReportForm(
            form: "Biểu số 0601.N", title: "SỐ PHONG TRÀO THI ĐUA",
            lines: [reporterLine(reporter), "Kỳ báo cáo: năm \(report.year)"],
            tables: [
                ReportForm.Table(caption: "Tổng số phong trào trong năm", columns: columns, rows: [line(report.total)]),
                table("1. Chia theo cấp phát động", report.byInitiatingLevel),
                table("2. Chia theo phạm vi", report.byScope),
                table("3. Chia theo thời gian", report.byDuration),
                table("4. Chia theo hình thức", report.byMethod),
                ReportForm.Table(
                    caption: "Danh sách phong trào",
                    columns: ["Phong trào", "Cấp phát động", "Phạm vi", "Thời gian", "Hình thức", "Từ năm", "Đến năm",
                              "Số đơn vị tham gia", "Số hồ sơ đề nghị", "Số được khen thưởng"],
                    rows: report.movements.map { movement in
                        [.text(movement.name), .text(movement.initiatingLevel.vietnamese), .text(movement.scope.vietnamese),
                         .text(movement.duration.vietnamese), .text(movement.method.vietnamese), .number(movement.startsYear),
                         movement.endsYear.map(SheetCell.number) ?? .empty, .number(movement.units), .number(movement.nominations),
                         .number(movement.commended)]
                    },
                    summed: [8, 9]),
            ],
            fileName: fileName("Bieu 0601.N nam \(report.year)"))
    }
}
