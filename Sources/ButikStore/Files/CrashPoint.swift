#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Named moments inside multi-file operations where a test kills the program on purpose, to
/// prove the store opens soundly after a crash there: with `BUTIK_CRASH_AT=NAME` in the
/// environment, the process sends itself SIGKILL on reaching that point. Costs one lookup in
/// the environment otherwise.
enum CrashPoint: String, CaseIterable {
    /// A transaction starting a new journal segment is written and synced under a temporary
    /// name, not yet linked under the segment's.
    case segmentWritten = "segment.written"
    /// A journal of the first format is linked into the new journal folder as its first
    /// segment, the folder not yet renamed into place.
    case migrationLinked = "migration.linked"
    /// The journal folder is in place, the old `journal.jsonl` not yet removed.
    case migrationRenamed = "migration.renamed"
    /// A new snapshot is written and synced under its temporary name, not yet renamed.
    case snapshotWritten = "snapshot.written"
    /// A new derived history file is written and synced under its temporary name, not yet renamed.
    case historyWritten = "history.written"
    /// A backup's files are copied and synced, its folder not yet renamed into place.
    case backupCopied = "backup.copied"
    /// A restore removed the store's snapshot and notes, the journal not yet replaced.
    case restoreCleared = "restore.cleared"
    /// A restore renamed the store's journal aside, the backup's copy not yet in its place.
    case restoreJournalAside = "restore.journal-aside"
    /// A restore replaced the journal, the backup's snapshot and shop file not yet in place.
    case restoreJournalReplaced = "restore.journal-replaced"
    /// A rewrite (an erasure) appended its entries and noted them, the snapshot not yet removed.
    case rewriteRecorded = "rewrite.recorded"
    /// A rewrite removed the snapshot and the derived files, no segment rewritten yet.
    case rewriteCleared = "rewrite.cleared"
    /// A rewrite renamed a new generation of a segment into place (each one), the others and
    /// the new snapshot not yet.
    case rewriteSegment = "rewrite.segment"

    /// Dies here if the environment names this point.
    func reached() {
        guard ProcessInfo.processInfo.environment["BUTIK_CRASH_AT"] == rawValue else { return }
        kill(getpid(), SIGKILL)
    }
}
