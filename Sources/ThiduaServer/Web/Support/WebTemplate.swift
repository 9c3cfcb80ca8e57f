import Foundation
import Mustache

/// The page templates (`Templates/web/*.mustache`), parsed once on first use.
///
/// Mustache escapes every `{{value}}` for HTML. The one triple-brace in all of them is `{{{main}}}` in
/// `layout.mustache`, which takes a page already rendered (and so already escaped) by this same library.
enum WebTemplate {
    private static let library: MustacheLibrary = {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Templates/web")
        let urls = (try! FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil))
            .filter { $0.pathExtension == "mustache" }
        // The templates are part of the build and every one is rendered by the tests: a broken one is a bug, not an input.
        return MustacheLibrary(templates: Dictionary(uniqueKeysWithValues: urls.map { url in
            (url.deletingPathExtension().lastPathComponent, try! MustacheTemplate(string: String(contentsOf: url, encoding: .utf8)))
        }))
    }()

    static func render(_ name: String, _ view: Any) -> String {
        guard let html = library.render(view, withTemplate: name) else { preconditionFailure("no page template \(name)") }
        return html
    }
}
