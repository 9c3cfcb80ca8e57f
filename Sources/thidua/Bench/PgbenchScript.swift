import Foundation
import PostgresCluster

/// The repository's own statements for one create and one submit as one pgbench script: every `$n`
/// parameter becomes a pgbench variable, so pgbench (`-M prepared`) sends the same prepared statements with
/// the same parameters.
///
/// Each captured parameter value is recognised by what it is. A value of the capturing unit (its clerk,
/// head, unit, movement, the draft's content, where a submission lands) becomes a unit variable (`:clerk`),
/// which each client reads once, at its first transaction, from the table ``unitTable`` (row
/// `client_id % units`, so clients spread over the units as the Swift tasks do). The round and the area are
/// shared, passed with `-D`. An id the transaction itself made is read back with `\gset` from the INSERT
/// that returned it (`:nominee_id`, `:n_id`, `:n_version`). Any other value (role and action names, `true`)
/// is a constant passed with `-D`, except the empty string, which `-D` cannot define and which is written `''`,
/// and NULL, written `NULL`.
///
/// One script for every unit matters: a prepared statement is planned afresh for its first five runs on a
/// connection, and with a script per unit most runs at 32 clients would be such first runs.
///
/// ```swift
/// let script = try PgbenchScript(captured: statements, known: ["…clerk uuid…": .unit("clerk"), …])
/// let text = script.text(describing: "…")
/// ```
struct PgbenchScript {
    enum Slot: Hashable {
        /// Differs per unit: a column of ``PgbenchScript/unitTable``.
        case unit(String)
        /// The same for every unit, from `-D`.
        case shared(String)
        /// Returned by an earlier statement of the same run of the script, through `\gset`.
        case returned(String)
        /// Anything else, as `:c<k>`.
        case constant(Int)
        /// A NULL parameter (an unclassified recipient, say), written as the literal `NULL`.
        case null
    }

    struct Command {
        var sql: String
        var slots: [Slot]
        /// The `\gset` prefix that stores the command's one returned row.
        var gset: String?
    }

    /// Where each client finds its unit's values; created by the benchmark, readable by `thidua_app`.
    static let unitTable = "public.thidua_bench_units"

    /// Which INSERT's returned row later statements read, by the start of its text.
    static let returningInserts = ["INSERT INTO thidua.nominees": "nominee_", "INSERT INTO thidua.nominations": "n_"]

    let commands: [Command]
    let constants: [String]
    /// The unit variables the statements use, in order of first use.
    let unitColumns: [String]

    init(captured: [LoggedStatement], known: [String: Slot]) throws {
        var constants: [String] = []
        var gsets: Set<String> = []
        var commands: [Command] = []
        var unitColumns: [String] = []
        for statement in captured {
            let slots = statement.parameters.map { value -> Slot in
                guard let value else { return .null }
                if let slot = known[value] { return slot }
                if let index = constants.firstIndex(of: value) { return .constant(index + 1) }
                constants.append(value)
                return .constant(constants.count)
            }
            for slot in slots {
                if case .unit(let name) = slot, !unitColumns.contains(name) { unitColumns.append(name) }
                if case .returned(let name) = slot, !gsets.contains(where: name.hasPrefix) {
                    throw BenchFailure.capture("\(name) is used before a statement returns it: \(statement.sql.prefix(80))")
                }
            }
            let trimmed = statement.sql.trimmingCharacters(in: .whitespacesAndNewlines)
            let gset = Self.returningInserts.first { trimmed.hasPrefix($0.key) }?.value
            if let gset { gsets.insert(gset) }
            commands.append(Command(sql: trimmed, slots: slots, gset: gset))
        }
        self.commands = commands
        self.constants = constants
        self.unitColumns = unitColumns
    }

    /// The script. `-D units=<n>` says over how many rows of the unit table the clients spread, and
    /// `-D unit_read=0` starts every client without its unit (see ``constantDefinitions``).
    func text(describing: String) -> String {
        var text = """
            -- thidua bench: one create and one submit, the statements the repositories sent (\(describing)),
            -- as captured from the server log. Run with pgbench -M prepared; variables come from -D, from the
            -- client's unit (read once) and from \\gset.
            \\if :unit_read = 0
            SELECT \(unitColumns.joined(separator: ", ")), 1 AS unit_read
            FROM \(Self.unitTable) WHERE n = :client_id::integer % :units::integer \\gset
            \\endif

            """
        var pipelining = false
        for command in commands {
            let ahead = Self.travelsAhead(command.sql)
            if ahead, !pipelining { text += "\\startpipeline\n" }
            // pgbench cannot \gset inside a pipeline: such a statement costs pgbench a round trip the server saves.
            if !ahead, pipelining, command.gset != nil { text += "\\endpipeline\n" }
            pipelining = ahead || (pipelining && command.gset == nil)
            text += Self.substitute(command.sql) { variable(command.slots[$0 - 1]) }
            text += command.gset.map { " \\gset \($0)\n" } ?? ";\n"
            if !ahead, pipelining {
                text += "\\endpipeline\n"
                pipelining = false
            }
        }
        return text
    }

    /// What the repositories hold back to send with the next statement (`PostgresConnection.sendAhead`): a
    /// transaction's `BEGIN`, the session it presents and the settings of its actor. The script pipelines the
    /// same groups.
    static func travelsAhead(_ sql: String) -> Bool {
        sql.hasPrefix("BEGIN") || sql.hasPrefix("SELECT set_config(") || sql.hasPrefix("SELECT CASE WHEN $1::text IS NULL THEN thidua.act_as(")
    }

    /// The `-D name=value` definitions of the constants (pgbench refuses an empty value: see ``variable(_:)``).
    var constantDefinitions: [(String, String)] {
        [("unit_read", "0")] + constants.enumerated().filter { !$0.element.isEmpty }.map { ("c\($0.offset + 1)", $0.element) }
    }

    /// The pgbench variable for a slot; the empty string, which `-D` cannot define, as the literal `''`.
    func variable(_ slot: Slot) -> String {
        switch slot {
        case .unit(let name), .shared(let name), .returned(let name): ":\(name)"
        case .constant(let index): constants[index - 1].isEmpty ? "''" : ":c\(index)"
        case .null: "NULL"
        }
    }

    /// `sql` with each `$n` replaced by `replacement(n)`.
    static func substitute(_ sql: String, _ replacement: (Int) -> String) -> String {
        var output = ""
        var digits = ""
        var inParameter = false
        for character in sql {
            if inParameter, character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if inParameter {
                output += digits.isEmpty ? "$" : replacement(Int(digits)!)
                inParameter = false
                digits = ""
            }
            if character == "$" {
                inParameter = true
            } else {
                output.append(character)
            }
        }
        if inParameter { output += digits.isEmpty ? "$" : replacement(Int(digits)!) }
        return output
    }
}
