import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// A dossier's documents: stored with a SHA-256 the database computes, never changed, typed by Law art. 84.
@Suite("AttachmentTests")
struct AttachmentTests {
    @Test("a document is stored with its SHA-256 and read back byte for byte; its audit event has the hash, not the bytes")
    func storedWithItsDigest() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let nomination = try await world.nominations.create(world.draft(), by: clerk)
        let attachment = try await world.attachments.add(
            .achievementReport, fileName: "Báo cáo thành tích.pdf", mediaType: "application/pdf", content: Data("abc".utf8),
            to: nomination.id, by: clerk)
        #expect(attachment.sha256.map { String(format: "%02x", $0) }.joined()
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try await world.attachments.content(of: attachment.id, as: clerk) == Data("abc".utf8))
        await #expect(throws: ThiduaError.notFound("hồ sơ đề nghị / nomination")) {
            try await world.attachments.list(for: nomination.id, as: try await world.actor(.clerkB))
        }
        let event = try #require(try await world.audit.history(
            of: "nomination_attachments", id: attachment.id.uuidString.lowercased(), as: try await world.actor(.auditor)).first)
        #expect(event.after?.contains("\"sha256\"") == true && event.after?.contains("\"content\"") == false)
    }

    @Test("documents are added only to the unit's own draft or returned nomination")
    func addedOnlyWhileEditable() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        var nomination = try await world.nominations.create(world.draft(), by: clerk)
        await #expect(throws: ThiduaError.notFound("hồ sơ đề nghị / nomination")) {
            try await world.attachments.add(.request, fileName: "a.pdf", mediaType: "application/pdf", content: Data("x".utf8),
                                            to: nomination.id, by: try await world.actor(.clerkB))
        }
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: try await world.actor(.headA))
        await #expect(throws: ThiduaError.wrongState(WorkflowRefusal(state: .submitted, event: .edit))) {
            try await world.attachments.add(.request, fileName: "a.pdf", mediaType: "application/pdf", content: Data("x".utf8),
                                            to: nomination.id, by: clerk)
        }
        await #expect(throws: ThiduaError.invalid(field: "content", vietnamese: "Tệp phải có nội dung và không quá 20 MB.",
                                                  english: "A document must be non-empty and at most 20 MB.")) {
            try await world.attachments.add(.request, fileName: "a.pdf", mediaType: "application/pdf", content: Data(), to: nomination.id, by: clerk)
        }
    }

    @Test("no one changes a document unseen: the application may not update it, and new bytes must match their hash")
    func documentsCannotChangeUnseen() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let nomination = try await world.nominations.create(world.draft(), by: clerk)
        let attachment = try await world.attachments.add(
            .request, fileName: "Văn bản đề nghị.pdf", mediaType: "application/pdf", content: Data("bản gốc".utf8), to: nomination.id, by: clerk)
        let app = try await world.database.connect(user: "thidua_app")
        defer { app.close() }
        do {
            _ = try await app.query("UPDATE thidua.nomination_attachments SET content = 'giả mạo' WHERE id = \(attachment.id)")
            Issue.record("the application changed a document")
        } catch let error as PostgresError {
            #expect(error.serverError?.sqlState == "42501")
        }
        let forged = try await world.superuser { connection in
            do {
                try await connection.withTransaction { connection in
                    try await DataSet.actAsInstaller(action: "forge", on: connection)
                    _ = try await connection.query("UPDATE thidua.nomination_attachments SET content = 'giả mạo' WHERE id = \(attachment.id)")
                }
                return "accepted"
            } catch let error as PostgresError {
                return error.serverError?.constraint ?? "\(error)"
            }
        }
        #expect(forged == "nomination_attachments_check1")
    }
}
