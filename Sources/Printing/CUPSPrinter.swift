import CCUPS
import Foundation
import KioskConfiguration

/// A printer reached through libcups: a CUPS queue (or the system's default
/// queue) of a cupsd, or an IPP printer by its URI with no cupsd at all.
///
/// Every operation is synchronous and may block for the connection timeout:
/// call it from a thread pool, never from an event loop. libcups keeps its
/// server, user and last error per thread, so each operation sets them on the
/// thread it runs on and reads the error there.
public struct CUPSPrinter: Sendable {
    public let destination: PrinterTarget
    /// The cupsd as `host:port`; nil for libcups's own choice (the
    /// CUPS_SERVER variable, client.conf, then the local socket).
    public let server: String?
    /// How long to wait for cupsd or the printer to take a connection or
    /// answer a request.
    public let timeout: Duration

    static let chunkSize = 64 * 1024

    public init(destination: PrinterTarget, server: String? = nil, timeout: Duration = .seconds(30)) {
        self.destination = destination
        self.server = server
        self.timeout = timeout
    }

    /// Sends the PDF at `path` as one job named `title`, on behalf of `user`
    /// (requesting-user-name; nil for this process's user), and gives the
    /// job's id.
    public func submit(pdfAt path: String, title: String, user: String?) throws(PrintError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw PrintError(
                "Opening the PDF \(path) to print \"\(title)\": \(reason). Print it again.", isTemporary: false)
        }
        let document = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        defer { close(descriptor) }
        let connection = try CUPSConnection(destination: destination, server: server, user: user, timeout: timeout)
        let info = try connection.copyInfo()
        defer { cupsFreeDestInfo(info) }
        var jobID: Int32 = 0
        let created = cupsCreateDestJob(connection.http, connection.dest, info, &jobID, title, 0, nil)
        guard created.rawValue < 0x100, jobID > 0 else {
            throw CUPSLastError.read(on: connection.http).printError(
                "Creating the job \"\(title)\" on \(connection.place)")
        }
        do throws(PrintError) {
            try send(document, as: title, job: jobID, on: connection, info: info)
        } catch {
            cupsCancelDestJob(connection.http, connection.dest, jobID)
            throw error
        }
        return jobID
    }

    private func send(
        _ document: FileHandle, as title: String, job: Int32, on connection: CUPSConnection, info: OpaquePointer
    ) throws(PrintError) {
        let sending = "Sending \"\(title)\" (job \(job)) to \(connection.place)"
        let started = cupsStartDestDocument(
            connection.http, connection.dest, info, job, title, "application/pdf", 0, nil, 1)
        guard started == HTTP_STATUS_CONTINUE else {
            throw CUPSLastError.read(after: started, on: connection.http).printError(sending)
        }
        while true {
            let chunk: Data
            do {
                chunk = try document.read(upToCount: Self.chunkSize) ?? Data()
            } catch {
                throw PrintError(
                    "\(sending): reading the PDF failed: \(error.localizedDescription)", isTemporary: false)
            }
            if chunk.isEmpty { break }
            let written = chunk.withUnsafeBytes { bytes in
                cupsWriteRequestData(
                    connection.http, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
            }
            guard written == HTTP_STATUS_CONTINUE else {
                throw CUPSLastError.read(after: written, on: connection.http).printError(sending)
            }
        }
        let finished = cupsFinishDestDocument(connection.http, connection.dest, info)
        guard finished.rawValue < 0x100 else {
            throw CUPSLastError.read(on: connection.http).printError(sending)
        }
    }

    /// Asks cupsd or the printer where job `id` has got to.
    public func jobState(_ id: Int32) throws(PrintError) -> CUPSJobReport {
        let connection = try CUPSConnection(destination: destination, server: server, user: nil, timeout: timeout)
        let asking = "Asking \(connection.place) about job \(id)"
        return try connection.request(
            IPP_OP_GET_JOB_ATTRIBUTES, job: id,
            attributes: ["job-state", "job-state-reasons", "job-state-message", "job-printer-state-message"],
            doing: asking, notFoundAdvice: "Check at the printer whether it printed."
        ) { response throws(PrintError) in
            guard let stateAttribute = ippFindAttribute(response, "job-state", IPP_TAG_ENUM),
                let state = CUPSJobReport.State(rawValue: ippGetInteger(stateAttribute, 0))
            else {
                throw PrintError("\(asking): the answer has no job-state.", isTemporary: true)
            }
            return CUPSJobReport(state: state, message: Self.message(in: response))
        }
    }

    /// Reasons that say no more than the job's state does.
    static let uninformativeReasons: Set<String> = [
        "none", "job-incoming", "job-queued", "job-printing", "job-completed-successfully", "processing-to-stop-point",
    ]

    /// The job's state messages and reasons, if it has any worth telling.
    private static func message(in response: OpaquePointer) -> String? {
        func strings(_ name: String) -> [String] {
            guard let attribute = ippFindAttribute(response, name, IPP_TAG_ZERO) else { return [] }
            return (0..<ippGetCount(attribute)).compactMap { index in
                let value: UnsafePointer<CChar>? = ippGetString(attribute, index, nil)
                return value.map { String(cString: $0).trimmingCharacters(in: .whitespaces) }
            }.filter { !$0.isEmpty }
        }
        var parts: [String] = []
        for text in strings("job-printer-state-message") + strings("job-state-message") where !parts.contains(text) {
            parts.append(text)
        }
        let reasons = strings("job-state-reasons").filter { !uninformativeReasons.contains($0) }
        if !reasons.isEmpty { parts.append("(" + reasons.joined(separator: ", ") + ")") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
