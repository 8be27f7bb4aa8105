import Coaching
import CoachingStore
import Foundation
import Reports

/// Benchmark 4: every report at every level on the synthetic trust.
enum ReportBench {
    static let part = "reports"

    static func run(trust: String, iterations: Int) throws -> [Figure] {
        let store = try CoachingStore(path: trust)
        defer { try? store.close() }
        let today = store.today
        let builder = ReportBuilder(store: store, settings: ReportSettings(), today: today)
        let staff = try store.staff()
        let year = AcademicYear(containing: today)
        // At individual level: someone in many cycles, reading their own report.
        var counts: [StaffCode: Int] = [:]
        for cycle in try store.cycles() { counts[cycle.cycle.trio.coachee, default: 0] += 1 }
        let busiest = counts.max { $0.value < $1.value }?.key
        let person = staff.first { $0.code == busiest } ?? staff.first
        // Across the school: the technician first (reads as a lead coach outside every trio),
        // then people whose roles open more; a report closed to one is run as the next.
        let schoolReaders =
            [ReportReader(person: nil)]
            + [Role.head, .impactLead, .leadCoach].compactMap { role in
                staff.first { $0.roles.contains(role) }.map { ReportReader(person: $0) }
            }
        let ownReaders = [person].compactMap { $0 }.map { ReportReader(person: $0) } + schoolReaders
        // Every report some reader is offered, at every level it has.
        var offered: Set<String> = []
        for reader in ownReaders {
            for (kind, levels) in builder.offered(to: reader) {
                for level in levels { offered.insert("\(kind.rawValue)/\(level.rawValue)") }
            }
        }
        var figures: [Figure] = []
        for kind in ReportKind.allCases {
            for level in ReportLevel.allCases where offered.contains("\(kind.rawValue)/\(level.rawValue)") {
                let name = "\(kind.rawValue) report, \(level.rawValue) level, p50"
                let filter = ReportFilter(
                    from: year.firstDay, to: today, staff: level == .individual ? person?.code : nil)
                let readers = level == .individual ? ownReaders : schoolReaders
                var refusals: [String] = []
                var timed: (samples: [Double], rows: Int, reader: String)?
                for reader in readers where timed == nil {
                    do {
                        var samples: [Double] = []
                        var rows = 0
                        for round in 0..<(iterations + 1) {
                            let (table, ms) = try milliseconds {
                                try builder.report(kind, level: level, filter: filter, for: reader)
                            }
                            rows = table.rows.count
                            if round >= 1 { samples.append(ms) }
                        }
                        timed = (
                            samples, rows,
                            reader.person.map { "\($0.code) (\($0.roles.isEmpty ? "no role" : $0.rolesText))" }
                                ?? "technician"
                        )
                    } catch let error as ReportError {
                        refusals.append(error.description)
                    }
                }
                if let timed {
                    let times = Percentiles(timed.samples)
                    figures.append(
                        Figure(
                            part: part, name: name, value: times?.p50, unit: "ms", target: .atMost(200),
                            note:
                                "\(timed.rows) rows, read by \(timed.reader); max \(Figure.format(times?.max ?? 0)) ms")
                    )
                } else {
                    figures.append(
                        .notRun(
                            part: part, name: name, unit: "ms", target: .atMost(200),
                            because: "no reader may run it: " + (refusals.first ?? "")))
                }
            }
        }
        return figures
    }
}
