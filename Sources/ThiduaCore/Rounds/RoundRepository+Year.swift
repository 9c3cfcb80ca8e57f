import Foundation
import Postgres

extension RoundRepository {
    /// What opening `year` would write, copied from the last year opened before it: each of its rounds with the
    /// year in its code and name moved on and its dates moved by as many years, its limits, and the minimums of
    /// the movements that still run in `year` (fixed-term ones that ended are left out). Empty when no earlier
    /// year has rounds. Secretariat only.
    public func proposeYear(_ year: Int, as actor: Actor) async throws -> YearPlan {
        _ = try Policy.permit(actor, .manageRounds)
        return try await store.read(actor) { connection in
            let latest = try await connection.query("SELECT max(year) FROM thidua.rounds WHERE year < \(year)").single()
            guard let source = try latest?.decode(Int?.self, at: 0) ?? nil else { return YearPlan(year: year, rounds: []) }
            let shift = year - source
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
            func moved(_ date: Date) -> Date { calendar.date(byAdding: .year, value: shift, to: date) ?? date }
            func renamed(_ text: String) -> String { text.replacingOccurrences(of: String(source), with: String(year)) }
            var codes: [UUID: String] = [:]
            var rounds = try await connection.query("""
                SELECT \(sql: Round.columns), council_rule_id FROM thidua.rounds WHERE year = \(source) ORDER BY due_at, code
                """).map { row in
                    let round = try Round(row: row)
                    let code = renamed(round.code) == round.code ? "\(round.code)-\(year)" : renamed(round.code)
                    codes[round.id] = code
                    return YearPlan.Round(
                        code: code, name: renamed(round.name), level: round.level, opensAt: moved(round.opensAt), dueAt: moved(round.dueAt),
                        planCitation: round.planCitation, requiredDossierKinds: round.requiredDossierKinds,
                        councilRuleID: try row.decode(column: "council_rule_id"))
                }
            let limits = try await connection.query("""
                SELECT l.round_id, l.unit_kind, l.minimum, l.maximum
                FROM thidua.round_unit_limits l JOIN thidua.rounds r ON r.id = l.round_id
                WHERE r.year = \(source) ORDER BY l.unit_kind
                """)
            for row in limits {
                let code = codes[try row.decode(UUID.self, column: "round_id")]
                guard let index = rounds.firstIndex(where: { $0.code == code }) else { continue }
                rounds[index].limits.append(YearPlan.Limit(
                    unitKind: try row.decodeEnum(column: "unit_kind"), minimum: try row.decode(column: "minimum"),
                    maximum: try row.decode(column: "maximum")))
            }
            let minimums = try await connection.query("""
                SELECT mm.round_id, mm.movement_id, mm.nominee_kind, mm.minimum, mm.maximum, mm.per_lead_unit
                FROM thidua.round_movement_minimums mm
                JOIN thidua.rounds r ON r.id = mm.round_id
                JOIN thidua.movements m ON m.id = mm.movement_id
                WHERE r.year = \(source) AND m.active AND m.starts_year <= \(year) AND coalesce(m.ends_year, \(year)) >= \(year)
                ORDER BY r.due_at, m.code, mm.nominee_kind
                """).compactMap { row -> YearPlan.Minimum? in
                    guard let code = codes[try row.decode(UUID.self, column: "round_id")] else { return nil }
                    return YearPlan.Minimum(
                        roundCode: code, movementID: try row.decode(column: "movement_id"), nomineeKind: try row.decode(column: "nominee_kind"),
                        minimum: try row.decode(column: "minimum"), maximum: try row.decode(column: "maximum"),
                        perLeadUnit: try row.decode(column: "per_lead_unit"))
                }
            return YearPlan(year: year, copiedFrom: source, rounds: rounds, minimums: minimums)
        }
    }

    /// Opens a year (secretariat): the plan's rounds, open from their opening time, their limits and the
    /// movements' minimums, all in one transaction, each row audited under `round.open_year`, with the year
    /// recorded in `plan_years`. A year that has rounds already is refused (``ThiduaError/duplicate(field:)``
    /// naming `year`), and `plan_years_once` refuses a second opening sent at the same moment. Returns the new
    /// rounds' ids by code.
    @discardableResult
    public func openYear(_ plan: YearPlan, by actor: Actor) async throws -> [String: UUID] {
        let capacity = try Policy.permit(actor, .manageRounds)
        let plan = try Self.checked(plan)
        return try await store.write(actor, capacity, action: "round.open_year") { connection in
            let taken = try await connection.query("SELECT EXISTS (SELECT FROM thidua.rounds WHERE year = \(plan.year))").single()!
            guard try !taken.decode(Bool.self, at: 0) else { throw ThiduaError.duplicate(field: "year") }
            _ = try await connection.query("""
                INSERT INTO thidua.plan_years (area_id, year, copied_from, opened_by)
                VALUES (\(actor.areaID), \(plan.year), \(plan.copiedFrom), \(actor.userID))
                """)
            var ids: [String: UUID] = [:]
            for round in plan.rounds {
                let id = try await connection.query("""
                    INSERT INTO thidua.rounds (area_id, code, name, year, level, opens_at, due_at, state, required_dossier_kinds,
                                               plan_citation, council_rule_id)
                    VALUES (\(actor.areaID), \(round.code), \(round.name), \(plan.year), \(round.level), \(round.opensAt), \(round.dueAt),
                            'open', \(round.requiredDossierKinds.map(\.rawValue)), \(round.planCitation), \(round.councilRuleID))
                    RETURNING id
                    """).single()!.decode(UUID.self, at: 0)
                ids[round.code] = id
                for limit in round.limits {
                    _ = try await connection.query("""
                        INSERT INTO thidua.round_unit_limits (round_id, unit_kind, minimum, maximum)
                        VALUES (\(id), \(limit.unitKind.rawValue), \(limit.minimum), \(limit.maximum))
                        """)
                }
            }
            for minimum in plan.minimums {
                _ = try await connection.query("""
                    INSERT INTO thidua.round_movement_minimums (round_id, movement_id, nominee_kind, minimum, maximum, per_lead_unit)
                    VALUES (\(ids[minimum.roundCode]!), \(minimum.movementID), \(minimum.nomineeKind), \(minimum.minimum),
                            \(minimum.maximum), \(minimum.perLeadUnit))
                    """)
            }
            return ids
        }
    }

    /// The plan as it may be written, or the first field at fault, in words for the secretariat.
    static func checked(_ plan: YearPlan) throws -> YearPlan {
        func invalid(_ field: String, _ vietnamese: String, _ english: String) -> ThiduaError {
            .invalid(field: field, vietnamese: vietnamese, english: english)
        }
        guard (2000...2100).contains(plan.year) else { throw invalid("year", "Năm phải từ 2000 đến 2100.", "The year is between 2000 and 2100.") }
        guard !plan.rounds.isEmpty else { throw invalid("rounds", "Năm mới cần ít nhất một đợt.", "A new year needs at least one round.") }
        var plan = plan
        var codes = Set<String>()
        for index in plan.rounds.indices {
            var round = plan.rounds[index]
            round.code = round.code.trimmingCharacters(in: .whitespaces).lowercased()
            guard round.code.wholeMatch(of: /[a-z0-9-]{1,64}/) != nil, codes.insert(round.code).inserted else {
                throw invalid("code", "Mã đợt “\(round.code)” không hợp lệ hoặc bị trùng (chỉ gồm a–z, 0–9 và dấu gạch).",
                              "The round code “\(round.code)” is not valid or repeated (a–z, 0–9 and '-' only).")
            }
            guard let name = Text.cleaned(round.name) else {
                throw invalid("name", "Phải có tên đợt \(round.code).", "The round \(round.code) needs a name.")
            }
            round.name = name
            round.planCitation = Text.cleaned(round.planCitation)
            guard ["unit", "commune", "district", "province"].contains(round.level) else {
                throw invalid("level", "Cấp của đợt \(round.code) không hợp lệ.", "The level of round \(round.code) is not valid.")
            }
            guard round.dueAt > round.opensAt else {
                throw invalid("dueAt", "Hạn nộp của đợt \(round.code) phải sau ngày mở.", "Round \(round.code) must be due after it opens.")
            }
            for limit in round.limits where limit.minimum < 0 || limit.maximum < 1 || limit.maximum < limit.minimum {
                throw invalid("limits", "Giới hạn của \(limit.unitKind.vietnamese) trong đợt \(round.code): tối đa ít nhất là 1 và không nhỏ hơn tối thiểu.",
                              "The limit of \(limit.unitKind.rawValue) in round \(round.code): the maximum is at least 1 and not below the minimum.")
            }
            plan.rounds[index] = round
        }
        for index in plan.minimums.indices {
            plan.minimums[index].roundCode = plan.minimums[index].roundCode.trimmingCharacters(in: .whitespaces).lowercased()
            let minimum = plan.minimums[index]
            guard codes.contains(minimum.roundCode) else {
                throw invalid("minimums", "Chỉ tiêu nêu một đợt không có: \(minimum.roundCode).", "A minimum names no round of the plan: \(minimum.roundCode).")
            }
            guard minimum.minimum > 0, (minimum.maximum ?? minimum.minimum) >= minimum.minimum,
                  minimum.nomineeKind == "any" || NomineeKind(rawValue: minimum.nomineeKind) != nil else {
                throw invalid("minimums", "Chỉ tiêu tối thiểu của phong trào phải lớn hơn 0 và không lớn hơn mức tối đa.",
                              "A movement's minimum is above 0 and not above its maximum.")
            }
        }
        return plan
    }
}
