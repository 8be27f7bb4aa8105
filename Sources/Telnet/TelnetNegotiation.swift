/// Option negotiation by the "Q method" of RFC 1143, for both ends of every option.
///
/// Answers only real changes, so it never loops and never answers a repeated
/// request twice; options the ``Policy`` does not allow are refused.
public struct TelnetNegotiation: Sendable {
    /// The end of the connection at which an option is in effect.
    public enum Side: Sendable {
        /// This server: the peer says `DO` or `DONT`, we answer `WILL` or `WONT`.
        case us
        /// The peer: it says `WILL` or `WONT`, we answer `DO` or `DONT`.
        case him
    }

    /// The state of one option at one side (RFC 1143, section 7).
    public enum State: Sendable {
        case no
        case yes
        /// We asked for it to be disabled and wait for the answer.
        case wantNo
        /// We asked for it to be enabled and wait for the answer.
        case wantYes
    }

    /// Which options may be enabled at each side.
    public struct Policy: Sendable {
        /// One line of the table.
        public struct Entry: Sendable {
            public var option: UInt8
            public var us: Bool
            public var him: Bool

            public init(_ option: UInt8, us: Bool, him: Bool) {
                self.option = option
                self.us = us
                self.him = him
            }
        }

        private var us: Set<UInt8> = []
        private var him: Set<UInt8> = []

        public init(_ entries: [Entry]) {
            for entry in entries {
                if entry.us { us.insert(entry.option) }
                if entry.him { him.insert(entry.option) }
            }
        }

        /// Whether `option` may be enabled at `side`.
        public func allows(_ option: UInt8, at side: Side) -> Bool {
            switch side {
            case .us: us.contains(option)
            case .him: him.contains(option)
            }
        }

        /// What the kiosk supports; everything else is refused.
        public static let kiosk = Policy([
            Entry(TelnetOption.binary, us: true, him: true),
            Entry(TelnetOption.echo, us: true, him: false),
            Entry(TelnetOption.suppressGoAhead, us: true, him: true),
            Entry(TelnetOption.terminalType, us: false, him: true),
            Entry(TelnetOption.windowSize, us: false, him: true),
        ])
    }

    private struct OptionState: Sendable {
        var state = State.no
        /// The "opposite" queue bit: once the pending answer comes, ask for the reverse.
        var oppositeQueued = false
    }

    public let policy: Policy
    private var us: [UInt8: OptionState] = [:]
    private var him: [UInt8: OptionState] = [:]

    public init(policy: Policy = .kiosk) {
        self.policy = policy
    }

    /// The state of `option` at `side`.
    public func state(of option: UInt8, at side: Side) -> State {
        optionState(option, side).state
    }

    /// Whether `option` is in effect at `side`.
    public func isEnabled(_ option: UInt8, at side: Side) -> Bool {
        state(of: option, at: side) == .yes
    }

    /// Whether a request for `option` at `side` still waits for its answer.
    public func isPending(_ option: UInt8, at side: Side) -> Bool {
        switch state(of: option, at: side) {
        case .wantNo, .wantYes: true
        case .no, .yes: false
        }
    }

    /// Asks for `option` at `side` to be enabled or disabled, and returns the
    /// verb to send, if any. Options the policy does not allow are never asked for.
    public mutating func request(_ option: UInt8, at side: Side, enabled: Bool) -> TelnetVerb? {
        if enabled && !policy.allows(option, at: side) { return nil }
        var entry = optionState(option, side)
        defer { setOptionState(entry, option, side) }
        switch (entry.state, enabled) {
        case (.no, true):
            entry.state = .wantYes
            return Self.verb(side, positive: true)
        case (.yes, false):
            entry.state = .wantNo
            return Self.verb(side, positive: false)
        case (.wantNo, true), (.wantYes, false):
            entry.oppositeQueued = true
        case (.wantNo, false), (.wantYes, true):
            entry.oppositeQueued = false
        case (.no, false), (.yes, true):
            break
        }
        return nil
    }

    /// Takes in a verb from the peer and returns the verb to answer with, if any.
    public mutating func receive(_ verb: TelnetVerb, option: UInt8) -> TelnetVerb? {
        let side: Side
        let positive: Bool
        switch verb {
        case .will: (side, positive) = (.him, true)
        case .wont: (side, positive) = (.him, false)
        case .do: (side, positive) = (.us, true)
        case .dont: (side, positive) = (.us, false)
        }
        var entry = optionState(option, side)
        defer { setOptionState(entry, option, side) }
        let answer: Bool?
        if positive {
            answer = Self.receiveEnable(&entry, allowed: policy.allows(option, at: side))
        } else {
            answer = Self.receiveDisable(&entry)
        }
        return answer.map { Self.verb(side, positive: $0) }
    }

    /// `WILL` or `DO` received; returns whether to agree, or nil to stay silent.
    private static func receiveEnable(_ entry: inout OptionState, allowed: Bool) -> Bool? {
        switch entry.state {
        case .no:
            if allowed {
                entry.state = .yes
                return true
            }
            return false
        case .yes:
            return nil
        case .wantNo:
            // Our disable was answered by an enable: take it, as the RFC says.
            entry.state = entry.oppositeQueued ? .yes : .no
            entry.oppositeQueued = false
            return nil
        case .wantYes:
            if entry.oppositeQueued {
                entry.state = .wantNo
                entry.oppositeQueued = false
                return false
            }
            entry.state = .yes
            return nil
        }
    }

    /// `WONT` or `DONT` received; returns whether to agree, or nil to stay silent.
    private static func receiveDisable(_ entry: inout OptionState) -> Bool? {
        switch entry.state {
        case .no:
            return nil
        case .yes:
            entry.state = .no
            return false
        case .wantNo:
            if entry.oppositeQueued {
                entry.state = .wantYes
                entry.oppositeQueued = false
                return true
            }
            entry.state = .no
            return nil
        case .wantYes:
            entry.state = .no
            entry.oppositeQueued = false
            return nil
        }
    }

    private static func verb(_ side: Side, positive: Bool) -> TelnetVerb {
        switch (side, positive) {
        case (.us, true): .will
        case (.us, false): .wont
        case (.him, true): .do
        case (.him, false): .dont
        }
    }

    private func optionState(_ option: UInt8, _ side: Side) -> OptionState {
        switch side {
        case .us: us[option] ?? OptionState()
        case .him: him[option] ?? OptionState()
        }
    }

    private mutating func setOptionState(_ entry: OptionState, _ option: UInt8, _ side: Side) {
        switch side {
        case .us: us[option] = entry
        case .him: him[option] = entry
        }
    }
}
