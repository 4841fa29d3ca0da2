#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the store could not do what was asked. `message` is written for the person at the counter.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process held the store's lock file for longer than the wait limit.
    case locked(path: String, seconds: Double)
    /// A file is damaged. `line` is the 1-based line for journal problems, nil for a whole file.
    case corrupt(file: String, line: Int?, reason: String)
    /// A file was written by a newer version of the program.
    case newerSchema(file: String, found: Int, supported: Int)
    /// A system call failed; `errno` is the system's error number.
    case io(operation: String, path: String, errno: Int32)
    /// The store refuses to write; `reason` says why and what to do.
    case readOnly(reason: String)
    /// An entry or the model could not be turned into JSON and back; nothing was written.
    case encoding(reason: String)
    /// A write whose outcome is unknown: it may or may not be in the journal; `reason` says
    /// what happened and how the next open settles it.
    case unconfirmed(reason: String)

    /// A sentence or two a person can act on.
    public var message: String {
        switch self {
        case let .locked(path, seconds):
            return "The store is busy: another program has held \(path) for more than "
                + "\(Int(seconds.rounded())) seconds. Try again; if it keeps happening, "
                + "look for a stuck butik program on this or another counter."
        case let .corrupt(file, line, reason):
            let place = line.map { "\(file) line \($0)" } ?? file
            return "\(place) is damaged: \(reason). The store is read-only so that nothing "
                + "is overwritten. Heal it from a backup (butik repair BACKUP) or put one back (butik restore "
                + "BACKUP); butik check lists every problem."
        case let .newerSchema(file, found, supported):
            return "\(file) was written by a newer version of the program (data version \(found); "
                + "this version understands up to \(supported)). The store is read-only; "
                + "update the program on this counter."
        case let .io(operation, path, code):
            return "Could not \(operation) \(path): \(Posix.describe(code)) (errno \(code)). "
                + StoreError.advice(for: code)
        case let .readOnly(reason):
            // A damage reason says so itself ("The store is read-only so that nothing is overwritten").
            return reason.contains("read-only") ? reason : "The store is read-only. \(reason)"
        case let .encoding(reason):
            return "Could not save: \(reason). This is a program error; nothing was written."
        case let .unconfirmed(reason):
            return reason
        }
    }

    public var description: String { message }

    /// The end of a reason for a failed save.
    static let tryAgain = "Fix the cause, then try again: the terminal UI opens the store again by itself "
        + "every few seconds, a command can simply be run again."

    private static func advice(for code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "The disk is full: free some space."
        case EACCES, EPERM: return "Check the permissions of the store folder and its files."
        case EROFS: return "The disk is mounted read-only."
        case EIO: return "The disk reported an error and may be failing: make a backup now."
        case ENOENT: return "The file or folder is missing."
        default: return "Check the disk and the store folder."
        }
    }
}
