import Foundation
import ThiduaCore

extension ReportForms {
    /// A round's compliance table: each unit against its minimum and maximum, each movement against its lead
    /// unit's minimum — required, submitted, verified, late, short.
    public static func compliance(_ table: Compliance, round: Round, reporter: String) -> ReportForm {
        let units = ReportForm.Table(
            caption: "I. Theo đơn vị",
            columns: ["Đơn vị", "Loại đơn vị", "Tối thiểu", "Tối đa", "Đã gửi", "Đã thẩm định", "Gửi muộn", "Còn thiếu"],
            rows: table.units.map { unit in
                [.text(unit.unitName), .text(unit.unitKind.vietnamese), .number(unit.minimum), .number(unit.maximum),
                 .number(unit.counts.submitted), .number(unit.counts.verified), .number(unit.counts.late), .number(unit.shortfall)]
            },
            summed: [2, 4, 5, 6, 7])
        let movements = ReportForm.Table(
            caption: "II. Theo phong trào",
            columns: ["Phong trào", "Đối tượng", "Đơn vị chủ trì", "Chỉ tiêu tối thiểu", "Đã gửi", "Đã thẩm định", "Gửi muộn", "Còn thiếu"],
            rows: table.movements.map { line in
                [.text(line.movementName), .text(line.nomineeKind?.vietnamese ?? "Mọi loại"), .text(line.leadUnitName ?? ""),
                 .number(line.required), .number(line.counts.submitted), .number(line.counts.verified), .number(line.counts.late),
                 .number(line.shortfall)]
            },
            summed: [3, 4, 5, 6, 7])
        return ReportForm(
            form: nil, title: "BẢNG THEO DÕI CHỈ TIÊU HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
            lines: [reporterLine(reporter), "Đợt: \(round.name) (năm \(round.year)), hạn nộp \(SheetCell.shown(round.dueAt))"],
            tables: [units, movements], fileName: fileName("Chi tieu ho so \(round.code)"))
    }
}
