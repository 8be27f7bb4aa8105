import Coaching
import CoachingStore
import Documents
import Foundation
import KioskConfiguration
import Printing
import Sheets
import TestSupport

/// Benchmark 2: documents. The coaching agreement of the demo school, the
/// trustee pack of the demo school and of the synthetic trust, and a print
/// request sent to a real IPP printer (ippeveprinter) on loopback.
struct DocumentBench {
    static let part = "documents"

    let workDirectory: String
    let layouts: LayoutCatalog
    let iterations: Int
    let packIterations: Int
    let printIterations: Int

    /// The agreement: read from the store, then rendered to a PDF file.
    func agreement(demo: String) throws -> [Figure] {
        let store = try CoachingStore(path: demo)
        defer { try? store.close() }
        guard let cycle = try store.cycles().first(where: { try store.agreement(cycle: $0.id) != nil }) else {
            throw BenchFailure("the demo school has no coaching agreement")
        }
        let source = DocumentSource(store: store, schoolName: "Ysgol Cae'r Onnen", today: store.today)
        guard let layout = layouts.layout(for: DocumentKind.agreement.rawValue) else {
            throw BenchFailure("no agreement layout")
        }
        let output = workDirectory + "/agreement.pdf"
        var reads: [Double] = []
        var renders: [Double] = []
        var totals: [Double] = []
        var pages = 0
        for round in 0..<(iterations + 3) {
            let (data, readMS) = try milliseconds { try source.data(for: .agreement(cycle: cycle.id)) }
            let (count, renderMS) = try milliseconds {
                try PDFSheet(layout: layout, data: data, created: Date()).render(to: output)
            }
            pages = count
            // The first renders load fonts and fill caches: left out.
            guard round >= 3 else { continue }
            reads.append(readMS)
            renders.append(renderMS)
            totals.append(readMS + renderMS)
        }
        let total = Percentiles(totals)
        return [
            Figure(
                part: Self.part, name: "coaching agreement (read + render), p50", value: total?.p50, unit: "ms",
                target: .atMost(20),
                note: "\(iterations) renders of cycle \(cycle.id), \(pages) page(s); p90 "
                    + "\(Figure.format(total?.p90 ?? 0)) ms, max \(Figure.format(total?.max ?? 0)) ms"),
            Figure(
                part: Self.part, name: "coaching agreement: read from the store, p50",
                value: Percentiles(reads)?.p50, unit: "ms"),
            Figure(
                part: Self.part, name: "coaching agreement: PDF render, p50", value: Percentiles(renders)?.p50,
                unit: "ms"),
        ]
    }

    /// The trustee pack of the academic year that holds the store's today.
    func trusteePack(database: String, label: String, held: Bool) throws -> [Figure] {
        let store = try CoachingStore(path: database)
        defer { try? store.close() }
        let today = store.today
        let year = AcademicYear(containing: today)
        let source = DocumentSource(store: store, schoolName: "Bench Trust", today: today)
        guard let layout = layouts.layout(for: DocumentKind.trusteePack.rawValue) else {
            throw BenchFailure("no trustee-pack layout")
        }
        let output = workDirectory + "/trustee-pack.pdf"
        var reads: [Double] = []
        var totals: [Double] = []
        var pages = 0
        for round in 0..<(packIterations + 1) {
            let (data, readMS) = try milliseconds {
                try source.data(for: .trusteePack(from: year.firstDay, to: year.lastDay))
            }
            let (count, renderMS) = try milliseconds {
                try PDFSheet(layout: layout, data: data, created: Date()).render(to: output)
            }
            pages = count
            guard round >= 1 else { continue }
            reads.append(readMS)
            totals.append(readMS + renderMS)
        }
        let total = Percentiles(totals)
        let ms = total?.p50
        let perSecond = ms.map { Double(pages) / ($0 / 1000) }
        // A 100-page pack under 2 s: 20 ms a page, and never more than 2 s for a smaller one.
        let limit = 2000 * max(1, Double(pages) / 100)
        return [
            Figure(
                part: Self.part, name: "trustee pack, \(label) (read + render), p50", value: ms, unit: "ms",
                target: held ? .atMost(limit) : nil,
                note: "\(pages) pages for \(year.firstDay.iso) to \(year.lastDay.iso); reading the store "
                    + "\(Figure.format(Percentiles(reads)?.p50 ?? 0)) ms; \(packIterations) renders"),
            Figure(
                part: Self.part, name: "trustee pack, \(label): pages per second", value: perSecond, unit: "pages/s",
                target: held ? .atLeast(50) : nil),
        ]
    }

    /// From the print request (written to the outbox) to the job accepted
    /// by a real IPP Everywhere printer on loopback: claim, read, render,
    /// send with libcups, CUPS job id back.
    func printing(demo: String) throws -> [Figure] {
        try PrintServices.ensureRunning()
        let printer = try TestPrinter()
        defer { printer.stop() }
        let store = try CoachingStore(path: demo)
        defer { try? store.close() }
        guard let cycle = try store.cycles().first(where: { try store.agreement(cycle: $0.id) != nil }) else {
            throw BenchFailure("the demo school has no coaching agreement")
        }
        var settings = KioskSettings()
        settings.schoolName = "Ysgol Cae'r Onnen"
        settings.database = demo
        settings.printer = try PrinterTarget(parsing: printer.uri)
        let worker = PrintWorker(
            store: store, settings: settings, layouts: layouts, connect: { CUPSPrinter.connection(to: $0) })
        let actor = Actor.commandLine(user: "bench")
        var samples: [Double] = []
        for round in 0..<(printIterations + 1) {
            let (outcome, ms) = try milliseconds { () throws -> SendOutcome in
                let id = try store.enqueuePrint(.agreement(cycle: cycle.id), printer: printer.uri, by: actor)
                return worker.send(id)
            }
            guard case .sent = outcome else { throw BenchFailure("the print was not accepted: \(outcome)") }
            if round >= 1 { samples.append(ms) }
        }
        let received = try printer.waitForDocuments(count: printIterations + 1, timeout: 30).count
        let times = Percentiles(samples)
        return [
            Figure(
                part: Self.part, name: "print request → accepted by ippeveprinter, p50", value: times?.p50, unit: "ms",
                note: "the agreement, \(printIterations) prints; max \(Figure.format(times?.max ?? 0)) ms; "
                    + "the printer received \(received) documents")
        ]
    }
}
