import Foundation

/// The minutes of a council session (biên bản họp Hội đồng xét khen thưởng), as data ready to print: the
/// issuing council, the session and its times, the rule applied in words, who sat and who was there, and for
/// each nomination its tally, recusals and outcome. Under an open (or written) ballot each member's vote is
/// listed; under a secret ballot only the counts are, and nothing in these minutes ties a member to a choice.
///
/// A session still open gives a draft (``isDraft``, marked "DỰ THẢO") without tallies or outcomes: the minutes
/// are final only once the session is closed.
///
/// ```swift
/// let minutes = try await council.minutes(session.id, as: secretary)
/// minutes.isDraft                 // false once closed
/// minutes.items[0].tally          // CouncilTally(members: 3, approve: 2, reject: 1, abstain: 0)
/// minutes.items[0].votes.count    // 0 under a secret ballot
/// ```
public struct CouncilMinutes: Sendable, Hashable, Codable {
    /// A member on the roster frozen when the session opened.
    public struct Member: Sendable, Hashable, Codable {
        public enum Attendance: String, Sendable, Hashable, Codable {
            /// Voted on, or recused themselves from, at least one nomination.
            case present
            case absent
            /// Excused by the secretariat at opening: absent, still counted in every base counted on members.
            case excused
            /// Excused, and voted in writing on at least one nomination (where the rule counts written votes).
            case inWriting = "in_writing"
        }

        public var memberID: UUID
        public var name: String
        public var unitName: String
        public var isChairman: Bool
        public var attendance: Attendance
        public var attendanceText: String
    }

    /// One member's vote on one nomination, under an open or written ballot only.
    public struct Vote: Sendable, Hashable, Codable {
        public var memberID: UUID
        public var name: String
        public var choice: VoteChoice
        /// "Tán thành", "Tán thành (bằng văn bản)" for an excused member's written vote.
        public var choiceText: String
        public var comment: String?
    }

    public struct Recusal: Sendable, Hashable, Codable {
        public var memberID: UUID
        public var name: String
        public var reason: String
        /// Made at opening because the member's own unit submitted the nomination.
        public var byDefault: Bool
    }

    /// One nomination before the session.
    public struct Item: Sendable, Hashable, Codable {
        /// 1, 2, … in the minutes' order (by the nominee's name).
        public var number: Int
        public var nominationID: UUID
        public var nomineeName: String
        public var nomineeKind: NomineeKind
        public var unitName: String
        public var movementName: String
        /// The title or form the unit proposed, when it named one.
        public var proposal: String?
        /// `nil` while the session is open.
        public var tally: CouncilTally?
        public var tallyText: String?
        public var outcome: CouncilOutcome?
        public var outcomeText: String
        public var recusals: [Recusal]
        /// Empty under a secret ballot.
        public var votes: [Vote]
    }

    /// What the repository reads beside the session: names, the nominations, where and which session it is.
    struct Facts {
        struct Nomination {
            var id: UUID
            var nomineeName: String
            var nomineeKind: NomineeKind
            var unitID: UUID
            var title: String
            var movementName: String
        }

        /// The session's ordinal in its round.
        var number: Int
        var council: String
        var place: String
        /// Everyone named in the minutes, in Vietnamese alphabetical order.
        var people: [(id: UUID, name: String)]
        var units: [UUID: String]
        /// The items' nominations, in Vietnamese alphabetical order of the nominee.
        var nominations: [Nomination]
    }

    public var sessionID: UUID
    public var isDraft: Bool
    /// "DỰ THẢO" on a draft.
    public var draftMark: String?
    public var issuingBody: String
    public var nationalName: String
    public var motto: String
    public var title: String
    public var sessionTitle: String
    public var sessionNumber: Int
    public var place: String
    public var openedAt: Date
    public var closedAt: Date?
    /// "14 giờ 05 phút, ngày 20 tháng 12 năm 2024", in Vietnam's time.
    public var opened: String
    public var closed: String?
    public var ballot: CouncilRule.Ballot
    public var secretBallot: Bool
    /// The rule applied, sentence by sentence, with its legal basis.
    public var rule: [String]
    /// The chairman first, then by name.
    public var members: [Member]
    /// Every member of the frozen roster, excused ones included (the base of a rule counted on members), those
    /// excused, and those present.
    public var memberCount: Int
    public var excusedCount: Int
    public var presentCount: Int
    /// The chairman on the roster, who presides.
    public var chair: String?
    /// The secretariat officer who opened the session and keeps the minutes.
    public var secretary: String?
    public var items: [Item]

    init(session: CouncilSession, facts: Facts) {
        var names: [UUID: String] = [:]
        var rank: [UUID: Int] = [:]
        for (index, person) in facts.people.enumerated() {
            names[person.id] = person.name
            rank[person.id] = index
        }
        let name = { (id: UUID) in names[id] ?? id.uuidString.lowercased() }
        let order = { (id: UUID) in rank[id] ?? Int.max }
        let secret = session.rule.ballot == .secret
        let closed = session.state == .closed

        sessionID = session.id
        isDraft = !closed
        draftMark = closed ? nil : "DỰ THẢO"
        issuingBody = facts.council
        nationalName = DecisionDocument.nationalName
        motto = DecisionDocument.motto
        title = "BIÊN BẢN"
        sessionTitle = session.title
        sessionNumber = facts.number
        place = facts.place
        openedAt = session.openedAt
        closedAt = session.closedAt
        opened = Self.vietnameseMoment(session.openedAt)
        self.closed = session.closedAt.map(Self.vietnameseMoment)
        ballot = session.rule.ballot
        secretBallot = secret
        rule = session.rule.vietnamese

        let acted = Set(session.items.flatMap { $0.votes.map(\.memberID) + $0.recusals.filter { !$0.byDefault }.map(\.memberID) })
        let voted = Set(session.items.flatMap { $0.votes.map(\.memberID) })
        let absent = Set(session.roster.filter { !$0.countsForQuorum }.map(\.memberID))
        members = session.roster
            .sorted { ($0.isChairman ? 0 : 1, order($0.memberID)) < ($1.isChairman ? 0 : 1, order($1.memberID)) }
            .map { seat in
                let attendance: Member.Attendance = !seat.countsForQuorum
                    ? (voted.contains(seat.memberID) ? .inWriting : .excused)
                    : acted.contains(seat.memberID) ? .present : .absent
                return Member(
                    memberID: seat.memberID, name: name(seat.memberID), unitName: facts.units[seat.unitID] ?? "",
                    isChairman: seat.isChairman, attendance: attendance, attendanceText: Self.words(attendance))
            }
        memberCount = members.count
        excusedCount = absent.count
        presentCount = members.filter { $0.attendance == .present }.count
        chair = session.roster.first(where: \.isChairman).map { name($0.memberID) }
        secretary = names[session.openedBy]

        items = facts.nominations.enumerated().compactMap { index, nomination in
            guard let item = session.item(nomination.id) else { return nil }
            let votes = secret ? [] : item.votes.sorted { order($0.memberID) < order($1.memberID) }.compactMap { vote in
                vote.choice.map {
                    Vote(memberID: vote.memberID, name: name(vote.memberID), choice: $0,
                         choiceText: $0.vietnamese + (absent.contains(vote.memberID) ? " (bằng văn bản)" : ""), comment: vote.comment)
                }
            }
            return Item(
                number: index + 1, nominationID: nomination.id, nomineeName: nomination.nomineeName, nomineeKind: nomination.nomineeKind,
                unitName: facts.units[nomination.unitID] ?? "", movementName: nomination.movementName,
                proposal: nomination.title.isEmpty ? nil : nomination.title,
                tally: item.tally, tallyText: item.tally?.vietnamese, outcome: item.outcome, outcomeText: CouncilOutcome.vietnamese(item.outcome),
                recusals: item.recusals.sorted { order($0.memberID) < order($1.memberID) }.map {
                    Recusal(memberID: $0.memberID, name: name($0.memberID), reason: $0.reason, byDefault: $0.byDefault)
                },
                votes: votes)
        }
    }

    /// "14 giờ 05 phút, ngày 20 tháng 12 năm 2024".
    static func vietnameseMoment(_ moment: Date) -> String {
        let parts = Calendar.vietnam.dateComponents([.hour, .minute], from: moment)
        return String(format: "%02d giờ %02d phút, ", parts.hour!, parts.minute!) + DecisionDocument.vietnameseDate(moment, in: .vietnam)
    }

    private static func words(_ attendance: Member.Attendance) -> String {
        switch attendance {
        case .present: "Có mặt"
        case .absent: "Vắng mặt"
        case .excused: "Vắng có lý do"
        case .inWriting: "Vắng có lý do, biểu quyết bằng văn bản"
        }
    }

}
