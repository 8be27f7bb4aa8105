import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a short command and waits for it with posix_spawn and waitpid.
///
/// Foundation's `Process` can miss the exit of a child that starts a
/// daemon of its own (tmux does), so the tests use this for tmux.
public enum Subprocess {
    public static func run(_ argv: [String], environment extra: [String] = []) throws -> (status: Int32, output: String)
    {
        let outputPath = NSTemporaryDirectory() + "subprocess-" + UUID().uuidString
        defer { unlink(outputPath) }
        let child = try ChildProcess(argv, outputPath: outputPath, environment: extra, dropping: ["TMUX", "TERM"])
        let status = child.wait()
        return (status, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }
}

/// A long-running child (the daemon, socat) started with posix_spawn,
/// its output in a file, stopped and reaped with waitpid.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private var exitStatus: Int32?

    /// Starts `argv` with this process's environment, less `dropping`, plus `extra`.
    public init(_ argv: [String], outputPath: String, environment extra: [String] = [], dropping: Set<String> = [])
        throws
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let environment =
            ProcessInfo.processInfo.environment.filter { !dropping.contains($0.key) }
            .map { "\($0.key)=\($0.value)" } + extra
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        // The child starts with no signal blocked and the usual signals at their
        // defaults, whatever the test runner's thread had: a telnet under tmux must
        // die of SIGHUP when its window closes, as it would for a person.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let result = posix_spawnp(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        guard result == 0 else { throw TestFailure("cannot run \(argv[0]): \(String(cString: strerror(result)))") }
        self.pid = pid
    }

    public var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = status
            return false
        }
        return true
    }

    /// Waits for the child to end; its exit status (128 + signal if killed).
    public func wait() -> Int32 {
        if exitStatus == nil {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            exitStatus = status
        }
        return Self.decode(exitStatus ?? 0)
    }

    private static func decode(_ status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Sends `signal` and waits up to `timeout` seconds, then kills.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 15) -> Int32 {
        if isRunning {
            kill(pid, signal)
            let deadline = Date().addingTimeInterval(timeout)
            while isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if isRunning { kill(pid, SIGKILL) }
        }
        return wait()
    }

    public func send(signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    deinit { stop(signal: SIGKILL, timeout: 1) }
}
