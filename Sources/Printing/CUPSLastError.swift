import CCUPS
import Foundation

/// libcups's last error on the calling thread, where libcups keeps it.
///
/// The one place the error is read: libcups 2.4 names it
/// `cupsLastError`/`cupsLastErrorString` (2.5 renames them), and the
/// string can be NULL.
struct CUPSLastError {
    var status: ipp_status_t
    var message: String

    /// Reads it; when libcups recorded no words (or strerror(0)'s
    /// "Success", as after a timeout), the socket error of `http` says more.
    static func read(on http: OpaquePointer? = nil) -> CUPSLastError {
        let status = cupsLastError()
        let text: UnsafePointer<CChar>? = cupsLastErrorString()
        let message = text.map { String(cString: $0) } ?? ""
        if !message.isEmpty && message != describe(errno: 0) {
            return CUPSLastError(status: status, message: message)
        }
        if let http, httpError(http) != 0 {
            return CUPSLastError(status: status, message: describe(errno: httpError(http)))
        }
        let name: UnsafePointer<CChar>? = ippErrorString(status)
        return CUPSLastError(
            status: status, message: name.map { String(cString: $0) } ?? "IPP status \(status.rawValue)")
    }

    private static func describe(errno code: Int32) -> String {
        let text: UnsafeMutablePointer<CChar>? = strerror(code)
        return text.map { String(cString: $0) } ?? "error \(code)"
    }

    /// The last error after an HTTP step (starting or writing a document)
    /// gave `status`; libcups does not always set one then.
    static func read(after status: http_status_t, on http: OpaquePointer) -> CUPSLastError {
        let error = read(on: http)
        if error.status.rawValue >= 0x100 { return error }
        if status == HTTP_STATUS_ERROR {
            let code = httpError(http)
            let message = code != 0 ? describe(errno: code) : "the connection failed"
            return CUPSLastError(status: IPP_STATUS_ERROR_SERVICE_UNAVAILABLE, message: message)
        }
        let text: UnsafePointer<CChar>? = httpStatus(status)
        let message = "HTTP \(status.rawValue) " + (text.map { String(cString: $0) } ?? "")
        let kind = status.rawValue >= 500 ? IPP_STATUS_ERROR_SERVICE_UNAVAILABLE : IPP_STATUS_ERROR_NOT_POSSIBLE
        return CUPSLastError(status: kind, message: message)
    }

    /// Worth trying again later: cupsd or the printer unreachable, busy, or
    /// not taking jobs for now.
    var isTemporary: Bool {
        switch status {
        case IPP_STATUS_ERROR_INTERNAL, IPP_STATUS_ERROR_SERVICE_UNAVAILABLE, IPP_STATUS_ERROR_DEVICE,
            IPP_STATUS_ERROR_TEMPORARY, IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS, IPP_STATUS_ERROR_BUSY,
            IPP_STATUS_ERROR_TOO_MANY_JOBS, IPP_STATUS_ERROR_TOO_MANY_DOCUMENTS, IPP_STATUS_ERROR_TIMEOUT:
            true
        default:
            false
        }
    }

    var isNotFound: Bool { status == IPP_STATUS_ERROR_NOT_FOUND }

    /// A PrintError that says what we were `doing`, then CUPS's own words,
    /// then `advice` if there is any.
    func printError(_ doing: String, advice: String? = nil) -> PrintError {
        var text = doing + ": " + message
        if !text.hasSuffix(".") { text += "." }
        if let advice { text += " " + advice }
        return PrintError(text, isTemporary: isTemporary)
    }
}
