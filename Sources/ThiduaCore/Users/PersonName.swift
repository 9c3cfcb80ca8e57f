import Foundation

/// How a person is named to other people: full name, username and unit, never an id.
public struct PersonName: Sendable, Hashable, Codable {
    public var fullName: String
    public var username: String
    public var unitName: String

    public init(fullName: String, username: String, unitName: String) {
        self.fullName = fullName
        self.username = username
        self.unitName = unitName
    }
}
