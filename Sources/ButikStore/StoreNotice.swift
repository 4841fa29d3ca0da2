import Foundation

/// Something a person should know that did not stop the store, with what was found: put into
/// words at the edge (`Store+Phrase.swift` in ButikRuntime).
public enum StoreNotice: Sendable, Equatable {
    /// The snapshot `path` was ignored (`damage`); the state was rebuilt from the whole journal.
    case snapshotIgnored(path: String, Damage)
    /// The snapshot `path` says entry `entry` ends at byte `offset` of the journal file `file`, which is not so.
    case snapshotMisplaced(path: String, entry: Int, offset: Int64, file: String)
    /// The journal line after the snapshot `path` does not continue it.
    case snapshotNotContinued(path: String)
    /// Line `line` of `file` and anything after it was ignored (`damage`): never confirmed as saved.
    case tornLine(line: Int, file: String, Damage)
    /// The last action was saved, but making a snapshot found damage.
    case snapshotFoundDamage(StoreError)
    /// The snapshot `path` could not be written (`error`); nothing was lost.
    case snapshotUnwritten(path: String, StoreError)
    /// The damage noted in `path` is gone: the journal reads correctly, the store is writable.
    case damageGone(path: String)
    /// The journal reads correctly again, but the note `path` could not be removed (`error`).
    case damageNoteStays(path: String, StoreError)
    /// The damage could not be noted in `path` (`error`); the next check finds it again.
    case damageUnnoted(path: String, StoreError)
    /// The note `path` of a save whose outcome was unknown cannot be read (`damage`).
    case unconfirmedNoteDamaged(path: String, Damage)
    /// The action of `at` whose saving could not be confirmed (entries `first`–`last`) was
    /// recorded, or not.
    case unconfirmedSettled(at: Date, first: Int, last: Int, recorded: Bool)
    /// The note `path` could not be removed (`error`).
    case noteStays(path: String, StoreError)
    /// The store was moved to this version's journal format (in the folder `folder`); a copy
    /// as it was is in `backup`.
    case migrated(folder: String, backup: String)
    /// `count` parcels are in slots the shop file `file` no longer has: `slots`, each with its count ("A9 (2)").
    case strayParcels(count: Int, file: String, slots: [String])
    /// The history file `path` was ignored (`damage`) and rebuilt from the whole journal.
    case historyIgnored(path: String, Damage)
    /// The history file `path` just written cannot be read (`damage`); the views read the journal.
    case historyUnreadable(path: String, Damage)
    /// The history file `path` could not be written (`error`); the views read the journal.
    case historyUnwritten(path: String, StoreError)

    // What a check notes.
    /// Checked without the lock (`error`).
    case checkedWithoutLock(StoreError)
    /// There is no snapshot.json: opening replays the whole journal.
    case noSnapshot
    /// There is no journal: the store is empty.
    case noJournal
    /// Line `line` of `file` is unfinished (`damage`): never confirmed, ignored.
    case unfinishedLine(file: String, line: Int, Damage)
    /// `file` lines `first`–`last` are an unfinished transaction: never confirmed, ignored.
    case unfinishedTransaction(file: String, first: Int, last: Int)
}
