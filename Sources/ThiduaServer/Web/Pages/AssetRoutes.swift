import Foundation
import Hummingbird
import NIOCore

/// The pages' stylesheet and icon, served by thidua itself: a district's network may have no internet.
struct AssetRoutes: Sendable {
    private static let assets: [String: (mediaType: String, bytes: ByteBuffer)] = {
        var assets: [String: (String, ByteBuffer)] = [:]
        for (name, mediaType) in [("site.css", "text/css; charset=utf-8"), ("icon.svg", "image/svg+xml")] {
            let parts = name.split(separator: ".")
            // Shipped with the build and fetched by every page test: a missing one is a bug, not an input.
            let url = Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Templates/web")!
            assets[name] = (mediaType, ByteBuffer(bytes: try! Data(contentsOf: url)))
        }
        return assets
    }()

    func add(to router: RouterGroup<ThiduaRequestContext>) {
        router.get("/tai-nguyen/:name") { _, context in
            guard let name = context.parameters.get("name"), let asset = Self.assets[name] else { throw APIError.noRoute }
            return Response(
                status: .ok, headers: [.contentType: asset.mediaType, .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: asset.bytes))
        }
    }
}
