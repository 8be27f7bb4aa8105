import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The system services ippeveprinter needs: a system D-Bus and avahi-daemon
/// (without them it stops with "Unable to initialize DNS-SD").
///
/// They are system services, so they are started once and left running.
public enum PrintServices {
    static let lockPath = "/tmp/coaching-kiosk-print-services.lock"
    static let busSocket = "/run/dbus/system_bus_socket"
    static let busPIDFile = "/run/dbus/pid"
    static let avahiSocket = "/run/avahi-daemon/socket"
    static let avahiPIDFile = "/run/avahi-daemon/pid"

    /// Starts D-Bus and avahi-daemon unless they already answer. Safe to call
    /// from several suites and several test processes at once: a file lock
    /// lets one caller at a time look and start.
    public static func ensureRunning() throws {
        let lock = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o666)
        guard lock >= 0 else { throw TestFailure("cannot open \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw TestFailure("cannot lock \(lockPath)") }
        }
        defer { flock(lock, LOCK_UN) }

        if !answers(unixSocket: busSocket) {
            // A bus left from an earlier boot of the container leaves its pid
            // file behind, and dbus-daemon refuses to start over one.
            unlink(busPIDFile)
            try FileManager.default.createDirectory(atPath: "/run/dbus", withIntermediateDirectories: true)
            let (status, output) = try Subprocess.run(["dbus-daemon", "--system", "--fork"])
            guard status == 0 else { throw TestFailure("dbus-daemon --system --fork failed (\(status)):\n\(output)") }
            try waitFor("the system D-Bus at \(busSocket)") { answers(unixSocket: busSocket) }
            // An avahi-daemon still running was on the old bus.
            if avahiRuns() {
                _ = try Subprocess.run(["avahi-daemon", "--kill"])
                try waitFor("the old avahi-daemon to stop") { !avahiRuns() }
            }
        }
        if !avahiRuns() {
            unlink(avahiPIDFile)
            let (status, output) = try Subprocess.run(["avahi-daemon", "-D"])
            guard status == 0 else { throw TestFailure("avahi-daemon -D failed (\(status)):\n\(output)") }
            try waitFor("avahi-daemon") { avahiRuns() }
        }
    }

    private static func avahiRuns() -> Bool {
        guard answers(unixSocket: avahiSocket), let (status, _) = try? Subprocess.run(["avahi-daemon", "--check"])
        else { return false }
        return status == 0
    }

    private static func waitFor(_ what: String, timeout: TimeInterval = 10, _ ready: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !ready() {
            guard Date() < deadline else { throw TestFailure("\(what) did not start within \(Int(timeout)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// True when something accepts connections on the Unix socket at `path`.
    static func answers(unixSocket path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }
}
