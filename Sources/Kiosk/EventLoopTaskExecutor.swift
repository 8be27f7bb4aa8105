import NIOCore

/// Runs a session's task on its connection's event loop.
///
/// A key is then read, handled, drawn and echoed on one thread, with no hop
/// to Swift's shared pool and back for every key. Store work still leaves
/// the loop (`KioskContext.withStore` runs on the store's threads) and comes
/// back to it when done.
///
/// A job made ready by the loop's own I/O (a key read, the channel writable
/// again) runs at once, inside that callback, as a plain echo server would
/// answer in its read: queued instead, it waited for every other read of
/// the loop's turn and cost a trip through the loop's task queue, about a
/// tenth of the loop's work under 500 typing sessions. A job made ready by
/// another task, or from another thread, is queued as before.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if eventLoop.inEventLoop, withUnsafeCurrentTask(body: { $0 == nil }) {
            job.runSynchronously(on: asUnownedTaskExecutor())
        } else {
            eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }
}
