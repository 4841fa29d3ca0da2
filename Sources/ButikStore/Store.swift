#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A folder holding a model as an append-only journal of entries plus an optional snapshot.
///
/// Files: `journal.jsonl` (one checksummed entry per line, never rewritten), `snapshot.json`
/// (derived, replaced atomically; it covers only lines verified when it was made), `lock`
/// (flock, taken per transaction), and notes for later opens (see `Store+Notes.swift`).
/// Several processes may use one folder; each transaction first catches up on the others'
/// entries.
///
/// A damaged journal never gets overwritten: the store opens read-only with the model as it was
/// just before the first damaged line, and `readOnlyReason` names the file, line and problem.
/// Only the last line may be unfinished (a crash while writing); it is ignored with a notice and
/// removed by the next transaction, because it was never confirmed.
///
/// Used from one thread; not Sendable.
public final class Store<Model: StoreModel> {
    /// The state after every entry read so far.
    public internal(set) var model: Model
    /// Sequence number of the last entry in `model` (0 for none).
    public internal(set) var lastSequence: Int
    /// Non-nil when the store refuses to write, with the reason a person can act on.
    public internal(set) var readOnlyReason: String?
    /// Things a person should know that did not stop the store.
    public internal(set) var notices: [String] = []
    /// The store folder.
    public let folder: URL

    let journalPath: String
    let snapshotPath: String
    let lockPath: String
    let damagePath: String
    let unconfirmedPath: String
    let journalFD: Int32
    let lock: FileLock?
    /// The state before any entry, for opening the folder again.
    let empty: Model
    /// Offset just after the last complete transaction read or written.
    var knownEnd: Int64 = 0
    /// Sequence number of the last snapshot this store read or wrote.
    private var snapshotSeq = 0
    /// The snapshot on disk is damaged or does not fit: write one at the next transaction.
    private var snapshotWanted = false
    /// Offset of an unfinished tail already reported in `notices`.
    private var reportedTornOffset: Int64?
    let encoder = StoreCoding.encoder()
    let decoder = StoreCoding.decoder(for: Model.self)

    /// File operations that can fail while saving; tests replace them to inject faults.
    var fileOps = FileOps.live
    /// Seconds to wait for another process's lock before `StoreError.locked`, when waiting.
    var lockTimeout = 5.0
    /// A snapshot is written after a transaction once more lines than this follow the last one.
    var snapshotEvery = 1000

    private init(folder: URL, folderPath: String, journalFD: Int32, lock: FileLock?, model: Model) {
        self.folder = folder
        journalPath = folderPath + "/journal.jsonl"
        snapshotPath = folderPath + "/snapshot.json"
        lockPath = folderPath + "/lock"
        damagePath = folderPath + "/damage.json"
        unconfirmedPath = folderPath + "/unconfirmed.json"
        self.journalFD = journalFD
        self.lock = lock
        self.model = model
        empty = model
        lastSequence = 0
    }

    deinit { close(journalFD) }

    // MARK: Opening

    /// Opens (creating the folder 0700 if missing) the store in `folder`. `empty` is the state
    /// before any entry. Damage does not make this throw: the store opens read-only instead.
    /// Throws for files that cannot be opened, a lock held too long, or a journal that is
    /// missing while a snapshot exists.
    public static func open(folder: URL, empty: Model) throws(StoreError) -> Store {
        try open(folder: folder, empty: empty, creating: true, waiting: true)
    }

    /// Opens this store's folder again, as a restart would: how a program finds out whether a
    /// fault that made the store read-only is gone. Never waits for the lock (throws
    /// `StoreError.locked` at once while another process holds it) and never creates the
    /// folder or the journal: a missing one is a fault, not a new store.
    public func reopened() throws(StoreError) -> Store {
        try Store.open(folder: folder, empty: empty, creating: false, waiting: false)
    }

    static func open(folder: URL, empty: Model, creating: Bool, waiting: Bool) throws(StoreError) -> Store {
        let folderPath = folder.standardizedFileURL.path
        let createdFolder = creating ? try Posix.createFolder(folderPath) : false
        let journalPath = folderPath + "/journal.jsonl"
        var readOnly: String?
        var createdJournal = false
        let journalFD: Int32
        switch Posix.openFile(journalPath, O_RDWR | O_APPEND) {
        case .success(let fd):
            journalFD = fd
        case .failure(ENOENT):
            guard creating else { throw .io(operation: "open", path: journalPath, errno: ENOENT) }
            if case .success = Posix.status(path: folderPath + "/snapshot.json") {
                throw .corrupt(file: journalPath, line: nil,
                               reason: "it is missing although snapshot.json exists, so entries are lost")
            }
            switch Posix.openFile(journalPath, O_RDWR | O_APPEND | O_CREAT | O_EXCL, 0o600) {
            case .success(let fd):
                journalFD = fd
                createdJournal = true
                do throws(StoreError) { try Posix.setMode(fd, 0o600, path: journalPath) } catch { close(fd); throw error }
            case .failure(let code):
                throw .io(operation: "create", path: journalPath, errno: code)
            }
        case .failure(let code) where code == EACCES || code == EROFS || code == EPERM:
            journalFD = try Posix.openOrThrow(journalPath, O_RDONLY)
            readOnly = "This program may not write \(journalPath) (\(Posix.describe(code))): "
                + "check the permissions of the store folder and its files; the store is read again when the program next opens it."
        case .failure(let code):
            throw .io(operation: "open", path: journalPath, errno: code)
        }
        let lock: FileLock?
        do {
            lock = try FileLock(path: folderPath + "/lock", create: readOnly == nil)
        } catch .io(_, _, ENOENT) {
            // Missing and it cannot be made: nobody writes without it, so reading needs none.
            lock = nil
            if readOnly == nil {
                readOnly = "The lock file \(folderPath)/lock is missing and cannot be created: check that the "
                    + "program may write the store folder; the store is read again when the program next opens it."
            }
        } catch {
            close(journalFD)
            throw error
        }
        let store = Store(folder: folder, folderPath: folderPath, journalFD: journalFD, lock: lock, model: empty)
        store.readOnlyReason = readOnly
        if readOnly == nil { Posix.removeLeftovers(in: folderPath, tag: AtomicFile.temporaryTag) }
        if createdJournal || createdFolder {
            try Posix.syncFolder(folderPath, ops: .live)  // make the new journal's name durable
        }
        try store.load(empty: empty, waiting: waiting)
        return store
    }

    /// Reads the snapshot (if sound and fitting) and the journal after it, under a shared lock.
    private func load(empty: Model, waiting: Bool) throws(StoreError) {
        try lock?.lock(.shared, timeout: lockWait(waiting))
        defer { lock?.unlock() }
        let size = Int64(try Posix.status(journalFD, path: journalPath).st_size)
        var start: SnapshotFile.Contents<Model>?
        var unusedSnapshot: Int?  // a sound snapshot's sequence that the journal did not fit
        switch SnapshotFile.read(path: snapshotPath, as: Model.self, supported: Model.schemaVersion, decoder: decoder) {
        case .missing:
            break
        case .damaged(let reason):
            notices.append("Ignored \(snapshotPath): \(reason). The state was rebuilt from the whole journal "
                + "(slower, nothing lost); a new snapshot will be written.")
            snapshotWanted = true
        case .newer(let version):
            readOnlyReason = StoreError.newerSchema(file: snapshotPath, found: version, supported: Model.schemaVersion).message
        case .sound(let snapshot):
            if fits(snapshot, journalSize: size) {
                start = snapshot
            } else {
                notices.append("Ignored \(snapshotPath): it says entry \(snapshot.seq) ends at byte "
                    + "\(snapshot.journalOffset) of journal.jsonl, which is not so. The state was rebuilt "
                    + "from the whole journal; a new snapshot will be written.")
                unusedSnapshot = snapshot.seq
                snapshotWanted = true
            }
        }
        var (model, read) = try replay(from: start, empty: empty, journalSize: size)
        if let snapshot = start, case .corrupt(_, let line?, _)? = read.problem, line == snapshot.seq + 1 {
            // The line after the snapshot does not follow it: trust the journal alone.
            notices.append("Ignored \(snapshotPath): the journal line after it does not continue it. "
                + "The state was rebuilt from the whole journal; a new snapshot will be written.")
            unusedSnapshot = snapshot.seq
            snapshotWanted = true
            start = nil
            (model, read) = try replay(from: nil, empty: empty, journalSize: size)
        }
        self.model = model
        lastSequence = read.lastSeq
        knownEnd = read.end
        snapshotSeq = start?.seq ?? 0
        if let torn = read.torn { report(torn) }
        if let problem = read.problem {
            if readOnlyReason == nil { readOnlyReason = problem.message }
        } else if let taken = unusedSnapshot, taken > lastSequence, readOnlyReason == nil {
            readOnlyReason = StoreError.corrupt(
                file: journalPath, line: nil,
                reason: "it ends at entry \(lastSequence) but snapshot.json was taken after entry \(taken), "
                    + "so entries are missing (was it replaced by an older copy?)").message
        }
        try checkRecordedDamage()
        resolveUnconfirmedWrite()
    }

    /// Whether the snapshot's position in the journal is right: the line ending at its offset
    /// has its sequence number. Reads only that one line.
    private func fits(_ snapshot: SnapshotFile.Contents<Model>, journalSize: Int64) -> Bool {
        guard snapshot.journalOffset <= journalSize else { return false }
        if snapshot.seq == 0 { return snapshot.journalOffset == 0 }
        return JournalReader.sequence(endingAt: snapshot.journalOffset, fd: journalFD) == snapshot.seq
    }

    private func replay(
        from start: SnapshotFile.Contents<Model>?, empty: Model, journalSize: Int64
    ) throws(StoreError) -> (Model, JournalRead) {
        var replay = Replay(start?.model ?? empty)
        let seq = start?.seq ?? 0
        let read = try JournalReader.read(
            fd: journalFD, path: journalPath, from: start?.journalOffset ?? 0, to: journalSize,
            firstLine: seq + 1, lastSeq: seq, schemaVersion: Model.schemaVersion, decoder: decoder,
            as: Model.Entry.self) { replay.apply($0) }
        return (replay.model, read)
    }

    func report(_ torn: (line: Int, offset: Int64, reason: String)) {
        guard reportedTornOffset != torn.offset else { return }
        reportedTornOffset = torn.offset
        notices.append("Ignored line \(torn.line) of \(journalPath) and anything after it: \(torn.reason). "
            + "It was being written when a program stopped, and was never confirmed as saved. "
            + "The next save removes it.")
    }

    // MARK: Writing

    /// Under an exclusive lock: catches up on entries other processes appended, calls `decide`
    /// with the up-to-date model, appends what it returns (one write + fdatasync), applies it
    /// and unlocks. Errors thrown by `decide` pass through unchanged and nothing is written.
    /// Store failures throw `StoreError`. Returns decide's result only after the data is durable.
    ///
    /// While another process holds the lock, waits up to five seconds, or with `waiting` false
    /// not at all; then throws `StoreError.locked`, having written nothing. Being busy is passing:
    /// it never makes the store read-only.
    public func transact<R>(
        waiting: Bool = true, _ decide: (Model) throws -> (entries: [Model.Entry], result: R)
    ) throws -> R {
        if let reason = readOnlyReason { throw StoreError.readOnly(reason: reason) }
        guard let lock else { throw StoreError.readOnly(reason: "The store has no lock file.") }
        try lock.lock(.exclusive, timeout: lockWait(waiting))
        let result: R
        do {
            defer { lock.unlock() }
            try catchUp(truncatingTornTail: true)
            let decision = try decide(model)
            result = decision.result
            if !decision.entries.isEmpty { try append(decision.entries) }
        }
        if snapshotWanted || lastSequence - snapshotSeq > snapshotEvery { snapshotAfterTransaction() }
        return result
    }

    /// Catches up on other processes' entries without writing, under a shared lock; waits for
    /// the lock as `transact` does. Does nothing while the store is read-only.
    public func refresh(waiting: Bool = true) throws(StoreError) {
        guard readOnlyReason == nil, let lock else { return }
        try lock.lock(.shared, timeout: lockWait(waiting))
        defer { lock.unlock() }
        try catchUp(truncatingTornTail: false)
    }

    /// The wait limit for one lock: `lockTimeout`, or a single try when not `waiting`.
    func lockWait(_ waiting: Bool) -> Double { waiting ? lockTimeout : 0 }

    /// Writes a snapshot of `model.compactedForSnapshot()` atomically (as of `lastSequence`),
    /// after verifying every journal line it covers.
    public func writeSnapshot() throws(StoreError) {
        if let reason = readOnlyReason { throw .readOnly(reason: reason) }
        try saveSnapshot()
    }

    /// Reads lines appended since `knownEnd` (complete, since writers hold the exclusive lock).
    /// With `truncatingTornTail` (under the exclusive lock), removes an unfinished tail.
    func catchUp(truncatingTornTail: Bool) throws(StoreError) {
        guard Posix.sameFile(journalFD, path: journalPath) else {
            throw goReadOnly(.corrupt(
                file: journalPath, line: nil,
                reason: "it was deleted or replaced while the program was running (restored from a backup?); it is read again when the program next opens it"))
        }
        if let noted = notedDamage() { throw goReadOnly(noted) }
        let size = Int64(try Posix.status(journalFD, path: journalPath).st_size)
        if size < knownEnd {
            throw goReadOnly(.corrupt(
                file: journalPath, line: nil,
                reason: "it is shorter (\(size) bytes) than the \(knownEnd) bytes already read, so it was cut or replaced"))
        }
        guard size > knownEnd else { return }
        let read = try JournalReader.read(
            fd: journalFD, path: journalPath, from: knownEnd, to: size, firstLine: lastSequence + 1,
            lastSeq: lastSequence, schemaVersion: Model.schemaVersion, decoder: decoder,
            as: Model.Entry.self) { self.model.apply($0) }
        lastSequence = read.lastSeq
        knownEnd = read.end
        if let problem = read.problem { throw goReadOnly(problem) }
        guard let torn = read.torn else { return }
        report(torn)
        guard truncatingTornTail else { return }
        var code = fileOps.ftruncate(journalFD, knownEnd)
        if code == 0 { code = fileOps.fdatasync(journalFD) }
        if code != 0 { throw goReadOnly(.io(operation: "truncate", path: journalPath, errno: code)) }
        reportedTornOffset = nil
    }

    func goReadOnly(_ error: StoreError) -> StoreError {
        if readOnlyReason == nil { readOnlyReason = error.message }
        return error
    }

    func snapshotAfterTransaction() {
        do {
            try saveSnapshot()
        } catch .corrupt(let file, let line, let reason) {
            notices.append("The last action was saved. Making a snapshot found damage: "
                + StoreError.corrupt(file: file, line: line, reason: reason).message)
        } catch {
            snapshotSeq = lastSequence  // retry only after another `snapshotEvery` lines
            snapshotWanted = false
            notices.append("Could not write \(snapshotPath) (\(error.message)) Nothing was lost: "
                + "the journal holds every entry; opening the store may be slower.")
        }
    }

    /// Writes the snapshot, which covers every line up to `knownEnd`: only after verifying them.
    /// Under the shared lock, so that a restore (which holds the exclusive one) never finds a
    /// snapshot of the journal it replaced put back after it.
    private func saveSnapshot() throws(StoreError) {
        try lock?.lock(.shared, timeout: lockTimeout)
        defer { lock?.unlock() }
        guard Posix.sameFile(journalFD, path: journalPath) else {
            throw goReadOnly(.corrupt(file: journalPath, line: nil, reason: "it was replaced while the program was running "
                + "(restored from a backup?); it is read again when the program next opens it"))
        }
        if let problem = try verifyJournal() { throw problem }
        let bytes = try SnapshotFile.encode(
            model.compactedForSnapshot(), schema: Model.schemaVersion, seq: lastSequence,
            journalOffset: knownEnd, encoder: encoder)
        try AtomicFile.write(bytes, to: snapshotPath, mode: 0o600, ops: fileOps, crashPoint: .snapshotWritten)
        snapshotSeq = lastSequence
        snapshotWanted = false
    }
}
