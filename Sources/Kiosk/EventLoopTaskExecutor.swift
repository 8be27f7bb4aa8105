import NIOCore

/// Runs a session's task on its connection's event loop.
///
/// A key is then read, handled, drawn and echoed on one thread, with no hop
/// to Swift's shared pool and back for every key. Store work still leaves
/// the loop (`KioskContext.withStore` runs on the store's threads) and comes
/// back to it when done.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
