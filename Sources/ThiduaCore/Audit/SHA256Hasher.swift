import CCrypto

/// SHA-256 over input given piece by piece, on one libcrypto context reused from digest to digest: setting up
/// a context costs about half as much as hashing the kilobyte of an audit event, and the verifier hashes
/// a million of them.
///
/// Not `Sendable`: one task owns it.
final class SHA256Hasher {
    private let context: OpaquePointer

    /// libcrypto's SHA-256, looked up once (`EVP_sha256()` is looked up again on every use).
    nonisolated(unsafe) private static let algorithm: OpaquePointer = {
        guard let algorithm = EVP_MD_fetch(nil, "SHA256", nil) else { fatalError("libcrypto has no SHA-256") }
        return algorithm
    }()

    /// Ready for the first piece.
    init() {
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto could not allocate a digest context") }
        self.context = context
        reset()
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Forgets what was fed so far.
    func reset() {
        precondition(EVP_DigestInit_ex(context, Self.algorithm, nil) == 1, "libcrypto failed to start SHA-256")
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        precondition(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1, "libcrypto failed to hash")
    }

    func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything fed since the last reset; the hasher is then ready for the next one.
    func finish() -> SHA256Digest {
        let digest = SHA256Digest { output in
            var length: UInt32 = 0
            precondition(EVP_DigestFinal_ex(context, output, &length) == 1 && length == 32, "libcrypto failed to finish SHA-256")
        }
        reset()
        return digest
    }

    /// SHA-256 of `bytes` in one go, on this hasher's context.
    func digest(_ bytes: [UInt8]) -> SHA256Digest {
        update(bytes)
        return finish()
    }
}
