import Foundation

extension Store {
    /// Reads the journal from its start up to what ``model`` covers (entry ``lastSequence``) and
    /// folds every entry, with its sequence number, into `initial`: how a view of the past
    /// (history, reports) is built. Reads under a shared lock, waiting as `refresh` does, and
    /// writes nothing.
    ///
    /// This is a full pass each time (a few seconds at a year's journal).
    ///
    /// Damage in a line that opening did not read (behind the snapshot) is thrown as
    /// ``StoreError/corrupt(file:line:reason:)`` and makes the store read-only, as catching up does.
    public func fold<Value>(
        _ initial: Value, waiting: Bool = true, _ apply: (inout Value, Model.Entry, Int) -> Void
    ) throws(StoreError) -> Value {
        try lock?.lock(.shared, timeout: lockWait(waiting))
        defer { lock?.unlock() }
        var value = initial
        var seq = 0
        let (read, _) = try readJournal(from: SegmentOffset(segment: 0, offset: 0), lastSeq: 0, to: knownPosition) { entry in
            seq += 1
            apply(&value, entry, seq)
        }
        if let problem = read.problem { throw goReadOnly(problem) }
        guard read.lastSeq == lastSequence else {
            throw goReadOnly(.corrupt(
                file: journalPath, line: nil,
                reason: "it holds \(read.lastSeq) entries where \(lastSequence) were read before, so it was cut or replaced"))
        }
        return value
    }
}
