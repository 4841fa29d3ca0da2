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
    /// names more files of the store folder to copy if present. Returns the backup's folder.
    public func backup(into parent: URL, name: String, alongside: [String] = []) throws(StoreError) -> URL {
        let parentPath = parent.standardizedFileURL.path
        let finalPath = parentPath + "/" + name
        if case .success = Posix.status(path: finalPath) { throw .io(operation: "create", path: finalPath, errno: EEXIST) }
        let folderPath = (journalPath as NSString).deletingLastPathComponent
        let lastCopied: Int
        do {
            try lock?.lock(.shared, timeout: lockTimeout)
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
        let report = Store.check(folder: URL(fileURLWithPath: finalPath), empty: empty)
        guard report.isHealthy, report.lastSequence == lastCopied else {
            throw .corrupt(file: finalPath, line: nil, reason: "the backup just made does not read back as the store it copies "
                + "(\(report.problems.first?.description ?? "it ends at entry \(report.lastSequence), not \(lastCopied)")); "
                + "the disk may be failing")
        }
        return URL(fileURLWithPath: finalPath)
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
        let report = Store.check(folder: backup, empty: empty)
        guard report.isHealthy, case .success = Posix.status(path: backupPath + "/journal.jsonl") else {
            throw .corrupt(file: backupPath, line: nil, reason: "it is not a sound store to restore ("
                + (report.problems.first?.description ?? "it has no journal.jsonl") + ")")
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
