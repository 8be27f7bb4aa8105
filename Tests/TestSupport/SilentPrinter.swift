import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback port that takes connections and never answers, like a wedged
/// printer: the kernel completes each connection and nobody reads.
public final class SilentPrinter: @unchecked Sendable {
    public let port: Int
    private let fd: Int32

    /// `ipp://127.0.0.1:PORT/ipp/print`
    public var uri: String { "ipp://127.0.0.1:\(port)/ipp/print" }

    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard listening else {
            close(fd)
            throw TestFailure("cannot listen on a loopback port: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}
