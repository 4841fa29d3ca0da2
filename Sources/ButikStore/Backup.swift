#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Backups: a backup is a store folder of its own (journal, snapshot and the files the caller
/// names, such as `shop.json`), so it is checked, opened and restored like any store.
extension Store {
    /// Copies the store into a new folder `parent/name`, consistently: under the shared lock
    /// (no write can happen meanwhile), only after verifying every journal line it copies, and
    /// only complete transactions. Written into a temporary folder, synced, then renamed into
    /// place, so `parent` never holds half a backup; then checked by opening it. A closed
    /// journal segment that the newest earlier backup in `parent` holds byte for byte is linked
    /// to that copy instead of copied again (on the same disk). `alongside` names more files of
    /// the store folder to copy if present; with `waiting` false another program's lock throws
    /// ``StoreError/locked`` at once. Returns the backup's folder.
    public func backup(into parent: URL, name: String, alongside: [String] = [], waiting: Bool = true) throws(StoreError) -> URL {
        let parentPath = parent.standardizedFileURL.path
        let finalPath = parentPath + "/" + name
        if case .success = Posix.status(path: finalPath) { throw .io(operation: .create, path: finalPath, errno: EEXIST) }
        let lastCopied: Int
        do {
            try lock?.lock(.shared, timeout: lockWait(waiting))
            defer { lock?.unlock() }
            if readOnlyReason == nil { try catchUp(truncatingTornTail: false) }
            if let problem = try firstProblem(to: knownPosition) {
                noteDamage(problem)
                throw goReadOnly(problem)
            }
            try Posix.createFolder(parentPath)
            Posix.removeLeftovers(in: parentPath, tags: ".partial-")
            let previous = Self.newestBackup(in: parentPath)
            let temporary = parentPath + "/.\(name).partial-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
            try Posix.createFolder(temporary)
            var renamed = false
            defer { if !renamed { try? FileManager.default.removeItem(atPath: temporary) } }
            // A store of the first format is copied as it is (the backup before its migration).
            let journalCopy = isLegacyJournal ? temporary : temporary + "/" + JournalFiles.folderName
            if !isLegacyJournal { try Posix.createFolder(journalCopy) }
            for index in 0...knownSegment {
                let segmentName = isLegacyJournal ? JournalFiles.legacyName : JournalFiles.segmentName(segments[index].firstSeq)
                let destination = journalCopy + "/" + segmentName
                try withSegment(index) { fd, size throws(StoreError) in
                    let length = index == knownSegment ? knownEnd : size
                    if index < knownSegment, let previous,
                       try Posix.linkIfSame(previous + "/" + JournalFiles.folderName + "/" + segmentName, as: destination,
                                            to: fd, length: length) {
                        return
                    }
                    try Posix.copy(fd, length: length, from: segments[index].path, to: destination, ops: fileOps)
                }
            }
            try Posix.syncFolder(journalCopy, ops: fileOps)
            for file in ["snapshot.json"] + alongside {
                _ = try Posix.copyFile(folderPath + "/" + file, to: temporary + "/" + file, ops: fileOps)
            }
            try Posix.syncFolder(temporary, ops: fileOps)
            CrashPoint.backupCopied.reached()
            if rename(temporary, finalPath) != 0 { throw StoreError.io(operation: .rename, path: temporary, errno: errno) }
            renamed = true
            try Posix.syncFolder(parentPath, ops: fileOps)
            lastCopied = lastSequence
        }
        let backup = URL(fileURLWithPath: finalPath)
        do throws(StoreError) {
            let last = try Store.verifiedBackup(at: backup, empty: empty)
            guard last == lastCopied else { throw StoreError.corrupt(file: finalPath, line: nil, reason: .backupEnds(entry: last)) }
        } catch {
            // A copy that does not read back is no backup: it must not pass for today's.
            try? FileManager.default.removeItem(at: backup)
            throw .corrupt(file: finalPath, line: nil, reason: .backupUnreadable(error))
        }
        return backup
    }

    /// The most recently made backup folder in `parent` with a journal folder, whose closed
    /// segments a new backup may share.
    private static func newestBackup(in parent: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var newest: (path: String, time: Int)?
        for name in names where !name.hasPrefix(".") {
            let path = parent + "/" + name
            guard case .success(let info) = Posix.status(path: path + "/" + JournalFiles.folderName),
                  info.st_mode & S_IFMT == S_IFDIR, case .success(let folder) = Posix.status(path: path) else { continue }
            let time = folder.st_mtim.tv_sec
            if newest.map({ time > $0.time }) ?? true { newest = (path, time) }
        }
        return newest?.path
    }

    /// Checks the store folder `folder` (a backup) by loading it as any store is opened, without
    /// changing it, and reading every journal line back: what a full `check` would replay of a
    /// year's history costs seconds, this what opening and a snapshot's verification cost.
    /// Returns its last entry; throws what is wrong with it.
    public static func verifiedBackup(at folder: URL, empty: Model) throws(StoreError) -> Int {
        guard hasJournal(folder.standardizedFileURL.path) else {
            throw .corrupt(file: folder.path, line: nil, reason: .notABackup)
        }
        let copy = try Store.open(folder: folder, empty: empty, creating: false, waiting: true)
        if let problem = try copy.verifyJournal() { throw problem }
        if let reason = copy.readOnlyReason { throw .readOnly(reason: reason) }
        return copy.lastSequence
    }
}

extension Store {
    /// Puts the backup in `backup` (a store folder, checked first) in place of this store's
    /// files, under the exclusive lock. The backup's journal is copied into a temporary folder
    /// beside the store's; the snapshot and the notes of the journal being replaced go; then
    /// the store's journal folder is renamed aside and the copy renamed into place; then the
    /// backup's snapshot and the `alongside` files. A crash at any point leaves either the old
    /// journal or the new one, each without a snapshot that does not fit it (a journal renamed
    /// aside with none in its place is put back by the next open). Afterwards this store is
    /// read-only (its journal is gone); open the folder again.
    public func restore(from backup: URL, alongside: [String] = []) throws(StoreError) {
        let backupPath = backup.standardizedFileURL.path
        do { _ = try Store.verifiedBackup(at: backup, empty: empty) } catch {
            throw .corrupt(file: backupPath, line: nil, reason: .unsoundBackup(error))
        }
        guard let lock else { throw .readOnly(reason: .noLock) }
        try lock.lock(.exclusive, timeout: lockTimeout)
        defer { lock.unlock() }
        Posix.removeLeftovers(in: folderPath, tags: ".restore-")
        let suffix = ".restore-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let stagedJournal = folderPath + "/." + JournalFiles.folderName + suffix
        defer { try? FileManager.default.removeItem(atPath: stagedJournal) }  // unless renamed
        try Posix.createFolder(stagedJournal)
        for segment in try Self.journalSegments(of: backupPath) {
            let copied = try Posix.copyFile(segment.path, to: stagedJournal + "/" + JournalFiles.segmentName(segment.firstSeq), ops: fileOps)
            if !copied { throw .io(operation: .open, path: segment.path, errno: ENOENT) }
        }
        try Posix.syncFolder(stagedJournal, ops: fileOps)
        var staged: [(temporary: String, final: String)] = []
        defer { for file in staged { unlink(file.temporary) } }  // whatever was not renamed
        for file in ["snapshot.json"] + alongside {
            let temporary = folderPath + "/." + file + suffix
            if try Posix.copyFile(backupPath + "/" + file, to: temporary, ops: fileOps) {
                staged.append((temporary, folderPath + "/" + file))
            }
        }
        for note in [snapshotPath, unconfirmedPath] where unlink(note) != 0 && errno != ENOENT {
            throw .io(operation: .remove, path: note, errno: errno)
        }
        try Posix.syncFolder(folderPath, ops: fileOps)
        CrashPoint.restoreCleared.reached()
        // Aside first, then the copy in: the one moment without a journal folder is settled by
        // the next open, which puts the old one back (`settleInterruptedRestore`).
        let old = isLegacyJournal ? segments[0].path : journalFolder
        let aside = folderPath + "/." + Posix.fileName(old) + ".replaced-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        if rename(old, aside) != 0 { throw .io(operation: .rename, path: old, errno: errno) }
        CrashPoint.restoreJournalAside.reached()
        if rename(stagedJournal, journalFolder) != 0 {
            let code = errno
            _ = rename(aside, old)
            throw .io(operation: .rename, path: stagedJournal, errno: code)
        }
        try Posix.syncFolder(folderPath, ops: fileOps)
        CrashPoint.restoreJournalReplaced.reached()
        try? FileManager.default.removeItem(atPath: aside)
        for (index, file) in staged.enumerated() {
            if rename(file.temporary, file.final) != 0 { throw .io(operation: .rename, path: file.temporary, errno: errno) }
            staged[index].temporary = ""  // renamed: nothing to remove
        }
        try MarkerFile.remove(damagePath, ops: fileOps)
        try Posix.syncFolder(folderPath, ops: fileOps)
        readOnlyReason = .restored(from: backupPath)
    }

    /// The journal files of the store folder `path`: its segments, or its one `journal.jsonl`
    /// of the first format as segment 1.
    static func journalSegments(of path: String) throws(StoreError) -> [Segment] {
        let folder = path + "/" + JournalFiles.folderName
        if case .success = Posix.status(path: folder) { return try JournalFiles.list(folder) }
        return [Segment(firstSeq: 1, path: path + "/" + JournalFiles.legacyName)]
    }

    /// Before opening: a journal a restore renamed aside, with none put in its place (the
    /// restore was killed between its two renames), is renamed back; one left aside after the
    /// new journal went in is removed. Only what dead processes left is touched.
    static func settleInterruptedRestore(_ folderPath: String) throws(StoreError) {
        for (aside, journalName) in journalsAside(in: folderPath) {
            if hasJournal(folderPath) {
                try? FileManager.default.removeItem(atPath: aside)
            } else {
                if rename(aside, folderPath + "/" + journalName) != 0 { throw .io(operation: .rename, path: aside, errno: errno) }
                try Posix.syncFolder(folderPath, ops: .live)
            }
        }
    }

    /// The journals a killed restore left renamed aside in the store folder, each with the
    /// name it had.
    static func journalsAside(in folderPath: String) -> [(path: String, name: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []
        return names.filter { Posix.isLeftover($0, tag: ".replaced-") }.compactMap { name in
            [JournalFiles.folderName, JournalFiles.legacyName].first { name.hasPrefix("." + $0 + ".replaced-") }
                .map { (folderPath + "/" + name, $0) }
        }
    }

    /// Whether the store folder has a journal, of either format.
    static func hasJournal(_ folderPath: String) -> Bool {
        [JournalFiles.folderName, JournalFiles.legacyName].contains { name in
            if case .success = Posix.status(path: folderPath + "/" + name) { return true }
            return false
        }
    }
}

/// How backup folders are named after their time.
enum BackupName {
    /// `20261201-093105` in `zone`.
    static func format(in zone: TimeZone) -> DateFormatter {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = zone
        format.dateFormat = "yyyyMMdd-HHmmss"
        return format
    }
}

/// What `repair` did: the journal lines it took from the backup.
public struct RepairReport: Sendable, Equatable {
    public var replacedLines: [Int]
}

extension Store {
    /// Heals damaged journal lines from a backup that holds them intact, never guessing: every
    /// damaged stretch is replaced by the backup's lines with the missing sequence numbers, each
    /// sound (valid checksum); every sound line the two share must be byte-identical (the same
    /// history); an unfinished write at the end is dropped. Each repaired segment is written
    /// beside the old one and renamed into place under the exclusive lock, after every segment
    /// was worked out. Afterwards this store is read-only; open the folder again.
    public func repair(from backup: URL) throws(StoreError) -> RepairReport {
        try repair(from: backup, rewriting: NoRewrite<Model.Entry>())
    }

    /// The same, with `rewrite` made on the backup's lines first (the erasures made since it
    /// was taken), so that they are compared with the store's lines as the store has them.
    public func repair<Rewrite: JournalRewrite>(from backup: URL, rewriting rewrite: Rewrite) throws(StoreError) -> RepairReport
    where Rewrite.Entry == Model.Entry {
        var fromBackup: [Int: [UInt8]] = [:]
        for segment in try Self.journalSegments(of: backup.standardizedFileURL.path) {
            guard let bytes = try Posix.readWholeFile(segment.path) else {
                throw .io(operation: .open, path: segment.path, errno: ENOENT)
            }
            fromBackup.merge(Self.soundLines(bytes)) { first, _ in first }
        }
        fromBackup = rewritten(fromBackup, rewrite)
        guard let lock else { throw .readOnly(reason: .noLock) }
        try lock.lock(.exclusive, timeout: lockTimeout)
        defer { lock.unlock() }
        let current = isLegacyJournal ? segments : try JournalFiles.list(journalFolder)
        var replaced: [Int] = []
        var rewritten: [(path: String, bytes: [UInt8])] = []
        var expected = 1
        for (index, segment) in current.enumerated() {
            guard let bytes = try Posix.readWholeFile(segment.path) else { throw .io(operation: .open, path: segment.path, errno: ENOENT) }
            let next = index + 1 < current.count ? current[index + 1].firstSeq : nil
            let (repaired, filled) = try Self.repaired(bytes, path: segment.path, expected: &expected, endingBefore: next, from: fromBackup)
            if !filled.isEmpty {
                replaced += filled
                rewritten.append((segment.path, repaired))
            }
        }
        guard !replaced.isEmpty else { return RepairReport(replacedLines: []) }
        for file in rewritten { try AtomicFile.write(file.bytes, to: file.path, mode: 0o600, ops: fileOps) }
        try MarkerFile.remove(damagePath, ops: fileOps)
        readOnlyReason = .repaired(from: backup.path)
        return RepairReport(replacedLines: replaced)
    }

    /// One segment's bytes with its damaged stretches filled from `fromBackup`, and the entries
    /// filled. `expected` is the entry its first line should hold, and afterwards the one after
    /// its last; `next` the first entry of the segment after it (nil for the last segment).
    private static func repaired(
        _ bytes: [UInt8], path: String, expected: inout Int, endingBefore next: Int?, from fromBackup: [Int: [UInt8]]
    ) throws(StoreError) -> ([UInt8], [Int]) {
        var repaired: [UInt8] = []
        var replaced: [Int] = []
        var damaged: (pieces: Int, bytes: Int) = (0, 0)
        var line = 0
        var expectedNow = expected
        defer { expected = expectedNow }

        func refuse(_ reason: Damage) -> StoreError {
            .corrupt(file: path, line: line, reason: reason)
        }
        /// Fills the damaged stretch before entry `upTo` (nil: the end of the journal) from the backup.
        func fill(upTo: Int?) throws(StoreError) {
            guard damaged.pieces > 0 else { return }
            let last = upTo.map { $0 - 1 } ?? (fromBackup.keys.max() ?? 0)
            guard last >= expectedNow else { throw refuse(.repairBeyondBackup) }
            var filled: [UInt8] = []
            for seq in expectedNow...last {
                guard let piece = fromBackup[seq] else { throw refuse(.repairEntryNotInBackup(entry: seq)) }
                filled += piece
            }
            if upTo == nil, filled.count != damaged.bytes, last - expectedNow + 1 != damaged.pieces {
                throw refuse(.repairEndDiffers)
            }
            repaired += filled
            replaced += Array(expectedNow...last)
            expectedNow = last + 1
            damaged = (0, 0)
        }

        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { break }  // unfinished: dropped
            let piece = Array(bytes[start...newline])
            start = newline + 1
            line += 1
            let seq = piece.dropLast().withUnsafeBytes { JournalLine.verifiedSequence($0) }
            guard let seq, seq >= expectedNow, next.map({ seq < $0 }) ?? true else {
                damaged.pieces += 1
                damaged.bytes += piece.count
                continue
            }
            try fill(upTo: seq)
            guard seq == expectedNow else { throw refuse(.repairGap(first: expectedNow, last: seq - 1)) }
            if let other = fromBackup[seq], other != piece {
                throw refuse(.repairDiffers(entry: seq))
            }
            repaired += piece
            expectedNow += 1
        }
        try fill(upTo: next)
        if start < bytes.count, next != nil {
            throw refuse(.repairUnfinished)
        }
        return (repaired, replaced)
    }

    /// The sound lines of a journal's bytes (newline included), by sequence number.
    private static func soundLines(_ bytes: [UInt8]) -> [Int: [UInt8]] {
        var lines: [Int: [UInt8]] = [:]
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let piece = Array(bytes[start...newline])
            if let seq = piece.dropLast().withUnsafeBytes({ JournalLine.verifiedSequence($0) }) { lines[seq] = piece }
            start = newline + 1
        }
        return lines
    }
}
