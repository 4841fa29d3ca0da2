#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A folder holding a model as an append-only journal of entries plus an optional snapshot.
///
/// Files: the journal, `journal/NNNNNNNNNNNN.jsonl` (one checksummed entry per line, appended
/// to and never rewritten, in segments: see ``JournalFiles``), `snapshot.json` (derived,
/// replaced atomically; it covers only lines verified when it was made), `lock` (flock, taken
/// per transaction), and notes for later opens (see `Store+Notes.swift`).
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
    public internal(set) var readOnlyReason: ReadOnlyReason?
    /// Things a person should know that did not stop the store.
    public internal(set) var notices: [StoreNotice] = []
    /// The store folder.
    public let folder: URL

    let folderPath: String
    /// The folder of journal segments (unused by a journal of the first format).
    let journalFolder: String
    /// The journal's segments found so far, oldest first; the last is the one appended to.
    var segments: [Segment]
    /// The last segment's path and its file, open for appending (read-only when the store may
    /// not write).
    var journalPath: String
    var journalFD: Int32
    /// A journal of the first format, one `journal.jsonl`, that could not be moved into
    /// segments (the store is read-only then).
    var isLegacyJournal: Bool
    let snapshotPath: String
    let lockPath: String
    let damagePath: String
    let unconfirmedPath: String
    let lock: FileLock?
    /// The state before any entry, for opening the folder again.
    let empty: Model
    /// The segment, and the offset in it, just after the last complete transaction read or
    /// written: always the segment holding entry `lastSequence`.
    var knownSegment = 0
    var knownEnd: Int64 = 0
    /// ``StoreModel/segmentPeriod(of:)`` of the last segment's first entry, once looked up.
    var openPeriod: String??
    /// Sequence number of the last snapshot this store read or wrote.
    var snapshotSeq = 0
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
    /// A transaction that would make the last segment larger than this starts a new one.
    var segmentLimit: Int64 = 64 << 20

    private init(folder: URL, folderPath: String, journal: Segment, legacy: Bool, journalFD: Int32, lock: FileLock?, model: Model) {
        self.folder = folder
        self.folderPath = folderPath
        journalFolder = folderPath + "/" + JournalFiles.folderName
        segments = [journal]
        journalPath = journal.path
        isLegacyJournal = legacy
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
    ///
    /// A store of the first format (one `journal.jsonl`) is moved to journal segments when it
    /// may be written, after a backup of it into `backups` (default: the folder `backups` in the
    /// store folder) with the `alongside` files of the store folder.
    public static func open(folder: URL, empty: Model, backups: URL? = nil, alongside: [String] = []) throws(StoreError) -> Store {
        let store = try open(folder: folder, empty: empty, creating: true, waiting: true)
        if store.isLegacyJournal, store.readOnlyReason == nil {
            do {
                try store.migrateToSegments(backupInto: backups ?? folder.appendingPathComponent("backups"), alongside: alongside)
            } catch {
                store.readOnlyReason = .notMigrated(error)
            }
        }
        return store
    }

    /// Opens this store's folder again, as a restart would: how a program finds out whether a
    /// fault that made the store read-only is gone. Never waits for the lock (throws
    /// `StoreError.locked` at once while another process holds it) and never creates the
    /// folder or the journal: a missing one is a fault, not a new store.
    public func reopened() throws(StoreError) -> Store {
        try Store.open(folder: folder, empty: empty, creating: false, waiting: false)
    }

    /// Opens without moving a journal of the first format (a backup being checked must not change).
    static func open(folder: URL, empty: Model, creating: Bool, waiting: Bool) throws(StoreError) -> Store {
        let folderPath = folder.standardizedFileURL.path
        let createdFolder = creating ? try Posix.createFolder(folderPath) : false
        try Self.settleInterruptedRestore(folderPath)
        let (journal, legacy, createdJournal) = try Self.findJournal(folderPath, creating: creating)
        var readOnly: ReadOnlyReason?
        let journalFD: Int32
        switch Posix.openFile(journal.path, O_RDWR | O_APPEND) {
        case .success(let fd):
            journalFD = fd
        case .failure(let code) where code == EACCES || code == EROFS || code == EPERM:
            journalFD = try Posix.openOrThrow(journal.path, O_RDONLY)
            readOnly = .mayNotWrite(path: journal.path, errno: code)
        case .failure(let code):
            throw .io(operation: .open, path: journal.path, errno: code)
        }
        let lock: FileLock?
        do {
            lock = try FileLock(path: folderPath + "/lock", create: readOnly == nil)
        } catch .io(_, _, ENOENT) {
            // Missing and it cannot be made: nobody writes without it, so reading needs none.
            lock = nil
            if readOnly == nil {
                readOnly = .lockMissing(path: folderPath + "/lock")
            }
        } catch {
            close(journalFD)
            throw error
        }
        let store = Store(folder: folder, folderPath: folderPath, journal: journal, legacy: legacy,
                          journalFD: journalFD, lock: lock, model: empty)
        store.readOnlyReason = readOnly
        if !legacy { try Self.settleMigration(folderPath, writable: readOnly == nil) }
        if readOnly == nil {
            Posix.removeLeftovers(in: folderPath, tags: AtomicFile.temporaryTag, ".migrating-")
            if !legacy { Posix.removeLeftovers(in: store.journalFolder, tags: AtomicFile.temporaryTag) }
        }
        if createdJournal || createdFolder {
            // Make the new journal's names durable.
            try Posix.syncFolder(store.journalFolder, ops: .live)
            try Posix.syncFolder(folderPath, ops: .live)
        }
        try store.load(empty: empty, waiting: waiting)
        return store
    }

    /// The journal's last segment (or the single file of the first format), creating the
    /// journal folder and its first segment for a new store when `creating`. Returns it, whether
    /// it is of the first format, and whether it was created.
    private static func findJournal(_ folderPath: String, creating: Bool) throws(StoreError) -> (Segment, Bool, Bool) {
        let journalFolder = folderPath + "/" + JournalFiles.folderName
        let legacyPath = folderPath + "/" + JournalFiles.legacyName
        let hasSnapshot: Bool
        if case .success = Posix.status(path: folderPath + "/snapshot.json") { hasSnapshot = true } else { hasSnapshot = false }
        switch Posix.status(path: journalFolder) {
        case .success(let info):
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .io(operation: .openFolder, path: journalFolder, errno: ENOTDIR) }
            if let last = try JournalFiles.list(journalFolder).last { return (last, false, false) }
        case .failure(ENOENT):
            if case .success = Posix.status(path: legacyPath) { return (Segment(firstSeq: 1, path: legacyPath), true, false) }
        case .failure(let code):
            throw .io(operation: .openFolder, path: journalFolder, errno: code)
        }
        let first = journalFolder + "/" + JournalFiles.segmentName(1)
        guard creating else { throw .io(operation: .open, path: first, errno: ENOENT) }
        if hasSnapshot {
            throw .corrupt(file: first, line: nil, reason: .lostBehindSnapshot)
        }
        try Posix.createFolder(journalFolder)
        switch Posix.openFile(first, O_RDWR | O_CREAT | O_EXCL, 0o600) {
        case .success(let fd):
            defer { close(fd) }
            try Posix.setMode(fd, 0o600, path: first)
            return (Segment(firstSeq: 1, path: first), false, true)
        case .failure(EEXIST):
            return (Segment(firstSeq: 1, path: first), false, false)  // another program made it just now
        case .failure(let code):
            throw .io(operation: .create, path: first, errno: code)
        }
    }

    /// Reads the snapshot (if sound and fitting) and the journal after it, under a shared lock.
    private func load(empty: Model, waiting: Bool) throws(StoreError) {
        try lock?.lock(.shared, timeout: lockWait(waiting))
        defer { lock?.unlock() }
        try findSegments()
        var start: SnapshotFile.Contents<Model>?
        var unusedSnapshot: Int?  // a sound snapshot's sequence that the journal did not fit
        switch SnapshotFile.read(path: snapshotPath, as: Model.self, supported: Model.schemaVersion, decoder: decoder) {
        case .missing:
            break
        case .damaged(let reason):
            notices.append(.snapshotIgnored(path: snapshotPath, reason))
            snapshotWanted = true
        case .newer(let version):
            readOnlyReason = .failed(.newerSchema(file: snapshotPath, found: version, supported: Model.schemaVersion))
        case .sound(let snapshot):
            if fits(snapshot) {
                start = snapshot
            } else {
                notices.append(.snapshotMisplaced(path: snapshotPath, entry: snapshot.seq, offset: snapshot.journalOffset,
                                                  file: Posix.fileName(segments[JournalFiles.index(holding: snapshot.seq, in: segments)].path)))
                unusedSnapshot = snapshot.seq
                snapshotWanted = true
            }
        }
        var (model, read, segment) = try replay(from: start, empty: empty)
        if let snapshot = start, case .corrupt(_, let line?, _)? = read.problem, line == snapshot.seq + 1 {
            // The line after the snapshot does not follow it: trust the journal alone.
            notices.append(.snapshotNotContinued(path: snapshotPath))
            unusedSnapshot = snapshot.seq
            snapshotWanted = true
            start = nil
            (model, read, segment) = try replay(from: nil, empty: empty)
        }
        self.model = model
        lastSequence = read.lastSeq
        knownSegment = segment
        knownEnd = read.end
        snapshotSeq = start?.seq ?? 0
        if let torn = read.torn { report(torn) }
        if let problem = read.problem {
            if readOnlyReason == nil { readOnlyReason = .failed(problem) }
        } else if let taken = unusedSnapshot, taken > lastSequence, readOnlyReason == nil {
            readOnlyReason = .failed(.corrupt(file: journalPath, line: nil, reason: .endsBeforeSnapshot(end: lastSequence, snapshot: taken)))
        }
        try checkRecordedDamage()
        resolveUnconfirmedWrite()
    }

    /// Lists the journal's segments again under the lock (another program may have started
    /// one since the last was opened) and opens the last.
    private func findSegments() throws(StoreError) {
        guard !isLegacyJournal else { return }
        let found = try JournalFiles.list(journalFolder)
        guard let last = found.last else {
            throw .corrupt(file: journalFolder, line: nil, reason: .noJournalFile)
        }
        if last.path != journalPath || !Posix.sameFile(journalFD, path: journalPath) {
            let fd: Int32
            switch Posix.openFile(last.path, readOnlyReason == nil ? O_RDWR | O_APPEND : O_RDONLY) {
            case .success(let opened): fd = opened
            case .failure(let code): throw .io(operation: .open, path: last.path, errno: code)
            }
            close(journalFD)
            journalFD = fd
            journalPath = last.path
        }
        segments = found
    }

    /// Whether the snapshot's position in the journal is right: the line ending at its offset
    /// of the segment holding its entry has its sequence number. Reads only that one line.
    private func fits(_ snapshot: SnapshotFile.Contents<Model>) -> Bool {
        let index = JournalFiles.index(holding: snapshot.seq, in: segments)
        let fits = try? withSegment(index) { fd, size throws(StoreError) -> Bool in
            guard snapshot.journalOffset <= size else { return false }
            if snapshot.seq == 0 { return snapshot.journalOffset == 0 }
            return JournalReader.sequence(endingAt: snapshot.journalOffset, fd: fd) == snapshot.seq
        }
        return fits ?? false
    }

    private func replay(
        from start: SnapshotFile.Contents<Model>?, empty: Model
    ) throws(StoreError) -> (Model, JournalRead, Int) {
        var replay = Replay(start?.model ?? empty)
        let seq = start?.seq ?? 0
        let from = SegmentOffset(segment: JournalFiles.index(holding: seq, in: segments), offset: start?.journalOffset ?? 0)
        let last = segments.count - 1
        let size = Int64(try Posix.status(journalFD, path: journalPath).st_size)
        let (read, segment) = try readJournal(from: from, lastSeq: seq, to: SegmentOffset(segment: last, offset: size)) {
            replay.apply($0)
        }
        return (replay.model, read, segment)
    }

    func report(_ torn: (line: Int, offset: Int64, reason: Damage)) {
        guard reportedTornOffset != torn.offset else { return }
        reportedTornOffset = torn.offset
        notices.append(.tornLine(line: torn.line, file: journalPath, torn.reason))
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
        guard let lock else { throw StoreError.readOnly(reason: .noLock) }
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

    /// Reads lines appended since `knownEnd` (complete, since writers hold the exclusive lock),
    /// following the journal into segments started since. With `truncatingTornTail` (under the
    /// exclusive lock), removes an unfinished tail.
    func catchUp(truncatingTornTail: Bool) throws(StoreError) {
        guard Posix.sameFile(journalFD, path: journalPath) else {
            throw goReadOnly(.corrupt(
                file: journalPath, line: nil,
                reason: .replaced))
        }
        if let noted = notedDamage() { throw goReadOnly(noted) }
        repeat {
            let size = Int64(try Posix.status(journalFD, path: journalPath).st_size)
            if size < knownEnd {
                throw goReadOnly(.corrupt(
                    file: journalPath, line: nil,
                    reason: .shorter(size: size, read: knownEnd)))
            }
            guard size > knownEnd else { continue }
            let (read, _) = try readJournal(
                from: knownPosition, lastSeq: lastSequence, to: SegmentOffset(segment: knownSegment, offset: size)
            ) { self.model.apply($0) }
            lastSequence = read.lastSeq
            knownEnd = read.end
            if let problem = read.problem { throw goReadOnly(problem) }
            guard let torn = read.torn else { continue }
            report(torn)
            guard truncatingTornTail else { return }
            var code = fileOps.ftruncate(journalFD, knownEnd)
            if code == 0 { code = fileOps.fdatasync(journalFD) }
            if code != 0 { throw goReadOnly(.io(operation: .truncate, path: journalPath, errno: code)) }
            reportedTornOffset = nil
            return
        } while try followNewSegments()
    }

    func goReadOnly(_ error: StoreError) -> StoreError {
        if readOnlyReason == nil { readOnlyReason = .failed(error) }
        return error
    }

    func snapshotAfterTransaction() {
        do {
            try saveSnapshot()
        } catch .corrupt(let file, let line, let reason) {
            notices.append(.snapshotFoundDamage(.corrupt(file: file, line: line, reason: reason)))
        } catch {
            snapshotSeq = lastSequence  // retry only after another `snapshotEvery` lines
            snapshotWanted = false
            notices.append(.snapshotUnwritten(path: snapshotPath, error))
        }
    }

    /// Writes the snapshot, which covers every line up to `knownEnd`: only after verifying them.
    /// Under the shared lock, so that a restore (which holds the exclusive one) never finds a
    /// snapshot of the journal it replaced put back after it; caught up first, so that none is
    /// written of a state an erasure scrubbed since.
    private func saveSnapshot() throws(StoreError) {
        try lock?.lock(.shared, timeout: lockTimeout)
        defer { lock?.unlock() }
        if readOnlyReason == nil { try catchUp(truncatingTornTail: false) }
        try writeSnapshotFile()
    }

    /// Writes the snapshot as ``saveSnapshot()`` does, the lock already held.
    func writeSnapshotFile() throws(StoreError) {
        guard Posix.sameFile(journalFD, path: journalPath) else {
            throw goReadOnly(.corrupt(file: journalPath, line: nil, reason: .replaced))
        }
        if let problem = try verifyJournal() { throw problem }
        let bytes = try SnapshotFile.encode(
            model.compactedForSnapshot(), schema: Model.schemaVersion, seq: lastSequence, journalOffset: knownEnd)
        try AtomicFile.write(bytes, to: snapshotPath, mode: 0o600, ops: fileOps, crashPoint: .snapshotWritten)
        snapshotSeq = lastSequence
        snapshotWanted = false
    }
}
