/// Where a print goes: the system's default queue, a named CUPS queue, an
/// IPP printer's URI, or a folder the PDF is saved in.
public enum PrintDestination: Sendable, Equatable {
    case systemDefault
    case queue(String)
    case uri(String)
    case folder(String)
}
