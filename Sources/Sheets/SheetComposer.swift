import CPangoCairo
import Foundation

/// Lays a layout's blocks out on pages (first pass), then draws every page
/// with its header and footer (second pass), so "Page X of Y" is known.
/// Page breaking is ours: each line of text is measured with pango and
/// placed where it fits.
final class SheetComposer {
    private let cr: OpaquePointer
    private let layout: SheetLayout
    private let data: SheetData
    private let width: Double
    private let height: Double
    private let left: Double
    private let contentWidth: Double
    private let top: Double
    private let bottom: Double

    private var page = 0
    private var y: Double
    private var operations: [(page: Int, operation: Operation)] = []
    private var pangoLayouts: [OpaquePointer] = []

    var pageCount: Int { page + 1 }

    enum Operation {
        case fill(x: Double, y: Double, width: Double, height: Double, colour: RGB)
        case stroke(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, colour: RGB)
        case line(layout: OpaquePointer, index: Int32, x: Double, baseline: Double, colour: RGB)

        var order: Int {
            switch self {
            case .fill: 0
            case .stroke: 1
            case .line: 2
            }
        }
    }

    enum Font: String {
        case body = "DejaVu Sans 9.5"
        case bodyBold = "DejaVu Sans Bold 9.5"
        case label = "DejaVu Sans Bold 9"
        case tableHeader = "DejaVu Sans Bold 8.5"
        case table = "DejaVu Sans 8.5"
        case heading = "DejaVu Sans Bold 17"
        case subheading = "DejaVu Sans Bold 11.5"
        case small = "DejaVu Sans 7.5"
        case smallPrint = "DejaVu Sans Oblique 8"
        case chartLabel = "DejaVu Sans 8"
    }

    static let ink = RGB(red: 0.12, green: 0.12, blue: 0.14)
    static let grey = RGB(red: 0.42, green: 0.42, blue: 0.45)
    static let rule = RGB(red: 0.80, green: 0.81, blue: 0.83)
    static let white = RGB(red: 1, green: 1, blue: 1)

    /// A pale wash of the accent, for boxes and alternate rows.
    private var wash: RGB { mix(layout.accent, 0.07) }
    private var paleWash: RGB { mix(layout.accent, 0.035) }

    private func mix(_ colour: RGB, _ amount: Double) -> RGB {
        RGB(
            red: 1 - (1 - colour.red) * amount, green: 1 - (1 - colour.green) * amount,
            blue: 1 - (1 - colour.blue) * amount)
    }

    init(cr: OpaquePointer, layout: SheetLayout, data: SheetData, width: Double, height: Double) {
        self.cr = cr
        self.layout = layout
        self.data = data
        self.width = width
        self.height = height
        left = layout.margin
        contentWidth = width - 2 * layout.margin
        top = layout.margin + 30
        bottom = height - layout.margin - 26
        y = top
    }

    func release() {
        for pango in pangoLayouts { g_object_unref(UnsafeMutableRawPointer(pango)) }
        pangoLayouts = []
    }

    // MARK: Text

    private struct Line {
        var index: Int32
        /// From the top of this line to the top of the next, spacing included.
        var height: Double
        /// From the top of this line to its baseline.
        var ascent: Double
    }

    private struct Text {
        var pango: OpaquePointer?
        var lines: [Line]
        var height: Double { lines.reduce(0) { $0 + $1.height } }
    }

    private func text(
        _ string: String, font: Font, width: Double, align: PangoAlignment = PANGO_ALIGN_LEFT, spacing: Float = 1.3
    ) -> Text {
        guard let pango = pango_cairo_create_layout(cr) else { return Text(pango: nil, lines: []) }
        pangoLayouts.append(pango)
        let description = pango_font_description_from_string(font.rawValue)
        pango_layout_set_font_description(pango, description)
        pango_font_description_free(description)
        pango_layout_set_width(pango, Int32(max(width, 1) * Double(PANGO_SCALE)))
        pango_layout_set_wrap(pango, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(pango, align)
        pango_layout_set_line_spacing(pango, spacing)
        pango_layout_set_text(pango, string, -1)
        // A word too long for its column breaks without a made-up hyphen.
        if let attributes = pango_attr_list_new() {
            pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0))
            pango_layout_set_attributes(pango, attributes)
            pango_attr_list_unref(attributes)
        }
        var lines: [Line] = []
        guard let iterator = pango_layout_get_iter(pango) else { return Text(pango: pango, lines: []) }
        defer { pango_layout_iter_free(iterator) }
        var index: Int32 = 0
        repeat {
            var y0: Int32 = 0
            var y1: Int32 = 0
            pango_layout_iter_get_line_yrange(iterator, &y0, &y1)
            let baseline = pango_layout_iter_get_baseline(iterator)
            lines.append(
                Line(
                    index: index, height: Double(y1 - y0) / Double(PANGO_SCALE),
                    ascent: Double(baseline - y0) / Double(PANGO_SCALE)))
            index += 1
        } while pango_layout_iter_next_line(iterator) != 0
        return Text(pango: pango, lines: lines)
    }

    private func emit(_ operation: Operation) {
        operations.append((page, operation))
    }

    private func emit(_ line: Line, of text: Text, x: Double, top lineTop: Double, colour: RGB) {
        guard let pango = text.pango else { return }
        emit(.line(layout: pango, index: line.index, x: x, baseline: lineTop + line.ascent, colour: colour))
    }

    private func newPage() {
        page += 1
        y = top
    }

    private var atTop: Bool { y <= top + 0.01 }

    private func space(_ amount: Double) {
        if !atTop { y += amount }
    }

    /// Places `text` line by line, breaking pages between lines; keeps the
    /// first `keep` points (a heading and what follows it) on one page.
    private func flow(_ text: Text, x: Double, colour: RGB, keep: Double = 0) {
        if !atTop, y + max(keep, text.lines.first?.height ?? 0) > bottom { newPage() }
        for line in text.lines {
            if y + line.height > bottom { newPage() }
            emit(line, of: text, x: x, top: y, colour: colour)
            y += line.height
        }
    }

    private func fill(_ template: Template, item: [String: String]?, dash: Bool = false) -> String {
        let value = template.fill { name in
            if name.hasPrefix("item."), let item { return item[String(name.dropFirst(5))] }
            return data.values[name]
        }
        return dash && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "—" : value
    }

    private var bodyLine: Double { text("Ag", font: .body, width: contentWidth).height }

    // MARK: Blocks

    /// A heading goes with the block after it: onto the next page together
    /// when the two fit on one.
    func compose(_ blocks: [LayoutBlock], item: [String: String]?) {
        var index = blocks.startIndex
        while index < blocks.endIndex {
            let block = blocks[index]
            let next = blocks.index(after: index)
            if block.isHeading, next < blocks.endIndex, blocks[next] != .pageBreak {
                keepTogether {
                    compose(block, item: item)
                    compose(blocks[next], item: item)
                }
                index = blocks.index(after: next)
            } else {
                compose(block, item: item)
                index = next
            }
        }
    }

    private func compose(_ block: LayoutBlock, item: [String: String]?) {
        switch block {
        case let .heading(template):
            space(14)
            let heading = text(fill(template, item: item), font: .heading, width: contentWidth, spacing: 1.1)
            flow(heading, x: left, colour: layout.accent, keep: heading.height + 8 + 3 * bodyLine)
            y += 3
            emit(.stroke(x1: left, y1: y, x2: left + 56, y2: y, width: 2, colour: layout.accent))
            y += 9
        case let .subheading(template):
            space(14)
            let heading = text(fill(template, item: item), font: .subheading, width: contentWidth, spacing: 1.1)
            flow(heading, x: left, colour: layout.accent, keep: heading.height + 4 + 3 * bodyLine)
            y += 4
        case let .paragraph(template):
            space(6)
            flow(text(fill(template, item: item), font: .body, width: contentWidth), x: left, colour: Self.ink)
        case let .smallPrint(template):
            space(5)
            flow(text(fill(template, item: item), font: .smallPrint, width: contentWidth), x: left, colour: Self.grey)
        case let .fields(rows):
            space(8)
            composeFields(rows, item: item)
        case let .notes(label, body):
            space(10)
            composeNotes(label: fill(label, item: item), body: fill(body, item: item, dash: true))
        case let .signatures(signatories):
            space(12)
            composeSignatures(signatories, item: item)
        case let .table(spec):
            space(8)
            composeTable(spec, item: item)
        case let .chart(spec):
            space(10)
            composeChart(spec, item: item)
        case let .repeatEach(list, blocks, empty):
            let rows = data.lists[list] ?? []
            if rows.isEmpty {
                compose(.smallPrint(empty), item: item)
            }
            for row in rows { compose(blocks, item: row) }
        case let .keepTogether(blocks):
            keepTogether { compose(blocks, item: item) }
        case .pageBreak:
            if !atTop { newPage() }
        }
    }

    /// Lays `body` out; if it crossed a page and would have fitted on a
    /// fresh one, takes it back and lays it out again from a new page.
    private func keepTogether(_ body: () -> Void) {
        let (startPage, startY, startCount) = (page, y, operations.count)
        body()
        guard page != startPage, startY > top + 0.01 else { return }
        let usedOnLastPage = y - top
        let fitsOnOnePage = page == startPage + 1 && (bottom - startY) + usedOnLastPage <= bottom - top
        guard fitsOnOnePage else { return }
        operations.removeSubrange(startCount...)
        page = startPage
        newPage()
        body()
    }

    // MARK: Rows

    private struct Cell {
        var text: Text
        var x: Double
        var colour: RGB
    }

    /// Places one row of cells; a row that does not fit goes to a new page
    /// whole (after `onNewPage`, say a table's header), and a row taller
    /// than a page is split between lines.
    private func placeRow(
        _ cells: [Cell], padding: Double, background: RGB? = nil, ruleBelow: RGB? = nil,
        onNewPage: () -> Void = {}
    ) {
        let contentHeight = cells.map(\.text.height).max() ?? 0
        let rowHeight = contentHeight + 2 * padding
        if y + rowHeight > bottom {
            newPage()
            onNewPage()
        }
        if y + rowHeight <= bottom {
            if let background { emit(.fill(x: left, y: y, width: contentWidth, height: rowHeight, colour: background)) }
            for cell in cells {
                var lineTop = y + padding
                for line in cell.text.lines {
                    emit(line, of: cell.text, x: cell.x, top: lineTop, colour: cell.colour)
                    lineTop += line.height
                }
            }
            y += rowHeight
        } else {
            y += padding
            let count = cells.map(\.text.lines.count).max() ?? 0
            for index in 0..<count {
                let lineHeight =
                    cells.compactMap { index < $0.text.lines.count ? $0.text.lines[index].height : nil }
                    .max() ?? 0
                if y + lineHeight > bottom {
                    newPage()
                    onNewPage()
                }
                for cell in cells where index < cell.text.lines.count {
                    emit(cell.text.lines[index], of: cell.text, x: cell.x, top: y, colour: cell.colour)
                }
                y += lineHeight
            }
            y += padding
        }
        if let ruleBelow {
            emit(.stroke(x1: left, y1: y, x2: left + contentWidth, y2: y, width: 0.5, colour: ruleBelow))
        }
    }

    private func composeFields(_ rows: [LabelledValue], item: [String: String]?) {
        let labelWidth = (contentWidth * 0.3).rounded()
        let gap = 12.0
        emit(.stroke(x1: left, y1: y, x2: left + contentWidth, y2: y, width: 0.5, colour: Self.rule))
        for row in rows {
            let label = text(fill(row.label, item: item), font: .label, width: labelWidth - 6)
            let value = text(
                fill(row.value, item: item, dash: true), font: .body, width: contentWidth - labelWidth - gap)
            placeRow(
                [
                    Cell(text: label, x: left + 6, colour: Self.grey),
                    Cell(text: value, x: left + labelWidth + gap, colour: Self.ink),
                ], padding: 5, ruleBelow: Self.rule)
        }
    }

    private func composeNotes(label: String, body: String) {
        let padding = 9.0
        let bar = 2.5
        let labelText = text(label, font: .label, width: contentWidth)
        let bodyText = text(body, font: .body, width: contentWidth - 2 * padding - bar)
        flow(labelText, x: left, colour: layout.accent, keep: labelText.height + padding + 2 * bodyLine)
        y += 3
        // The box is drawn piece by piece: one piece on each page the text crosses.
        var pieceTop = y
        func closePiece(end: Double) {
            emit(.fill(x: left, y: pieceTop, width: contentWidth, height: end - pieceTop, colour: wash))
            emit(.fill(x: left, y: pieceTop, width: bar, height: end - pieceTop, colour: layout.accent))
        }
        y += padding
        for line in bodyText.lines {
            if y + line.height > bottom {
                closePiece(end: y + 2)
                newPage()
                pieceTop = y
                y += padding
            }
            emit(line, of: bodyText, x: left + bar + padding, top: y, colour: Self.ink)
            y += line.height
        }
        y += padding
        closePiece(end: y)
    }

    private func composeSignatures(_ signatories: [Signatory], item: [String: String]?) {
        keepTogether {
            let nameWidth = contentWidth * 0.34
            let signatureX = left + nameWidth + 14
            let dateX = left + contentWidth * 0.74
            for signatory in signatories {
                let role = text(fill(signatory.role, item: item), font: .label, width: nameWidth)
                let name = text(fill(signatory.name, item: item, dash: true), font: .body, width: nameWidth)
                let rowHeight = max(role.height + name.height, 26) + 22
                if y + rowHeight > bottom { newPage() }
                var lineTop = y + 4
                for line in role.lines {
                    emit(line, of: role, x: left, top: lineTop, colour: Self.grey)
                    lineTop += line.height
                }
                for line in name.lines {
                    emit(line, of: name, x: left, top: lineTop, colour: Self.ink)
                    lineTop += line.height
                }
                let lineY = y + rowHeight - 16
                emit(.stroke(x1: signatureX, y1: lineY, x2: dateX - 16, y2: lineY, width: 0.7, colour: Self.ink))
                emit(.stroke(x1: dateX, y1: lineY, x2: left + contentWidth, y2: lineY, width: 0.7, colour: Self.ink))
                let signature = text("Signature", font: .small, width: 100)
                let date = text("Date", font: .small, width: 100)
                emit(signature.lines[0], of: signature, x: signatureX, top: lineY + 2, colour: Self.grey)
                emit(date.lines[0], of: date, x: dateX, top: lineY + 2, colour: Self.grey)
                y += rowHeight
            }
        }
    }

    private func composeTable(_ spec: TableSpec, item: [String: String]?) {
        let rows = data.lists[spec.list] ?? []
        guard !rows.isEmpty else {
            compose(.smallPrint(spec.empty), item: item)
            return
        }
        let padding = 5.0
        let total = spec.columns.reduce(0) { $0 + $1.width }
        var columns: [(x: Double, width: Double, alignRight: Bool)] = []
        var x = left
        for column in spec.columns {
            let share = contentWidth * column.width / total
            columns.append((x + padding, share - 2 * padding, column.alignRight))
            x += share
        }
        func align(_ right: Bool) -> PangoAlignment { right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT }
        func header() {
            let cells = zip(spec.columns, columns).map { column, place in
                Cell(
                    text: text(
                        fill(column.title, item: item), font: .tableHeader, width: place.width,
                        align: align(place.alignRight), spacing: 1.1),
                    x: place.x, colour: Self.white)
            }
            placeRow(cells, padding: padding, background: layout.accent)
        }
        // The header and the first two rows go together.
        let firstRows = rows.prefix(2).map { row in
            zip(spec.columns, columns).map { column, place in
                text(fill(column.value, item: row), font: .table, width: place.width, align: align(place.alignRight))
                    .height
            }.max() ?? 0
        }.reduce(0) { $0 + $1 + 2 * padding }
        if !atTop, y + 24 + firstRows > bottom { newPage() }
        header()
        for (index, row) in rows.enumerated() {
            let cells = zip(spec.columns, columns).map { column, place in
                Cell(
                    text: text(
                        fill(column.value, item: row), font: .table, width: place.width,
                        align: align(place.alignRight)),
                    x: place.x, colour: Self.ink)
            }
            placeRow(
                cells, padding: padding, background: index % 2 == 1 ? paleWash : nil, ruleBelow: Self.rule,
                onNewPage: header)
        }
    }

    private func composeChart(_ spec: ChartSpec, item: [String: String]?) {
        let rows = data.lists[spec.list] ?? []
        let title = fill(spec.title, item: item)
        keepTogether {
            if !title.isEmpty {
                let heading = text(title, font: .label, width: contentWidth)
                flow(heading, x: left, colour: Self.ink, keep: heading.height + 60)
                y += 6
            }
            guard !rows.isEmpty else {
                compose(.smallPrint(spec.empty), item: item)
                return
            }
            let entries = rows.map { row in
                (label: fill(spec.label, item: row), value: fill(spec.value, item: row))
            }
            let figures = entries.map { Double($0.value.trimmingCharacters(in: .whitespaces)) }
            let largest = figures.compactMap { $0 }.max() ?? 0
            let (step, top) = Self.scale(largest)
            let labelWidth = (contentWidth * 0.3).rounded()
            let valueWidth = 74.0
            let barX = left + labelWidth + 10
            let barWidth = contentWidth - labelWidth - 10 - valueWidth
            let unit = spec.unit.isEmpty ? "" : " " + spec.unit
            let barHeight = 11.0
            let ticks = top > 0 ? Array(stride(from: 0.0, through: top, by: step)) : [0]
            for (entry, figure) in zip(entries, figures) {
                let label = text(entry.label, font: .chartLabel, width: labelWidth, spacing: 1.1)
                let rowHeight = max(label.height, barHeight) + 8
                if y + rowHeight > bottom { newPage() }
                for tick in ticks {
                    let tickX = barX + (top > 0 ? barWidth * tick / top : 0)
                    emit(
                        .stroke(
                            x1: tickX, y1: y, x2: tickX, y2: y + rowHeight, width: tick == 0 ? 0.8 : 0.4,
                            colour: tick == 0 ? Self.grey : Self.rule))
                }
                var lineTop = y + (rowHeight - label.height) / 2
                for line in label.lines {
                    emit(line, of: label, x: left, top: lineTop, colour: Self.ink)
                    lineTop += line.height
                }
                let barTop = y + (rowHeight - barHeight) / 2
                let valueText: Text
                let valueX: Double
                if let figure {
                    let length = top > 0 ? barWidth * figure / top : 0
                    if length > 0 {
                        emit(.fill(x: barX, y: barTop, width: length, height: barHeight, colour: layout.accent))
                    }
                    valueText = text(Self.number(figure) + unit, font: .chartLabel, width: valueWidth + barWidth)
                    valueX = barX + length + 4
                } else {
                    // A suppressed cell: no bar, its words instead.
                    valueText = text(entry.value, font: .smallPrint, width: barWidth + valueWidth)
                    valueX = barX + 4
                }
                if let line = valueText.lines.first {
                    emit(line, of: valueText, x: valueX, top: barTop + (barHeight - line.height) / 2, colour: Self.ink)
                }
                y += rowHeight
            }
            // The scale under the bars.
            let tickTop = y + 2
            for tick in ticks {
                let tickX = barX + (top > 0 ? barWidth * tick / top : 0)
                let label = text(Self.number(tick), font: .small, width: 40, align: PANGO_ALIGN_CENTER)
                if let line = label.lines.first {
                    emit(line, of: label, x: tickX - 20, top: tickTop, colour: Self.grey)
                }
            }
            y = tickTop + 12
        }
    }

    /// A tick step and a top for the scale: 1, 2 or 5 times a power of ten,
    /// four to eight ticks.
    static func scale(_ largest: Double) -> (step: Double, top: Double) {
        guard largest > 0 else { return (1, 0) }
        let rough = largest / 5
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        return (step, (largest / step).rounded(.up) * step)
    }

    /// `12`, `12.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    // MARK: Drawing

    func draw() {
        let pages = pageCount
        var byPage = [[Operation]](repeating: [], count: pages)
        for (page, operation) in operations { byPage[page].append(operation) }
        for number in 0..<pages {
            drawBand(layout.header, page: number + 1, of: pages, at: layout.margin, rule: layout.margin + 17)
            drawBand(layout.footer, page: number + 1, of: pages, at: height - layout.margin - 9, rule: nil)
            emitRule(height - layout.margin - 14)
            for operation in byPage[number].enumerated().sorted(by: {
                ($0.element.order, $0.offset) < ($1.element.order, $1.offset)
            }).map(\.element) {
                perform(operation)
            }
            cairo_show_page(cr)
        }
    }

    private func emitRule(_ ruleY: Double) {
        perform(.stroke(x1: left, y1: ruleY, x2: left + contentWidth, y2: ruleY, width: 0.5, colour: Self.rule))
    }

    private func drawBand(_ band: SheetLayout.Band, page: Int, of pages: Int, at bandY: Double, rule: Double?) {
        func filled(_ template: Template) -> String {
            template.fill { name in
                switch name {
                case "page": String(page)
                case "pages": String(pages)
                default: data.values[name]
                }
            }
        }
        for (template, align) in [
            (band.left, PANGO_ALIGN_LEFT), (band.centre, PANGO_ALIGN_CENTER), (band.right, PANGO_ALIGN_RIGHT),
        ] where !template.isEmpty {
            let third = text(filled(template), font: .small, width: contentWidth, align: align, spacing: 1)
            guard let pango = third.pango else { continue }
            // A band is one line: anything longer ends in "…".
            pango_layout_set_ellipsize(pango, PANGO_ELLIPSIZE_END)
            cairo_set_source_rgb(cr, Self.grey.red, Self.grey.green, Self.grey.blue)
            cairo_move_to(cr, left, bandY)
            pango_cairo_show_layout(cr, pango)
        }
        if let rule {
            perform(.stroke(x1: left, y1: rule, x2: left + contentWidth, y2: rule, width: 0.8, colour: layout.accent))
        }
    }

    private func perform(_ operation: Operation) {
        switch operation {
        case let .fill(x, y, width, height, colour):
            cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
            cairo_rectangle(cr, x, y, width, height)
            cairo_fill(cr)
        case let .stroke(x1, y1, x2, y2, width, colour):
            cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
            cairo_set_line_width(cr, width)
            cairo_move_to(cr, x1, y1)
            cairo_line_to(cr, x2, y2)
            cairo_stroke(cr)
        case let .line(pango, index, x, baseline, colour):
            guard let line = pango_layout_get_line_readonly(pango, index) else { return }
            cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
            // A centred or right-aligned line is offset within the layout's width.
            var offset: Double = 0
            if pango_layout_get_alignment(pango) != PANGO_ALIGN_LEFT {
                var lineInk = PangoRectangle()
                var lineLogical = PangoRectangle()
                pango_layout_line_get_extents(line, &lineInk, &lineLogical)
                let layoutWidth = Double(pango_layout_get_width(pango)) / Double(PANGO_SCALE)
                let lineWidth = Double(lineLogical.width) / Double(PANGO_SCALE)
                offset =
                    pango_layout_get_alignment(pango) == PANGO_ALIGN_RIGHT
                    ? layoutWidth - lineWidth : (layoutWidth - lineWidth) / 2
            }
            cairo_move_to(cr, x + offset, baseline)
            pango_cairo_show_layout_line(cr, line)
        }
    }
}

extension LayoutBlock {
    var isHeading: Bool {
        switch self {
        case .heading, .subheading: true
        default: false
        }
    }
}
