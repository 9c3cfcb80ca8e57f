/// HMAC-SHA-256 (RFC 2104) over ``SHA256Digest``, which OpenSSL computes: the sealing of secret ballots
/// (``SealedBallot``) derives its masks with it.
enum HMACSHA256 {
    static func authenticate(_ message: [UInt8], key: [UInt8]) -> SHA256Digest {
        let blockSize = 64
        var block = key.count > blockSize ? SHA256Digest(hashing: key).bytes : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256Digest(hashing: block.map { $0 ^ 0x36 } + message)
        return SHA256Digest(hashing: block.map { $0 ^ 0x5c } + inner.bytes)
    }
}
