import ArgumentParser
import Testing
@testable import thidua

/// The help is where an official learns a command, often in an 80-column terminal or piped to a file: an example
/// or an item of a list must never wrap back to the left margin in the middle of an argument.
@Suite("HelpLayoutTests")
struct HelpLayoutTests {
    static func commands(under command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { commands(under: $0) }
    }

    @Test("no indented line of any command's help wraps to the left margin at 80 columns")
    func examplesAndListsFitEightyColumns() {
        let all = Self.commands(under: Thidua.self)
        #expect(all.count > 60)
        for command in all {
            let lines = Thidua.helpMessage(for: command, columns: 80).split(separator: "\n", omittingEmptySubsequences: false)
            // A line at the margin after an indented one whose first word would not have fitted on it is a wrap.
            for (previous, line) in zip(lines, lines.dropFirst())
            where previous.hasPrefix("  ") && !line.isEmpty && !line.hasPrefix(" ")
                && previous.count + 1 + (line.split(separator: " ").first?.count ?? 0) > 80 {
                Issue.record("\(command._commandName): “\(previous.suffix(40))” wraps to “\(line.prefix(40))”")
            }
        }
    }
}
