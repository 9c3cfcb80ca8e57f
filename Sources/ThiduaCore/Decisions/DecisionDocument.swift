import Foundation

/// The text of a decision as it is printed (Nghị định 30/2020/NĐ-CP layout, simplified to lines): the issuing
/// body and national motto, "Số: 12/QĐ-UBND", the place and date, the title and subject, the "Căn cứ" lines,
/// the articles listing each item with its form and reward, and the signature block, which shows
/// "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when a deputy signed for the chairman. A draft shows an empty number.
///
/// ```swift
/// let document = try await decisions.document(decision.id, as: secretary)
/// document.number      // "Số: 12/QĐ-UBND"
/// document.signature   // ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Phó"]
/// ```
public struct DecisionDocument: Sendable, Hashable, Codable {
    public var issuingBody: String
    public var number: String
    public var dateLine: String
    public var title: String
    public var subject: String
    public var bases: [String]
    public var articles: [String]
    public var signature: [String]

    /// The national name and motto every administrative document carries under its issuer (Nghị định 30/2020).
    public static let nationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public static let motto = "Độc lập - Tự do - Hạnh phúc"

    /// Every line in print order.
    public var lines: [String] {
        [issuingBody.uppercased(), Self.nationalName, Self.motto, number, dateLine, title, subject]
            + bases + articles + signature
    }

    /// `formNames` by form code; `signerName` the signer's full name once signed; `revoked` the symbol and date
    /// of the decision a revocation cancels.
    public init(decision: Decision, formNames: [String: String], signerName: String?, revoked: (symbol: String, date: Date)? = nil) {
        let series = decision.series
        issuingBody = series.issuingBody
        number = "Số: " + (decision.symbol ?? "     /\(series.suffix)")
        dateLine = "\(series.place), \(Self.vietnameseDate(decision.decidedOn))"
        title = decision.kind == .proposal ? "TỜ TRÌNH" : "QUYẾT ĐỊNH"
        subject = decision.subject
        bases = decision.legalBases.map { "Căn cứ \($0);" }
        let listed = decision.liveItems.enumerated().map { index, item in
            var line = "\(index + 1). \(item.nomineeName): \(formNames[item.form] ?? item.form)"
            if let reward = item.reward { line += "; tiền thưởng \(Self.money(reward.amount)) đồng" }
            if let answer = item.answer { line += " (\(answer == .granted ? "đã được khen thưởng" : "không được khen thưởng"): \(item.answerReference ?? ""))" }
            return line
        }
        switch decision.kind {
        case .commendation:
            articles = ["Điều 1. Khen thưởng:"] + listed
                + ["Điều 2. Tiền thưởng theo mức lương cơ sở áp dụng vào ngày ký quyết định.",
                   "Điều 3. Quyết định có hiệu lực kể từ ngày ký."]
        case .proposal:
            articles = ["Kính gửi: \(decision.addressedTo?.vietnamese ?? "")", "Đề nghị xét tặng:"] + listed
        case .revocation:
            let target = revoked.map { "Quyết định số \($0.symbol) ngày \(Self.shortDate($0.date))" } ?? "quyết định đã ban hành"
            articles = ["Điều 1. Hủy bỏ \(target); lý do: \(decision.revocationReason ?? "").",
                        "Điều 2. Thu hồi hiện vật và tiền thưởng đã nhận theo quy định.",
                        "Điều 3. Quyết định có hiệu lực kể từ ngày ký."]
        }
        let office = "CHỦ TỊCH"
        switch decision.signedAs {
        case .onBehalf: signature = ["KT. \(office)", "PHÓ \(office)"] + (signerName.map { [$0] } ?? [])
        case .inPerson: signature = [office] + (signerName.map { [$0] } ?? [])
        case nil: signature = [office]
        }
    }

    /// "ngày 15 tháng 3 năm 2024" (day and month below 3 get a leading zero, as the decree asks: "ngày 05 tháng 02").
    /// A `date` column reads back as midnight UTC, hence the default; a moment is dated in Vietnam's time.
    static func vietnameseDate(_ date: Date, in calendar: Calendar = .utc) -> String {
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        let day = parts.day!, month = parts.month!
        return "ngày \(day < 10 ? "0" : "")\(day) tháng \(month < 3 ? "0" : "")\(month) năm \(parts.year!)"
    }

    static func shortDate(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d/%02d/%04d", parts.day!, parts.month!, parts.year!)
    }

    /// 702000 → "702.000".
    static func money(_ amount: Int64) -> String {
        var digits = Array(String(amount))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(".", at: index)
            index -= 3
        }
        return String(digits)
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Vietnam's civil time, UTC+7 all year (no daylight saving), for moments such as a session's opening.
    static let vietnam: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar
    }()
}
