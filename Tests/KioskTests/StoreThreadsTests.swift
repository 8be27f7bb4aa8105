import Foundation
import NIOPosix
import Testing

@testable import Kiosk

/// The store's threads give way to the event loops (`SCHED_IDLE`).
@Suite("The store's threads give way to the event loops")
struct StoreThreadsTests {
    /// What each of `pool`'s `count` threads says of itself.
    private func eachThread(of pool: NIOThreadPool, count: Int) -> [(thread: pthread_t, givesWay: Bool)] {
        StoreThreads.onEachThread(of: pool, count: count) {
            (thread: pthread_self(), givesWay: StoreThreads.callingThreadGivesWay)
        }
    }

    @Test("each of the pool's threads is put in SCHED_IDLE; a pool not asked keeps its class")
    func eachThreadGivesWay() async throws {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let before = eachThread(of: pool, count: 2)
        #expect(before.allSatisfy { !$0.givesWay }, "a new pool's threads are in the normal class")
        #expect(StoreThreads.giveWayToEventLoops(pool, count: 2) == 2)
        let after = eachThread(of: pool, count: 2)
        #expect(Set(after.map(\.thread)).count == 2, "both threads answered")
        #expect(after.allSatisfy { $0.givesWay }, "every thread of the pool gives way: \(after)")
        try await pool.shutdownGracefully()
    }

    @Test("the daemon's store threads are in SCHED_IDLE and its event loops are not")
    func daemonThreads() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let pid = try DaemonProcess.pid(using: daemon.database)
        var policies: [String: Int] = [:]
        for task in try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            let name = String(stat[stat.index(after: open)..<close])
            // After the name: state is field 3 of stat(5), policy field 41.
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            policies[name + " " + task] = fields.count > 38 ? Int(fields[38]) : nil
        }
        let store = policies.filter { $0.key.hasPrefix("TP-") }
        let loops = policies.filter { $0.key.hasPrefix("NIO-") }
        #expect(store.count == KioskContext.storeThreads, "the store's threads: \(policies)")
        #expect(store.values.allSatisfy { $0 == Int(StoreThreads.idlePolicy) }, "\(store)")
        #expect(!loops.isEmpty && loops.values.allSatisfy { $0 == 0 }, "the event loops stay normal: \(loops)")
        #expect(daemon.stop() == 0)
    }
}
