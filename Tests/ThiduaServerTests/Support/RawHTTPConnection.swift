import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP connection to the server under test, for what an HTTP client library hides: sending a request and
/// going away before the answer.
final class RawHTTPConnection {
    private let socket: Int32

    /// Connects to `localhost:port` at whichever loopback address the server listens on.
    init(port: Int) throws {
        var hints = addrinfo(ai_flags: 0, ai_family: AF_UNSPEC, ai_socktype: Int32(SOCK_STREAM.rawValue), ai_protocol: 0,
                             ai_addrlen: 0, ai_addr: nil, ai_canonname: nil, ai_next: nil)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &found) == 0, let first = found else { throw Failure("no address for localhost") }
        defer { freeaddrinfo(first) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let descriptor = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if descriptor >= 0, connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                socket = descriptor
                return
            }
            if descriptor >= 0 { Glibc.close(descriptor) }
            candidate = address.pointee.ai_next
        }
        throw Failure("could not connect to localhost:\(port)")
    }

    /// Sends a whole request: the request line, `headers` and a JSON body.
    func send(_ method: String, _ path: String, headers: [String: String], json body: String) throws {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n\(body)"
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure("send failed: \(errno)") }
            sent += written
        }
    }

    /// Goes away without reading the answer.
    func close() {
        Glibc.close(socket)
    }
}
