import Foundation

/// Who the signed-in user is, as the top of every page names them: their name, unit and area.
public struct SignedInProfile: Sendable, Hashable, Codable {
    public var fullName: String
    public var unitName: String
    public var areaName: String
}
