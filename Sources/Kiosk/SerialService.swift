import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// A terminal wired to a serial port (or a pty standing in for one).
public struct SerialTerminal: Sendable, Equatable {
    public enum FlowControl: String, Sendable, CaseIterable {
        case none, hardware = "rtscts", software = "xonxoff"
    }

    public var device: String
    public var baud: Int
    public var flowControl: FlowControl
    /// What the terminal is, since a serial line cannot say: `vt100` unless configured.
    public var terminalType: String

    public init(device: String, baud: Int = 9600, flowControl: FlowControl = .none, terminalType: String = "vt100") {
        self.device = device
        self.baud = baud
        self.flowControl = flowControl
        self.terminalType = terminalType
    }
}

/// What went wrong opening a serial line, said so the technician can act.
public struct SerialLineError: Error, CustomStringConvertible, Sendable {
    public var device: String
    public var reason: String
    public var description: String { "\(device): \(reason)" }
}

/// Keeps a login screen on one serial terminal: opens the line, runs a
/// session, and when the session ends or the line drops, opens it again,
/// waiting for the device to come back if it went away. The other
/// terminals are not disturbed.
public final class SerialService: Service, Sendable {
    private let context: KioskContext
    private let terminal: SerialTerminal
    private let group: any EventLoopGroup
    private let retryDelay: Duration

    public init(
        context: KioskContext, terminal: SerialTerminal, group: any EventLoopGroup,
        retryDelay: Duration = .seconds(1)
    ) {
        self.context = context
        self.terminal = terminal
        self.group = group
        self.retryDelay = retryDelay
    }

    public func run() async throws {
        let logger = context.logger
        await cancelWhenGracefulShutdown {
            var reportedMissing = false
            while !Task.isCancelled {
                do {
                    let descriptor = try Self.open(self.terminal)
                    if reportedMissing {
                        logger.notice("serial line is back", metadata: ["device": "\(self.terminal.device)"])
                        reportedMissing = false
                    }
                    try await self.serve(descriptor: descriptor)
                    logger.info("serial session ended", metadata: ["device": "\(self.terminal.device)"])
                } catch {
                    if !reportedMissing {
                        logger.warning(
                            "serial line unavailable; watching for it to return",
                            metadata: ["device": "\(self.terminal.device)", "error": "\(error)"])
                        reportedMissing = true
                    }
                }
                try? await Task.sleep(for: self.retryDelay)
            }
        }
    }

    private func serve(descriptor: CInt) async throws {
        let limits = context.limits
        let terminalType = terminal.terminalType
        let line = try await NIOPipeBootstrap(group: group)
            .takingOwnershipOfDescriptor(inputOutput: descriptor) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(SerialInputHandler(terminalType: terminalType))
                    try sync.addHandler(KeyInputHandler())
                    try sync.addHandler(
                        IdleWatchHandler(loginLimit: limits.loginTimeout, idleLimit: limits.idleTimeout))
                    let line = TerminalLine(channel: channel)
                    try sync.addHandler(line)
                    return line
                }
            }
        let executor = SessionExecutor(line.channel.eventLoop, storeThreads: context.threadPool)
        await withGracefulShutdownHandler {
            await withTaskExecutorPreference(executor) {
                await KioskSession(
                    context: context, line: line, origin: "serial \(terminal.device)", executor: executor
                ).run()
            }
        } onGracefulShutdown: {
            line.channel.pipeline.fireUserInboundEventTriggered(KioskShuttingDown())
        }
    }

    /// Opens and configures the tty: raw, 8N1, receiver on, modem lines
    /// ignored, the given speed and flow control.
    static func open(_ terminal: SerialTerminal) throws -> CInt {
        let fd = Glibc.open(terminal.device, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw SerialLineError(device: terminal.device, reason: String(cString: strerror(errno)))
        }
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw SerialLineError(device: terminal.device, reason: "not a terminal device (\(reason))")
        }
        cfmakeraw(&settings)
        settings.c_cflag &= ~(tcflag_t(CSIZE) | tcflag_t(PARENB) | tcflag_t(CSTOPB) | tcflag_t(CRTSCTS))
        settings.c_cflag |= tcflag_t(CS8) | tcflag_t(CREAD) | tcflag_t(CLOCAL)
        settings.c_iflag &= ~(tcflag_t(IXON) | tcflag_t(IXOFF) | tcflag_t(IXANY))
        switch terminal.flowControl {
        case .none: break
        case .hardware: settings.c_cflag |= tcflag_t(CRTSCTS)
        case .software: settings.c_iflag |= tcflag_t(IXON) | tcflag_t(IXOFF)
        }
        let speed = Self.speed(for: terminal.baud)
        cfsetispeed(&settings, speed)
        cfsetospeed(&settings, speed)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw SerialLineError(device: terminal.device, reason: "cannot be configured (\(reason))")
        }
        return fd
    }

    static func speed(for baud: Int) -> speed_t {
        switch baud {
        case 1200: speed_t(B1200)
        case 2400: speed_t(B2400)
        case 4800: speed_t(B4800)
        case 19_200: speed_t(B19200)
        case 38_400: speed_t(B38400)
        case 57_600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        default: speed_t(B9600)
        }
    }
}
