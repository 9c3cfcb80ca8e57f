import CCrypto

/// HMAC-SHA-256 (RFC 2104), computed by OpenSSL's libcrypto (`EVP_Q_mac`), like ``SHA256Digest``: the sealing of
/// secret ballots (``SealedBallot``) derives its masks with it.
enum HMACSHA256 {
    static func authenticate(_ message: [UInt8], key: [UInt8]) -> SHA256Digest {
        var output = [UInt8](repeating: 0, count: 32)
        var length = 0
        let done = key.withUnsafeBytes { key in
            message.withUnsafeBytes { message in
                EVP_Q_mac(nil, "HMAC", nil, "SHA256", nil, key.baseAddress, key.count, message.baseAddress, message.count,
                          &output, output.count, &length)
            }
        }
        precondition(done != nil && length == 32, "OpenSSL computes HMAC-SHA-256")
        return SHA256Digest(bytes: output)!
    }
}
