import Foundation
import ThiduaCore

/// What a council session's page shows the signed-in user: each nomination before the council with, while the
/// session is open, the member's own ballot (approve, reject, abstain; a comment unless the ballot is secret)
/// or recusal, and once it is closed the tally and outcome in the words of the minutes. Whether a form is
/// offered follows the frozen roster, the recusals and the policy; the repository decides again on posting.
struct CouncilSessionView {
    struct Choice { var value: String; var label: String; var fieldID: String; var checked: Bool }
    struct Opinion { var name: String; var choice: String; var remark: String; var hasRemark: Bool }
    struct Item {
        var number: Int
        var nominationID: String
        var nominee: String
        var kind: String
        var unit: String
        var movement: String
        var proposal: String?
        var participation: String
        var tally: String?
        var outcome: String
        var outcomeClass: String
        var opinions: [Opinion]
        var hasOpinions: Bool
        var recusals: [String]
        var hasRecusals: Bool
        /// The member's own ballot as it stands, in words.
        var ownVote: String?
        var ownRecusal: String?
        var mayVote: Bool
        var mayRecuse: Bool
        var voteVersion: Int
        var voteButton: String
        var choices: [Choice]
        var comment: String
        var commentID: String
        var reasonID: String
    }

    var id: String
    var csrf: String
    var version: Int
    var title: String
    var round: String
    var state: String
    var stateClass: String
    var isOpen: Bool
    var opened: String
    var closed: String?
    var rule: [String]
    var secret: Bool
    var seated: Bool
    var excused: Bool
    /// Excused, under a rule that counts written votes: what they cast is their written vote.
    var inWriting: Bool
    var mayClose: Bool
    var memberCount: Int
    var minutesHref: String
    var items: [Item]

    init(session: CouncilSession, minutes: CouncilMinutes, roundName: String, actor: Actor, csrf: String) {
        let me = actor.userID
        let seat = session.roster.first { $0.memberID == me }
        let open = session.state == .open
        let secret = session.rule.ballot == .secret
        let member = Policy.allows(actor, CouncilAction.vote)
        id = session.id.uuidString.lowercased()
        self.csrf = csrf
        version = session.version
        title = session.title
        round = roundName
        state = session.state.vietnamese
        stateClass = "state-session-\(session.state.rawValue)"
        isOpen = open
        opened = VietnameseTime.moment(session.openedAt)
        closed = session.closedAt.map(VietnameseTime.moment)
        rule = minutes.rule
        self.secret = secret
        seated = member && seat?.votes(under: session.rule) == true
        excused = member && seat?.countsForQuorum == false && !seated
        inWriting = member && seat?.countsForQuorum == false && seated
        mayClose = CouncilSessionMachine.allows(.close, from: .init(session: session.state, standing: .offRoster), by: actor)
        memberCount = minutes.memberCount
        minutesHref = "/api/v1/council/sessions/\(id)/minutes"
        let seated = self.seated
        items = minutes.items.map { line in
            let item = session.item(line.nominationID)
            let mine = item?.votes.first { $0.memberID == me }
            let recusal = item?.recusals.first { $0.memberID == me }
            let key = line.nominationID.uuidString.lowercased()
            let voted = item?.votes.count ?? 0
            let standing: CouncilStanding = !seated ? .offRoster : recusal != nil ? .recused : mine == nil ? .undecided : .voted
            let here = CouncilSessionMachine.State(session: session.state, standing: standing)
            let ownVote: String? = mine.map { vote in
                vote.choice.map { "Phiếu của đồng chí: \($0.vietnamese)" + (vote.comment.map { " — ý kiến: \($0)" } ?? "") }
                    ?? "Đồng chí đã bỏ phiếu (phiếu kín: lựa chọn không hiển thị với bất kỳ ai)."
            }
            return Item(
                number: line.number, nominationID: key, nominee: line.nomineeName, kind: line.nomineeKind.vietnamese,
                unit: line.unitName, movement: line.movementName, proposal: line.proposal,
                participation: "Đã có \(voted)/\(minutes.memberCount) thành viên bỏ phiếu",
                tally: line.tallyText, outcome: line.outcomeText, outcomeClass: "outcome-\(line.outcome?.rawValue ?? "pending")",
                opinions: line.votes.map { Opinion(name: $0.name, choice: $0.choiceText, remark: $0.comment ?? "", hasRemark: $0.comment != nil) },
                hasOpinions: !line.votes.isEmpty,
                recusals: line.recusals.map { "\($0.name): \($0.reason)" }, hasRecusals: !line.recusals.isEmpty,
                ownVote: ownVote,
                ownRecusal: recusal.map { "Đồng chí không tham gia biểu quyết hồ sơ này. Lý do: \($0.reason)" },
                mayVote: CouncilSessionMachine.allows(mine == nil ? .castVote : .changeVote, from: here, by: actor),
                mayRecuse: CouncilSessionMachine.allows(.recuse, from: here, by: actor),
                voteVersion: mine?.version ?? 0, voteButton: mine == nil ? "Bỏ phiếu" : "Đổi phiếu",
                choices: VoteChoice.allCases.map { choice in
                    Choice(value: choice.rawValue, label: choice.vietnamese, fieldID: "phieu-\(key)-\(choice.rawValue)",
                           checked: mine?.choice == choice)
                },
                comment: mine?.comment ?? "", commentID: "y-kien-\(key)", reasonID: "ly-do-\(key)")
        }
    }
}
