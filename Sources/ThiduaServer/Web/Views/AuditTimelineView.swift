import Foundation
import ThiduaCore

/// What the auditors' page of one nomination shows: the record as it is, its one timeline, and the record's
/// content as it was at a chosen moment (or right after a chosen event), every field by its Vietnamese label.
/// The same view prints as the audit extract of the record.
struct AuditTimelineView {
    struct Fact { var label: String; var value: String }

    /// The nomination's content at one moment, read back from the trail.
    struct Snapshot {
        var heading: String
        var facts: [Fact]
        var criteria: [Fact]
        var indicators: [Fact]
        var hasCriteria: Bool
        var hasIndicators: Bool
    }

    var id: String
    var nominee: String
    var state: String
    var stateClass: String
    var facts: [Fact]
    var events: [AuditEventLine]
    var count: Int
    var moment: String
    var snapshot: Snapshot?
    var snapshotMissing: String?
    var printHref: String
    var areaName: String
    var printedAt: String
    var printedBy: String

    static func facts(of nomination: Nomination, names: CatalogueNames) -> [Fact] {
        [
            Fact(label: "Loại đối tượng", value: nomination.nomineeKind.vietnamese),
            Fact(label: "Phong trào", value: names.movementName(nomination.movementID)),
            Fact(label: "Đơn vị đề nghị", value: names.unitName(nomination.unitID)),
            Fact(label: "Đợt", value: names.roundName(nomination.roundID)),
        ]
    }

    static func snapshot(_ nomination: Nomination, heading: String, names: CatalogueNames) -> Snapshot {
        let movement = names.movements[nomination.movementID]
        let facts = [
            Fact(label: "Trạng thái", value: nomination.state.vietnamese),
            Fact(label: "Tên người, tập thể được đề nghị", value: nomination.nomineeName),
        ] + Self.facts(of: nomination, names: names) + [
            Fact(label: "Tên mô hình, điển hình", value: nomination.title.isEmpty ? "(trống)" : nomination.title),
            Fact(label: "Tóm tắt thành tích", value: nomination.achievements.isEmpty ? "(trống)" : nomination.achievements),
            Fact(label: "Số lần bị trả lại", value: String(nomination.returnCount)),
            Fact(label: "Gửi lúc", value: nomination.submittedAt.map(VietnameseTime.moment) ?? "Chưa gửi"),
            Fact(label: "Cập nhật lần cuối", value: VietnameseTime.moment(nomination.updatedAt)),
            Fact(label: "Phiên bản", value: String(nomination.version)),
        ]
        let criteria = nomination.criteriaAnswers.sorted { $0.key < $1.key }.map { code, answer in
            let text = movement?.criteria.first { $0.code == code }?.text
            return Fact(label: "Tiêu chí \(code)" + (text.map { ": \($0)" } ?? ""),
                        value: (answer.met ? "Đạt" : "Chưa đạt") + (answer.evidence.isEmpty ? "" : " — \(answer.evidence)"))
        }
        let indicators = nomination.indicators.sorted { $0.key < $1.key }.map { code, figures in
            let indicator = movement?.indicators.first { $0.code == code }
            let values = figures.sorted { $0.key < $1.key }
                .map { "\($0.key == "total" ? "Tổng" : "Năm \($0.key)"): \(VietnameseNumber.text($0.value))\(indicator.map { " \($0.unit)" } ?? "")" }
            return Fact(label: indicator?.name ?? "Chỉ số khác", value: values.joined(separator: "; "))
        }
        return Snapshot(heading: heading, facts: facts, criteria: criteria, indicators: indicators,
                        hasCriteria: !criteria.isEmpty, hasIndicators: !indicators.isEmpty)
    }

    /// "2024-11-20T17:00", what an `<input type="datetime-local">` shows for a moment in Vietnam's time.
    static func localMoment(_ date: Date) -> String {
        let parts = VietnameseTime.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }
}
