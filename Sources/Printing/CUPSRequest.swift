import CCUPS
import Foundation

extension CUPSConnection {
    /// Sends IPP `operation` to the printer-uri (and `job`, then the
    /// `keywords`), asking for `attributes`, and reads a successful answer
    /// with `body`. Errors say what we were `doing`; `notFoundAdvice` is added
    /// when the printer knows no such job or printer.
    func request<Answer>(
        _ operation: ipp_op_t, job: Int32? = nil, keywords: KeyValuePairs<String, String> = [:],
        attributes: [String], doing: String, notFoundAdvice: String? = nil,
        reading body: (OpaquePointer) throws(PrintError) -> Answer
    ) throws(PrintError) -> Answer {
        let request = ippNewRequest(operation)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, printerURI)
        if let job { ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job) }
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        for (name, value) in keywords {
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, name, nil, value)
        }
        let names = attributes.map { strdup($0) }
        defer { names.forEach { free($0) } }
        names.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
            _ = ippAddStrings(
                request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", Int32(values.count), nil,
                values.baseAddress)
        }
        guard let response = cupsDoRequest(http, request, resource) else {
            throw CUPSLastError.read(on: http).printError(doing)
        }
        defer { ippDelete(response) }
        guard ippGetStatusCode(response).rawValue < 0x100 else {
            let error = CUPSLastError.read(on: http)
            throw error.printError(doing, advice: error.isNotFound ? notFoundAdvice : nil)
        }
        return try body(response)
    }
}
