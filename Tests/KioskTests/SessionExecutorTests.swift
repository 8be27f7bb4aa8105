import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
import TextUI

@testable import Kiosk

/// A session's task waits for its next key; who resumes it, and whether it
/// has stepped off its loop, decides where and when it runs.
@Suite("A session's task runs on its connection's event loop, and steps off it for heavier work")
struct SessionExecutorTests {
    /// Where a job of the task ran.
    private struct Place: Equatable {
        var onLoop: Bool
        var onStoreThread: Bool

        static func here(_ loop: any EventLoop) -> Place {
            Place(onLoop: loop.inEventLoop, onStoreThread: StoreThreads.isStoreThread)
        }
    }

    /// A task on `executor` that waits to be resumed, then notes that it ran, and where.
    private final class WaitingTask: Sendable {
        let ran = NIOLockedValueBox(false)
        let place = NIOLockedValueBox<Place?>(nil)
        let waiting = NIOLockedValueBox<CheckedContinuation<Void, Never>?>(nil)
        let task: Task<Void, Never>

        init(on executor: SessionExecutor, before: @escaping @Sendable () async -> Void = {}) async {
            let (ran, place, waiting) = (self.ran, self.place, self.waiting)
            let loop = executor.eventLoop
            task = Task(executorPreference: executor) {
                await before()
                await withCheckedContinuation { continuation in
                    waiting.withLockedValue { $0 = continuation }
                }
                place.withLockedValue { $0 = .here(loop) }
                ran.withLockedValue { $0 = true }
            }
            while waiting.withLockedValue({ $0 == nil }) { await Task.yield() }
        }

        func resume() {
            waiting.withLockedValue { $0.take() }?.resume()
        }
    }

    /// An event loop, and store threads marked as the kiosk marks them.
    private struct Threads {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let store = NIOThreadPool(numberOfThreads: 2)

        init() {
            store.start()
            _ = StoreThreads.giveWayToEventLoops(store, count: 2)
        }

        var executor: SessionExecutor { SessionExecutor(group.next(), storeThreads: store) }

        func shutdown() async throws {
            try await store.shutdownGracefully()
            try await group.shutdownGracefully()
        }
    }

    @Test("resumed by the loop's own work (a key read), it runs before that work returns")
    func resumedByTheLoop() async throws {
        let threads = Threads()
        let executor = threads.executor
        let waiter = await WaitingTask(on: executor)
        let ranAtOnce = try await executor.eventLoop.submit {
            waiter.resume()
            return waiter.ran.withLockedValue { $0 }
        }.get()
        await waiter.task.value
        #expect(ranAtOnce)
        try await threads.shutdown()
    }

    @Test("resumed by another task on the loop, it waits its turn in the loop's queue")
    func resumedByATask() async throws {
        let threads = Threads()
        let executor = threads.executor
        let waiter = await WaitingTask(on: executor)
        let ranAtOnce = await Task(executorPreference: executor) {
            waiter.resume()
            return waiter.ran.withLockedValue { $0 }
        }.value
        await waiter.task.value
        #expect(!ranAtOnce)
        #expect(waiter.ran.withLockedValue { $0 })
        try await threads.shutdown()
    }

    @Test("resumed from another thread, it runs on the loop")
    func resumedFromElsewhere() async throws {
        let threads = Threads()
        let waiter = await WaitingTask(on: threads.executor)
        try await threads.store.runIfActive { waiter.resume() }
        await waiter.task.value
        #expect(waiter.place.withLockedValue { $0 } == Place(onLoop: true, onStoreThread: false))
        try await threads.shutdown()
    }

    @Test("stepped off the loop, it runs on the store's threads, however it is resumed, until it stays on the loop")
    func steppedOff() async throws {
        let threads = Threads()
        let executor = threads.executor
        let steppedTo = NIOLockedValueBox<Place?>(nil)
        // Stepped off, then resumed by the loop (a key read): it runs on a store thread, not the loop.
        let waiter = await WaitingTask(on: executor) {
            await executor.stepOffLoop()
            steppedTo.withLockedValue { $0 = .here(executor.eventLoop) }
        }
        #expect(steppedTo.withLockedValue { $0 } == Place(onLoop: false, onStoreThread: true))
        try await executor.eventLoop.submit { waiter.resume() }.get()
        await waiter.task.value
        #expect(waiter.place.withLockedValue { $0 } == Place(onLoop: false, onStoreThread: true))

        // Back on the loop for the next wait: resumed from a store thread, it runs on the loop.
        let again = await WaitingTask(on: executor) {
            await executor.stepOffLoop()
            executor.stayOnLoop()
        }
        try await threads.store.runIfActive { again.resume() }
        await again.task.value
        #expect(again.place.withLockedValue { $0 } == Place(onLoop: true, onStoreThread: false))
        try await threads.shutdown()
    }

    @Test("only keys that edit the field in hand are typing, handled on the loop")
    func typingKeys() {
        let typing: [Key] = [.character("a"), .character("é"), .backspace, .delete, .left, .right, .home, .end]
        let other: [Key] = [
            .enter, .tab, .backTab, .up, .down, .pageUp, .pageDown, .insert, .escape, .control("s"), .function(2),
            .unknown,
        ]
        #expect(typing.allSatisfy { $0.isTyping })
        #expect(!other.contains { $0.isTyping })
    }
}
