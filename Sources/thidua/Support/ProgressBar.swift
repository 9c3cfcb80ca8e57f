import Foundation
import Synchronization

/// A one-line progress bar on standard error, redrawn at most every tenth of a second.
final class ProgressBar: Sendable {
    private let label: String
    private let lastDrawn = Mutex(ContinuousClock.now - .seconds(1))

    init(label: String) {
        self.label = label
    }

    func show(_ done: Int, of total: Int?) {
        let now = ContinuousClock.now
        let due = lastDrawn.withLock { last in
            guard now - last >= .milliseconds(100) else { return false }
            last = now
            return true
        }
        guard due else { return }
        draw(done, of: total)
    }

    func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(_ done: Int, of total: Int?) {
        let line: String
        if let total, total > 0 {
            let share = min(1, Double(done) / Double(total))
            let filled = Int(share * 30)
            line = "\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 30 - filled))] \(Int(share * 100))% \(done)/\(total)"
        } else {
            line = "\r\(label) \(done)"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
