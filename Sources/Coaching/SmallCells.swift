/// The small-cell rule: a breakdown never prints a number under the
/// threshold (3 by default), so no figure can point at one or two people.
///
/// - A count from 1 to threshold − 1 reads "fewer than 3". A count of 0 is
///   printed as 0: it describes no one.
/// - A row may also say which people it is about (`Row.people`); their
///   number is ruled on like a count, and merged rows count each person
///   once, so that hours logged by two people never pass for a group.
/// - `merging` (for breakdowns by something people are, such as subject)
///   folds every row with a small count in any column into one row the
///   caller names ("Other subjects").
/// - `suppressing` (for breakdowns whose rows must all stay, such as
///   stages) hides small cells where they are.
/// - When the column totals are printed elsewhere, a hidden cell could be
///   worked out by subtraction. `merging` then keeps folding the next
///   smallest row into the merged row until it is no longer small;
///   `suppressing` withholds the next smallest cell of a column whose
///   hidden cells could be worked out, and every hidden cell of that
///   column then reads "withheld", so the reader cannot tell which of them
///   was the small one.
public struct SmallCells: Hashable, Sendable {
    /// The smallest count that may be printed.
    public let threshold: Int

    /// A threshold of 1 prints everything.
    public init(threshold: Int = 3) {
        precondition(threshold >= 1, "a small-cell threshold is at least 1")
        self.threshold = threshold
    }

    /// Under the threshold but not zero.
    public func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// `12`, `0`, or `fewer than 3`.
    public func display(_ count: Int) -> String { cell(count).text }

    /// What a small count reads: `fewer than 3`.
    public var fewerThanText: String { "fewer than \(threshold)" }

    /// What a cell hidden so that a small one cannot be worked out reads.
    public static let withheldText = "withheld"

    func cell(_ count: Int) -> Cell { isSmall(count) ? .fewerThan(threshold) : .count(count) }

    /// One row of a breakdown: its label, one count per column, and (when the
    /// figures are about people) who they are about, so that merged rows count
    /// each person once.
    public struct Row<Label: Hashable & Sendable>: Hashable, Sendable {
        public var label: Label
        public var counts: [Int]
        /// Identifiers of the people behind the row (staff codes); their number is
        /// ruled on like a column, and printed as `Shown.people`.
        public var people: Set<String>?

        public init(_ label: Label, _ counts: [Int], people: Set<String>? = nil) {
            self.label = label
            self.counts = counts
            self.people = people
        }
    }

    /// What may be printed of one count.
    public enum Cell: Hashable, Sendable {
        case count(Int)
        /// Under the threshold, which it carries.
        case fewerThan(Int)
        /// Hidden so that a small cell of the same column cannot be worked out from its total.
        case withheld

        public var text: String {
            switch self {
            case let .count(count): "\(count)"
            case let .fewerThan(threshold): "fewer than \(threshold)"
            case .withheld: SmallCells.withheldText
            }
        }

        /// The number, when it may be printed.
        public var count: Int? {
            if case let .count(count) = self { count } else { nil }
        }
    }

    /// A row as it may be printed, with the rows of the breakdown it stands for.
    public struct Shown<Label: Hashable & Sendable>: Hashable, Sendable {
        public var label: Label
        public var cells: [Cell]
        /// How many people the row is about, when the rows said who.
        public var people: Cell?
        /// The labels of the rows merged into this one, or its own label alone.
        public var sources: [Label]
    }

    /// The rows as columns of numbers: the counts, then the number of people when any row says who.
    private struct Table<Label: Hashable & Sendable> {
        let rows: [Row<Label>]
        let width: Int
        let withPeople: Bool

        init(_ rows: [Row<Label>]) {
            self.rows = rows
            width = rows.map(\.counts.count).max() ?? 0
            withPeople = rows.contains { $0.people != nil }
        }

        /// The columns of the rows at `indices` taken together: counts added, people counted once.
        func values(_ indices: [Int]) -> [Int] {
            var sums = Array(repeating: 0, count: width)
            var people: Set<String> = []
            for index in indices {
                for (column, count) in rows[index].counts.enumerated() { sums[column] += count }
                people.formUnion(rows[index].people ?? [])
            }
            return withPeople ? sums + [people.count] : sums
        }

        func shown(_ label: Label, _ cells: [Cell], _ indices: [Int]) -> Shown<Label> {
            Shown(
                label: label, cells: Array(cells.prefix(width)), people: withPeople ? cells.last : nil,
                sources: indices.map { rows[$0].label })
        }
    }

    /// Folds every row with a small count or few people (and any row already
    /// labelled `other`) into one row labelled `other`, placed last; the
    /// other rows keep their order. With `totalsShown`, the smallest
    /// remaining rows are folded in too until the merged row has nothing
    /// small, so that it cannot be worked out by subtraction; it can then
    /// read "fewer than 3" only in a column where it is the whole total
    /// (which the caller shows through `display` too).
    public func merging<Label>(_ rows: [Row<Label>], into other: Label, totalsShown: Bool = true) -> [Shown<Label>] {
        let table = Table(rows)
        var merged: [Int] = []
        var kept: [Int] = []
        for index in rows.indices {
            if rows[index].label == other || table.values([index]).contains(where: isSmall) {
                merged.append(index)
            } else {
                kept.append(index)
            }
        }
        while totalsShown, !merged.isEmpty {
            let sums = table.values(merged)
            let smallColumns = sums.indices.filter { isSmall(sums[$0]) }
            // The kept row that helps: one that adds to a column still small, the smallest first.
            let helpers = kept.enumerated().compactMap { position, index -> (position: Int, key: Int)? in
                let before = sums
                let after = table.values(merged + [index])
                let useful = smallColumns.filter { after[$0] > before[$0] }.map { table.values([index])[$0] }
                return useful.min().map { (position, $0) }
            }
            guard let next = helpers.min(by: { $0.key < $1.key }) else { break }
            merged.append(kept.remove(at: next.position))
        }
        var shown = kept.map { table.shown(rows[$0].label, table.values([$0]).map(cell), [$0]) }
        if !merged.isEmpty {
            shown.append(table.shown(other, table.values(merged).map(cell), merged.sorted()))
        }
        return shown
    }

    /// Keeps every row and hides small cells where they are. With
    /// `totalsShown`, a column whose hidden cells could be worked out from
    /// its total (one hidden cell, or several that must all be 1 or all be
    /// threshold − 1) has its next smallest cell withheld too, and all its
    /// hidden cells read "withheld".
    public func suppressing<Label>(_ rows: [Row<Label>], totalsShown: Bool = true) -> [Shown<Label>] {
        let table = Table(rows)
        let counts = rows.indices.map { table.values([$0]) }
        var cells = counts.map { $0.map(cell) }
        if totalsShown, let width = counts.first?.count {
            for column in 0..<width {
                let small = counts.indices.filter { isSmall(counts[$0][column]) }
                let hiddenSum = small.reduce(0) { $0 + counts[$1][column] }
                let pinned = small.count == 1 || hiddenSum == small.count || hiddenSum == small.count * (threshold - 1)
                guard !small.isEmpty, pinned else { continue }
                let candidates = counts.indices.filter { !small.contains($0) && counts[$0][column] > 0 }
                guard let next = candidates.min(by: { counts[$0][column] < counts[$1][column] }) else { continue }
                for row in small + [next] { cells[row][column] = .withheld }
            }
        }
        return rows.indices.map { table.shown(rows[$0].label, cells[$0], [$0]) }
    }
}
