#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Appending a transaction, and what a failed write or sync leaves behind.
extension Store {
    /// Appends the entries as one write + fdatasync, then applies them; in a new segment when
    /// the first entry belongs to a new period or the last segment would grow too large.
    func append(_ entries: [Model.Entry]) throws(StoreError) {
        var bytes: [UInt8] = []
        var saved: [Model.Entry] = []
        saved.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let json: Data
            do { json = try encoder.encode(entry) } catch {
                throw .encoding(reason: .entry(index: index + 1, of: entries.count, detail: "\(error)"))
            }
            // Apply what a later reader will get back, so memory and a reopened store agree,
            // and never write a line that could not be read again.
            do { saved.append(try decoder.decode(Model.Entry.self, from: json)) } catch {
                throw .encoding(reason: .entryReadBack(index: index + 1, of: entries.count, problem: DecodingProblem(error)))
            }
            bytes += JournalLine.encode(
                seq: lastSequence + index + 1, version: Model.schemaVersion,
                more: index < entries.count - 1, entryJSON: json)
        }
        if try startsNewSegment(with: saved[0], adding: bytes.count) {
            try appendSegment(bytes, entries: saved)
            return
        }
        let size = Int64(try Posix.status(journalFD, path: journalPath).st_size)
        guard size == knownEnd else {
            throw goReadOnly(.corrupt(
                file: journalPath, line: nil,
                reason: .unexpectedSize(size: size, expected: knownEnd)))
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

    /// Whether a transaction starting with `first`, of `length` bytes, goes into a new segment.
    private func startsNewSegment(with first: Model.Entry, adding length: Int) throws(StoreError) -> Bool {
        guard !isLegacyJournal, knownEnd > 0 else { return false }
        if knownEnd + Int64(length) > segmentLimit { return true }
        return Model.segmentPeriod(of: first) != (try lastSegmentPeriod())
    }

    /// The period of the last segment's first entry (read once).
    private func lastSegmentPeriod() throws(StoreError) -> String? {
        if let known = openPeriod { return known }
        var first: Model.Entry?
        try LineReader.forEachLine(fd: journalFD, path: journalPath, from: 0, to: knownEnd) { line, _, _ in
            if case .entry(_, _, let entry) = JournalLine.parse(line, as: Model.Entry.self, schemaVersion: Model.schemaVersion, decoder: decoder) {
                first = entry
            }
            return false
        }
        let period = first.flatMap(Model.segmentPeriod(of:))
        openPeriod = .some(period)
        return period
    }

    /// Writes the transaction as a new segment: into a temporary file, synced, then linked
    /// under the segment's name and the folder synced. The segment never exists without its
    /// first transaction, and a failure before the link leaves the journal as it was.
    private func appendSegment(_ bytes: [UInt8], entries: [Model.Entry]) throws(StoreError) {
        let firstSeq = lastSequence + 1
        let name = JournalFiles.segmentName(firstSeq)
        let path = journalFolder + "/" + name
        let temporary = journalFolder + "/.\(name)\(AtomicFile.temporaryTag)\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let fd = try Posix.openOrThrow(temporary, O_RDWR | O_APPEND | O_CREAT | O_EXCL, mode: 0o600)
        var linked = false
        defer {
            unlink(temporary)
            if !linked { close(fd) }
        }
        func notSaved(_ error: StoreError) -> StoreError {
            readOnlyReason = .saveFailed(error, cutFailed: nil)
            return error
        }
        try Posix.setMode(fd, 0o600, path: temporary)
        let written = Posix.writeAll(fd, bytes, ops: fileOps)
        if written != 0 { throw notSaved(.io(operation: .write, path: temporary, errno: written)) }
        let synced = fileOps.fsync(fd)
        if synced != 0 { throw notSaved(.io(operation: .fsync, path: temporary, errno: synced)) }
        CrashPoint.segmentWritten.reached()
        if link(temporary, path) != 0 { throw notSaved(.io(operation: .link, path: path, errno: errno)) }
        linked = true
        do throws(StoreError) { try Posix.syncFolder(journalFolder, ops: fileOps) } catch {
            // The name may or may not reach the disk: only a removal that is itself synced settles it.
            let removed = unlink(path) == 0 && (try? Posix.syncFolder(journalFolder, ops: fileOps)) != nil
            close(fd)
            if removed { throw notSaved(error) }
            throw unconfirmed(error, UnconfirmedWrite(
                firstSeq: firstSeq, lastSeq: lastSequence + entries.count, offset: 0, length: bytes.count,
                checksum: CRC32.checksum(bytes), at: Date()), because: .segmentNotRemoved(name: name))
        }
        close(journalFD)
        journalFD = fd
        journalPath = path
        segments.append(Segment(firstSeq: firstSeq, path: path))
        knownSegment = segments.count - 1
        knownEnd = Int64(bytes.count)
        openPeriod = .some(Model.segmentPeriod(of: entries[0]))
        for entry in entries { model.apply(entry) }
        lastSequence += entries.count
    }

    /// After a failed write: cut the journal back to its last confirmed length and refuse
    /// further writes. What a failed write leaves is always a first part of the transaction
    /// (no newline at its end, or lines of a transaction whose last line is missing), which no
    /// reader applies, so the action was not saved even if the cut fails.
    func failedWrite(_ code: Int32) -> StoreError {
        let error = StoreError.io(operation: .write, path: journalPath, errno: code)
        var cut = fileOps.ftruncate(journalFD, knownEnd)
        if cut == 0 { cut = fileOps.fdatasync(journalFD) }
        readOnlyReason = .saveFailed(error, cutFailed: cut == 0 ? nil : cut)
        return error
    }

    /// After a failed fdatasync: the complete lines are in the file, but the kernel's cache can no
    /// longer be trusted to reach the disk. Only a cut back that is itself synced makes the action
    /// certainly not saved; otherwise the outcome is unknown, said so, and noted in
    /// `unconfirmed.json` for the next open to settle.
    func failedSync(_ code: Int32, _ write: UnconfirmedWrite) -> StoreError {
        let error = StoreError.io(operation: .fdatasync, path: journalPath, errno: code)
        var cut = fileOps.ftruncate(journalFD, knownEnd)
        if cut == 0 { cut = fileOps.fdatasync(journalFD) }
        guard cut != 0 else {
            readOnlyReason = .saveFailed(error, cutFailed: nil)
            return error
        }
        return unconfirmed(error, write, because: .notCutBack(errno: cut))
    }

    /// The outcome of `write` is unknown (`because` says why): said so, and noted in
    /// `unconfirmed.json` for the next open to settle.
    func unconfirmed(_ error: StoreError, _ write: UnconfirmedWrite, because: UnconfirmedSave.Cause) -> StoreError {
        let noted = (try? MarkerFile.write(write, to: unconfirmedPath, ops: fileOps)) != nil
        let save = UnconfirmedSave(error: error, cause: because, noted: noted)
        readOnlyReason = .saveUnconfirmed(save)
        return .unconfirmed(reason: save)
    }
}
