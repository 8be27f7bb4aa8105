import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

@testable import Kiosk

/// A session's task waits for its next key; who resumes it decides when it runs.
@Suite("A session's task runs on its connection's event loop")
struct EventLoopTaskExecutorTests {
    /// A task on `executor` that waits to be resumed, then notes that it ran, and whether on the loop.
    private final class WaitingTask: Sendable {
        let ran = NIOLockedValueBox(false)
        let ranOnLoop = NIOLockedValueBox(false)
        let waiting = NIOLockedValueBox<CheckedContinuation<Void, Never>?>(nil)
        let task: Task<Void, Never>

        init(on executor: EventLoopTaskExecutor) async {
            let (ran, ranOnLoop, waiting) = (self.ran, self.ranOnLoop, self.waiting)
            let loop = executor.eventLoop
            task = Task(executorPreference: executor) {
                await withCheckedContinuation { continuation in
                    waiting.withLockedValue { $0 = continuation }
                }
                ranOnLoop.withLockedValue { $0 = loop.inEventLoop }
                ran.withLockedValue { $0 = true }
            }
            while waiting.withLockedValue({ $0 == nil }) { await Task.yield() }
        }

        func resume() {
            waiting.withLockedValue { $0.take() }?.resume()
        }
    }

    @Test("resumed by the loop's own work (a key read), it runs before that work returns")
    func resumedByTheLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let waiter = await WaitingTask(on: EventLoopTaskExecutor(loop))
        let ranAtOnce = try await loop.submit {
            waiter.resume()
            return waiter.ran.withLockedValue { $0 }
        }.get()
        await waiter.task.value
        #expect(ranAtOnce)
        try await group.shutdownGracefully()
    }

    @Test("resumed by another task on the loop, it waits its turn in the loop's queue")
    func resumedByATask() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let executor = EventLoopTaskExecutor(loop)
        let waiter = await WaitingTask(on: executor)
        let ranAtOnce = await Task(executorPreference: executor) {
            waiter.resume()
            return waiter.ran.withLockedValue { $0 }
        }.value
        await waiter.task.value
        #expect(!ranAtOnce)
        #expect(waiter.ran.withLockedValue { $0 })
        try await group.shutdownGracefully()
    }

    @Test("resumed from another thread, it runs on the loop")
    func resumedFromElsewhere() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let waiter = await WaitingTask(on: EventLoopTaskExecutor(group.next()))
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        try await thread.runIfActive { waiter.resume() }
        await waiter.task.value
        #expect(waiter.ranOnLoop.withLockedValue { $0 })
        try await thread.shutdownGracefully()
        try await group.shutdownGracefully()
    }
}
