/// What is wrong with a damaged file, or with one line of it, with what was found. Kept in
/// `damage.json`, so Codable.
public indirect enum Damage: Codable, Sendable, Equatable {
    // A line of the journal.
    /// Its checksum does not match its content.
    case checksumMismatch
    /// The line or file is empty.
    case empty
    /// It has no valid checksum (not a journal line).
    case noChecksum
    /// Its checksum is sound, but it is not a journal line.
    case notAJournalLine
    /// It has no newline at the end (a line torn by a crash).
    case noNewline
    /// It has no newline at the end, yet entries follow it.
    case noNewlineBeforeMore
    /// The transaction this line starts was never finished.
    case unfinishedTransaction
    /// `damage`, in the line that ends a transaction begun on the lines before.
    case endsUnfinishedTransaction(Damage)
    /// `damage`, yet the journal file `next` follows it.
    case tornBefore(Damage, next: String)
    /// Its sequence number is `found` where `expected` was expected.
    case sequence(found: Int, expected: Int)
    /// Its checksum is right, but its entry cannot be read.
    case undecodable(DecodingProblem)
    /// It was written by a newer version of the program (data `version`).
    case newerEntry(version: Int)

    // The journal's files.
    /// It starts at entry `entry` as the journal file `twin` does.
    case startsTwice(entry: Int, twin: String)
    /// The journal's first file starts at entry `entry`, so the ones before are missing.
    case startsLate(entry: Int)
    /// Its name says it starts at entry `named`, but entry `next` comes next.
    case misnamed(named: Int, next: Int)
    /// It holds no entry, yet the journal file `next` follows it.
    case noEntry(next: String)
    /// It holds no complete entry, yet a new journal file always starts with one.
    case cutNewFile
    /// It is missing although snapshot.json exists.
    case lostBehindSnapshot
    /// The journal folder holds no journal file.
    case noJournalFile
    /// The journal ends at entry `end`, but the snapshot was taken after entry `snapshot`.
    case endsBeforeSnapshot(end: Int, snapshot: Int)
    /// It was deleted or replaced while the program was running.
    case replaced
    /// It is shorter (`size` bytes) than the `read` bytes already read.
    case shorter(size: Int64, read: Int64)
    /// It is `size` bytes where `expected` were expected (another program writing without the lock?).
    case unexpectedSize(size: Int64, expected: Int64)
    /// Entry `entry`, read before, is no longer where it was.
    case entryMoved(entry: Int)
    /// It holds `found` entries where `read` were read before.
    case fewerEntries(found: Int, read: Int)
    /// Both it (the first format's journal) and the journal folder `folder` exist, and differ.
    case twoJournals(folder: String)
    /// The note `note` says there is damage, but cannot be read.
    case unreadableNote(note: String)

    // A whole file (snapshot, notes, backups).
    /// It cannot be read: `error`.
    case unreadable(StoreError)
    /// It has no newline at the end.
    case incomplete
    /// It is not a snapshot of this program.
    case notASnapshot
    /// Its model cannot be read.
    case modelUndecodable(DecodingProblem)
    /// Its content cannot be read.
    case contentUndecodable
    /// The backup just made ends at entry `entry`.
    case backupEnds(entry: Int)
    /// The backup just made does not read back (`error`), so it was removed.
    case backupUnreadable(StoreError)
    /// It holds no journal, so it is not a backup.
    case notABackup
    /// It is not a sound store to restore: `error`.
    case unsoundBackup(StoreError)
    /// The history file's own account of its damage (in its own words).
    case historyFile(String)
    /// The history file's days are counted in the time zone `file`, the shop's in `shop`.
    case historyZone(file: String, shop: String)
    /// The history file covers entry `entry`, but the journal ends at entry `end`.
    case historyAhead(entry: Int, end: Int)
    /// The history file was made from a journal whose entry `entry` is not this one's.
    case historyOtherJournal(entry: Int)

    // A repair refused (nothing was changed).
    /// It is damaged and the backup does not hold what belongs there.
    case repairBeyondBackup
    /// Entry `entry` is damaged here and not intact in the backup.
    case repairEntryNotInBackup(entry: Int)
    /// The damaged end does not match the backup's lines in length or number.
    case repairEndDiffers
    /// Entries `first`–`last` are missing and not damaged: not a repair.
    case repairGap(first: Int, last: Int)
    /// Entry `entry` differs from the backup's.
    case repairDiffers(entry: Int)
    /// It ends in an unfinished line, yet another journal file follows it.
    case repairUnfinished

    // What a check finds.
    /// The snapshot is damaged (`damage`); the store ignores it and rebuilds it.
    case snapshotIgnored(Damage)
    /// It was written by a newer version (data `version`; this program supports `supported`).
    case newerFile(version: Int, supported: Int)
    /// It is the journal, renamed aside by a restore that was stopped.
    case renamedAside
    /// It cannot be opened (`errno` says why).
    case unopenable(errno: Int32)
    /// Reading it failed: `error`.
    case failed(StoreError)
    /// The snapshot says entry `entry` ends at byte `offset` of `file`, but it ends at `end`.
    case snapshotMisplaced(entry: Int, offset: Int64, file: String, end: Int64)
    /// The snapshot's model differs from a replay of the journal up to entry `entry`.
    case snapshotDiffers(entry: Int)
    /// It ends in an unfinished transaction (`file` lines `first`–`last`), yet another file follows.
    case unfinishedBeforeMore(file: String, first: Int, last: Int)
    /// The snapshot was taken after entry `entry`, which the journal has not whole.
    case snapshotBeyondJournal(entry: Int)
    /// The snapshot could not be compared: the journal is damaged before entry `entry`.
    case snapshotUncompared(entry: Int)
}

/// Why JSON could not be decoded, naming the field (`event.parcels[1]`, empty for the whole).
public enum DecodingProblem: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The value is refused; `detail` is the check's own description
    /// ("parcel id 0 is out of range 1...999999999999").
    case invalid(detail: String, field: String)
    /// A field is missing.
    case missingField(String)
    /// A value has the wrong type.
    case wrongType(field: String)
    /// A value is missing (null).
    case missingValue(field: String)
    /// An error that is no `DecodingError`, as it describes itself.
    case other(String)

    public init(_ error: any Error) {
        guard let error = error as? DecodingError else {
            self = .other("\(error)")
            return
        }
        switch error {
        case .dataCorrupted(let context):
            // Foundation's own descriptions end in a full stop; ours go inside sentences.
            let description = context.debugDescription.hasSuffix(".")
                ? String(context.debugDescription.dropLast()) : context.debugDescription
            self = .invalid(detail: description, field: Self.path(context.codingPath))
        case .keyNotFound(let key, let context): self = .missingField(Self.path(context.codingPath + [key]))
        case .typeMismatch(_, let context): self = .wrongType(field: Self.path(context.codingPath))
        case .valueNotFound(_, let context): self = .missingValue(field: Self.path(context.codingPath))
        @unknown default: self = .other("\(error)")
        }
    }

    /// In English, for the texts that are English still: the shop file's problems and the
    /// history file's account of its damage. The store's own messages phrase it at the edge.
    public var description: String {
        func place(_ field: String) -> String { field.isEmpty ? "" : " (field \(field))" }
        return switch self {
        case .invalid(let detail, let field): detail + place(field)
        case .missingField(let field): "the field \"\(field)\" is missing"
        case .wrongType(let field): "a value has the wrong type" + place(field)
        case .missingValue(let field): "a value is missing (null)" + place(field)
        case .other(let text): text
        }
    }

    /// `event.parcels[1]`.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
