import ButikDomain
import ButikResources
import ButikStore
import ButikText
import Foundation

// The words for the store's own values, which the screens never see: put into words here,
// at the edge between the app and the store, and by the command line.

extension LayoutError: Phrased {
    /// What is wrong with the shop file (its problems as the layout names them, in English for now).
    public var phrase: Phrase {
        Phrase("error.layout.problems", ["path": .text(path), "problems": .text(problems.joined(separator: "; "))])
    }
}

extension ShopFileMissing: Phrased {
    /// Why butik makes no new shop file for a store that holds data, and how to put one back.
    public var phrase: Phrase {
        Phrase("error.layout.missing", ["path": .text(path), "standard": .text(ButikResources.defaultShopLayout.path)])
    }
}

extension ManifestFile.Failure: Phrased {
    /// Why nothing was imported, naming the file.
    public var phrase: Phrase {
        switch self {
        case .unreadable(let path, let reason):
            Phrase("error.manifest.unreadable", ["path": .text(path), "reason": .text(reason)])
        case .notAManifest(let path, let error):
            Phrase("error.manifest.notAManifest", ["path": .text(path), "reason": .phrase(error.phrase)])
        }
    }
}

extension StoreError: Phrased {
    /// A sentence or two a person can act on.
    public var phrase: Phrase {
        switch self {
        case let .locked(path, seconds):
            Phrase("error.store.locked", ["path": .text(path), "n": .count(Int(seconds.rounded()))])
        case let .corrupt(file, line?, reason):
            Phrase("error.store.corruptLine", ["file": .text(file), "line": .count(line), "reason": .phrase(reason.phrase)])
        case let .corrupt(file, nil, reason):
            Phrase("error.store.corrupt", ["file": .text(file), "reason": .phrase(reason.phrase)])
        case let .newerSchema(file, found, supported):
            Phrase("error.store.newerSchema", ["file": .text(file), "found": .count(found), "supported": .count(supported)])
        case let .io(operation, path, code):
            Phrase("error.store.io", ["operation": .phrase(operation.phrase), "path": .text(path), "system": .text(String(cString: strerror(code))),
                                      "errno": .count(Int(code)), "advice": .phrase(Self.advice(for: code))])
        case let .readOnly(reason):
            // Damage and a newer version say so themselves ("The store is read-only so that nothing is overwritten").
            reason.saysReadOnly ? reason.phrase : Phrase("error.store.readOnly", ["reason": .phrase(reason.phrase)])
        case let .encoding(reason):
            Phrase("error.store.encoding", ["reason": .phrase(reason.phrase)])
        case let .unconfirmed(save):
            save.phrase
        }
    }

    private static func advice(for code: Int32) -> Phrase {
        switch code {
        case ENOSPC, EDQUOT: Phrase("error.store.advice.diskFull")
        case EACCES, EPERM: Phrase("error.store.advice.permissions")
        case EROFS: Phrase("error.store.advice.readOnlyDisk")
        case EIO: Phrase("error.store.advice.failingDisk")
        case ENOENT: Phrase("error.store.advice.missing")
        default: Phrase("error.store.advice.other")
        }
    }
}

extension FileOperation: Phrased {
    /// The verb of "Could not {operation} {path}".
    public var phrase: Phrase {
        switch self {
        case .chmod: Phrase("error.store.operation.chmod")
        case .close: Phrase("error.store.operation.close")
        case .create: Phrase("error.store.operation.create")
        case .createFolder: Phrase("error.store.operation.createFolder")
        case .fdatasync: Phrase("error.store.operation.fdatasync")
        case .fsync: Phrase("error.store.operation.fsync")
        case .link: Phrase("error.store.operation.link")
        case .lock: Phrase("error.store.operation.lock")
        case .open: Phrase("error.store.operation.open")
        case .openFolder: Phrase("error.store.operation.openFolder")
        case .read: Phrase("error.store.operation.read")
        case .readFolder: Phrase("error.store.operation.readFolder")
        case .remove: Phrase("error.store.operation.remove")
        case .rename: Phrase("error.store.operation.rename")
        case .seek: Phrase("error.store.operation.seek")
        case .stat: Phrase("error.store.operation.stat")
        case .truncate: Phrase("error.store.operation.truncate")
        case .write: Phrase("error.store.operation.write")
        }
    }
}

/// The system's words for an error number.
private func system(_ code: Int32) -> Phrase.Argument { .text(String(cString: strerror(code))) }

extension ReadOnlyReason: Phrased {
    /// Why the store refuses to write, and what to do.
    public var phrase: Phrase {
        switch self {
        case .failed(let error): error.phrase
        case let .mayNotWrite(path, code): Phrase("error.store.readOnly.mayNotWrite", ["path": .text(path), "system": system(code)])
        case .lockMissing(let path): Phrase("error.store.readOnly.lockMissing", ["path": .text(path)])
        case .noLock: Phrase("error.store.readOnly.noLock")
        case .notMigrated(let error): Phrase("error.store.readOnly.notMigrated", ["error": .phrase(error.phrase)])
        case .saveFailed(let error, nil): Phrase("error.store.readOnly.saveFailed", ["error": .phrase(error.phrase)])
        case .saveFailed(let error, let cut?):
            Phrase("error.store.readOnly.saveFailedLineStays", ["error": .phrase(error.phrase), "system": system(cut)])
        case .saveUnconfirmed(let save): save.phrase
        case .restored(let backup): Phrase("error.store.readOnly.restored", ["path": .text(backup)])
        case .repaired(let backup): Phrase("error.store.readOnly.repaired", ["path": .text(backup)])
        }
    }

    /// Whether its words say that the store is read-only.
    var saysReadOnly: Bool {
        switch self {
        case .failed(.corrupt), .failed(.newerSchema), .failed(.readOnly): true
        default: false
        }
    }
}

extension UnconfirmedSave: Phrased {
    /// That the last action may have been saved or not, why, and how it is settled.
    public var phrase: Phrase {
        let cause = switch cause {
        case .segmentNotRemoved(let name): Phrase("error.store.unconfirmed.segmentStays", ["name": .text(name)])
        case .notCutBack(let code): Phrase("error.store.unconfirmed.notCutBack", ["system": system(code)])
        }
        let arguments: [String: Phrase.Argument] = ["error": .phrase(error.phrase), "cause": .phrase(cause)]
        return noted ? Phrase("error.store.unconfirmed.noted", arguments) : Phrase("error.store.unconfirmed.unnoted", arguments)
    }
}

extension Unencodable: Phrased {
    /// What could not be written as JSON.
    public var phrase: Phrase {
        switch self {
        case let .entry(index, count, detail):
            Phrase("error.store.encoding.entry", ["index": .count(index), "n": .count(count), "detail": .text(detail)])
        case let .entryReadBack(index, count, problem):
            Phrase("error.store.encoding.entryReadBack", ["index": .count(index), "n": .count(count), "problem": .phrase(problem.phrase)])
        case .model(let detail): Phrase("error.store.encoding.model", ["detail": .text(detail)])
        case let .note(name, detail): Phrase("error.store.encoding.note", ["name": .text(name), "detail": .text(detail)])
        case .noteNotAnObject(let name): Phrase("error.store.encoding.noteNotAnObject", ["name": .text(name)])
        case .historySpill(let detail): Phrase("error.store.encoding.historySpill", ["detail": .text(detail)])
        case .historyTooLarge: Phrase("error.store.encoding.historyTooLarge")
        case .historyBucketWithoutFile: Phrase("error.store.encoding.historyBucketWithoutFile")
        case .historyHeader(let detail): Phrase("error.store.encoding.historyHeader", ["detail": .text(detail)])
        case .historyHeaderTooLong: Phrase("error.store.encoding.historyHeaderTooLong")
        }
    }
}

extension DecodingProblem: Phrased {
    /// Why JSON could not be read, naming the field.
    public var phrase: Phrase {
        switch self {
        case let .invalid(detail, field) where field.isEmpty: Phrase("error.store.decoding.invalid", ["detail": .text(detail)])
        case let .invalid(detail, field): Phrase("error.store.decoding.invalidField", ["detail": .text(detail), "field": .text(field)])
        case .missingField(let field): Phrase("error.store.decoding.missingField", ["field": .text(field)])
        case .wrongType(let field) where field.isEmpty: Phrase("error.store.decoding.wrongType")
        case .wrongType(let field): Phrase("error.store.decoding.wrongTypeField", ["field": .text(field)])
        case .missingValue(let field) where field.isEmpty: Phrase("error.store.decoding.missingValue")
        case .missingValue(let field): Phrase("error.store.decoding.missingValueField", ["field": .text(field)])
        case .other(let text): Phrase("error.store.decoding.other", ["detail": .text(text)])
        }
    }
}

extension Damage: Phrased {
    /// What is wrong with a file or a line, as the middle of "… is damaged: {reason}."
    public var phrase: Phrase {
        switch self {
        case .checksumMismatch: Phrase("error.store.damage.checksumMismatch")
        case .empty: Phrase("error.store.damage.empty")
        case .noChecksum: Phrase("error.store.damage.noChecksum")
        case .notAJournalLine: Phrase("error.store.damage.notAJournalLine")
        case .noNewline: Phrase("error.store.damage.noNewline")
        case .noNewlineBeforeMore: Phrase("error.store.damage.noNewlineBeforeMore")
        case .unfinishedTransaction: Phrase("error.store.damage.unfinishedTransaction")
        case .endsUnfinishedTransaction(let damage): Phrase("error.store.damage.endsUnfinishedTransaction", ["damage": .phrase(damage.phrase)])
        case let .tornBefore(damage, next): Phrase("error.store.damage.tornBefore", ["damage": .phrase(damage.phrase), "next": .text(next)])
        case let .sequence(found, expected):
            found > expected ? Phrase("error.store.damage.sequenceSkips", ["found": .count(found), "expected": .count(expected)])
                : Phrase("error.store.damage.sequenceRepeats", ["found": .count(found), "expected": .count(expected)])
        case .undecodable(let problem): Phrase("error.store.damage.undecodable", ["problem": .phrase(problem.phrase)])
        case .newerEntry(let version): Phrase("error.store.damage.newerEntry", ["version": .count(version)])
        case let .startsTwice(entry, twin): Phrase("error.store.damage.startsTwice", ["entry": .count(entry), "twin": .text(twin)])
        case .startsLate(let entry): Phrase("error.store.damage.startsLate", ["entry": .count(entry), "last": .count(entry - 1)])
        case let .misnamed(named, next): Phrase("error.store.damage.misnamed", ["named": .count(named), "next": .count(next)])
        case .noEntry(let next): Phrase("error.store.damage.noEntry", ["next": .text(next)])
        case .cutNewFile: Phrase("error.store.damage.cutNewFile")
        case .lostBehindSnapshot: Phrase("error.store.damage.lostBehindSnapshot")
        case .noJournalFile: Phrase("error.store.damage.noJournalFile")
        case let .endsBeforeSnapshot(end, snapshot):
            Phrase("error.store.damage.endsBeforeSnapshot", ["end": .count(end), "snapshot": .count(snapshot)])
        case .replaced: Phrase("error.store.damage.replaced")
        case let .shorter(size, read): Phrase("error.store.damage.shorter", ["size": .count(Int(size)), "read": .count(Int(read))])
        case let .unexpectedSize(size, expected):
            Phrase("error.store.damage.unexpectedSize", ["size": .count(Int(size)), "expected": .count(Int(expected))])
        case .entryMoved(let entry): Phrase("error.store.damage.entryMoved", ["entry": .count(entry)])
        case let .fewerEntries(found, read): Phrase("error.store.damage.fewerEntries", ["found": .count(found), "read": .count(read)])
        case .twoJournals(let folder): Phrase("error.store.damage.twoJournals", ["folder": .text(folder)])
        case .unreadableNote(let note): Phrase("error.store.damage.unreadableNote", ["note": .text(note)])
        case .unreadable(let error): Phrase("error.store.damage.unreadable", ["error": .phrase(error.phrase)])
        case .incomplete: Phrase("error.store.damage.incomplete")
        case .notASnapshot: Phrase("error.store.damage.notASnapshot")
        case .modelUndecodable(let problem): Phrase("error.store.damage.modelUndecodable", ["problem": .phrase(problem.phrase)])
        case .contentUndecodable: Phrase("error.store.damage.contentUndecodable")
        case .backupEnds(let entry): Phrase("error.store.damage.backupEnds", ["entry": .count(entry)])
        case .backupUnreadable(let error): Phrase("error.store.damage.backupUnreadable", ["error": .phrase(error.phrase)])
        case .notABackup: Phrase("error.store.damage.notABackup")
        case .unsoundBackup(let error): Phrase("error.store.damage.unsoundBackup", ["error": .phrase(error.phrase)])
        case .historyFile(let text): Phrase("error.store.damage.historyFile", ["detail": .text(text)])
        case let .historyZone(file, shop): Phrase("error.store.damage.historyZone", ["zone": .text(file), "shop": .text(shop)])
        case let .historyAhead(entry, end): Phrase("error.store.damage.historyAhead", ["entry": .count(entry), "end": .count(end)])
        case .historyOtherJournal(let entry): Phrase("error.store.damage.historyOtherJournal", ["entry": .count(entry)])
        case .repairBeyondBackup: Phrase("error.store.damage.repairBeyondBackup")
        case .repairEntryNotInBackup(let entry): Phrase("error.store.damage.repairEntryNotInBackup", ["entry": .count(entry)])
        case .repairEndDiffers: Phrase("error.store.damage.repairEndDiffers")
        case let .repairGap(first, last): Phrase("error.store.damage.repairGap", ["first": .count(first), "last": .count(last)])
        case .repairDiffers(let entry): Phrase("error.store.damage.repairDiffers", ["entry": .count(entry)])
        case .repairUnfinished: Phrase("error.store.damage.repairUnfinished")
        case .snapshotIgnored(let damage): Phrase("error.store.damage.snapshotIgnored", ["damage": .phrase(damage.phrase)])
        case let .newerFile(version, supported):
            Phrase("error.store.damage.newerFile", ["version": .count(version), "supported": .count(supported)])
        case .renamedAside: Phrase("error.store.damage.renamedAside")
        case .unopenable(let code): Phrase("error.store.damage.unopenable", ["system": system(code)])
        case .failed(let error): error.phrase
        case let .snapshotMisplaced(entry, offset, file, end):
            Phrase("error.store.damage.snapshotMisplaced", ["entry": .count(entry), "offset": .count(Int(offset)), "file": .text(file),
                                                            "end": .count(Int(end))])
        case .snapshotDiffers(let entry): Phrase("error.store.damage.snapshotDiffers", ["entry": .count(entry)])
        case let .unfinishedBeforeMore(file, first, last):
            Phrase("error.store.damage.unfinishedBeforeMore", ["file": .text(file), "first": .count(first), "last": .count(last)])
        case .snapshotBeyondJournal(let entry): Phrase("error.store.damage.snapshotBeyondJournal", ["entry": .count(entry)])
        case .snapshotUncompared(let entry): Phrase("error.store.damage.snapshotUncompared", ["entry": .count(entry)])
        }
    }
}

extension StoreNotice: Phrased {
    /// Whether the action of `at` (entries `first`–`last`) was recorded, the time in this machine's zone.
    private func unconfirmedSettled(at: Date, first: Int, last: Int, recorded: Bool) -> Phrase {
        let entries = first == last ? Phrase("store.notice.entry", ["n": .count(first)])
            : Phrase("store.notice.entries", ["first": .count(first), "last": .count(last)])
        let arguments: [String: Phrase.Argument] = ["when": .moment(LocalMoment(at, in: .current)), "entries": .phrase(entries)]
        return recorded ? Phrase("store.notice.unconfirmedRecorded", arguments) : Phrase("store.notice.unconfirmedNotRecorded", arguments)
    }

    /// What a person should know, in a sentence or two.
    public var phrase: Phrase {
        switch self {
        case let .snapshotIgnored(path, damage):
            Phrase("store.notice.snapshotIgnored", ["path": .text(path), "damage": .phrase(damage.phrase)])
        case let .snapshotMisplaced(path, entry, offset, file):
            Phrase("store.notice.snapshotMisplaced", ["path": .text(path), "entry": .count(entry), "offset": .count(Int(offset)), "file": .text(file)])
        case .snapshotNotContinued(let path): Phrase("store.notice.snapshotNotContinued", ["path": .text(path)])
        case let .tornLine(line, file, damage):
            Phrase("store.notice.tornLine", ["line": .count(line), "file": .text(file), "damage": .phrase(damage.phrase)])
        case .snapshotFoundDamage(let error): Phrase("store.notice.snapshotFoundDamage", ["error": .phrase(error.phrase)])
        case let .snapshotUnwritten(path, error): Phrase("store.notice.snapshotUnwritten", ["path": .text(path), "error": .phrase(error.phrase)])
        case .damageGone(let path): Phrase("store.notice.damageGone", ["path": .text(path)])
        case let .damageNoteStays(path, error): Phrase("store.notice.damageNoteStays", ["path": .text(path), "error": .phrase(error.phrase)])
        case let .damageUnnoted(path, error): Phrase("store.notice.damageUnnoted", ["path": .text(path), "error": .phrase(error.phrase)])
        case let .unconfirmedNoteDamaged(path, damage):
            Phrase("store.notice.unconfirmedNoteDamaged", ["path": .text(path), "damage": .phrase(damage.phrase)])
        case let .unconfirmedSettled(at, first, last, recorded):
            unconfirmedSettled(at: at, first: first, last: last, recorded: recorded)
        case let .noteStays(path, error): Phrase("store.notice.noteStays", ["path": .text(path), "error": .phrase(error.phrase)])
        case let .migrated(folder, backup): Phrase("store.notice.migrated", ["folder": .text(folder), "path": .text(backup)])
        case let .strayParcels(count, file, slots):
            Phrase("store.notice.strayParcels", ["n": .count(count), "file": .text(file), "slots": .list(slots)])
        case let .historyIgnored(path, damage): Phrase("store.notice.historyIgnored", ["path": .text(path), "damage": .phrase(damage.phrase)])
        case let .historyUnreadable(path, damage):
            Phrase("store.notice.historyUnreadable", ["path": .text(path), "damage": .phrase(damage.phrase)])
        case let .historyUnwritten(path, error): Phrase("store.notice.historyUnwritten", ["path": .text(path), "error": .phrase(error.phrase)])
        case .checkedWithoutLock(let error): Phrase("store.notice.checkedWithoutLock", ["error": .phrase(error.phrase)])
        case .noSnapshot: Phrase("store.notice.noSnapshot")
        case .noJournal: Phrase("store.notice.noJournal")
        case let .unfinishedLine(file, line, damage):
            Phrase("store.notice.unfinishedLine", ["file": .text(file), "line": .count(line), "damage": .phrase(damage.phrase)])
        case let .unfinishedTransaction(file, first, last):
            Phrase("store.notice.unfinishedTransaction", ["file": .text(file), "first": .count(first), "last": .count(last)])
        }
    }
}

extension CheckReport {
    /// A short account for a person, a line each: what was read and whether it is sound, then
    /// each problem and each note.
    public var phrases: [Phrase] {
        let snapshot = snapshotSequence.map { Phrase("check.snapshot", ["n": .count($0)]) } ?? Phrase("check.noSnapshot")
        let verdict = problems.isEmpty ? Phrase("check.sound") : Phrase("check.problems", ["n": .count(problems.count)])
        let summary = Phrase("check.summary", ["lines": .phrase(Phrase("check.lines", ["n": .count(journalLines)])),
                                               "files": .phrase(Phrase("check.files", ["n": .count(journalFiles)])),
                                               "last": .count(lastSequence), "snapshot": .phrase(snapshot), "verdict": .phrase(verdict)])
        return [summary] + problems.map { problem in
            problem.line.map { Phrase("check.problemAtLine", ["file": .text(problem.file), "line": .count($0), "what": .phrase(problem.what.phrase)]) }
                ?? Phrase("check.problem", ["file": .text(problem.file), "what": .phrase(problem.what.phrase)])
        } + notes.map { Phrase("check.note", ["note": .phrase($0.phrase)]) }
    }
}
