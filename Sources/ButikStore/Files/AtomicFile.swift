#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Replaces a whole file so that readers see either the old or the new content, never a mix,
/// and the new content is on disk when `write` returns.
public enum AtomicFile {
    /// Writes `data` to a unique temporary file in the same folder (pid + random), fsyncs it,
    /// renames it over `url` and fsyncs the folder. The file gets `mode` whatever the umask.
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o600) throws(StoreError) {
        try write([UInt8](data), to: url.path, mode: mode, ops: .live)
    }

    /// The temporary files' names carry this, then the writer's process id:
    /// `.NAME.tmp-PID-RANDOM`, so that what a killed writer left can be found and removed.
    static let temporaryTag = ".tmp-"

    /// The same, through a file-operations seam; `crashPoint` is reached just before the rename.
    static func write(
        _ bytes: [UInt8], to path: String, mode: mode_t, ops: FileOps, crashPoint: CrashPoint? = nil
    ) throws(StoreError) {
        try write(to: path, mode: mode, ops: ops, crashPoint: crashPoint) { fd, temporary throws(StoreError) in
            let written = Posix.writeAll(fd, bytes, ops: ops)
            if written != 0 { throw StoreError.io(operation: .write, path: temporary, errno: written) }
        }
    }

    /// The same for a file too large to hold in memory: `fill` writes the content into the
    /// temporary file (its descriptor and path), in pieces or with seeks as it likes. Not
    /// `durable`, nothing is synced: for a derived file whose every part is checksummed, which a
    /// power cut may leave damaged (found when read, and rebuilt) but never mixed with another.
    static func write(
        to path: String, mode: mode_t, ops: FileOps, crashPoint: CrashPoint? = nil, durable: Bool = true,
        _ fill: (_ fd: Int32, _ temporary: String) throws(StoreError) -> Void
    ) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = Posix.fileName(path)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name)\(temporaryTag)\(getpid())-\(random)"
        let fd = try Posix.openOrThrow(temporary, O_WRONLY | O_CREAT | O_EXCL, mode: mode)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do throws(StoreError) {
            try Posix.setMode(fd, mode, path: temporary)
            try fill(fd, temporary)
            let synced = durable ? ops.fsync(fd) : 0
            if synced != 0 { throw StoreError.io(operation: .fsync, path: temporary, errno: synced) }
        } catch {
            close(fd)
            throw error
        }
        if close(fd) != 0 { throw .io(operation: .close, path: temporary, errno: errno) }
        crashPoint?.reached()
        if rename(temporary, path) != 0 { throw .io(operation: .rename, path: temporary, errno: errno) }
        renamed = true
        if durable { try Posix.syncFolder(folder.isEmpty ? "." : folder, ops: ops) }
    }
}
