#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The file operations that can fail while data is being made durable.
///
/// A seam for fault injection: the store and `AtomicFile` call these instead of the system
/// calls directly, and tests replace them (e.g. a `write` that reports ENOSPC).
/// Every closure returns a negative errno (or the errno for the `Int32` ones) on failure.
struct FileOps: Sendable {
    /// write(2): the number of bytes written, or `-errno`.
    var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    /// fdatasync(2): 0 or the errno.
    var fdatasync: @Sendable (_ fd: Int32) -> Int32
    /// fsync(2): 0 or the errno.
    var fsync: @Sendable (_ fd: Int32) -> Int32
    /// ftruncate(2): 0 or the errno.
    var ftruncate: @Sendable (_ fd: Int32, _ length: Int64) -> Int32

    /// The real system calls.
    static let live = FileOps(write: liveWrite, fdatasync: liveFdatasync, fsync: liveFsync, ftruncate: liveFtruncate)
}

// errno is read right after each call, with nothing in between that could change it.
private func liveWrite(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    let written = write(fd, bytes.baseAddress, bytes.count)
    return written >= 0 ? written : -Int(errno)
}

private func liveFdatasync(_ fd: Int32) -> Int32 {
    #if os(Linux)
    return fdatasync(fd) == 0 ? 0 : errno
    #else
    return fsync(fd) == 0 ? 0 : errno
    #endif
}

private func liveFsync(_ fd: Int32) -> Int32 {
    fsync(fd) == 0 ? 0 : errno
}

private func liveFtruncate(_ fd: Int32, _ length: Int64) -> Int32 {
    ftruncate(fd, off_t(length)) == 0 ? 0 : errno
}

/// The result of a system call: a value or an errno.
enum Outcome<Value> {
    case success(Value)
    case failure(Int32)
}

/// Thin wrappers over POSIX calls that report failures as `StoreError.io`.
enum Posix {
    /// The system's text for an errno, e.g. "No space left on device".
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// open(2), retried on EINTR. Returns the descriptor or the errno.
    static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Outcome<Int32> {
        while true {
            let fd = open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return .success(fd) }
            if errno != EINTR { return .failure(errno) }
        }
    }

    /// Opens `path`, throwing `StoreError.io` on failure.
    static func openOrThrow(_ path: String, _ flags: Int32, mode: mode_t = 0) throws(StoreError) -> Int32 {
        switch openFile(path, flags, mode) {
        case .success(let fd): return fd
        case .failure(let code): throw .io(operation: .open, path: path, errno: code)
        }
    }

    /// Sets the permission bits of an open file regardless of the umask.
    static func setMode(_ fd: Int32, _ mode: mode_t, path: String) throws(StoreError) {
        if fchmod(fd, mode) != 0 { throw .io(operation: .chmod, path: path, errno: errno) }
    }

    /// The status of an open file.
    static func status(_ fd: Int32, path: String) throws(StoreError) -> stat {
        var info = stat()
        if fstat(fd, &info) != 0 { throw .io(operation: .stat, path: path, errno: errno) }
        return info
    }

    /// The status of a path, or the errno.
    static func status(path: String) -> Outcome<stat> {
        var info = stat()
        if stat(path, &info) != 0 { return .failure(errno) }
        return .success(info)
    }

    /// Whether `path` still names the file open as `fd` (it was not deleted or replaced).
    static func sameFile(_ fd: Int32, path: String) -> Bool {
        var opened = stat()
        guard fstat(fd, &opened) == 0, case .success(let named) = status(path: path) else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    /// Reads up to `buffer.count` bytes at `offset`, retrying on EINTR and short reads.
    /// Returns the number of bytes read (less only at the end of the file).
    static func readAt(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) -> Outcome<Int> {
        var done = 0
        while done < buffer.count {
            let count = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(errno)
            }
            if count == 0 { break }
            done += count
        }
        return .success(done)
    }

    /// Opens `path` read-only; nil when there is no such file, `StoreError.io` for other failures.
    static func openForReading(_ path: String) throws(StoreError) -> Int32? {
        switch openFile(path, O_RDONLY) {
        case .success(let fd): return fd
        case .failure(ENOENT): return nil
        case .failure(let code): throw .io(operation: .open, path: path, errno: code)
        }
    }

    /// Reads a whole (small) file, throwing `StoreError.io`; ENOENT gives nil.
    static func readWholeFile(_ path: String) throws(StoreError) -> [UInt8]? {
        guard let fd = try openForReading(path) else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        if let size = try? status(fd, path: path).st_size { bytes.reserveCapacity(Int(size) + 1) }  // read without regrowing
        var offset: Int64 = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let result = chunk.withUnsafeMutableBytes { readAt(fd, into: $0, at: offset) }
            switch result {
            case .failure(let code): throw .io(operation: .read, path: path, errno: code)
            case .success(let count):
                bytes.append(contentsOf: chunk[0..<count])
                offset += Int64(count)
                if count < chunk.count { return bytes }
            }
        }
    }

    /// Writes all of `bytes` through `ops.write`, retrying on EINTR. Returns 0 or the errno.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], ops: FileOps) -> Int32 {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { all in
                ops.write(fd, UnsafeRawBufferPointer(rebasing: all[written...]))
            }
            if count < 0 {
                if count == -Int(EINTR) { continue }
                return Int32(-count)
            }
            if count == 0 { return EIO }
            written += count
        }
        return 0
    }

    /// fsyncs a folder so that names created or renamed in it are durable.
    static func syncFolder(_ path: String, ops: FileOps) throws(StoreError) {
        let fd = try openOrThrow(path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        let code = ops.fsync(fd)
        if code != 0 { throw .io(operation: .fsync, path: path, errno: code) }
    }

    /// Creates the folder (0700) and any missing parents, making its name durable; returns
    /// whether it was created.
    @discardableResult
    static func createFolder(_ path: String) throws(StoreError) -> Bool {
        if case .success(let info) = status(path: path) {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .io(operation: .openFolder, path: path, errno: ENOTDIR) }
            return false
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, case .failure = status(path: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw .io(operation: .createFolder, path: parent, errno: errno == 0 ? EIO : errno)
            }
        }
        if mkdir(path, 0o700) != 0 {
            if errno == EEXIST { return false }
            throw .io(operation: .createFolder, path: path, errno: errno)
        }
        if chmod(path, 0o700) != 0 { throw .io(operation: .chmod, path: path, errno: errno) }
        if !parent.isEmpty { try syncFolder(parent, ops: .live) }
        return true
    }

    /// Copies the first `length` bytes of the file open as `fd` (named `source` in messages) to
    /// a new file `destination` (0600), synced before it returns.
    static func copy(_ fd: Int32, length: Int64, from source: String, to destination: String, ops: FileOps) throws(StoreError) {
        let out = try openOrThrow(destination, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        defer { close(out) }
        try setMode(out, 0o600, path: destination)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset: Int64 = 0
        while offset < length {
            let wanted = Int(min(Int64(chunk.count), length - offset))
            let result = chunk.withUnsafeMutableBytes { readAt(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted]), at: offset) }
            guard case .success(let count) = result, count == wanted else {
                if case .failure(let code) = result { throw .io(operation: .read, path: source, errno: code) }
                throw .io(operation: .read, path: source, errno: EIO)  // the file shrank
            }
            let written = writeAll(out, Array(chunk[0..<count]), ops: ops)
            if written != 0 { throw .io(operation: .write, path: destination, errno: written) }
            offset += Int64(count)
        }
        let synced = ops.fsync(out)
        if synced != 0 { throw .io(operation: .fsync, path: destination, errno: synced) }
    }

    /// Copies the file at `source` to a new file `destination` (0600), synced; false if there
    /// is no `source`.
    static func copyFile(_ source: String, to destination: String, ops: FileOps) throws(StoreError) -> Bool {
        guard let fd = try openForReading(source) else { return false }
        defer { close(fd) }
        try copy(fd, length: Int64(try status(fd, path: source).st_size), from: source, to: destination, ops: ops)
        return true
    }

    /// Removes what a killed program left of its work in `folder`: entries named
    /// `.NAME<tag>PID-RANDOM` whose process `PID` no longer runs.
    static func removeLeftovers(in folder: String, tags: String...) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where tags.contains(where: { isLeftover(name, tag: $0) }) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Whether `name` is `.NAME<tag>PID-RANDOM` of a process `PID` that no longer runs.
    static func isLeftover(_ name: String, tag: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: tag),
              let pid = Int32(name[range.upperBound...].prefix { $0 != "-" }) else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Links the file at `existing` as `destination` if it holds exactly the first `length`
    /// bytes of the file open as `fd` and nothing more; false (nothing made) when it does not,
    /// is missing, or cannot be linked (another disk).
    static func linkIfSame(_ existing: String, as destination: String, to fd: Int32, length: Int64) throws(StoreError) -> Bool {
        guard let other = try openForReading(existing) else { return false }
        defer { close(other) }
        guard Int64(try status(other, path: existing).st_size) == length else { return false }
        var mine = [UInt8](repeating: 0, count: 1 << 20), theirs = mine
        var offset: Int64 = 0
        while offset < length {
            let wanted = Int(min(Int64(mine.count), length - offset))
            let a = mine.withUnsafeMutableBytes { readAt(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted]), at: offset) }
            let b = theirs.withUnsafeMutableBytes { readAt(other, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted]), at: offset) }
            guard case .success(wanted) = a, case .success(wanted) = b, mine[0..<wanted] == theirs[0..<wanted] else { return false }
            offset += Int64(wanted)
        }
        return link(existing, destination) == 0
    }

    /// The file name part of a path, for messages.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
