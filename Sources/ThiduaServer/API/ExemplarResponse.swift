import ThiduaCore

/// An exemplar with its whole follow-up, as `GET /api/v1/exemplars/{id}` returns it.
struct ExemplarResponse: Encodable, Sendable {
    var exemplar: Exemplar
    var evaluations: [ExemplarEvaluation]
    var propagations: [PropagationActivity]
    var replications: [Replication]
}
