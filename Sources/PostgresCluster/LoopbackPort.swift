#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A free TCP port on 127.0.0.1, for clusters that must listen on TCP without a fixed port.
///
/// The kernel picks it: bind port 0, read which port it gave, close. Another program could take it before the
/// server binds it; the caller retries on "address already in use".
public enum LoopbackPort {
    public static func pickFree() throws -> Int {
        #if os(Linux)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw PostgresClusterError.noFreePort(reason: "socket(): \(lastError())") }
        defer { close(descriptor) }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian  // 127.0.0.1
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, size) }
        }
        guard bound == 0 else { throw PostgresClusterError.noFreePort(reason: "bind(127.0.0.1:0): \(lastError())") }

        var length = size
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw PostgresClusterError.noFreePort(reason: "getsockname(): \(lastError())") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
