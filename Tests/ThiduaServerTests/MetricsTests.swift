import Foundation
import Hummingbird
import Testing
import ThiduaTesting

/// `/metrics` counts requests by route template (never by raw path) and status, with a latency histogram.
@Suite("MetricsTests")
struct MetricsTests {
    @Test("requests are counted by method, route template and status, with their latency histogram")
    func countsByRouteAndStatus() async throws {
        try await APIWorld.run { _, api in
            let token = try await api.signIn(.clerkA)
            for _ in 1...3 { _ = try await api.send(.get, "/api/v1/nominations/\(UUID().lower)", token: token) }
            _ = try await api.send(.get, "/api/v1/me", token: token)
            let metrics = try await api.send(.get, "/metrics")
            #expect(metrics.status == .ok)
            let text = metrics.text
            #expect(text.contains(#"thidua_http_requests_total{method="GET",route="/api/v1/nominations/{id}",status="404"} 3"#), "\(text)")
            #expect(text.contains(#"thidua_http_requests_total{method="GET",route="/api/v1/me",status="200"} 1"#))
            #expect(text.contains(#"thidua_http_request_duration_seconds_count{method="POST",route="/api/v1/sessions",status="201"} 1"#))
            #expect(text.contains(#"le="+Inf"} 3"#))
            #expect(!text.contains(token))
        }
    }
}
