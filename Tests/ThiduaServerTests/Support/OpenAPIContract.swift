import Foundation
import Yams

/// openapi.yaml as the tests read it: its operations, and a checker of JSON values against its schemas (the
/// subset of JSON Schema the contract uses: $ref, type, enum, required, properties, additionalProperties, items,
/// oneOf, minimum, minLength, pattern, format uuid / date-time).
struct OpenAPIContract {
    let root: [String: Any]

    init(yaml: String) throws {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else { throw Failure("openapi.yaml is not a mapping") }
        self.root = root
    }

    var paths: [String: [String: Any]] { root["paths"] as? [String: [String: Any]] ?? [:] }

    /// Every operation as "GET /api/v1/nominations/{id}".
    var operations: Set<String> {
        Set(paths.flatMap { path, item in
            item.keys.filter { ["get", "put", "post", "delete", "patch"].contains($0) }.map { "\($0.uppercased()) \(path)" }
        })
    }

    /// The template a concrete path matches ("/api/v1/nominations/3f…/history" → "/api/v1/nominations/{id}/history").
    func template(for path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return paths.keys.sorted().first { template in
            let pattern = template.split(separator: "/", omittingEmptySubsequences: false)
            return pattern.count == parts.count && zip(pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
    }

    /// The operation's response object for `status`, following a $ref to components/responses.
    func response(method: String, template: String, status: Int) -> [String: Any]? {
        guard let operation = paths[template]?[method.lowercased()] as? [String: Any],
              let responses = operation["responses"] as? [String: Any],
              var response = responses[String(status)] as? [String: Any] else { return nil }
        if let ref = response["$ref"] as? String { response = resolve(ref) ?? [:] }
        return response
    }

    func resolve(_ ref: String) -> [String: Any]? {
        var node: Any = root
        for key in ref.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(key)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// Where `value` breaks `schema`, as "path: why"; empty when it conforms.
    func violations(of value: JSONValue, against schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) else { return ["\(path): unresolvable \(ref)"] }
            return violations(of: value, against: target, at: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let passing = options.filter { violations(of: value, against: $0, at: path).isEmpty }.count
            return passing == 1 ? [] : ["\(path): matches \(passing) of oneOf"]
        }
        var problems: [String] = []
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }) {
            let actual = value.typeName
            let accepted = types.contains(actual) || (actual == "integer" && types.contains("number"))
            if !accepted { return ["\(path): \(actual), expected \(types.joined(separator: "|"))"] }
        }
        if let allowed = schema["enum"] as? [Any], case .string(let text) = value, !allowed.contains(where: { "\($0)" == text }) {
            problems.append("\(path): \(text) not in enum")
        }
        switch value {
        case .object(let object):
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path).\(key): required but missing")
            }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (key, member) in object {
                if let property = properties[key] {
                    problems += violations(of: member, against: property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += violations(of: member, against: additional, at: "\(path).\(key)")
                } else if !properties.isEmpty {
                    problems.append("\(path).\(key): not in the contract")
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() { problems += violations(of: item, against: itemSchema, at: "\(path)[\(index)]") }
            }
        case .string(let text):
            if let minimum = schema["minLength"] as? Int, text.count < minimum { problems.append("\(path): shorter than \(minimum)") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \(text) does not match \(pattern)")
            }
            switch schema["format"] as? String {
            case "uuid" where UUID(uuidString: text) == nil: problems.append("\(path): \(text) is not a UUID")
            case "date-time" where ISO8601DateFormatter().date(from: text) == nil: problems.append("\(path): \(text) is not a date-time")
            default: break
            }
        case .number(let number):
            if let minimum = schema["minimum"] as? Int, number < Double(minimum) { problems.append("\(path): below \(minimum)") }
        default: break
        }
        return problems
    }
}
