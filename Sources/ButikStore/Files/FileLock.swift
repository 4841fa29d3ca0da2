#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory whole-file lock (flock) on the store's `lock` file, with a wait limit.
///
/// flock locks belong to the open file, so two `FileLock`s in one process contend like two
/// processes. The lock is released when the process dies, so a killed counter never blocks
/// the others.
final class FileLock {
    enum Kind { case shared, exclusive }

    let path: String
    private var fd: Int32
    private let writable: Bool

    /// Opens (creating it 0600 if allowed and missing) the lock file.
    init(path: String, create: Bool) throws(StoreError) {
        self.path = path
        (fd, writable) = try FileLock.openLockFile(path, create: create)
    }

    deinit { close(fd) }

    private static func openLockFile(_ path: String, create: Bool) throws(StoreError) -> (Int32, Bool) {
        if create {
            switch Posix.openFile(path, O_RDWR | O_CREAT, 0o600) {
            case .success(let fd):
                do throws(StoreError) { try Posix.setMode(fd, 0o600, path: path) } catch { close(fd); throw error }
                return (fd, true)
            case .failure(let code) where code == EACCES || code == EROFS || code == EPERM:
                break  // fall through to a read-only open: flock works on it too
            case .failure(let code):
                throw .io(operation: .open, path: path, errno: code)
            }
        }
        return (try Posix.openOrThrow(path, O_RDONLY), false)
    }

    /// Takes the lock, waiting up to `timeout` seconds (0: one try, no wait); throws
    /// `StoreError.locked` after that.
    func lock(_ kind: Kind, timeout: Double) throws(StoreError) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(timeout * 1000)))
        var pauseMicroseconds: UInt32 = 100
        let operation = (kind == .exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        while true {
            if flock(fd, operation) == 0 {
                // Someone may have deleted or replaced the lock file meanwhile: then this
                // lock excludes nobody. Lock the file that the name now points to instead.
                if Posix.sameFile(fd, path: path) { return }
                flock(fd, LOCK_UN)
                let (newFD, _) = try FileLock.openLockFile(path, create: writable)
                close(fd)
                fd = newFD
                continue
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else { throw .io(operation: .lock, path: path, errno: code) }
            if clock.now >= deadline { throw .locked(path: path, seconds: timeout) }
            // Poll with a growing pause (plus jitter) so a busy peer cannot starve us for long.
            usleep(pauseMicroseconds + UInt32.random(in: 0...pauseMicroseconds))
            pauseMicroseconds = min(pauseMicroseconds * 2, 4000)
        }
    }

    /// Releases the lock.
    func unlock() {
        flock(fd, LOCK_UN)
    }
}
