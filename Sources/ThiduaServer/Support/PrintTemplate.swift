import Foundation
import Mustache

/// The print templates shipped with the server (`Templates/*.mustache`), parsed once on first use. Mustache
/// escapes every `{{value}}` for HTML; the templates use no triple braces, so no stored text reaches a page raw.
enum PrintTemplate: String, Sendable, CaseIterable {
    /// A council session's minutes (biên bản), A4 portrait.
    case minutes
    /// A decision's certificates (Giấy khen), A4 landscape, one page each.
    case certificates

    private static let library = MustacheLibrary(templates: Dictionary(uniqueKeysWithValues: allCases.map { template in
        let url = Bundle.module.url(forResource: template.rawValue, withExtension: "mustache", subdirectory: "Templates")!
        // The templates are part of the build and every one is rendered by the tests: a broken one is a bug, not an input.
        return (template.rawValue, try! MustacheTemplate(string: String(contentsOf: url, encoding: .utf8)))
    }))

    func render(_ page: Any) -> String {
        Self.library.render(page, withTemplate: rawValue)!
    }
}
