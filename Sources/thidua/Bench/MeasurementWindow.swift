/// The part of a timed run that counts: from the end of the warm-up to the end of the run, in seconds on
/// the run's own clock (seconds since it began for the Swift client, Unix time for pgbench's log).
struct MeasurementWindow: Sendable {
    let start: Double
    let end: Double

    var seconds: Double { end - start }

    func contains(_ time: Double) -> Bool {
        time >= start && time < end
    }
}
