import CCUPS
import Foundation
import KioskConfiguration

/// A printer the print worker hands PDFs to: CUPS, or a stand-in in tests.
public protocol PrinterConnection: Sendable {
    /// Hands the PDF at `path` to the printer as one job named `title`; returns its job id.
    func submit(pdfAt path: String, title: String, user: String?) throws(PrintError) -> Int32
    /// Where job `id` has got to.
    func jobState(_ id: Int32) throws(PrintError) -> CUPSJobReport
    /// The id of a job the printer already has under `title`, if there is one.
    func findJob(titled title: String) throws(PrintError) -> Int32?
}

extension CUPSPrinter: PrinterConnection {
    /// The CUPS printer for a configured target, through the cupsd at
    /// `server` (`host:port`; nil for libcups's own choice). A folder is the
    /// worker's own business and never reaches CUPS.
    public static func connection(to target: PrinterTarget, server: String? = nil) -> any PrinterConnection {
        CUPSPrinter(destination: target, server: server)
    }

    /// Asks for every job, finished or not, and finds the one named `title`:
    /// how a job whose sender stopped half-way is found again, not sent twice.
    public func findJob(titled title: String) throws(PrintError) -> Int32? {
        let connection = try CUPSConnection(destination: destination, server: server, user: nil, timeout: timeout)
        let asking = "Asking \(connection.place) for its jobs"
        return try connection.request(
            IPP_OP_GET_JOBS, keywords: ["which-jobs": "all"], attributes: ["job-id", "job-name"], doing: asking
        ) { response in
            // Each job is a group of attributes, in no set order, between separators (attributes with no name).
            var jobID: Int32?
            var jobName: String?
            var attribute = ippFirstAttribute(response)
            while true {
                let name = attribute.flatMap { ippGetName($0) }.map { String(cString: $0) }
                if let current = attribute, let name {
                    if name == "job-id" { jobID = ippGetInteger(current, 0) }
                    if name == "job-name", let value = ippGetString(current, 0, nil) {
                        jobName = String(cString: value)
                    }
                } else {
                    if let jobID, jobName == title { return jobID }
                    jobID = nil
                    jobName = nil
                    if attribute == nil { break }
                }
                attribute = ippNextAttribute(response)
            }
            return nil
        }
    }
}
