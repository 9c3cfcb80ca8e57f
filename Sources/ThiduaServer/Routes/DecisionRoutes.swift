import Foundation
import Hummingbird
import Logging
import ThiduaCore
import ThiduaOffice

/// Commendation decisions and proposals upward (`/api/v1/decisions`): the secretariat drafts them from approved
/// nominations, the chairman (or a deputy under ký thay) signs or sends them back; a signed decision never
/// changes. Every change needs the decision's version (`If-Match` or `version`). A signed decision's
/// certificates are a page to print, or their data as JSON.
struct DecisionRoutes: Sendable {
    let decisions: DecisionRepository
    let commendations: CommendationRepository
    let pdfConverter: PDFConverter?

    struct DraftRequest: Decodable {
        struct Item: Decodable {
            var nominationID: UUID
            var form: String
            var type: CommendationType

            var draft: DecisionItemDraft { DecisionItemDraft(nominationID: nominationID, form: form, type: type) }
        }

        var seriesID: UUID
        var decidedOn: Date
        var subject: String
        var legalBases: [String]
        var items: [Item]
        var proposalTo: AuthorityLevel?
    }

    struct Versioned: Decodable {
        var version: Int?
    }

    struct ItemsAdded: Decodable {
        var items: [DraftRequest.Item]
        var version: Int?
    }

    struct RevocationRequest: Decodable {
        var decidedOn: Date
        var subject: String
        var legalBases: [String]
        var reason: String
    }

    struct AnswerRequest: Decodable {
        var answer: ProposalAnswer
        var reference: String
        var answeredOn: Date
    }

    struct SendBack: Decodable {
        var reason: String
        var version: Int?
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/decision-series") { _, context in
            APIResponse(try await decisions.series(as: try context.requireActor()))
        }
        router.get("/api/v1/decisions") { request, context in
            // Comma-separated, as the nominations list takes its states.
            let states = try (request.uri.queryParameters["state"]?.split(separator: ",") ?? []).map { raw in
                guard let state = DecisionState(rawValue: String(raw)) else { throw APIError.badParameter("state") }
                return state
            }
            return APIResponse(try await decisions.list(states: Set(states), as: try context.requireActor()))
        }
        router.post("/api/v1/decisions") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(DraftRequest.self, from: request)
            let draft = DecisionDraft(
                seriesID: body.seriesID, decidedOn: body.decidedOn, subject: body.subject, legalBases: body.legalBases,
                items: body.items.map(\.draft),
                proposalTo: body.proposalTo)
            let decision = try await decisions.draft(draft, by: actor)
            return APIResponse(decision, status: .created, version: decision.version, location: "/api/v1/decisions/\(decision.id.uuidString)")
        }
        router.get("/api/v1/decisions/:id") { _, context in
            let decision = try await decisions.decision(try context.uuid("id"), as: try context.requireActor())
            return APIResponse(decision, version: decision.version)
        }
        router.get("/api/v1/decisions/:id/document") { _, context in
            APIResponse(DecisionDocumentResponse(document: try await decisions.document(try context.uuid("id"), as: try context.requireActor())))
        }
        router.get("/api/v1/decisions/:id/document.docx") { _, context in
            let (decision, word) = try await wordFile(try context.uuid("id"), as: try context.requireActor())
            return OfficeFile(content: try word.data(), mediaType: OfficeFile.wordType, fileName: OfficeFile.decisionName(decision, extension: "docx"))
        }
        router.get("/api/v1/decisions/:id/document.pdf") { _, context in
            let (decision, word) = try await wordFile(try context.uuid("id"), as: try context.requireActor())
            guard let converter = pdfConverter else { throw APIError.pdfUnavailable }
            do {
                let pdf = try await converter.pdf(fromDOCX: try word.data())
                return OfficeFile(content: pdf, mediaType: OfficeFile.pdfType, fileName: OfficeFile.decisionName(decision, extension: "pdf"))
            } catch let failure as PDFConverter.Failure {
                context.logger.warning("PDF conversion failed", metadata: ["failure": "\(failure)"])
                throw APIError.pdfFailed
            }
        }
        router.get("/api/v1/decisions/:id/certificates") { _, context in
            let certificates = try await decisions.certificates(try context.uuid("id"), as: try context.requireActor())
            return PrintedDocument(data: certificates, page: CertificatesPage(certificates: certificates), template: .certificates)
        }
        router.post("/api/v1/decisions/:id/sign") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(Versioned.self, from: request)
            let decision = try await decisions.sign(
                try context.uuid("id"), version: try EntityTag.requiredVersion(in: request, body: body.version), by: actor)
            return APIResponse(decision, version: decision.version)
        }
        router.post("/api/v1/decisions/:id/send-back") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(SendBack.self, from: request)
            let decision = try await decisions.sendBack(
                try context.uuid("id"), version: try EntityTag.requiredVersion(in: request, body: body.version), reason: body.reason, by: actor)
            return APIResponse(decision, version: decision.version)
        }
        router.post("/api/v1/decisions/:id/resubmit") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(Versioned.self, from: request)
            let decision = try await decisions.resubmit(
                try context.uuid("id"), version: try EntityTag.requiredVersion(in: request, body: body.version), by: actor)
            return APIResponse(decision, version: decision.version)
        }
        router.post("/api/v1/decisions/:id/items") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(ItemsAdded.self, from: request)
            let decision = try await decisions.addItems(
                body.items.map(\.draft),
                to: try context.uuid("id"), version: try EntityTag.requiredVersion(in: request, body: body.version), by: actor)
            return APIResponse(decision, version: decision.version)
        }
        router.delete("/api/v1/decisions/:id/items/:item") { request, context in
            let actor = try context.requireActor()
            let decision = try await decisions.removeItem(
                try context.uuid("item"), from: try context.uuid("id"), version: try EntityTag.requiredVersion(in: request, body: nil), by: actor)
            return APIResponse(decision, version: decision.version)
        }
        // A revocation is a new decision that names the one it revokes; it is signed like any other.
        router.post("/api/v1/decisions/:id/revocations") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(RevocationRequest.self, from: request)
            let revocation = try await decisions.draftRevocation(
                of: try context.uuid("id"), on: body.decidedOn, subject: body.subject, legalBases: body.legalBases, reason: body.reason, by: actor)
            return APIResponse(revocation, status: .created, version: revocation.version, location: "/api/v1/decisions/\(revocation.id.uuidString)")
        }
        router.post("/api/v1/decisions/:id/items/:item/answer") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(AnswerRequest.self, from: request)
            let proposal = try await decisions.recordAnswer(
                body.answer, item: try context.uuid("item"), of: try context.uuid("id"), reference: body.reference, on: body.answeredOn, by: actor)
            return APIResponse(proposal, version: proposal.version)
        }
        router.get("/api/v1/nominees/:id/commendations") { _, context in
            APIResponse(try await commendations.history(of: try context.uuid("id"), as: try context.requireActor()))
        }
    }

    /// The decision and its Word document, read as the actor may see them.
    private func wordFile(_ id: UUID, as actor: Actor) async throws -> (Decision, WordDocument) {
        let decision = try await decisions.decision(id, as: actor)
        let document = try await decisions.document(id, as: actor)
        return (decision, DecisionWordDocument.make(document))
    }
}
