#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a store notes for later opens, and reads back when it opens: damage found where
/// opening does not read (`damage.json`), and a save whose outcome is unknown (`unconfirmed.json`).
extension Store {
    /// With a `damage.json`, verifies the whole journal again (and decodes the line it names):
    /// damage still there keeps the store read-only, named; damage gone (the journal was
    /// restored) removes the note. As cheap as making a snapshot, so the UI may retry it often.
    func checkRecordedDamage() throws(StoreError) {
        let noted: (file: String, line: Int)?
        switch MarkerFile.read(damagePath, as: DamageNote.self) {
        case .missing: return
        case .damaged: noted = nil
        case .sound(let note): noted = note.line.map { (note.file ?? segments[0].path, $0) }
        }
        let problem = try firstProblem(to: knownPosition, decoding: noted) { line in
            switch JournalLine.parse(line, as: Model.Entry.self, schemaVersion: Model.schemaVersion, decoder: decoder) {
            case .undecodable(_, let reason), .damaged(let reason): reason
            case .newer(_, let version): .newerEntry(version: version)
            case .entry: nil
            }
        }
        if let problem {
            if readOnlyReason == nil { readOnlyReason = .failed(problem) }
            return
        }
        guard readOnlyReason == nil else { return }
        do {
            try MarkerFile.remove(damagePath, ops: fileOps)
            notices.append(.damageGone(path: damagePath))
        } catch {
            notices.append(.damageNoteStays(path: damagePath, error))
        }
    }

    /// The damage another program (a check, a counter making a snapshot) noted since this store
    /// was opened; one `stat` when there is none.
    func notedDamage() -> StoreError? {
        guard case .success = Posix.status(path: damagePath) else { return nil }
        guard case .sound(let note) = MarkerFile.read(damagePath, as: DamageNote.self) else {
            return .corrupt(file: journalPath, line: nil, reason: .unreadableNote(note: damagePath))
        }
        return .corrupt(file: note.file ?? journalPath, line: note.line, reason: note.reason)
    }

    /// Records damage found where opening does not read, so that every later open shows it.
    func noteDamage(_ problem: StoreError) {
        guard case .corrupt(let file, let line, let reason) = problem else { return }
        do {
            try MarkerFile.write(DamageNote(file: file, line: line, reason: reason, foundAt: Date()), to: damagePath, ops: fileOps)
        } catch {
            notices.append(.damageUnnoted(path: damagePath, error))
        }
    }

    /// With an `unconfirmed.json`, says whether the transaction it describes is in the journal,
    /// then removes it (when the store is writable; otherwise it is said again next time).
    func resolveUnconfirmedWrite() {
        let write: UnconfirmedWrite
        switch MarkerFile.read(unconfirmedPath, as: UnconfirmedWrite.self) {
        case .missing: return
        case .damaged(let reason):
            notices.append(.unconfirmedNoteDamaged(path: unconfirmedPath, reason))
            return
        case .sound(let found): write = found
        }
        notices.append(.unconfirmedSettled(at: write.at, first: write.firstSeq, last: write.lastSeq, recorded: isInJournal(write)))
        guard readOnlyReason == nil else { return }
        do { try MarkerFile.remove(unconfirmedPath, ops: fileOps) } catch {
            notices.append(.noteStays(path: unconfirmedPath, error))
        }
    }

    /// Whether the journal read so far holds exactly the bytes of `write` where it says.
    func isInJournal(_ write: UnconfirmedWrite) -> Bool {
        guard write.length > 0, write.lastSeq <= lastSequence, write.offset >= 0,
              write.offset + Int64(write.length) <= knownEnd else { return false }
        var bytes = [UInt8](repeating: 0, count: write.length)
        guard case .success(let count) = bytes.withUnsafeMutableBytes({ Posix.readAt(journalFD, into: $0, at: write.offset) }),
              count == write.length else { return false }
        return CRC32.checksum(bytes) == write.checksum
    }

    /// Verifies every journal line read so far, the ones behind the snapshot too (checksums and
    /// sequence numbers). Damage makes the store read-only and is noted in `damage.json`, so that
    /// every later open shows it until the journal is repaired; it is also returned.
    @discardableResult
    public func verifyJournal() throws(StoreError) -> StoreError? {
        guard let problem = try firstProblem(to: knownPosition) else {
            return nil
        }
        noteDamage(problem)
        _ = goReadOnly(problem)
        return problem
    }
}
