/// Where a print job has got to, as cupsd or the printer reports it.
public struct CUPSJobReport: Sendable, Hashable {
    /// IPP's job-state (RFC 8011 5.3.7).
    public enum State: Int32, Sendable, Hashable, CaseIterable {
        case pending = 3
        case held = 4
        case processing = 5
        case stopped = 6
        case cancelled = 7
        case aborted = 8
        case completed = 9

        /// The job will not change any more.
        public var isFinal: Bool { self == .cancelled || self == .aborted || self == .completed }
    }

    public var state: State
    /// What cupsd or the printer says about the job (its state message and
    /// reasons), to tell the person why it stopped or failed.
    public var message: String?

    public init(state: State, message: String? = nil) {
        self.state = state
        self.message = message
    }
}
