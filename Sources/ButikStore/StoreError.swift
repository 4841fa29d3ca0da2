/// Why the store could not do what was asked: values with what was found, put into words at
/// the edge (`Store+Phrase.swift` in ButikRuntime), in the reader's language.
public indirect enum StoreError: Error, Codable, Sendable, Equatable {
    /// Another process held the store's lock file for longer than the wait limit.
    case locked(path: String, seconds: Double)
    /// A file is damaged. `line` is the 1-based line for journal problems, nil for a whole file.
    case corrupt(file: String, line: Int?, reason: Damage)
    /// A file was written by a newer version of the program.
    case newerSchema(file: String, found: Int, supported: Int)
    /// A system call failed; `errno` is the system's error number.
    case io(operation: FileOperation, path: String, errno: Int32)
    /// The store refuses to write, and why.
    case readOnly(reason: ReadOnlyReason)
    /// An entry or the model could not be turned into JSON and back; nothing was written.
    case encoding(reason: Unencodable)
    /// A write whose outcome is unknown: it may or may not be in the journal.
    case unconfirmed(reason: UnconfirmedSave)
}

/// Why the store refuses to write.
public indirect enum ReadOnlyReason: Codable, Sendable, Equatable {
    /// What the store found (damage, a newer version, a journal replaced) keeps it from writing.
    case failed(StoreError)
    /// This program may not write the journal file `path` (`errno` says why).
    case mayNotWrite(path: String, errno: Int32)
    /// The lock file `path` is missing and cannot be created.
    case lockMissing(path: String)
    /// The store has no lock file.
    case noLock
    /// The store is of an older format, and moving it to this version's failed (nothing changed).
    case notMigrated(StoreError)
    /// A save failed with `error`: the last action was not saved. With `cutFailed`, its unfinished
    /// line could not be removed (the system's error number); the next open ignores it.
    case saveFailed(StoreError, cutFailed: Int32?)
    /// A save could not be confirmed.
    case saveUnconfirmed(UnconfirmedSave)
    /// The store was restored from the backup `from`; it is to be opened again.
    case restored(from: String)
    /// The journal was repaired from the backup `from`; the store is to be opened again.
    case repaired(from: String)
}

/// What could not be written as JSON (a program error; nothing was written). `detail` is the
/// encoder's own description of its error.
public enum Unencodable: Codable, Sendable, Equatable {
    /// Entry `index` (1-based) of `count`.
    case entry(index: Int, of: Int, detail: String)
    /// Entry `index` of `count`, written, does not read back.
    case entryReadBack(index: Int, of: Int, problem: DecodingProblem)
    /// The model, for the snapshot.
    case model(detail: String)
    /// The note file `name` (`damage.json`, `unconfirmed.json`).
    case note(name: String, detail: String)
    /// The note file `name` is not a JSON object.
    case noteNotAnObject(name: String)
    /// A story written aside while rebuilding the history does not read back.
    case historySpill(detail: String)
    /// The history is too large to rebuild in one spill file (over 4 GB).
    case historyTooLarge
    /// A history bucket to copy has no file to copy it from.
    case historyBucketWithoutFile
    /// The history file's header.
    case historyHeader(detail: String)
    /// The history file's header is too long.
    case historyHeaderTooLong
}

/// A save whose outcome is unknown: `error` failed, and `cause` kept the journal from being
/// set back for certain, so the last action may have been saved or not.
public struct UnconfirmedSave: Codable, Sendable, Equatable {
    public enum Cause: Codable, Sendable, Equatable {
        /// The new journal file `name` could not be removed.
        case segmentNotRemoved(name: String)
        /// The journal could not be cut back (`errno` says why).
        case notCutBack(errno: Int32)
    }

    public var error: StoreError
    public var cause: Cause
    /// Whether `unconfirmed.json` notes it, so that the next open says whether it was recorded.
    public var noted: Bool

    public init(error: StoreError, cause: Cause, noted: Bool) {
        self.error = error
        self.cause = cause
        self.noted = noted
    }
}

/// What the store was doing with a file when the system refused.
public enum FileOperation: String, Codable, Sendable {
    case chmod, close, create, createFolder, fdatasync, fsync, link, lock, open, openFolder, read, readFolder, remove, rename, seek, stat,
         truncate, write
}
