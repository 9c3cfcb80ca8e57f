import ArgumentParser
import Foundation

/// A JSON object read from a file given on the command line.
enum JSONFile {
    static func object(_ path: String) throws -> [String: Any] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("Không đọc được tệp / cannot read \(path)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("\(path): không phải một đối tượng JSON / not a JSON object")
        }
        return object
    }
}
