import NIOConcurrencyHelpers
import NIOCore

/// How many terminals may be connected at once, in all and from one address.
///
/// A school LAN is not a friendly place: a flood of connections is refused
/// politely while the sessions already open stay responsive.
public struct SessionLimits: Sendable, Equatable {
    public var maximumSessions: Int
    public var maximumPerAddress: Int
    /// Time to log in before the terminal is let go.
    public var loginTimeout: TimeAmount
    /// Time without a key before a logged-in session ends (drafts are kept).
    public var idleTimeout: TimeAmount
    /// How long to wait for telnet answers before going on at 80×24.
    public var negotiationWait: TimeAmount

    public init(
        maximumSessions: Int = 64, maximumPerAddress: Int = 16, loginTimeout: TimeAmount = .seconds(60),
        idleTimeout: TimeAmount = .seconds(300), negotiationWait: TimeAmount = .seconds(3)
    ) {
        self.maximumSessions = maximumSessions
        self.maximumPerAddress = maximumPerAddress
        self.loginTimeout = loginTimeout
        self.idleTimeout = idleTimeout
        self.negotiationWait = negotiationWait
    }
}

/// The sessions open now, counted across every event loop.
final class SessionCount: Sendable {
    private struct State {
        var total = 0
        var byAddress: [String: Int] = [:]
    }

    enum Refusal: Sendable {
        case full, tooManyFromAddress
    }

    private let state = NIOLockedValueBox(State())
    let limits: SessionLimits

    init(limits: SessionLimits) {
        self.limits = limits
    }

    /// Takes a place for a terminal at `address`, or says why not.
    func admit(_ address: String) -> Refusal? {
        state.withLockedValue { state in
            if state.total >= limits.maximumSessions { return .full }
            if state.byAddress[address, default: 0] >= limits.maximumPerAddress { return .tooManyFromAddress }
            state.total += 1
            state.byAddress[address, default: 0] += 1
            return nil
        }
    }

    func release(_ address: String) {
        state.withLockedValue { state in
            state.total -= 1
            let left = state.byAddress[address, default: 1] - 1
            state.byAddress[address] = left > 0 ? left : nil
        }
    }

    var open: Int { state.withLockedValue { $0.total } }
}
