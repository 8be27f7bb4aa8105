import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A bare TCP client that negotiates nothing, like netcat: it sends bytes
/// and collects what comes back (telnet commands and all).
final class RawClient: @unchecked Sendable {
    private let fd: Int32
    private(set) var received: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw TestFailure("cannot connect to 127.0.0.1:\(port)")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// What has arrived so far, as text (invalid bytes replaced).
    var text: String { String(decoding: received, as: UTF8.self) }

    /// The text with control characters shown as `·`, for failure messages.
    var printable: String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0 == "\n" || $0.value >= 0x20 && $0 != "\u{FFFD}" ? $0 : "·"
                }))
    }

    /// Reads until `text` has arrived, or throws after `timeout` seconds.
    @discardableResult
    func waitFor(_ expected: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if text.contains(expected) { return text }
            if !readSome() { Thread.sleep(forTimeInterval: 0.02) }
        }
        throw TestFailure("never received \"\(expected)\"; received:\n\(printable)")
    }

    /// True when the server has closed the connection.
    func waitForClose(timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return true }
            if count > 0 { received += buffer[0..<count] }
        }
        return false
    }

    private func readSome() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return false }
        received += buffer[0..<count]
        return true
    }

    deinit { close(fd) }
}
