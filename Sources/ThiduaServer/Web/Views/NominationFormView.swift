import Foundation
import ThiduaCore

/// The nomination form for one round, movement and nominee kind: who is nominated (with personal details for an
/// individual), the title and achievements, the movement's criteria as a checklist with an evidence note each,
/// and its figures by year. Filled from the record when editing, from what was posted when a save was refused,
/// so nothing typed is lost.
struct NominationFormView {
    struct CriterionField { var code: String; var text: String; var checkID: String; var noteID: String; var met: Bool; var evidence: String }
    struct FigureField { var fieldID: String; var label: String; var value: String }
    struct IndicatorField { var name: String; var rule: String?; var figures: [FigureField] }

    var csrf: String
    var action: String
    var version: Int
    var isNew: Bool
    var round: String
    var roundName: String
    var movement: String
    var movementName: String
    var kind: String
    var kindName: String
    var isIndividual: Bool
    var name: String
    var birth: String
    var female: Bool
    var male: Bool
    var ethnicity: String
    var position: String
    var workplace: String
    var title: String
    var achievements: String
    var criteria: [CriterionField]
    var indicators: [IndicatorField]
    var hasIndicators: Bool
    var findings: [String]
    var hasFindings: Bool
    var requiredDossier: String
    var submitLabel: String

    /// The years a figure is asked for: the three before the round's end, as the plan's "2019–2021".
    static func years(of round: Round) -> [String] { (round.year - 2...round.year).map(String.init) }

    /// `typed`: the form as posted, when a save was refused — its figures are shown exactly as typed.
    init(round: Round, movement: Movement, kind: NomineeKind, content: NominationContent, personal: PersonalDetails?,
         typed: WebForm? = nil, csrf: String, action: String, version: Int, isNew: Bool) {
        self.csrf = csrf
        self.action = action
        self.version = version
        self.isNew = isNew
        self.round = round.id.uuidString.lowercased()
        roundName = round.name
        self.movement = movement.id.uuidString.lowercased()
        movementName = movement.name
        self.kind = kind.rawValue
        kindName = kind.vietnamese
        isIndividual = kind == .individual && isNew
        name = content.nomineeName
        birth = personal?.dateOfBirth ?? ""
        female = personal?.gender == "female"
        male = personal?.gender == "male"
        ethnicity = personal?.ethnicity ?? ""
        position = personal?.position ?? ""
        workplace = personal?.workplace ?? ""
        title = content.title
        achievements = content.achievements
        criteria = movement.criteria.map { criterion in
            let answer = content.criteriaAnswers[criterion.code]
            return CriterionField(code: criterion.code, text: criterion.text, checkID: "tc-\(criterion.code)", noteID: "mc-\(criterion.code)",
                                  met: answer?.met ?? false, evidence: answer?.evidence ?? "")
        }
        let years = Self.years(of: round)
        indicators = movement.indicators.map { indicator in
            let keys = indicator.perYear ? years : ["total"]
            return IndicatorField(
                name: "\(indicator.name) (\(indicator.unit))",
                rule: indicator.rule == "rising" ? "Phải tăng qua từng năm." : nil,
                figures: keys.map { key in
                    FigureField(fieldID: "cs-\(indicator.code)-\(key)", label: key == "total" ? "Tổng" : "Năm \(key)",
                                value: typed?.text("cs-\(indicator.code)-\(key)")
                                    ?? content.indicators[indicator.code]?[key].map { VietnameseNumber.text($0) } ?? "")
                })
        }
        hasIndicators = !indicators.isEmpty
        findings = IndicatorRule.findings(for: content.indicators, in: movement).map(\.vietnamese)
        hasFindings = !findings.isEmpty
        requiredDossier = round.requiredDossierKinds.map(\.vietnamese).joined(separator: ", ")
        submitLabel = isNew ? "Lưu hồ sơ (dự thảo)" : "Lưu thay đổi"
    }

    /// The content a posted form carries: criteria ticked with their notes, figures typed (a comma is the
    /// decimal mark, a dot groups thousands, as Vietnamese write numbers).
    /// `lenient`: skip a figure that is not a number (to show the refused form again) instead of refusing it.
    static func content(from form: WebForm, movement: Movement, round: Round, lenient: Bool = false) throws -> NominationContent {
        var answers: [String: CriterionAnswer] = [:]
        for criterion in movement.criteria {
            let met = form.value("tc-\(criterion.code)") == "dat"
            let evidence = form.text("mc-\(criterion.code)") ?? ""
            if met || !evidence.isEmpty { answers[criterion.code] = CriterionAnswer(met: met, evidence: evidence) }
        }
        var figures: [String: [String: Decimal]] = [:]
        for indicator in movement.indicators {
            for key in indicator.perYear ? years(of: round) : ["total"] {
                guard let typed = form.text("cs-\(indicator.code)-\(key)") else { continue }
                guard let value = number(typed) else {
                    if lenient { continue }
                    throw ThiduaError.invalid(field: "cs-\(indicator.code)-\(key)",
                                              vietnamese: "\(indicator.name) \(key == "total" ? "" : "năm \(key) ")phải là một số, ví dụ 1.250,5.",
                                              english: "\(indicator.name) \(key) must be a number.")
                }
                figures[indicator.code, default: [:]][key] = value
            }
        }
        return NominationContent(nomineeName: form.text("ten") ?? "", title: form.text("danh-hieu") ?? "",
                                 achievements: form.text("thanh-tich") ?? "", criteriaAnswers: answers, indicators: figures)
    }

    static func personal(from form: WebForm) -> PersonalDetails {
        PersonalDetails(dateOfBirth: form.text("ngay-sinh"), gender: form.value("gioi-tinh").flatMap { $0.isEmpty ? nil : $0 },
                        ethnicity: form.text("dan-toc"), position: form.text("chuc-vu"), workplace: form.text("noi-cong-tac"))
    }

    /// "1.250,5" or "1250.5" as 1250.5: with a comma present the dots group thousands.
    static func number(_ text: String) -> Decimal? {
        let trimmed = text.replacingOccurrences(of: " ", with: "")
        let plain = trimmed.contains(",") ? trimmed.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") : trimmed
        guard plain.wholeMatch(of: /-?\d+(\.\d+)?/) != nil else { return nil }
        return Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX"))
    }
}
