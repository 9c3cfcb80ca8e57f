import Foundation
import Glibc

/// Cleans up when the benchmark is interrupted (Ctrl-C, SIGTERM): the throwaway cluster would otherwise
/// keep running in its temporary folder.
///
/// ```swift
/// let interruption = BenchInterruption { cluster.remove() }
/// defer { interruption.cancel() }
/// ```
struct BenchInterruption {
    private let sources: [any DispatchSourceSignal]

    init(cleanUp: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("\nthidua bench: interrupted; stopping the throwaway cluster\n".utf8))
                cleanUp()
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        sources.forEach { $0.cancel() }
        [SIGINT, SIGTERM].forEach { signal($0, SIG_DFL) }
    }
}
