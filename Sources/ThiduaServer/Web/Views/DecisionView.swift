import Foundation
import ThiduaCore

/// What a decision's page shows: its full text as it will be printed (the chairman reads it here before
/// signing), its items with forms and rewards, who drafted and who signed, and only the steps the policy gives
/// this user in the decision's state.
struct DecisionView {
    struct Line { var text: String }
    struct ItemRow {
        var itemID: String
        var nominee: String
        var nominationHref: String
        var kind: String
        var unit: String
        var form: String
        var reward: String
        var mayRemove: Bool
    }

    var decisionID: String
    var csrf: String
    var version: Int
    var heading: String
    var state: String
    var stateClass: String
    var returnReason: String?
    var signedLine: String?
    var issuingBody: String
    var nationalName: String
    var motto: String
    var number: String
    var dateLine: String
    var title: String
    var subject: String
    var authority: String?
    var proposer: String?
    var recipients: [Line]
    var bases: [Line]
    var articles: [Line]
    var signature: [Line]
    var items: [ItemRow]
    var maySign: Bool
    var mayResubmit: Bool
    var mayPrintCertificates: Bool
    var certificatesHref: String
    var wordHref: String
    var pdfHref: String?
    var drafted: String

    init(decision: Decision, document: DecisionDocument, forms: [String: String], names: CatalogueNames,
         people: [UUID: PersonName], actor: Actor, csrf: String, offersPDF: Bool) {
        let mayEditItems = DecisionLifecycle.allows(.editItems, on: decision, by: actor)
        decisionID = decision.id.uuidString.lowercased()
        self.csrf = csrf
        version = decision.version
        heading = decision.symbol.map { "\(decision.kind.vietnamese) số \($0)" }
            ?? "Dự thảo \(decision.kind.vietnamese.lowercased())"
        state = DecisionListPage.stateWords(decision.state)
        stateClass = "state-decision-\(decision.state.rawValue)"
        returnReason = decision.state == .returned ? decision.returnReason : nil
        signedLine = decision.signedAt.map { moment in
            let signer = decision.signedBy.flatMap { people[$0]?.fullName } ?? "—"
            return "Ký lúc \(VietnameseTime.moment(moment)), người ký: \(signer)" + (decision.signedAs == .onBehalf ? " (ký thay Chủ tịch)" : "")
        }
        issuingBody = document.issuingBody.uppercased()
        nationalName = DecisionDocument.nationalName
        motto = DecisionDocument.motto
        number = document.number
        dateLine = document.dateLine
        title = document.title
        subject = document.subject
        authority = document.authority
        proposer = document.proposer
        recipients = document.recipients.map(Line.init)
        bases = document.bases.map(Line.init)
        articles = document.articles.map(Line.init)
        signature = document.signature.map(Line.init)
        items = decision.liveItems.map { item in
            ItemRow(
                itemID: item.id.uuidString.lowercased(), nominee: item.nomineeName,
                nominationHref: "/ho-so/\(item.nominationID.uuidString.lowercased())", kind: item.nomineeKind.vietnamese,
                unit: names.unitName(item.unitID), form: forms[item.form] ?? item.form,
                reward: item.reward.map { "\(VietnameseNumber.text(Decimal($0.amount))) đồng" } ?? "—",
                mayRemove: mayEditItems && decision.liveItems.count > 1)
        }
        maySign = DecisionLifecycle.allows(.sign, on: decision, by: actor)
        mayResubmit = DecisionLifecycle.allows(.resubmit, on: decision, by: actor)
        mayPrintCertificates = DecisionLifecycle.allows(.printCertificates, on: decision, by: actor)
        certificatesHref = "/api/v1/decisions/\(decisionID)/certificates"
        wordHref = "/api/v1/decisions/\(decisionID)/document.docx"
        pdfHref = offersPDF ? "/api/v1/decisions/\(decisionID)/document.pdf" : nil
        drafted = people[decision.draftedBy].map { "\($0.fullName), \($0.unitName)" } ?? "—"
    }
}
