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

/// What went wrong making a PDF, said so it can be put right.
public struct SheetError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// One document printed with its layout: a header and footer on every
/// page ("Page X of Y", a confidentiality line), and the layout's blocks
/// flowing across as many pages as they need. Rendered with pango and
/// cairo, so text is real Unicode with the DejaVu fonts embedded as
/// subsets, selectable and read back in order; charts are vector shapes.
public struct PDFSheet: Sendable {
    public var layout: SheetLayout
    public var data: SheetData
    /// The PDF's creation date; the same date gives the same bytes.
    public var created: Date

    public init(layout: SheetLayout, data: SheetData, created: Date) {
        self.layout = layout
        self.data = data
        self.created = created
    }

    /// The school: the PDF's author.
    var school: String { data.values["school.name"] ?? "" }

    /// Writes the PDF to `path`; returns the number of pages.
    @discardableResult
    public func render(to path: String) throws(SheetError) -> Int {
        let (width, height) = layout.pageSize.points
        guard let surface = cairo_pdf_surface_create(path, width, height),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { throw SheetError(description: "Cannot write \(path); check the folder exists and is writable.") }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, data.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, school)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Coaching Kiosk")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, Self.pdfDate(created))
        guard let cr = cairo_create(surface) else { throw SheetError(description: "cairo could not start a page.") }
        defer { cairo_destroy(cr) }

        let composer = SheetComposer(cr: cr, layout: layout, data: data, width: width, height: height)
        defer { composer.release() }
        composer.compose(layout.blocks, item: nil)
        composer.draw()
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw SheetError(description: "cairo could not finish \(path): the disk may be full.")
        }
        return composer.pageCount
    }

    /// Renders into memory and returns the PDF's bytes.
    public func renderData() throws(SheetError) -> Data {
        let path = NSTemporaryDirectory() + "sheet-" + UUID().uuidString + ".pdf"
        defer { unlink(path) }
        try render(to: path)
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw SheetError(description: "Cannot read back \(path).")
        }
        return bytes
    }

    /// `2026-11-24T09:30:00Z`, as cairo's PDF metadata takes it.
    static func pdfDate(_ date: Date) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        return format.string(from: date)
    }
}
