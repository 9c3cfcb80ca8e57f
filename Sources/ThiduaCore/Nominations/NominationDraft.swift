import Foundation

/// Everything needed to start a nomination: where it goes, who is nominated, and its content.
public struct NominationDraft: Sendable, Hashable {
    public var roundID: UUID
    public var movementID: UUID
    /// The submitting unit; the actor's own when `nil` (the only one the policy allows).
    public var unitID: UUID?
    public var nominee: NomineeChoice
    public var content: NominationContent

    public init(roundID: UUID, movementID: UUID, unitID: UUID? = nil, nominee: NomineeChoice, content: NominationContent) {
        self.roundID = roundID
        self.movementID = movementID
        self.unitID = unitID
        self.nominee = nominee
        self.content = content
    }
}

/// A nominee found again (their nominations across years stay together) or registered now.
public enum NomineeChoice: Sendable, Hashable {
    case existing(UUID)
    case new(NewNominee)
}

public struct NewNominee: Sendable, Hashable {
    public var kind: NomineeKind
    public var name: String
    public var personal: PersonalDetails?
    /// How report 0603.N counts them; `nil` where the unit does not say and the kind does not imply it.
    public var recipientClass: RecipientClass?

    public init(kind: NomineeKind, name: String, personal: PersonalDetails? = nil, recipientClass: RecipientClass? = nil) {
        self.kind = kind
        self.name = name
        self.personal = personal
        self.recipientClass = recipientClass
    }
}

/// Personal data of an individual nominee, kept apart and shown only to the unit and the overseers.
public struct PersonalDetails: Sendable, Hashable {
    /// `yyyy-MM-dd`.
    public var dateOfBirth: String?
    public var gender: String?
    /// Recorded where the plan's priority for ethnic minorities and remote areas applies.
    public var ethnicity: String?
    public var position: String?
    public var workplace: String?

    public init(dateOfBirth: String? = nil, gender: String? = nil, ethnicity: String? = nil, position: String? = nil, workplace: String? = nil) {
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.ethnicity = ethnicity
        self.position = position
        self.workplace = workplace
    }
}
