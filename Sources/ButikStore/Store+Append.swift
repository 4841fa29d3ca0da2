#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Appending a transaction, and what a failed write or sync leaves behind.
extension Store {
    /// Appends the entries as one write + fdatasync, then applies them.
    func append(_ entries: [Model.Entry]) throws(StoreError) {
        var bytes: [UInt8] = []
        var saved: [Model.Entry] = []
        saved.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let json: Data
            do { json = try encoder.encode(entry) } catch {
                throw .encoding(reason: "entry \(index + 1) of \(entries.count) cannot be written as JSON (\(error))")
            }
            // Apply what a later reader will get back, so memory and a reopened store agree,
            // and never write a line that could not be read again.
            do { saved.append(try decoder.decode(Model.Entry.self, from: json)) } catch {
                throw .encoding(reason: "entry \(index + 1) of \(entries.count) could not be read back: \(DecodingReason.describe(error))")
            }
            bytes += JournalLine.encode(
                seq: lastSequence + index + 1, version: Model.schemaVersion,
                more: index < entries.count - 1, entryJSON: json)
        }
        let size = Int64(try Posix.status(journalFD, path: journalPath).st_size)
        guard size == knownEnd else {
            throw goReadOnly(.corrupt(
                file: journalPath, line: nil,
                reason: "it is \(size) bytes where \(knownEnd) were expected; another program may write it without the lock"))
        }
        let written = Posix.writeAll(journalFD, bytes, ops: fileOps)
        if written != 0 { throw failedWrite(written) }
        let synced = fileOps.fdatasync(journalFD)
        if synced != 0 {
            throw failedSync(synced, UnconfirmedWrite(
                firstSeq: lastSequence + 1, lastSeq: lastSequence + entries.count, offset: knownEnd,
                length: bytes.count, checksum: CRC32.checksum(bytes), at: Date()))
        }
        for entry in saved { model.apply(entry) }
        lastSequence += entries.count
        knownEnd += Int64(bytes.count)
    }

    /// After a failed write: cut the journal back to its last confirmed length and refuse
    /// further writes. What a failed write leaves is always a first part of the transaction
    /// (no newline at its end, or lines of a transaction whose last line is missing), which no
    /// reader applies, so the action was not saved even if the cut fails.
    func failedWrite(_ code: Int32) -> StoreError {
        let error = StoreError.io(operation: "write", path: journalPath, errno: code)
        var cut = fileOps.ftruncate(journalFD, knownEnd)
        if cut == 0 { cut = fileOps.fdatasync(journalFD) }
        var reason = "Saving failed: \(error.message) The last action was NOT saved. "
        if cut != 0 {
            reason += "Its unfinished line could not be removed (\(Posix.describe(cut))); it will be ignored "
                + "when the store is opened again. "
        }
        readOnlyReason = reason + StoreError.tryAgain
        return error
    }

    /// After a failed fdatasync: the complete lines are in the file, but the kernel's cache can no
    /// longer be trusted to reach the disk. Only a cut back that is itself synced makes the action
    /// certainly not saved; otherwise the outcome is unknown, said so, and noted in
    /// `unconfirmed.json` for the next open to settle.
    func failedSync(_ code: Int32, _ write: UnconfirmedWrite) -> StoreError {
        let error = StoreError.io(operation: "fdatasync", path: journalPath, errno: code)
        var cut = fileOps.ftruncate(journalFD, knownEnd)
        if cut == 0 { cut = fileOps.fdatasync(journalFD) }
        guard cut != 0 else {
            readOnlyReason = "Saving failed: \(error.message) The last action was NOT saved. "
                + StoreError.tryAgain
            return error
        }
        var reason = "Saving could not be confirmed: \(error.message) The journal could not be cut back "
            + "(\(Posix.describe(cut))), so the last action may have been saved or not. "
        do {
            try MarkerFile.write(write, to: unconfirmedPath, ops: fileOps)
            reason += "Fix the cause: when the store is opened again (the terminal UI tries by itself), it says "
                + "whether the action was recorded."
        } catch {
            reason += "Fix the cause, then look the action up (butik find) before doing it again."
        }
        readOnlyReason = reason
        return .unconfirmed(reason: reason)
    }
}
