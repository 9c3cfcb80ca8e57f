import Foundation
import Synchronization

/// Request counts and latencies per route and status, kept in memory and written in Prometheus' text format
/// at `/metrics`. Hand-made rather than swift-metrics + swift-prometheus: two counters and a histogram do not
/// earn two more packages' build time.
final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct Series: Hashable {
        var method: String
        var route: String
        var status: Int

        var labels: String { "method=\"\(method)\",route=\"\(route)\",status=\"\(status)\"" }
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var total = 0
        var sum = 0.0
    }

    private let series = Mutex<[Series: Histogram]>([:])

    /// Records one request; `route` is the matched route's template, never the raw path (ids would make a
    /// series per record).
    func record(method: String, route: String, status: Int, seconds: Double) {
        series.withLock { series in
            var histogram = series[Series(method: method, route: route, status: status), default: Histogram()]
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.total += 1
            histogram.sum += seconds
            series[Series(method: method, route: route, status: status)] = histogram
        }
    }

    /// The Prometheus text exposition (version 0.0.4).
    var exposition: String {
        let snapshot = series.withLock { $0 }
        var lines = [
            "# HELP thidua_http_requests_total HTTP requests answered, by method, route and status.",
            "# TYPE thidua_http_requests_total counter",
        ]
        let ordered = snapshot.sorted { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }
        for (key, histogram) in ordered {
            lines.append("thidua_http_requests_total{\(key.labels)} \(histogram.total)")
        }
        lines += [
            "# HELP thidua_http_request_duration_seconds Time to answer, by method, route and status.",
            "# TYPE thidua_http_request_duration_seconds histogram",
        ]
        for (key, histogram) in ordered {
            for (index, bound) in Self.buckets.enumerated() {
                lines.append("thidua_http_request_duration_seconds_bucket{\(key.labels),le=\"\(bound)\"} \(histogram.counts[index])")
            }
            lines.append("thidua_http_request_duration_seconds_bucket{\(key.labels),le=\"+Inf\"} \(histogram.total)")
            lines.append("thidua_http_request_duration_seconds_sum{\(key.labels)} \(histogram.sum)")
            lines.append("thidua_http_request_duration_seconds_count{\(key.labels)} \(histogram.total)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
