import NIOCore
import NIOPosix
import Synchronization

/// Runs a session's task: on its connection's event loop while it waits for
/// a key and while it echoes typing, and on the store's threads for
/// everything else a key sets off.
///
/// On the loop, a key is read, handled, drawn and echoed on one thread, with
/// no hop to Swift's shared pool and back. A job made ready by the loop's
/// own I/O (a key read, the channel writable again) runs at once, inside
/// that callback, as a plain echo server answers in its read; a job made
/// ready by another task, or from another thread, is queued on the loop.
///
/// A Tab (the draft saved, the next field drawn), a submission, a menu or a
/// redraw is 0.1–1 ms of work. On the loop it would hold up every other
/// terminal's typing on that loop; the session steps off to the store's
/// threads for it (`stepOffLoop`), which give way to the loops
/// (`StoreThreads`), and comes back when it next waits for a key
/// (`stayOnLoop`). Its writes still go out through the loop.
final class SessionExecutor: TaskExecutor {
    let eventLoop: any EventLoop
    let storeThreads: NIOThreadPool
    private let offLoop = Atomic<Bool>(false)

    init(_ eventLoop: any EventLoop, storeThreads: NIOThreadPool) {
        self.eventLoop = eventLoop
        self.storeThreads = storeThreads
    }

    /// From now on the task runs on the event loop: call before waiting for a key.
    func stayOnLoop() {
        offLoop.store(false, ordering: .relaxed)
    }

    /// Moves the calling task, which prefers this executor, from its event
    /// loop to the store's threads (elsewhere already, it stays where it is).
    ///
    /// A store thread resumes it. If that comes before the task has quite
    /// suspended, Swift carries on where the task was, and it tries again.
    /// (Either place is correct; from the next wait on it runs off the loop.)
    func stepOffLoop() async {
        guard eventLoop.inEventLoop else { return }
        offLoop.store(true, ordering: .relaxed)
        for _ in 0..<3 where !StoreThreads.isStoreThread {
            await withCheckedContinuation { resumed in storeThreads.submit { _ in resumed.resume() } }
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let resumedHere = withUnsafeCurrentTask { $0 == nil }
        if offLoop.load(ordering: .relaxed) {
            if resumedHere, StoreThreads.isStoreThread {
                job.runSynchronously(on: asUnownedTaskExecutor())
            } else {
                storeThreads.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
            }
        } else if resumedHere, eventLoop.inEventLoop {
            job.runSynchronously(on: asUnownedTaskExecutor())
        } else {
            eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }
}
