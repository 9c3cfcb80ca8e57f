import Foundation
import ThiduaCore

/// The reports of the secretariat as their forms (``ReportForm``), built from what ``ReportRepository`` and the
/// round's compliance table answer; the same builder for the page, its downloads and the CLI.
public enum ReportForms {
    /// A kind of commendation (`commendation_types.code`) as the reports name it.
    public static func typeWords(_ code: String) -> String {
        switch code {
        case "by_movement": "Theo đợt, chuyên đề"
        case "ad_hoc": "Đột xuất"
        case "merit": "Theo công trạng và thành tích"
        case "long_service": "Quá trình cống hiến"
        case "seniority": "Theo niên hạn"
        case "foreign": "Đối ngoại"
        default: code
        }
    }

    /// "Đơn vị báo cáo: …".
    static func reporterLine(_ reporter: String) -> String { "Đơn vị báo cáo: \(reporter)" }

    /// A name as a file name reads in any file manager: diacritics folded, no slashes.
    static func fileName(_ text: String) -> String {
        let folded = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
        return folded.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .replacingOccurrences(of: "/", with: "-")
    }
}
