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
    /// place, so `parent` never holds half a backup; then checked by opening it. `alongside`
    /// names more files of the store folder to copy if present; with `waiting` false another
    /// program's lock throws ``StoreError/locked`` at once. Returns the backup's folder.
    public func backup(into parent: URL, name: String, alongside: [String] = [], waiting: Bool = true) throws(StoreError) -> URL {
        let parentPath = parent.standardizedFileURL.path
        let finalPath = parentPath + "/" + name
        if case .success = Posix.status(path: finalPath) { throw .io(operation: "create", path: finalPath, errno: EEXIST) }
        let folderPath = (journalPath as NSString).deletingLastPathComponent
        let lastCopied: Int
        do {
            try lock?.lock(.shared, timeout: lockWait(waiting))
            defer { lock?.unlock() }
            if readOnlyReason == nil { try catchUp(truncatingTornTail: false) }
            if let problem = try JournalVerifier.firstProblem(fd: journalFD, path: journalPath, to: knownEnd) {
                noteDamage(problem)
                throw goReadOnly(problem)
            }
            try Posix.createFolder(parentPath)
            Posix.removeLeftovers(in: parentPath, tag: ".partial-")
            let temporary = parentPath + "/.\(name).partial-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
            try Posix.createFolder(temporary)
            var renamed = false
            defer { if !renamed { try? FileManager.default.removeItem(atPath: temporary) } }
            try Posix.copy(journalFD, length: knownEnd, from: journalPath, to: temporary + "/journal.jsonl", ops: fileOps)
            for file in ["snapshot.json"] + alongside {
                _ = try Posix.copyFile(folderPath + "/" + file, to: temporary + "/" + file, ops: fileOps)
            }
            try Posix.syncFolder(temporary, ops: fileOps)
            CrashPoint.backupCopied.reached()
            if rename(temporary, finalPath) != 0 { throw StoreError.io(operation: "rename", path: temporary, errno: errno) }
            renamed = true
            try Posix.syncFolder(parentPath, ops: fileOps)
            lastCopied = lastSequence
        }
        let backup = URL(fileURLWithPath: finalPath)
        do throws(StoreError) {
            let last = try Store.verifiedBackup(at: backup, empty: empty)
            guard last == lastCopied else { throw StoreError.corrupt(file: finalPath, line: nil, reason: "it ends at entry \(last)") }
        } catch {
            // A copy that does not read back is no backup: it must not pass for today's.
            try? FileManager.default.removeItem(at: backup)
            throw .corrupt(file: finalPath, line: nil, reason: "the backup just made does not read back as the store it copies "
                + "(\(error.message)), so it was removed; the disk may be failing")
        }
        return backup
    }

    /// Checks the store folder `folder` (a backup) by loading it as any store is opened and
    /// reading every journal line back: what a full `check` would replay of a year's history
    /// costs seconds, this what opening and a snapshot's verification cost. Returns its last
    /// entry; throws what is wrong with it.
    public static func verifiedBackup(at folder: URL, empty: Model) throws(StoreError) -> Int {
        guard case .success = Posix.status(path: folder.standardizedFileURL.path + "/journal.jsonl") else {
            throw .corrupt(file: folder.path, line: nil, reason: "it holds no journal.jsonl, so it is not a backup")
        }
        let copy = try Store.open(folder: folder, empty: empty, creating: false, waiting: true)
        if let problem = try copy.verifyJournal() { throw problem }
        if let reason = copy.readOnlyReason { throw .readOnly(reason: reason) }
        return copy.lastSequence
    }
}

extension Store {
    /// Puts the backup in `backup` (a store folder, checked first) in place of this store's
    /// files, under the exclusive lock. The snapshot and the notes of the journal being replaced
    /// go first, then the journal is renamed into place, then the backup's snapshot and the
    /// `alongside` files: a crash at any point leaves either the old journal or the new one,
    /// each without a snapshot that does not fit it. Afterwards this store is read-only (its
    /// journal is gone); open the folder again.
    public func restore(from backup: URL, alongside: [String] = []) throws(StoreError) {
        let backupPath = backup.standardizedFileURL.path
        do { _ = try Store.verifiedBackup(at: backup, empty: empty) } catch {
            throw .corrupt(file: backupPath, line: nil, reason: "it is not a sound store to restore (\(error.message))")
        }
        let folderPath = (journalPath as NSString).deletingLastPathComponent
        guard let lock else { throw .readOnly(reason: "The store has no lock file.") }
        try lock.lock(.exclusive, timeout: lockTimeout)
        defer { lock.unlock() }
        Posix.removeLeftovers(in: folderPath, tag: ".restore-")
        let suffix = ".restore-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        var staged: [(temporary: String, final: String)] = []
        defer { for file in staged { unlink(file.temporary) } }  // whatever was not renamed
        for file in ["journal.jsonl", "snapshot.json"] + alongside {
            let temporary = folderPath + "/." + file + suffix
            if try Posix.copyFile(backupPath + "/" + file, to: temporary, ops: fileOps) {
                staged.append((temporary, folderPath + "/" + file))
            }
        }
        for note in [snapshotPath, unconfirmedPath] where unlink(note) != 0 && errno != ENOENT {
            throw .io(operation: "remove", path: note, errno: errno)
        }
        try Posix.syncFolder(folderPath, ops: fileOps)
        CrashPoint.restoreCleared.reached()
        for (index, file) in staged.enumerated() {
            if rename(file.temporary, file.final) != 0 { throw .io(operation: "rename", path: file.temporary, errno: errno) }
            staged[index].temporary = ""  // renamed: nothing to remove
            if index == 0 {
                try Posix.syncFolder(folderPath, ops: fileOps)
                CrashPoint.restoreJournalReplaced.reached()
            }
        }
        try MarkerFile.remove(damagePath, ops: fileOps)
        try Posix.syncFolder(folderPath, ops: fileOps)
        readOnlyReason = "The store was restored from \(backupPath); open it again."
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
    /// history); an unfinished write at the end is dropped. The repaired journal is written
    /// beside the old one and renamed into place under the exclusive lock. Afterwards this
    /// store is read-only; open the folder again.
    public func repair(from backup: URL) throws(StoreError) -> RepairReport {
        let backupPath = backup.standardizedFileURL.path + "/journal.jsonl"
        guard let backupBytes = try Posix.readWholeFile(backupPath) else {
            throw .io(operation: "open", path: backupPath, errno: ENOENT)
        }
        let fromBackup = Self.soundLines(backupBytes)
        guard let lock else { throw .readOnly(reason: "The store has no lock file.") }
        try lock.lock(.exclusive, timeout: lockTimeout)
        defer { lock.unlock() }
        guard let bytes = try Posix.readWholeFile(journalPath) else { throw .io(operation: "open", path: journalPath, errno: ENOENT) }
        var repaired: [UInt8] = []
        var replaced: [Int] = []
        var expected = 1
        var damaged: (pieces: Int, bytes: Int) = (0, 0)

        func refuse(_ reason: String) -> StoreError {
            .corrupt(file: journalPath, line: expected, reason: reason + "; nothing was changed")
        }
        /// Fills the damaged stretch before `next` (nil: the end) from the backup.
        func fill(upTo next: Int?) throws(StoreError) {
            guard damaged.pieces > 0 else { return }
            let last = next.map { $0 - 1 } ?? (fromBackup.keys.max() ?? 0)
            guard last >= expected else { throw refuse("it is damaged and the backup does not hold what belongs there") }
            var filled: [UInt8] = []
            for seq in expected...last {
                guard let line = fromBackup[seq] else { throw refuse("line \(seq) is damaged here and not intact in the backup") }
                filled += line
            }
            if next == nil, filled.count != damaged.bytes, last - expected + 1 != damaged.pieces {
                throw refuse("the damaged end does not match the backup's lines in length or number")
            }
            repaired += filled
            replaced += Array(expected...last)
            expected = last + 1
            damaged = (0, 0)
        }

        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { break }  // unfinished: dropped
            let piece = Array(bytes[start...newline])
            start = newline + 1
            let seq = piece.dropLast().withUnsafeBytes { JournalLine.verifiedSequence($0) }
            guard let seq, seq >= expected else {
                damaged.pieces += 1
                damaged.bytes += piece.count
                continue
            }
            try fill(upTo: seq)
            guard seq == expected else { throw refuse("entries \(expected)–\(seq - 1) are missing and not damaged: not a repair") }
            if let other = fromBackup[seq], other != piece {
                throw refuse("line \(seq) differs from the backup's: they do not hold the same history")
            }
            repaired += piece
            expected += 1
        }
        try fill(upTo: nil)
        guard !replaced.isEmpty else { return RepairReport(replacedLines: []) }
        let folderPath = (journalPath as NSString).deletingLastPathComponent
        let temporary = folderPath + "/.journal.jsonl.repair-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        try AtomicFile.write(repaired, to: temporary, mode: 0o600, ops: fileOps)
        if rename(temporary, journalPath) != 0 {
            unlink(temporary)
            throw .io(operation: "rename", path: temporary, errno: errno)
        }
        try Posix.syncFolder(folderPath, ops: fileOps)
        try MarkerFile.remove(damagePath, ops: fileOps)
        readOnlyReason = "The journal was repaired from \(backup.path); open the store again."
        return RepairReport(replacedLines: replaced)
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
