import Foundation

/// The text of a decision as it is printed, in the layout of Nghị định 30/2020/NĐ-CP: the issuing body and the
/// national name and motto side by side, "Số: 12/QĐ-UBND", the place and date, the title and subject, the
/// authority that decides, each legal basis on its own line ("Căn cứ …;", never doubled however it was typed),
/// "Theo đề nghị của …", the articles — Điều 1 listing each commended collective and person with its form and
/// reward, Điều 2 the rewards, Điều 3 who carries it out — the recipients (Nơi nhận) and the signature block,
/// "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when a deputy signed for the chairman. A draft shows an empty number.
///
/// ```swift
/// let document = try await decisions.document(decision.id, as: secretary)
/// document.number      // "Số: 12/QĐ-UBND"
/// document.signature   // ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Phó"]
/// ```
public struct DecisionDocument: Sendable, Hashable, Codable {
    /// One commended collective or person, for the list (a table on its own pages when it is long).
    public struct Entry: Sendable, Hashable, Codable {
        public var number: Int
        public var name: String
        public var isCollective: Bool
        public var unitName: String
        public var form: String
        /// The reward in đồng, when the form carries one.
        public var amount: Int64?
    }

    public var issuingBody: String
    public var number: String
    public var dateLine: String
    public var title: String
    public var subject: String
    /// "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TỦA CHÙA": who decides, above the bases; none on a proposal.
    public var authority: String?
    public var bases: [String]
    /// "Theo đề nghị của Trưởng phòng Nội vụ.": the proposal the decision answers, after the bases.
    public var proposer: String?
    /// The opening of Điều 1 (or of a proposal's request), before the list.
    public var lead: [String]
    public var entries: [Entry]
    /// Entries the reader may not see (armed-force nominees): the list says how many, and Điều 2 gives no total.
    public var withheld: Int
    /// The articles after the list: Điều 2, Điều 3.
    public var closing: [String]
    public var recipients: [String]
    public var signature: [String]

    /// The national name and motto every administrative document carries under its issuer (Nghị định 30/2020).
    public static let nationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public static let motto = "Độc lập - Tự do - Hạnh phúc"

    /// The articles as printed lines: the lead, one line per entry, the closing articles.
    public var articles: [String] {
        lead + entries.map { entry in
            var line = "\(entry.number). \(entry.name): \(entry.form)"
            if let amount = entry.amount { line += "; tiền thưởng \(Self.money(amount)) đồng" }
            return line
        } + (withheld > 0 ? [Self.withheldLine(withheld)] : []) + closing
    }

    /// What stands in the list for the entries the reader may not see.
    public static func withheldLine(_ count: Int) -> String {
        "(Cùng \(count) tập thể, cá nhân thuộc lực lượng vũ trang; danh sách này chỉ đơn vị đó và cơ quan có thẩm quyền được xem.)"
    }

    /// Every line in print order.
    public var lines: [String] {
        [issuingBody.uppercased(), Self.nationalName, Self.motto, number, dateLine, title, subject]
            + (authority.map { [$0] } ?? []) + bases + (proposer.map { [$0] } ?? []) + articles + signature
    }

    /// `formNames` by form code; `unitNames` by unit id; `signerName` the signer's full name once signed;
    /// `revoked` the symbol and date of the decision a revocation cancels.
    public init(
        decision: Decision, formNames: [String: String], unitNames: [UUID: String] = [:], signerName: String?,
        revoked: (symbol: String, date: Date)? = nil
    ) {
        let series = decision.series
        issuingBody = series.issuingBody
        number = "Số: " + (decision.symbol ?? "     /\(series.suffix)")
        dateLine = "\(series.place), \(Self.vietnameseDate(decision.decidedOn))"
        title = decision.kind == .proposal ? "TỜ TRÌNH" : "QUYẾT ĐỊNH"
        subject = decision.subject
        let (bases, proposals) = Self.bases(decision.legalBases)
        self.bases = bases
        let office = "CHỦ TỊCH"
        authority = decision.kind == .proposal ? nil : "\(office) \(series.issuingBody.uppercased())"
        proposer = decision.kind == .proposal ? nil : (proposals.first ?? "Theo đề nghị của Trưởng phòng Nội vụ.")
        withheld = decision.withheldItems
        entries = decision.liveItems.enumerated().map { index, item in
            var form = formNames[item.form] ?? item.form
            if let answer = item.answer {
                form += " (\(answer == .granted ? "đã được khen thưởng" : "không được khen thưởng"): \(item.answerReference ?? ""))"
            }
            return Entry(number: index + 1, name: item.nomineeName, isCollective: item.nomineeKind != .individual,
                         unitName: unitNames[item.unitID] ?? "", form: form, amount: item.reward?.amount)
        }
        let carriers = "Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan"
        switch decision.kind {
        case .commendation:
            lead = ["Điều 1. Khen thưởng:"]
            // A partial sum would be a wrong total: a reader who is not shown every entry gets none.
            let total = decision.withheldItems > 0 ? 0 : entries.compactMap(\.amount).reduce(0, +)
            let base = decision.liveItems.compactMap(\.reward).first.map { " (mức lương cơ sở \(Self.money($0.baseSalary)) đồng)" } ?? ""
            closing = [
                total > 0
                    ? "Điều 2. Tiền thưởng theo hệ số và mức lương cơ sở áp dụng vào ngày ký quyết định\(base); tổng cộng \(Self.money(total)) đồng, chi từ Quỹ thi đua, khen thưởng."
                    : "Điều 2. Tiền thưởng theo mức lương cơ sở áp dụng vào ngày ký quyết định.",
                "Điều 3. Quyết định có hiệu lực kể từ ngày ký. \(carriers) và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            ]
            recipients = ["- Như Điều 3;", "- Lưu: VT, NV."]
        case .proposal:
            lead = ["Kính gửi: \(decision.addressedTo?.vietnamese ?? "")", "Đề nghị xét tặng:"]
            closing = []
            recipients = ["- Như trên;", "- Lưu: VT, NV."]
        case .revocation:
            let target = revoked.map { "Quyết định số \($0.symbol) ngày \(Self.shortDate($0.date))" } ?? "quyết định đã ban hành"
            lead = ["Điều 1. Hủy bỏ \(target); lý do: \(decision.revocationReason ?? "")."]
            entries = []
            closing = ["Điều 2. Thu hồi hiện vật và tiền thưởng đã nhận theo quy định.",
                       "Điều 3. Quyết định có hiệu lực kể từ ngày ký. \(carriers) và các tập thể, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."]
            recipients = ["- Như Điều 3;", "- Lưu: VT, NV."]
        }
        switch decision.signedAs {
        case .onBehalf: signature = ["KT. \(office)", "PHÓ \(office)"] + (signerName.map { [$0] } ?? [])
        case .inPerson: signature = [office] + (signerName.map { [$0] } ?? [])
        case nil: signature = [office]
        }
    }

    /// Each basis as "Căn cứ …;" however it was typed ("Căn cứ Luật …;", "Luật …", "luật ….") and the proposals
    /// ("đề nghị của …", "Theo đề nghị …", "Xét đề nghị …") apart, as "Theo đề nghị của …." lines.
    static func bases(_ typed: [String]) -> (bases: [String], proposals: [String]) {
        var bases: [String] = [], proposals: [String] = []
        for line in typed {
            var text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            while let last = text.last, ";.,".contains(last) { text.removeLast() }
            text = text.trimmingCharacters(in: .whitespaces)
            if text.lowercased().hasPrefix("căn cứ ") { text = String(text.dropFirst("căn cứ ".count)).trimmingCharacters(in: .whitespaces) }
            guard !text.isEmpty else { continue }
            let lowered = text.lowercased()
            if let prefix = ["theo đề nghị", "xét đề nghị", "đề nghị"].first(where: lowered.hasPrefix) {
                proposals.append("Theo đề nghị" + text.dropFirst(prefix.count) + ".")
            } else {
                bases.append("Căn cứ \(text);")
            }
        }
        return (bases, proposals)
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
    public static func money(_ amount: Int64) -> String {
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
