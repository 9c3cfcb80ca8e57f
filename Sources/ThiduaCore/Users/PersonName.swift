import Foundation

/// How a person is named to other people: full name and unit, never an id.
public struct PersonName: Sendable, Hashable, Codable {
    public var fullName: String
    public var unitName: String

    public init(fullName: String, unitName: String) {
        self.fullName = fullName
        self.unitName = unitName
    }
}
