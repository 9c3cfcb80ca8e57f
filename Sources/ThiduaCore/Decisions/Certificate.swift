import Foundation

/// One certificate (Giấy khen) of a signed commendation decision, as data ready to print: one per standing
/// commendation record. The place, date and signature block are the decision's own (``DecisionDocument``), so
/// a deputy's signature reads "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" on the certificates as on the decision.
///
/// ```swift
/// let certificates = try await decisions.certificates(decision.id, as: secretary)
/// certificates[0].heading          // "TẶNG GIẤY KHEN"
/// certificates[0].decisionLine     // "Quyết định số 1/QĐ-UBND ngày 20 tháng 12 năm 2024"
/// certificates[0].registerNumber   // "1/QĐ-UBND-01": the decision and the item's number in it
/// ```
public struct Certificate: Sendable, Hashable, Codable {
    public var recordID: UUID
    public var decisionID: UUID
    public var nomineeID: UUID
    /// "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TỦA CHÙA".
    public var authority: String
    public var nationalName: String
    public var motto: String
    /// "TẶNG GIẤY KHEN" for a certificate form; "CÔNG NHẬN DANH HIỆU" for an emulation title.
    public var heading: String
    /// The title conferred ("LAO ĐỘNG TIÊN TIẾN"), for an emulation title.
    public var distinction: String?
    public var form: String
    public var recipientName: String
    public var recipientKind: NomineeKind
    /// "Cá nhân", "Tập thể", "Hộ gia đình", …
    public var recipientKindText: String
    public var unitName: String
    /// "Đã có thành tích xuất sắc trong phong trào thi đua “…” năm 2021."
    public var achievement: String
    public var decisionLine: String
    /// "Tủa Chùa, ngày 20 tháng 12 năm 2024".
    public var dateLine: String
    public var signature: [String]
    /// The symbol of the decision and the item's number in it: the line of the commendation register.
    public var registerNumber: String
    /// The reward in đồng the decision gives with it (its Điều 1 line), when the form carries one.
    public var amount: Int64?
    /// "Tiền thưởng: 447.000 đồng", printed beside the register line so the one who pays it reads it there.
    public var rewardLine: String?

    /// What the repository reads of one standing record and the catalogue beside it.
    struct Facts {
        var recordID: UUID
        var itemID: UUID
        var nomineeID: UUID
        var nomineeName: String
        var nomineeKind: NomineeKind
        var unitName: String
        var movementName: String
        var year: Int
        var form: String
        var formName: String
        var isEmulationTitle: Bool
        var amount: Int64?
    }

    /// `document` is the signed `decision`'s; `number` the item's place among its items, as Điều 1 lists them.
    init(_ facts: Facts, number: Int, decision: Decision, document: DecisionDocument) {
        recordID = facts.recordID
        decisionID = decision.id
        nomineeID = facts.nomineeID
        authority = "CHỦ TỊCH \(decision.series.issuingBody.uppercased())"
        nationalName = DecisionDocument.nationalName
        motto = DecisionDocument.motto
        if facts.isEmulationTitle {
            heading = "CÔNG NHẬN DANH HIỆU"
            distinction = facts.formName.uppercased()
        } else {
            // "Giấy khen của Chủ tịch …" is given as "TẶNG GIẤY KHEN": the giver is the authority line above.
            heading = "TẶNG \((facts.formName.components(separatedBy: " của ").first ?? facts.formName).uppercased())"
            distinction = nil
        }
        form = facts.form
        recipientName = facts.nomineeName
        recipientKind = facts.nomineeKind
        recipientKindText = facts.nomineeKind.vietnamese
        unitName = facts.unitName
        achievement = "Đã có thành tích xuất sắc trong phong trào thi đua “\(facts.movementName)” năm \(facts.year)."
        let symbol = decision.symbol ?? ""
        decisionLine = "Quyết định số \(symbol) \(DecisionDocument.vietnameseDate(decision.decidedOn))"
        dateLine = document.dateLine
        signature = document.signature
        registerNumber = "\(symbol)-" + String(format: "%02d", number)
        amount = facts.amount
        rewardLine = facts.amount.map { "Tiền thưởng: \(DecisionDocument.money($0)) đồng" }
    }
}
