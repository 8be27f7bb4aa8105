import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a figure is held to: a bound on its value.
enum Bound: Codable, Sendable, Equatable {
    case atMost(Double)
    case atLeast(Double)

    private enum CodingKeys: String, CodingKey {
        case atMost, atLeast
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let limit = try container.decodeIfPresent(Double.self, forKey: .atMost) {
            self = .atMost(limit)
        } else {
            self = .atLeast(try container.decode(Double.self, forKey: .atLeast))
        }
    }

    /// `{"atMost": 20}` or `{"atLeast": 50}`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .atMost(limit): try container.encode(limit, forKey: .atMost)
        case let .atLeast(limit): try container.encode(limit, forKey: .atLeast)
        }
    }

    func holds(_ value: Double) -> Bool {
        switch self {
        case let .atMost(limit): value <= limit
        case let .atLeast(limit): value >= limit
        }
    }

    func text(unit: String) -> String {
        switch self {
        case let .atMost(limit): "≤ \(Figure.format(limit)) \(unit)"
        case let .atLeast(limit): "≥ \(Figure.format(limit)) \(unit)"
        }
    }
}

/// One measured figure: what it is, its value, what it should be, and
/// (where there is one) the physical floor it is compared with.
struct Figure: Codable, Sendable {
    enum Result: String, Codable, Sendable {
        case pass, miss
        /// Measured, with no target.
        case info
        /// Could not be measured in this run; `note` says why.
        case notRun = "not run"
    }

    var part: String
    var name: String
    var value: Double?
    var unit: String
    var target: Bound?
    /// The same measure on the floor (bare TCP echo, plain sqlite3).
    var floor: Double?
    /// value / floor.
    var ratio: Double?
    var ratioTarget: Bound?
    var result: Result
    var note: String?

    init(
        part: String, name: String, value: Double?, unit: String, target: Bound? = nil, floor: Double? = nil,
        ratioTarget: Bound? = nil, note: String? = nil
    ) {
        self.part = part
        self.name = name
        self.value = value
        self.unit = unit
        self.target = target
        self.floor = floor
        self.ratioTarget = ratioTarget
        self.note = note
        if let value, let floor, floor > 0 { ratio = value / floor }
        guard let value else {
            result = .notRun
            return
        }
        var checked = false
        var holds = true
        if let target {
            checked = true
            holds = holds && target.holds(value)
        }
        if let ratioTarget, let ratio {
            checked = true
            holds = holds && ratioTarget.holds(ratio)
        }
        result = checked ? (holds ? .pass : .miss) : .info
    }

    /// A figure that could not be measured, and why.
    static func notRun(part: String, name: String, unit: String, target: Bound? = nil, because reason: String)
        -> Figure
    {
        Figure(part: part, name: name, value: nil, unit: unit, target: target, note: reason)
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e7 { return String(Int(value)) }
        if abs(value) >= 100 { return String(format: "%.0f", value) }
        if abs(value) >= 10 { return String(format: "%.1f", value) }
        if abs(value) >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }

    var valueText: String { value.map { "\(Figure.format($0)) \(unit)" } ?? "—" }

    var targetText: String {
        var parts: [String] = []
        if let target { parts.append(target.text(unit: unit)) }
        if let ratioTarget { parts.append(ratioTarget.text(unit: "× floor")) }
        return parts.isEmpty ? "" : parts.joined(separator: ", ")
    }

    var floorText: String {
        guard let floor else { return "" }
        let base = "\(Figure.format(floor)) \(unit)"
        return ratio.map { base + " (\(Figure.format($0))×)" } ?? base
    }
}

/// The machine the figures were taken on.
struct Machine: Codable, Sendable {
    var hostname: String
    var cpu: String
    var cores: Int
    var memoryMiB: Int
    var kernel: String
    var loadAverage: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
            ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let totalKiB =
            meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var names = utsname()
        uname(&names)
        let release = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Machine(
            hostname: ProcessInfo.processInfo.hostName, cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryMiB: totalKiB / 1024, kernel: release, loadAverage: loadAverage())
    }

    /// `0.52 0.58 0.59`: the 1, 5 and 15 minute load averages.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// Everything one run measured; written as JSON after each part, so a part
/// that fails leaves the figures of the parts before it.
struct BenchResults: Codable, Sendable {
    var date: String
    var machine: Machine
    var quick: Bool
    var options: [String: String]
    var figures: [Figure] = []
    var soak: SoakReport?
    var loadAverageAtEnd: String?

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

/// The table printed at the end: one line a figure.
enum Table {
    static func render(_ figures: [Figure]) -> String {
        let headings = ["figure", "value", "target", "floor (ratio)", "result"]
        let rows = figures.map { figure in
            [
                "\(figure.part): \(figure.name)", figure.valueText, figure.targetText, figure.floorText,
                figure.result.rawValue,
            ]
        }
        return render(headings: headings, rows: rows)
            + figures.compactMap { figure in figure.note.map { "  · \(figure.part): \(figure.name): \($0)" } }
            .map { $0 + "\n" }.joined()
    }

    static func render(headings: [String], rows: [[String]]) -> String {
        var widths = headings.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            "| "
                + cells.enumerated().map { index, cell in
                    cell + String(repeating: " ", count: widths[index] - cell.count)
                }.joined(separator: " | ") + " |"
        }
        var text = line(headings) + "\n"
        text += "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }
}

/// Order statistics of a set of samples.
struct Percentiles: Codable, Sendable {
    var count: Int
    var p50: Double
    var p90: Double
    var p99: Double
    var max: Double
    var mean: Double

    /// - Parameter samples: any unit; the percentiles are in the same unit, scaled by `scale`.
    init?(_ samples: [Int64], scale: Double = 1) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        func at(_ fraction: Double) -> Double {
            let index = Swift.min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
            return Double(sorted[Swift.max(0, index)]) * scale
        }
        count = sorted.count
        p50 = at(0.50)
        p90 = at(0.90)
        p99 = at(0.99)
        max = Double(sorted[sorted.count - 1]) * scale
        mean = Double(sorted.reduce(0, +)) / Double(sorted.count) * scale
    }

    init?(_ samples: [Double]) {
        guard !samples.isEmpty else { return nil }
        self.init(samples.map { Int64(($0 * 1000).rounded()) }, scale: 0.001)
    }
}

/// Says a line at once, even when standard output is a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Seconds since an arbitrary start, from the monotonic clock.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Times `body`, in milliseconds.
func milliseconds<T>(_ body: () throws -> T) rethrows -> (result: T, ms: Double) {
    let start = monotonicSeconds()
    let result = try body()
    return (result, (monotonicSeconds() - start) * 1000)
}
