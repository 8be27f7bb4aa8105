import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// Why the disk under the database would not take a change. The kiosk tells
/// the person at the terminal in plain words and keeps what they typed; the
/// technician's words are the `StoreError`'s description.
public enum StorageFault: Sendable, Hashable {
    /// No space left on the disk.
    case full
    /// The file, or the disk it is on, cannot be written (a disk that turned
    /// read-only after an error, say).
    case readOnly
    /// The disk reported an error.
    case failing
}

extension StoreError {
    /// The storage fault behind this error, if it is one: nothing was
    /// written, and trying again once the disk is mended will work.
    public var storageFault: StorageFault? {
        switch self {
        case .diskFull: .full
        case .readOnly: .readOnly
        case .diskFailure: .failing
        default: nil
        }
    }

    /// `error` as a store error, with SQLite's full, read-only and I/O errors
    /// told apart. SQLite says only "disk I/O error" when a write fails for a
    /// disk that has turned read-only, so then the folder of `database` (the
    /// file's path) is examined to say which.
    init(_ error: any Error, database: String) {
        guard let error = error as? DatabaseError else {
            self.init(error)
            return
        }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_FULL:
            self = .diskFull(path: database)
        case .SQLITE_READONLY:
            self = .readOnly(path: database, detail: detail)
        case .SQLITE_IOERR, .SQLITE_CANTOPEN:
            switch DiskProbe.fault(near: database) {
            case .full: self = .diskFull(path: database)
            case .readOnly: self = .readOnly(path: database, detail: detail)
            case .failing, nil: self = .diskFailure(path: database, detail: detail)
            }
        default:
            self.init(error)
        }
    }
}

/// Looks at the folder a database lives in, to tell a full or read-only disk
/// from a failing one after SQLite reports an I/O error.
enum DiskProbe {
    static func fault(near database: String) -> StorageFault? {
        let parent = (database as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var info = statvfs()
        if statvfs(folder, &info) == 0 {
            if info.f_flag & UInt(ST_RDONLY) != 0 { return .readOnly }
            if info.f_bavail == 0 { return .full }
        }
        // A disk that turned read-only after an error can still say it is
        // writable: only making a file tells.
        let probe = folder + "/.coaching-kiosk-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(probe, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else { return fault(errno) }
        defer {
            close(descriptor)
            unlink(probe)
        }
        let byte: [UInt8] = [0]
        guard write(descriptor, byte, 1) == 1, fsync(descriptor) == 0 else { return fault(errno) }
        return nil
    }

    private static func fault(_ code: Int32) -> StorageFault? {
        switch code {
        case EROFS, EPERM, EACCES: .readOnly
        case ENOSPC, EDQUOT: .full
        case EIO: .failing
        default: nil
        }
    }
}
