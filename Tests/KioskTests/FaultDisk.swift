import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A small disk of the test's own for the database, to fill up or to turn
/// read-only under the running daemon; unmounted (and its loop device freed)
/// by `remove()` or when released.
///
/// - A full disk is a tmpfs of a few megabytes, filled with a file of zeros:
///   SQLite then gets ENOSPC and says SQLITE_FULL; deleting the file makes
///   room again.
/// - A read-only disk is an ext4 file system on a loop device, mounted with
///   `errors=remount-ro`, on which the test raises a file-system error
///   (`/sys/fs/ext4/loopN/trigger_fs_error`): the kernel turns it read-only
///   exactly as it does after a real disk error, open files and all. (A plain
///   `mount -o remount,ro` is refused while the daemon has the file open for
///   writing, and `chattr +i` does not stop writes through a descriptor
///   already open.) It stays read-only until unmounted, checked and mounted
///   again, as a technician would.
final class FaultDisk: @unchecked Sendable {
    /// Where the disk is mounted.
    let path: String
    private let folder: String
    private let image: String?
    private(set) var loopDevice: String?
    private var mounted = false

    /// Whether this machine lets the tests mount file systems (root, with
    /// CAP_SYS_ADMIN: a container may not).
    static let canMountTmpfs: Bool = {
        guard let disk = try? FaultDisk(tmpfsMegabytes: 1) else { return false }
        disk.remove()
        return true
    }()

    /// Whether loop devices, mkfs.ext4 and ext4's error trigger are here too.
    static let canMountExt4: Bool = {
        guard let disk = try? FaultDisk(ext4Megabytes: 16) else { return false }
        defer { disk.remove() }
        return disk.errorTrigger.map { FileManager.default.fileExists(atPath: $0) } ?? false
    }()

    private init(kind: String) throws {
        folder = NSTemporaryDirectory() + "kiosk-fault-\(kind)-" + UUID().uuidString.prefix(8)
        path = folder + "/disk"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        image = kind == "ext4" ? folder + "/disk.img" : nil
    }

    /// A tmpfs of `megabytes`.
    convenience init(tmpfsMegabytes megabytes: Int) throws {
        try self.init(kind: "tmpfs")
        do {
            try Self.run(["mount", "-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0755", "tmpfs", path])
            mounted = true
        } catch {
            remove()
            throw error
        }
    }

    /// An ext4 file system of `megabytes` in an image on a loop device,
    /// mounted to go read-only on an error.
    convenience init(ext4Megabytes megabytes: Int) throws {
        try self.init(kind: "ext4")
        do {
            guard let image else { throw TestFailure("no image") }
            try Self.run(["truncate", "-s", "\(megabytes)M", image])
            try Self.run(["mkfs.ext4", "-q", "-F", "-m", "0", image])
            let device = try Self.run(["losetup", "--find", "--show", image])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            loopDevice = device
            try mountExt4()
        } catch {
            remove()
            throw error
        }
    }

    private func mountExt4() throws {
        guard let loopDevice else { throw TestFailure("no loop device") }
        try Self.run(["mount", "-t", "ext4", "-o", "errors=remount-ro", loopDevice, path])
        mounted = true
    }

    /// The sysfs file that raises an ext4 error on this disk.
    var errorTrigger: String? {
        loopDevice.map { "/sys/fs/ext4/" + ($0 as NSString).lastPathComponent + "/trigger_fs_error" }
    }

    private var filler: String { path + "/filler" }

    /// Fills the disk to the last byte with a file of zeros.
    func fill() throws {
        let descriptor = open(filler, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw TestFailure("cannot create \(filler): errno \(errno)") }
        defer { close(descriptor) }
        for size in [1 << 16, 1 << 12, 1] {
            let zeros = [UInt8](repeating: 0, count: size)
            while write(descriptor, zeros, size) > 0 {}
        }
        fsync(descriptor)
    }

    /// Makes room again.
    func makeRoom() {
        unlink(filler)
    }

    /// Raises a file-system error: the kernel makes the disk read-only.
    func turnReadOnly() throws {
        guard let trigger = errorTrigger else { throw TestFailure("not an ext4 disk") }
        try "kiosk fault test\n".write(toFile: trigger, atomically: false, encoding: .utf8)
    }

    /// What a technician does with a disk that went read-only after an error:
    /// unmount it, check it (`e2fsck -fy`), mount it again. Gives e2fsck's
    /// exit status (0 clean, 1 errors corrected).
    @discardableResult
    func checkAndRemount() throws -> Int32 {
        guard let image else { throw TestFailure("not an ext4 disk") }
        try Self.run(["umount", path])
        mounted = false
        let (status, output) = try Subprocess.run(["e2fsck", "-fy", image])
        guard status <= 1 else { throw TestFailure("e2fsck could not mend the disk (status \(status)):\n\(output)") }
        try mountExt4()
        return status
    }

    /// Unmounts, frees the loop device and deletes the folder.
    func remove() {
        if mounted {
            // The daemon may still be letting go of its files: try for a few seconds.
            var unmounted = false
            for _ in 0..<50 where !unmounted {
                unmounted = (try? Self.run(["umount", path])) != nil
                if !unmounted { Thread.sleep(forTimeInterval: 0.1) }
            }
            // Never leave a mount behind: detach it lazily if something still holds it.
            if !unmounted { _ = try? Self.run(["umount", "-l", path]) }
            mounted = false
        }
        if let loopDevice {
            _ = try? Self.run(["losetup", "-d", loopDevice])
            self.loopDevice = nil
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    deinit { remove() }

    @discardableResult
    static func run(_ argv: [String]) throws -> String {
        let (status, output) = try Subprocess.run(argv)
        guard status == 0 else { throw TestFailure("\(argv.joined(separator: " ")) failed (\(status)): \(output)") }
        return output
    }
}
