import Foundation

/// A name typed on the command line that names no record the user may see, or more than one.
enum NameLookupError: Error, CustomStringConvertible {
    case notFound(String, typed: String)
    case ambiguous(String, typed: String, ids: [UUID])

    /// 66 as for the server's 404; 65 when the name is not enough to tell records apart.
    var exitCode: Int32 {
        switch self {
        case .notFound: 66
        case .ambiguous: 65
        }
    }

    var description: String {
        switch self {
        case let .notFound(what, typed):
            "Không tìm thấy \(what) “\(typed)” / no \(what) “\(typed)” that you may see"
        case let .ambiguous(what, typed, ids):
            "“\(typed)” là nhiều \(what), hãy dùng mã số / “\(typed)” names several: \(ids.map { $0.uuidString.lowercased() }.joined(separator: ", "))"
        }
    }
}
