import Foundation
import Postgres
import ThiduaCore

extension RecordsWorld {
    /// Adds, as the installer (a deployment's seed does it), a register of the district chairman's documents in
    /// force from 2021-01-01 and open-ended: decisions numbered …/QĐ-UBND, or proposals …/TTr-UBND. Its code is
    /// `qd-ubnd` or `ttr-ubnd` unless `code` is given (codes are unique in the area).
    ///
    /// ```swift
    /// let series = try await world.addDecisionSeries()
    /// let drafted = try await DecisionRepository(store: world.store).draft(DecisionDraft(seriesID: series, …), by: secretary)
    /// ```
    @discardableResult
    public func addDecisionSeries(_ kind: DecisionSeries.DocumentKind = .decision, code: String? = nil) async throws -> UUID {
        let series = UUID()
        let suffix = kind == .decision ? "QĐ-UBND" : "TTr-UBND"
        let code = code ?? (kind == .decision ? "qd-ubnd" : "ttr-ubnd")
        try await asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.decision_series (id, area_id, code, document_kind, issuing_body, issuer_level, suffix, place, valid_from)
                VALUES (\(series), \(areaID), \(code), \(kind.rawValue), 'Ủy ban nhân dân huyện Thử Nghiệm', 'district_chairman',
                        \(suffix), 'Thử Nghiệm', '2021-01-01')
                """)
        }
        return series
    }
}
