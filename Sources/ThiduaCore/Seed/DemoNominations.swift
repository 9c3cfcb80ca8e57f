import Foundation
import Postgres

/// A living demo for the Tủa Chùa data set: a few dozen nominations from the communes, departments and armed
/// forces, in every workflow state, made through the repositories by the demo users themselves, so that the
/// audit trail, the quota ledger and the "what changed" view are the real ones. DEMO ONLY.
///
/// ```swift
/// try await DataSet.load([.tuaChuaCatalogue, .tuaChuaDemoUsers], superuser: connection)
/// let summary = try await DemoNominations.load(pool: applicationPool, superuser: connection)
/// ```
///
/// The district round's due date (12/11/2021) has passed, so the secretariat (`noivu.thuky`) first grants each
/// taking-part unit a recorded deadline exception; the round's due dates stay as the plan set them. The content
/// (``entries``) is fixed: every load makes the same nominations, in the same order. Load it once, into a
/// database that has the two data sets and nothing else.
public enum DemoNominations {
    /// What a load made.
    public struct Summary: Sendable, Hashable {
        public var nominations: Int
        /// How many nominations ended in each state.
        public var states: [NominationState: Int]
        public var documents: Int
        public var deadlineExceptions: Int
    }

    /// The reason every demo deadline exception records.
    public static let exceptionReason = "Dữ liệu minh họa: cho phép nộp sau hạn để trình diễn hệ thống"
    /// How long the exceptions last from the load: long enough to submit, return and resubmit by hand in the demo.
    static let exceptionLength: TimeInterval = 90 * 24 * 3600
    static let roundCode = "2021-huyen"
    static let verifier = "noivu.thuky"
    static let returner = "noivu.chuyenvien"

    /// Creates the demo nominations through the repositories on `pool` (the application role, under
    /// row-level security). `superuser` only looks up the demo users, the movements and the round by their codes.
    public static func load(pool: PostgresPool, superuser: PostgresConnection) async throws -> Summary {
        let store = RecordStore(pool: pool)
        let catalogue = try await Catalogue.read(on: superuser)
        let cast = try await DemoCast.find(usernames, on: superuser, sessions: SessionRepository(store: store))
        let units = entries.map(\.unit).uniqued()
        let until = Date().addingTimeInterval(exceptionLength)
        for unit in units {
            _ = try await RoundRepository(store: store).grantDeadlineException(
                round: catalogue.round, unit: cast[unit.head].unitID, until: until, reason: exceptionReason, by: cast[verifier])
        }
        var summary = Summary(nominations: 0, states: [:], documents: 0, deadlineExceptions: units.count)
        for entry in entries {
            let (nomination, documents) = try await make(
                entry, round: catalogue.round, movement: try catalogue.movement(entry.movement), cast: cast, store: store)
            summary.nominations += 1
            summary.states[nomination.state, default: 0] += 1
            summary.documents += documents
        }
        return summary
    }

    /// One entry: its clerk writes the draft and attaches its documents, then each step is taken by whoever
    /// takes it in a real district. Returns the nomination as it ends and how many documents it got.
    private static func make(
        _ entry: Entry, round: UUID, movement: UUID, cast: DemoCast, store: RecordStore
    ) async throws -> (Nomination, Int) {
        let nominations = NominationRepository(store: store)
        let clerk = cast[entry.unit.clerk]
        var documents = 0
        func attach(_ list: [Document], to id: UUID) async throws {
            for document in list {
                _ = try await AttachmentRepository(store: store).add(
                    document.kind, fileName: document.fileName(for: entry.nominee.name), mediaType: "application/pdf",
                    content: document.pdf(for: entry.nominee.name), to: id, by: clerk)
                documents += 1
            }
        }
        var nomination = try await nominations.create(
            NominationDraft(roundID: round, movementID: movement, nominee: .new(entry.nominee), content: entry.content), by: clerk)
        try await attach(entry.documents, to: nomination.id)
        func take(_ event: NominationEvent, reason: String? = nil, by actor: Actor) async throws {
            nomination = try await nominations.perform(event, on: nomination.id, version: nomination.version, reason: reason, by: actor)
        }
        func leadHead() throws -> Actor {
            guard let username = leadUnitHeads[entry.movement] else {
                throw ThiduaError.notFound("đơn vị chủ trì / lead unit of \(entry.movement)")
            }
            return cast[username]
        }
        for step in entry.steps {
            switch step {
            case .submit: try await take(.submit, by: cast[entry.unit.head])
            case .endorse: try await take(.endorse, by: try leadHead())
            case .verify: try await take(.verify, by: cast[verifier])
            case .returnByLeadUnit(let reason): try await take(.returnByLeadUnit, reason: reason, by: try leadHead())
            case .returnBySecretariat(let reason): try await take(.returnBySecretariat, reason: reason, by: cast[returner])
            case .withdraw(let reason): try await take(.withdraw, reason: reason, by: cast[entry.unit.head])
            case .revise(let revision):
                nomination = try await nominations.edit(
                    nomination.id, version: nomination.version, content: revision.applied(to: nomination), by: clerk)
                try await attach(revision.documents, to: nomination.id)
            }
        }
        return (nomination, documents)
    }

    /// The users the content acts as, in a fixed order.
    static var usernames: [String] {
        (entries.flatMap { [$0.unit.clerk, $0.unit.head] } + leadUnitHeads.values.sorted() + [verifier, returner]).uniqued()
    }

    /// The district round and the movements, by code.
    private struct Catalogue {
        var round: UUID
        var movements: [String: UUID]

        static func read(on superuser: PostgresConnection) async throws -> Catalogue {
            let rows = try await superuser.query("""
                SELECT 'round' AS kind, r.code, r.id FROM thidua.rounds r
                WHERE r.area_id = 'dien-bien/tua-chua' AND r.code = \(roundCode)
                UNION ALL
                SELECT 'movement', m.code, m.id FROM thidua.movements m WHERE m.area_id = 'dien-bien/tua-chua'
                """)
            var round: UUID?
            var movements: [String: UUID] = [:]
            for row in rows {
                let (kind, code, id) = try row.decode((String, String, UUID).self)
                if kind == "round" { round = id } else { movements[code] = id }
            }
            guard let round else { throw ThiduaError.notFound("đợt / round \(roundCode)") }
            return Catalogue(round: round, movements: movements)
        }

        func movement(_ code: String) throws -> UUID {
            guard let id = movements[code] else { throw ThiduaError.notFound("phong trào / movement \(code)") }
            return id
        }
    }
}

extension DemoNominations.Document {
    /// "Báo cáo thành tích - Hộ ông Thào A Sềnh.pdf".
    func fileName(for nominee: String) -> String { "\(title) - \(nominee).pdf" }

    /// A one-page PDF that says what it stands for. Its text is folded to ASCII: the standard PDF fonts have
    /// no Vietnamese letters, and the demo embeds no font.
    func pdf(for nominee: String) -> Data {
        let lines = ["thidua - DU LIEU MINH HOA / DEMO DATA", title, nominee].map(Self.pdfString)
        let text = "BT /F1 14 Tf 56 780 Td " + lines.map { "(\($0)) Tj" }.joined(separator: " 0 -24 Td ") + " ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(text.utf8.count) >>\nstream\n\(text)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            pdf += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }

    /// Printable ASCII for a PDF string literal: diacritics dropped, đ as d, parentheses and backslashes escaped.
    private static func pdfString(_ text: String) -> String {
        let folded = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: .diacriticInsensitive, locale: nil)
        var result = ""
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "(", ")", "\\": result += "\\" + String(scalar)
            case " "..."~": result.unicodeScalars.append(scalar)
            default: result += "-"
            }
        }
        return result
    }
}
