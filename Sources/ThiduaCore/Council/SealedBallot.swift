import Foundation

/// A secret ballot's choice as the database keeps it (0033): the choice's one-hot vector (approve, reject,
/// abstain) plus a mask of three 32-bit words from HMAC-SHA-256 under the ``BallotKey`` of the session, the item,
/// the member and the vote's version, modulo 2^32, in 12 big-endian bytes. Without the key each value is
/// uniformly random, and a changed vote's new version has a new mask, so two versions tell nothing apart.
///
/// ```swift
/// let sealed = SealedBallot.seal(.approve, key: key, session: s, nomination: n, member: m, version: 1)
/// let counts = try SealedBallot.count([(n, m, 1, sealed)], key: key, session: s)   // [n: (1, 0, 0)]
/// ```
public enum SealedBallot {
    public struct Counts: Sendable, Hashable {
        public var approve = 0, reject = 0, abstain = 0
    }

    /// The ballot key does not open these ballots: they were cast under another key, or changed.
    public struct Unopenable: Error, Sendable, Hashable {
        public var nominationID: UUID
    }

    public static func seal(_ choice: VoteChoice, key: BallotKey, session: UUID, nomination: UUID, member: UUID, version: Int) -> [UInt8] {
        let vote: [UInt32] = VoteChoice.allCases.map { $0 == choice ? 1 : 0 }
        let mask = Self.mask(key: key, session: session, nomination: nomination, member: member, version: version)
        return zip(vote, mask).flatMap { vote, mask in
            withUnsafeBytes(of: (vote &+ mask).bigEndian) { Array($0) }
        }
    }

    /// The counts per nomination of sealed ballots (nomination, member, version, sealed bytes), each opened with
    /// its own mask; a ballot that does not open to exactly one choice is ``Unopenable``.
    public static func count(
        _ ballots: [(nomination: UUID, member: UUID, version: Int, sealed: [UInt8])], key: BallotKey, session: UUID
    ) throws(Unopenable) -> [UUID: Counts] {
        var counts: [UUID: Counts] = [:]
        for ballot in ballots {
            let mask = Self.mask(key: key, session: session, nomination: ballot.nomination, member: ballot.member, version: ballot.version)
            guard ballot.sealed.count == 12 else { throw Unopenable(nominationID: ballot.nomination) }
            let words = zip(Self.words(ballot.sealed), mask).map { $0 &- $1 }
            guard words.allSatisfy({ $0 <= 1 }), words.reduce(0, +) == 1 else { throw Unopenable(nominationID: ballot.nomination) }
            counts[ballot.nomination, default: Counts()].approve += Int(words[0])
            counts[ballot.nomination, default: Counts()].reject += Int(words[1])
            counts[ballot.nomination, default: Counts()].abstain += Int(words[2])
        }
        return counts
    }

    static func mask(key: BallotKey, session: UUID, nomination: UUID, member: UUID, version: Int) -> [UInt32] {
        let message = "thidua-ballot|\(session.uuidString.lowercased())|\(nomination.uuidString.lowercased())|\(member.uuidString.lowercased())|\(version)"
        return words(HMACSHA256.authenticate(Array(message.utf8), key: key.bytes).bytes)
    }

    /// The first three big-endian 32-bit words of `bytes` (which holds at least 12).
    static func words(_ bytes: [UInt8]) -> [UInt32] {
        (0..<3).map { index in bytes[(index * 4)..<(index * 4 + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    }
}
