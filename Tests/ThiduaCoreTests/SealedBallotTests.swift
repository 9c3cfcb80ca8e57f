import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// Issue 13 item 6: no one with the database, its backups or its WAL links a member to a choice in a secret ballot
/// (0033). The superuser tries the known links — the transaction a ballot was written in (xmin), commit order,
/// the row keys, the values before and after a change — and learns who voted, never how.
@Suite("SealedBallotTests")
struct SealedBallotTests {
    @Test("HMAC-SHA-256 is RFC 4231's (test case 2)")
    func hmacVector() {
        let digest = HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(digest.hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("a ballot opens to its choice with its key, and not with another")
    func sealAndOpen() throws {
        let (key, session, nomination, member) = (BallotKey.random(), UUID(), UUID(), UUID())
        for choice in VoteChoice.allCases {
            let sealed = SealedBallot.seal(choice, key: key, session: session, nomination: nomination, member: member, version: 2)
            #expect(sealed.count == 12)
            let counts = try SealedBallot.count([(nomination, member, 2, sealed)], key: key, session: session)
            #expect(counts[nomination] == SealedBallot.Counts(
                approve: choice == .approve ? 1 : 0, reject: choice == .reject ? 1 : 0, abstain: choice == .abstain ? 1 : 0))
            #expect(throws: SealedBallot.Unopenable.self) {
                try SealedBallot.count([(nomination, member, 2, sealed)], key: BallotKey.random(), session: session)
            }
            // Under the wrong version's mask (a changed vote read as its old version) it opens to nothing either.
            #expect(throws: SealedBallot.Unopenable.self) {
                try SealedBallot.count([(nomination, member, 1, sealed)], key: key, session: session)
            }
        }
    }

    @Test("the key file holds 64 hexadecimal digits and reads back")
    func keyFile() throws {
        let key = BallotKey.random()
        #expect(BallotKey(fileContents: key.fileContents) == key)
        #expect(BallotKey(fileContents: "abc") == nil)
    }

    /// Whether `difference` (word by word, modulo 2^32) could be the difference of two one-hot choice vectors:
    /// what an attacker would look for between two sealed values.
    static func looksLikeAChoiceDifference(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        zip(SealedBallot.words(a), SealedBallot.words(b)).map { $0 &- $1 }.allSatisfy { $0 == 0 || $0 == 1 || $0 == UInt32.max }
    }

    static func looksLikeAChoice(_ sealed: [UInt8]) -> Bool {
        looksLikeAChoiceDifference(sealed, [UInt8](repeating: 0, count: 12))
    }

    @Test("the superuser links each sealed ballot to its voter by transaction, order and key, and reads no choice from it; the server's key counts them right")
    func theSuperuserLearnsNoChoice() async throws {
        let f = try await CouncilFixture.make()
        let item = try await f.verified("Lò Thị Mai")
        let rule = try #require(try await f.council.rules(as: f[.secretary]).first { $0.code == "ninety-percent-secret" })
        let session = try await f.council.open(
            round: f.world.round, title: "Phiên họp xét danh hiệu Chiến sĩ thi đua", nominations: [item.id], rule: rule.id, by: f[.secretary])
        let cast: [(RecordsWorld.Person, VoteChoice)] = [(.member, .approve), (.chairman, .reject), (.member2, .abstain)]
        for (person, choice) in cast {
            _ = try await f.council.vote(choice, on: item.id, in: session.id, version: 0, by: f[person])
        }
        // The links a superuser has: the transaction that wrote the sealed row is the participation row's.
        func linked() async throws -> [(member: UUID, sealed: [UInt8], xmin: String)] {
            try await f.world.superuser { connection in
                try await connection.query("""
                    SELECT v.member_id, b.sealed, b.xmin::text FROM thidua.council_sealed_ballots b
                    JOIN thidua.council_votes v ON v.xmin = b.xmin AND v.session_id = b.session_id AND v.nomination_id = b.nomination_id
                    WHERE b.session_id = \(session.id) ORDER BY b.xmin::text::bigint
                    """).map { (try $0.decode(UUID.self, at: 0), Array(try $0.decode(Data.self, at: 1)), try $0.decode(String.self, at: 2)) }
            }
        }
        let before = try await linked()
        #expect(Set(before.map(\.member)) == Set(cast.map { f.world.users[$0.0]! }), "the transaction ids do link ballot and voter")
        #expect(before.allSatisfy { !Self.looksLikeAChoice($0.sealed) }, "a sealed value reads as no choice")
        for (a, b) in zip(before, before.dropFirst()) {
            #expect(!Self.looksLikeAChoiceDifference(a.sealed, b.sealed), "two voters' values compared say nothing")
        }
        // The member changes the vote: the old value (kept by the WAL or a backup) against the new says nothing.
        _ = try await f.council.vote(.reject, on: item.id, in: session.id, version: 1, by: f[.member])
        let after = try await linked()
        let member = f.world.users[.member]!
        let old = try #require(before.first { $0.member == member }), new = try #require(after.first { $0.member == member })
        #expect(old.sealed != new.sealed && !Self.looksLikeAChoiceDifference(old.sealed, new.sealed))
        // No readable column of the database, nor the audit trail, holds a choice for this session.
        let choices = try await f.world.superuser { connection in
            try await connection.query("""
                SELECT (SELECT count(*) FROM thidua.council_votes WHERE session_id = \(session.id) AND choice IS NOT NULL),
                       (SELECT count(*) FROM thidua.audit_events WHERE record_type = 'council_votes'
                          AND (after ->> 'choice' IS NOT NULL OR before ->> 'choice' IS NOT NULL)),
                       (SELECT count(*) FROM thidua.council_secret_ballots WHERE session_id = \(session.id)),
                       (SELECT count(*) FROM thidua.council_ballot_secrets WHERE session_id = \(session.id))
                """).single()!.decode((Int, Int, Int, Int).self)
        }
        #expect(choices == (0, 0, 0, 0))
        // The server's key opens them: the close counts two rejections and an abstention.
        let closed = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        #expect(closed.item(item.id)?.tally == CouncilTally(members: 3, approve: 0, reject: 2, abstain: 1))
    }

    @Test("a server without the ballot key takes no secret ballot (503), and one with another key cannot close the session")
    func theKeyIsNeeded() async throws {
        let f = try await CouncilFixture.make()
        let item = try await f.verified("Lò Thị Mai")
        let rule = try #require(try await f.council.rules(as: f[.secretary]).first { $0.code == "ninety-percent-secret" })
        let session = try await f.council.open(
            round: f.world.round, title: "Phiên họp xét danh hiệu Chiến sĩ thi đua", nominations: [item.id], rule: rule.id, by: f[.secretary])
        let keyless = CouncilRepository(store: RecordStore(pool: f.world.pool))
        await #expect(throws: ThiduaError.ballotKeyMissing) {
            try await keyless.vote(.approve, on: item.id, in: session.id, version: 0, by: f[.member])
        }
        _ = try await f.council.vote(.approve, on: item.id, in: session.id, version: 0, by: f[.member])
        let otherKey = CouncilRepository(store: RecordStore(pool: f.world.pool, ballotKey: BallotKey.random()))
        await #expect(throws: ThiduaError.ballotsUnopenable) {
            try await otherKey.close(session.id, version: session.version, by: f[.secretary])
        }
        #expect(try await f.council.session(session.id, as: f[.secretary]).state == .open)
    }
}
