import PostgresCluster
import Testing
@testable import thidua

/// pgbench sends what the repositories send, in the same round trips: what they hold back (`BEGIN`, the
/// settings) goes in one pipeline with the statement after it, except before a `\gset`, which pgbench cannot do
/// inside a pipeline.
@Suite("PgbenchScriptTests")
struct PgbenchScriptTests {
    @Test("BEGIN, the session presented and set_config open a pipeline that the next statement closes; a statement read back with \\gset goes alone")
    func pipelinesFollowWhatTravelsAhead() throws {
        let captured = [
            LoggedStatement(sql: "BEGIN ISOLATION LEVEL READ COMMITTED"),
            LoggedStatement(sql: "SELECT CASE WHEN $1::text IS NULL THEN thidua.act_as($2) ELSE thidua.present_session($3) END", parameters: ["token", nil, "token"]),
            LoggedStatement(sql: "SELECT id FROM thidua.movements WHERE id = $1", parameters: ["movement"]),
            LoggedStatement(sql: "SELECT set_config('thidua.action', $1, true)", parameters: ["nomination.create"]),
            LoggedStatement(sql: "INSERT INTO thidua.nominations (unit_id) VALUES ($1) RETURNING id", parameters: ["unit"]),
            LoggedStatement(sql: "COMMIT"),
        ]
        let script = try PgbenchScript(captured: captured, known: ["token": .unit("clerk_token"), "movement": .unit("movement"), "unit": .unit("unit")])
        let body = script.text(describing: "test").split(separator: "\n").drop { !$0.hasPrefix("\\endif") }.dropFirst().map(String.init)
        #expect(body == [
            "\\startpipeline",
            "BEGIN ISOLATION LEVEL READ COMMITTED;",
            "SELECT CASE WHEN :clerk_token::text IS NULL THEN thidua.act_as(NULL) ELSE thidua.present_session(:clerk_token) END;",
            "SELECT id FROM thidua.movements WHERE id = :movement;",
            "\\endpipeline",
            "\\startpipeline",
            "SELECT set_config('thidua.action', :c1, true);",
            "\\endpipeline",
            "INSERT INTO thidua.nominations (unit_id) VALUES (:unit) RETURNING id \\gset n_",
            "COMMIT;",
        ])
    }
}
