import Foundation
import Postgres

extension MovementRepository {
    /// Replaces a movement's checklist (secretariat), as the year's plan rewords or adds criteria: audited as
    /// `movement.criteria`. A criterion already in the checklist may be reworded, never dropped, since nominations
    /// answered it by its code. `seen` is the checklist the editor started from: if someone changed it meanwhile,
    /// the edit is refused rather than written over theirs.
    public func setCriteria(_ criteria: [Criterion], of movement: UUID, seen: [Criterion], by actor: Actor) async throws {
        let capacity = try Policy.permit(actor, .manageRounds)
        var codes = Set<String>()
        let cleaned = try criteria.map { criterion -> Criterion in
            let code = criterion.code.trimmingCharacters(in: .whitespaces)
            guard code.wholeMatch(of: /[A-Za-z0-9._-]{1,32}/) != nil, codes.insert(code).inserted, let text = Text.cleaned(criterion.text) else {
                throw ThiduaError.invalid(field: "criteria", vietnamese: "Mỗi tiêu chí cần một mã riêng (chữ, số, dấu chấm, gạch) và nội dung: “\(criterion.code)”.",
                                          english: "Each criterion needs its own code (letters, digits, '.', '-', '_') and a text: “\(criterion.code)”.")
            }
            return Criterion(code: code, text: text)
        }
        try await store.write(actor, capacity, action: "movement.criteria") { connection in
            guard let row = try await connection.query("SELECT criteria FROM thidua.movements WHERE id = \(movement) FOR UPDATE").single() else {
                throw ThiduaError.notFound("phong trào / movement")
            }
            let current = try row.decode(PostgresJSON<[Criterion]>.self, column: "criteria").value
            guard current == seen else {
                throw ThiduaError.invalid(field: "criteria", vietnamese: "Danh sách tiêu chí vừa được người khác sửa; hãy tải lại trang rồi sửa lại.",
                                          english: "Someone changed the checklist meanwhile; reload and edit again.")
            }
            if let dropped = current.first(where: { !codes.contains($0.code) }) {
                throw ThiduaError.invalid(field: "criteria", vietnamese: "Không được bỏ tiêu chí đã có (\(dropped.code)): hồ sơ đã trả lời theo mã này; chỉ sửa nội dung hoặc thêm tiêu chí.",
                                          english: "A criterion already in the checklist (\(dropped.code)) is reworded, never removed: nominations answered it.")
            }
            let rows = try await connection.query("""
                UPDATE thidua.movements SET criteria = \(PostgresJSON(cleaned)), version = version + 1 WHERE id = \(movement)
                """)
            guard rows.affectedRows == 1 else { throw ThiduaError.denied(.refusedByDatabase) }
        }
    }
}
