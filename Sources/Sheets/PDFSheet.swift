import CPangoCairo
import Foundation

/// The size of a printed page, in PostScript points.
public enum PageSize: String, Sendable, CaseIterable {
    case a4 = "A4"
    case letter = "Letter"

    var points: (width: Double, height: Double) {
        switch self {
        case .a4: (595.28, 841.89)
        case .letter: (612, 792)
        }
    }
}

/// One piece of a sheet's body, laid out top to bottom.
public enum SheetBlock: Sendable, Equatable {
    case heading(String)
    case paragraph(String)
    /// A label and its text (a proforma's field); the text flows across pages.
    case labelled(label: String, text: String)
}

/// What went wrong making a PDF, said so it can be put right.
public struct SheetError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// A printed sheet: a header and footer on every page ("Page X of Y" and a
/// confidentiality line), and a body that flows across as many pages as it
/// needs. Rendered with pango and cairo, so text is real Unicode with the
/// DejaVu fonts embedded as subsets, selectable and read back in order.
public struct PDFSheet: Sendable {
    public var title: String
    /// The school: the PDF's author, and the header's left side.
    public var school: String
    public var confidentiality: String
    public var created: Date
    public var pageSize: PageSize
    /// Margins in points.
    public var margin: Double
    public var blocks: [SheetBlock]

    public init(
        title: String, school: String, confidentiality: String = "Confidential to the coaching trio",
        created: Date, pageSize: PageSize = .a4, margin: Double = 56, blocks: [SheetBlock]
    ) {
        self.title = title
        self.school = school
        self.confidentiality = confidentiality
        self.created = created
        self.pageSize = pageSize
        self.margin = margin
        self.blocks = blocks
    }

    static let bodyFont = "DejaVu Sans 10"
    static let labelFont = "DejaVu Sans Bold 10"
    static let headingFont = "DejaVu Sans Bold 15"
    static let smallFont = "DejaVu Sans 8"

    /// Writes the PDF to `path`; returns the number of pages.
    @discardableResult
    public func render(to path: String) throws(SheetError) -> Int {
        let (width, height) = pageSize.points
        guard let surface = cairo_pdf_surface_create(path, width, height),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { throw SheetError(description: "Cannot write \(path); check the folder exists and is writable.") }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, school)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Coaching Kiosk")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, Self.pdfDate(created))
        guard let cr = cairo_create(surface) else { throw SheetError(description: "cairo could not start a page.") }
        defer { cairo_destroy(cr) }

        let contentWidth = width - 2 * margin
        let top = margin + 28
        let bottom = height - margin - 24
        var layouts: [OpaquePointer] = []
        defer { for layout in layouts { g_object_unref(UnsafeMutableRawPointer(layout)) } }
        func layout(_ text: String, font: String) -> OpaquePointer? {
            guard let layout = pango_cairo_create_layout(cr) else { return nil }
            let description = pango_font_description_from_string(font)
            pango_layout_set_font_description(layout, description)
            pango_font_description_free(description)
            pango_layout_set_width(layout, Int32(contentWidth * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_text(layout, text, -1)
            layouts.append(layout)
            return layout
        }

        // First pass: place every line on a page, so "Page X of Y" can be known.
        struct Placed {
            var layout: OpaquePointer
            var line: Int32
            var page: Int
            var baseline: Double
        }
        var placed: [Placed] = []
        var page = 0
        var y = top
        func place(_ text: String, font: String, spaceBefore: Double, keepWithNext: Bool = false) {
            guard let layout = layout(text, font: font) else { return }
            y += y == top ? 0 : spaceBefore
            let count = pango_layout_get_line_count(layout)
            for index in 0..<count {
                guard let line = pango_layout_get_line_readonly(layout, index) else { continue }
                var ink = PangoRectangle()
                var logical = PangoRectangle()
                pango_layout_line_get_extents(line, &ink, &logical)
                let lineHeight = Double(logical.height) / Double(PANGO_SCALE)
                // A heading or label is kept with at least two lines of what follows.
                let needed = lineHeight * (keepWithNext && index == count - 1 ? 3 : 1)
                if y + needed > bottom {
                    page += 1
                    y = top
                }
                placed.append(
                    Placed(
                        layout: layout, line: index, page: page,
                        baseline: y - Double(logical.y) / Double(PANGO_SCALE)))
                y += lineHeight
            }
        }
        for block in blocks {
            switch block {
            case let .heading(text):
                place(text, font: Self.headingFont, spaceBefore: 14, keepWithNext: true)
            case let .paragraph(text):
                place(text, font: Self.bodyFont, spaceBefore: 6)
            case let .labelled(label, text):
                place(label, font: Self.labelFont, spaceBefore: 10, keepWithNext: true)
                place(text.isEmpty ? "—" : text, font: Self.bodyFont, spaceBefore: 2)
            }
        }
        let pages = page + 1

        // Second pass: draw each page with its header and footer.
        for number in 0..<pages {
            cairo_set_source_rgb(cr, 0.35, 0.35, 0.35)
            if let header = layout(school + "  ·  " + title, font: Self.smallFont) {
                cairo_move_to(cr, margin, margin)
                pango_cairo_show_layout(cr, header)
            }
            cairo_set_line_width(cr, 0.5)
            cairo_move_to(cr, margin, margin + 16)
            cairo_line_to(cr, width - margin, margin + 16)
            cairo_stroke(cr)
            if let footer = layout(confidentiality, font: Self.smallFont) {
                cairo_move_to(cr, margin, height - margin)
                pango_cairo_show_layout(cr, footer)
            }
            if let numbering = layout("Page \(number + 1) of \(pages)", font: Self.smallFont) {
                pango_layout_set_alignment(numbering, PANGO_ALIGN_RIGHT)
                cairo_move_to(cr, margin, height - margin)
                pango_cairo_show_layout(cr, numbering)
            }
            cairo_set_source_rgb(cr, 0, 0, 0)
            for item in placed where item.page == number {
                guard let line = pango_layout_get_line_readonly(item.layout, item.line) else { continue }
                cairo_move_to(cr, margin, item.baseline)
                pango_cairo_show_layout_line(cr, line)
            }
            cairo_show_page(cr)
        }
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw SheetError(description: "cairo could not finish \(path): the disk may be full.")
        }
        return pages
    }

    /// `2026-11-24T09:30:00Z`, as cairo's PDF metadata takes it.
    static func pdfDate(_ date: Date) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        return format.string(from: date)
    }
}
