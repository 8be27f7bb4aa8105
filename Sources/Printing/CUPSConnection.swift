import CCUPS
import Foundation
import KioskConfiguration

/// One open connection to a destination: cupsd for a queue, the printer
/// itself for a URI. Freed when released.
///
/// Made and used on one thread: libcups's server, user and last error are
/// that thread's.
final class CUPSConnection {
    let dest: UnsafeMutablePointer<cups_dest_t>
    let http: OpaquePointer
    /// The HTTP resource requests go to (`/printers/NAME`, `/ipp/print`).
    let resource: String
    /// The printer-uri that IPP requests name.
    let printerURI: String
    /// Where the print goes, in words for messages.
    let place: String

    init(
        destination: PrinterTarget, server: String?, user: String?, timeout: Duration
    ) throws(PrintError) {
        cupsSetServer(server)
        cupsSetUser(user)
        let milliseconds = Int32(
            clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        switch destination {
        case .systemDefault, .queue:
            let name: String? = if case .queue(let name) = destination { name } else { nil }
            let cupsd = server ?? Self.defaultServer
            place = name.map { "the queue \"\($0)\" of cupsd at \(cupsd)" } ?? "the default queue of cupsd at \(cupsd)"
            // Straight to cupsd, as lp does: libcups 2.4 takes a connection to
            // any other host name (even the printer-uri's "localhost" for
            // 127.0.0.1) for one to the printer itself, and asks it about the
            // wrong printer-uri.
            guard
                let http = httpConnect2(
                    cupsServer(), ippPort(), nil, AF_UNSPEC, cupsEncryption(), 1, milliseconds, nil)
            else {
                throw CUPSLastError.read().printError("Connecting to \(place)", advice: "Check that cupsd is running.")
            }
            guard let found = cupsGetNamedDest(http, name, nil) else {
                let error = CUPSLastError.read(on: http)
                httpClose(http)
                let advice =
                    switch (name, error.isNotFound) {
                    case (nil, true): "Set a default queue with `lpadmin -d NAME`, or name a queue."
                    case (_, true): "Check the queue's name with `lpstat -p`."
                    default: "Check that cupsd is running."
                    }
                throw error.printError("Looking up \(place)", advice: advice)
            }
            let queue = String(cString: found.pointee.name)
            httpSetTimeout(http, Double(milliseconds) / 1000, nil, nil)
            dest = found
            self.http = http
            printerURI = Self.option("printer-uri-supported", of: found) ?? "ipp://localhost/printers/\(queue)"
            resource = URL(string: printerURI)?.path ?? "/printers/\(queue)"
        case .ipp(let uri):
            place = "the printer at \(uri)"
            guard let found = cupsGetDestWithURI(nil, uri) else {
                throw CUPSLastError.read().printError("Reading the address \(uri)", advice: "Check the address.")
            }
            var resource = [CChar](repeating: 0, count: 1024)
            // cupsConnectDest gives back a connection even when it could not
            // connect; its socket tells.
            let http = cupsConnectDest(
                found, UInt32(CUPS_DEST_FLAGS_DEVICE), milliseconds, nil, &resource, resource.count, nil, nil)
            guard let http, httpGetFd(http) >= 0 else {
                let error = CUPSLastError.read()
                if let http { httpClose(http) }
                cupsFreeDests(1, found)
                throw error.printError("Connecting to \(place)", advice: "Check that it is switched on and reachable.")
            }
            httpSetTimeout(http, Double(milliseconds) / 1000, nil, nil)
            dest = found
            self.http = http
            printerURI = uri
            self.resource = String(decoding: resource.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        case .directory(let path):
            throw PrintError(
                "The destination dir:\(path) is a folder, not a printer: save the PDF there instead of sending it to CUPS.",
                isTemporary: false)
        }
    }

    deinit {
        httpClose(http)
        cupsFreeDests(1, dest)
    }

    /// What the printer supports, which libcups needs to make a job; free
    /// it with `cupsFreeDestInfo`.
    func copyInfo() throws(PrintError) -> OpaquePointer {
        guard let info = cupsCopyDestInfo(http, dest) else {
            throw CUPSLastError.read(on: http).printError("Asking \(place) what it supports")
        }
        return info
    }

    private static func option(_ name: String, of dest: UnsafeMutablePointer<cups_dest_t>) -> String? {
        let value: UnsafePointer<CChar>? = cupsGetOption(name, dest.pointee.num_options, dest.pointee.options)
        return value.map { String(cString: $0) }
    }

    /// What libcups calls the server when none is set: CUPS_SERVER,
    /// client.conf, or the local socket.
    private static var defaultServer: String {
        let name: UnsafePointer<CChar>? = cupsServer()
        return name.map { String(cString: $0) } ?? "localhost"
    }
}
