import Dispatch
import NIOConcurrencyHelpers
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// The store's threads give way to the event loops.
///
/// Each is put in Linux's `SCHED_IDLE` class. A loop that wakes for a key
/// then takes its core at once, instead of waiting for a draft's save or a
/// PIN check to reach the end of its turn there. The store's threads still
/// have every core the loops leave free, which on a kiosk's box is nearly
/// all of them; only a machine kept busy by other programs slows the saves
/// (never the typing). In paired runs of the bench (500 sessions, 60 s)
/// echo p99 was 0.19–0.33 ms this way against 0.23–0.36 ms without.
enum StoreThreads {
    /// Linux's `SCHED_IDLE` (`<sched.h>`; not imported into Swift).
    static let idlePolicy: Int32 = 5

    /// Puts each of `pool`'s `count` threads in `SCHED_IDLE`; how many
    /// took it (all, unless the system refuses).
    static func giveWayToEventLoops(_ pool: NIOThreadPool, count: Int) -> Int {
        onEachThread(of: pool, count: count) {
            mark.currentValue = Mark()
            return giveWay()
        }.filter { $0 }.count
    }

    private final class Mark: Sendable {}
    private static let mark = ThreadSpecificVariable<Mark>()

    /// Whether the calling thread is one of the store's.
    static var isStoreThread: Bool { mark.currentValue != nil }

    /// Runs `body` once on each of `pool`'s `count` threads, and returns what
    /// each gave. The `count` jobs each wait until all have started, so that
    /// each thread takes exactly one: the pool must have `count` threads, started.
    static func onEachThread<Answer: Sendable>(
        of pool: NIOThreadPool, count: Int, _ body: @escaping @Sendable () -> Answer
    ) -> [Answer] {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let answers = NIOLockedValueBox<[Answer]>([])
        for _ in 0..<count {
            done.enter()
            pool.submit { _ in
                let answer = body()
                answers.withLockedValue { $0.append(answer) }
                started.signal()
                release.wait()
                done.leave()
            }
        }
        for _ in 0..<count { started.wait() }
        for _ in 0..<count { release.signal() }
        done.wait()
        return answers.withLockedValue { $0 }
    }

    /// Puts the calling thread in `SCHED_IDLE`; false if the system refuses.
    static func giveWay() -> Bool {
        #if os(Linux)
            var parameters = sched_param()
            return sched_setscheduler(0, idlePolicy, &parameters) == 0
        #else
            return false
        #endif
    }

    /// Whether the calling thread is in `SCHED_IDLE`.
    static var callingThreadGivesWay: Bool {
        #if os(Linux)
            sched_getscheduler(0) == idlePolicy
        #else
            false
        #endif
    }
}
