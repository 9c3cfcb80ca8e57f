import PostgresCluster
import Testing

/// The server log read back into statements, as the benchmark's capture and the tests' statement counts use it.
@Suite struct LoggedStatementTests {
    let log = """
        2026-11-29 17:00:00.001 UTC [4242] LOG:  statement: BEGIN
        2026-11-29 17:00:00.002 UTC [4343] LOG:  execute thidua_7: SELECT name
        \tFROM thidua.units WHERE id = $1 AND note = $2 AND gone = $3
        2026-11-29 17:00:00.002 UTC [4343] DETAIL:  parameters: $1 = 'a1b2', $2 = 'Bản ''Tả'' Phìn', $3 = NULL
        2026-11-29 17:00:00.003 UTC [4242] LOG:  duration: 0.1 ms
        2026-11-29 17:00:00.004 UTC [4242] LOG:  execute <unnamed>: COMMIT
        """

    @Test func statementsKeepTheirTextParametersAndProcess() throws {
        let statements = try LoggedStatement.parse(log: log)
        #expect(statements == [
            LoggedStatement(sql: "BEGIN", processID: 4242),
            LoggedStatement(sql: "SELECT name\nFROM thidua.units WHERE id = $1 AND note = $2 AND gone = $3",
                            parameters: ["a1b2", "Bản 'Tả' Phìn", nil], processID: 4343),
            LoggedStatement(sql: "COMMIT", processID: 4242),
        ])
        #expect(try LoggedStatement.parse(log: "LOG:  statement: SELECT 1") == [LoggedStatement(sql: "SELECT 1")])
    }

    @Test func anUnreadableParameterListIsAnError() {
        #expect(throws: LoggedStatement.Unreadable.self) {
            try LoggedStatement.parse(log: "LOG:  execute s1: SELECT $1\nDETAIL:  parameters: $1 = 'never closed")
        }
    }
}
