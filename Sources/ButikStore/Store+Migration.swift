#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Moving a store of the first format (one `journal.jsonl`) to journal segments.
extension Store {
    /// Makes a backup of the store as it is (its own format) in `parent`, then, under the
    /// exclusive lock, links `journal.jsonl` as segment 1 of a new journal folder built under a
    /// temporary name, renames that into place and removes the old name. Not a byte is
    /// rewritten: the snapshot still fits. A crash leaves either the old journal (and a
    /// temporary folder the next open removes) or the new folder with the old name still linked
    /// to its first segment, which the next open removes (see `findJournal`). Says so in
    /// ``notices``.
    func migrateToSegments(backupInto parent: URL, alongside: [String]) throws(StoreError) {
        if adoptMovedJournal() { return }
        let stamp = "before-segments-" + BackupName.format(in: .current).string(from: Date())
        var name = stamp
        for number in 2... {  // a move killed earlier in the same second made one already
            guard case .success = Posix.status(path: parent.standardizedFileURL.path + "/" + name) else { break }
            name = stamp + "-\(number)"
        }
        let made = try backup(into: parent, name: name, alongside: alongside)
        guard let lock else { throw .readOnly(reason: .noLock) }
        try lock.lock(.exclusive, timeout: lockTimeout)
        defer { lock.unlock() }
        if adoptMovedJournal() { return }
        let legacyPath = segments[0].path
        let first = JournalFiles.segmentName(1)
        try catchUp(truncatingTornTail: true)
        let staging = folderPath + "/." + JournalFiles.folderName + ".migrating-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        try Posix.createFolder(staging)
        var renamed = false
        defer { if !renamed { try? FileManager.default.removeItem(atPath: staging) } }
        if link(legacyPath, staging + "/" + first) != 0 { throw .io(operation: .link, path: legacyPath, errno: errno) }
        try Posix.syncFolder(staging, ops: fileOps)
        CrashPoint.migrationLinked.reached()
        if rename(staging, journalFolder) != 0 { throw .io(operation: .rename, path: staging, errno: errno) }
        renamed = true
        try Posix.syncFolder(folderPath, ops: fileOps)
        CrashPoint.migrationRenamed.reached()
        // Another program opening the store now may have removed the old name already (`settleMigration`).
        if unlink(legacyPath) != 0, errno != ENOENT { throw .io(operation: .remove, path: legacyPath, errno: errno) }
        try Posix.syncFolder(folderPath, ops: fileOps)
        isLegacyJournal = false
        journalPath = journalFolder + "/" + first
        segments = [Segment(firstSeq: 1, path: journalPath)]
        let copy = made.path.hasPrefix(folderPath + "/") ? String(made.path.dropFirst(folderPath.count + 1)) : made.path
        notices.append(.migrated(folder: JournalFiles.folderName, backup: copy))
    }

    /// When another program opening the store at the same moment moved it already (its first
    /// segment is this store's journal file), takes the moved journal on; the next transaction
    /// catches up on it. Returns whether it did.
    private func adoptMovedJournal() -> Bool {
        let first = journalFolder + "/" + JournalFiles.segmentName(1)
        guard Posix.sameFile(journalFD, path: first) else { return false }
        isLegacyJournal = false
        journalPath = first
        segments = [Segment(firstSeq: 1, path: first)]
        return true
    }

    /// With both a journal folder and the first format's `journal.jsonl`: the name left by a
    /// migration that was killed before removing it (the same file as segment 1) is removed
    /// when `writable`; a different file is refused, as nobody can tell which is the journal.
    static func settleMigration(_ folderPath: String, writable: Bool) throws(StoreError) {
        let legacyPath = folderPath + "/" + JournalFiles.legacyName
        guard case .success(let legacy) = Posix.status(path: legacyPath) else { return }
        let first = folderPath + "/" + JournalFiles.folderName + "/" + JournalFiles.segmentName(1)
        guard case .success(let segment) = Posix.status(path: first),
              segment.st_dev == legacy.st_dev, segment.st_ino == legacy.st_ino else {
            throw .corrupt(file: legacyPath, line: nil, reason: .twoJournals(folder: JournalFiles.folderName))
        }
        guard writable else { return }
        if unlink(legacyPath) != 0, errno != ENOENT { throw .io(operation: .remove, path: legacyPath, errno: errno) }
        try Posix.syncFolder(folderPath, ops: .live)
    }
}
