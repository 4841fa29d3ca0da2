import ButikDomain
import Foundation

/// A question to the shop's past, answered by the ``History`` view of the same name from a
/// history holding only what it needs.
public enum HistoryQuestion: Sendable, Equatable {
    /// ``History/stories(for:)``.
    case parcels(TrackingNumber)
    /// ``History/closedStories(matching:limit:)``.
    case closedParcels(TrackingQuery)
    /// ``History/timeline(of:since:page:pageSize:)`` with these arguments.
    case timeline(CustomerID, since: Day?, page: Int, pageSize: Int)
    /// ``History/counts(on:)``.
    case day(Day)
}

/// The derived history file (`history.bin`, see ``HistoryFile``): how the history views read
/// a few pieces of the past instead of the whole journal.
extension ShopStore {
    /// A history that answers `question` as the whole history would, up to ``state``: the
    /// pieces of `history.bin` it needs, caught up with the journal entries after the file's
    /// position (and the stories those name). A file that is missing, damaged, made from
    /// another journal or in another time zone is rebuilt from the whole journal (named in a
    /// notice unless missing); one more than ``historyUpdateAfter`` entries behind is caught
    /// up, copying the buckets that did not change. Under the shared lock; writes nothing while
    /// the store is read-only, and a file that cannot be written is only a notice.
    public func history(for question: HistoryQuestion, waiting: Bool = true) throws(StoreError) -> History {
        try store.refresh(waiting: waiting)
        return try store.reading(waiting: waiting) { () throws(StoreError) -> History in
            let path = store.folder.standardizedFileURL.path + "/" + HistoryFile.name
            let opened: HistoryFileReader?
            do throws(HistoryFile.Damage) { opened = try HistoryFileReader.open(path) } catch {
                return try rebuiltHistory(path, for: question, because: .historyFile(error.reason))
            }
            guard let reader = opened else { return try rebuiltHistory(path, for: question) }
            guard reader.header.zone == layout.zone.identifier else {
                return try rebuiltHistory(path, for: question, because: .historyZone(file: reader.header.zone, shop: layout.zone.identifier))
            }
            guard reader.header.seq <= store.lastSequence else {
                return try rebuiltHistory(path, for: question, because: .historyAhead(entry: reader.header.seq, end: store.lastSequence))
            }
            guard try store.position(of: reader.header.seq) == reader.header.position else {
                return try rebuiltHistory(path, for: question, because: .historyOtherJournal(entry: reader.header.seq))
            }
            let tail = try store.fold([(Record, Int)](), after: reader.header.seq) { $0.append(($1, $2)) }
            let answer: History
            var caughtUp: [HistoryFileWriter.TablePlan]??  // nil: not due; .some(nil): rebuild instead
            do throws(HistoryFile.Damage) {
                answer = try history(question, from: reader, tail: tail)
                if tail.count > historyUpdateAfter, store.readOnlyReason == nil { caughtUp = .some(try caughtUpPlans(reader, tail: tail)) }
            } catch {
                return try rebuiltHistory(path, for: question, because: .historyFile(error.reason))
            }
            switch caughtUp {
            case .some(.some(let plans)): writeHistory(path, tables: plans, old: reader)
            case .some(.none): _ = try rebuildFile(path)
            case .none: break
            }
            return answer
        }
    }

    /// Brings `history.bin` up to date as answering a question does (rebuilt when missing,
    /// damaged or not fitting, caught up when far behind), answering the cheapest one: the
    /// counts of the day of `now`. What a program runs at start, on a store of its own in the
    /// background, so that the first question at the counter does not wait for a rebuild.
    public func prepareHistory(now: Date, waiting: Bool = true) throws(StoreError) {
        _ = try history(for: .day(Day(now, in: layout.zone)), waiting: waiting)
    }

    /// Every parcel that ever had this tracking number, newest first (the question
    /// ``HistoryQuestion/parcels(_:)``): what the counter shows of a number no longer in the shop.
    /// With `waiting` false another program's lock throws ``StoreError/locked`` at once.
    public func parcelStories(for tracking: TrackingNumber, waiting: Bool = true) throws(StoreError) -> [ParcelStory] {
        try history(for: .parcels(tracking), waiting: waiting).stories(for: tracking)
    }

    /// A page of the customer's timeline, newest first (the question
    /// ``HistoryQuestion/timeline(_:since:page:pageSize:)``): what the customer's card shows.
    /// With `waiting` false another program's lock throws ``StoreError/locked`` at once.
    public func timeline(of customer: CustomerID, page: Int, pageSize: Int, waiting: Bool = true) throws(StoreError) -> TimelinePage {
        try history(for: .timeline(customer, since: nil, page: page, pageSize: pageSize), waiting: waiting)
            .timeline(of: customer, page: page, pageSize: pageSize)
    }

    /// The shop's past up to ``state`` from the whole journal, without the derived file: every
    /// parcel's story, every customer's timeline, every day's counts (seconds at a year).
    public func history(waiting: Bool = true) throws(StoreError) -> History {
        try store.reading(waiting: waiting) { () throws(StoreError) in try wholeHistory() }
    }

    private func wholeHistory() throws(StoreError) -> History {
        try store.fold(History(zone: layout.zone)) { history, record, seq in history.apply(record, seq: seq) }
    }

    /// The pieces `question` needs from the file and the stories and drop-offs of `tail` that
    /// change its answer, with `tail` applied.
    private func history(_ question: HistoryQuestion, from reader: HistoryFileReader, tail: [(Record, Int)]) throws(HistoryFile.Damage) -> History {
        var part = History.Part()
        let blank = History(zone: layout.zone)
        var named = History.References()  // of the entries that change the answer
        switch question {
        case .parcels(let number):
            part.tracking = try reader.pieces(HistoryTables.tracking, for: [number])
        case .closedParcels(let query):
            let buckets = reader.header.tables[HistoryTables.tracking.index].buckets
            let endings = [query.fragment] + (query.exact.map { [$0.value] } ?? [])
            part.tracking = try reader.pieces(HistoryTables.tracking, buckets: endings.map { HistoryTables.trackingBucket(ofEnding: $0, buckets: buckets) })
                .filter { query.matchesWholeOrEnd($0.key) }
        case .timeline(let customer, _, _, _):
            // Theirs and those of every record merged into theirs, in the file or in the tail.
            var tailMerges: [CustomerID: [TimelineItem]] = [:]
            for (record, seq) in tail {
                guard case .customersMerged(let kept, let merged) = record.event else { continue }
                tailMerges[kept, default: []].append(TimelineItem(seq: seq, at: record.at, staff: record.staff, what: .merged(from: merged)))
            }
            var joined: Set<CustomerID> = []
            while true {
                let more = Set(History.joinedCustomers(of: customer, in: part.timelines.merging(tailMerges) { $0 + $1 }))
                guard !more.isSubset(of: joined) else { break }
                part.timelines.merge(try reader.pieces(HistoryTables.timelines, for: more.subtracting(joined))) { known, _ in known }
                joined.formUnion(more)
            }
            // Steps of their parcels, and refusals naming parcels (whose numbers the entry tells).
            let theirs = Set(part.timelines.values.flatMap(History.parcels(on:)))
            named.parcels = blank.references(of: tail.lazy.map(\.0)).parcels.intersection(theirs)
            named.parcels.formUnion(blank.references(of: tail.lazy.map(\.0).filter { record in
                if case .handOutRefused(let refused, _, _, _) = record.event { joined.contains(refused) } else { false }
            }).parcels)
        case .day(let day):
            part.days = try reader.pieces(HistoryTables.days, for: [day])
            part.onHandChanges = try reader.pieces(HistoryTables.onHand, buckets: [0])
            // What happened up to that day counts; later days do not.
            named = blank.references(of: tail.lazy.map(\.0).filter { Day($0.at, in: self.layout.zone) <= day })
        }
        part.stories = try reader.pieces(HistoryTables.stories, for: Set(part.tracking.values.joined()).union(named.parcels))
        part.dropOffCarriers = try reader.pieces(HistoryTables.dropOffs, for: named.dropOffs)
        part.caseCustomers = try reader.pieces(HistoryTables.cases, for: blank.references(of: tail.lazy.map(\.0)).cases)
        var history = History(zone: layout.zone, sequence: reader.header.seq, part: part)
        for (record, seq) in tail { history.apply(record, seq: seq) }
        if case .timeline(let customer, let since, let page, let size) = question {
            // The stories of the parcels on the page asked for, and no others.
            let wanted = history.parcels(onTimelineOf: customer, since: since, page: page, pageSize: size)
            part = history.part
            part.stories.merge(try reader.pieces(HistoryTables.stories, for: wanted.subtracting(part.stories.keys))) { known, _ in known }
            history = History(zone: layout.zone, sequence: history.sequence, part: part)
        }
        return history
    }

    /// The answer to `question` after building the file at `path` from the whole journal
    /// (``HistoryRebuild``), read from the file as written; with a reason, a notice says why the
    /// file there was not used. While the store is read-only, or when the file cannot be
    /// written, the whole history in memory.
    private func rebuiltHistory(_ path: String, for question: HistoryQuestion, because reason: Damage? = nil) throws(StoreError) -> History {
        if let reason {
            historyNotices.append(.historyIgnored(path: path, reason))
        }
        guard store.readOnlyReason == nil, try rebuildFile(path) else { return try wholeHistory() }
        do throws(HistoryFile.Damage) {
            if let reader = try HistoryFileReader.open(path) { return try history(question, from: reader, tail: []) }
        } catch {
            historyNotices.append(.historyUnreadable(path: path, .historyFile(error.reason)))
        }
        return try wholeHistory()
    }

    /// Builds the file at `path` from the whole journal; false, with a notice, when it could
    /// not be written. Damage in the journal throws.
    private func rebuildFile(_ path: String) throws(StoreError) -> Bool {
        let rebuild: HistoryRebuild
        do throws(StoreError) { rebuild = try historyRebuild() } catch {
            historyNotices.append(.historyUnwritten(path: path, error))
            return false
        }
        _ = try store.fold(rebuild) { rebuild, record, seq in rebuild.apply(record, seq: seq) }
        return writeRebuilt(rebuild, to: path)
    }

    /// A rebuild of the history file, to be given every journal entry in order.
    func historyRebuild() throws(StoreError) -> HistoryRebuild {
        try HistoryRebuild(zone: layout.zone, folder: store.folder.standardizedFileURL.path, ops: store.fileOps, settleEvery: historySettleEvery)
    }

    /// Writes the file from `rebuild`, which was given every entry up to ``lastSequence``;
    /// false, with a notice, when it could not be written.
    private func writeRebuilt(_ rebuild: HistoryRebuild, to path: String) -> Bool {
        do throws(StoreError) {
            guard let position = try store.position(of: store.lastSequence) else { return false }
            try Self.writeRebuilt(rebuild, to: path, at: position, zone: layout.zone, ops: store.fileOps)
            return true
        } catch {
            historyNotices.append(.historyUnwritten(path: path, error))
            return false
        }
    }

    /// Writes the file at `path` from `rebuild`, which was given every entry of the journal up
    /// to `position` as the journal has them; uses nothing of a store but what it is given (an
    /// erasure writes it on a second thread, see ``erase(key:staff:now:)``).
    static func writeRebuilt(_ rebuild: HistoryRebuild, to path: String, at position: JournalPosition, zone: TimeZone, ops: FileOps) throws(StoreError) {
        try HistoryFileWriter.write(to: path, position: position, zone: zone, tables: try rebuild.plans(), old: nil, ops: ops)
    }

    /// The tables of the file caught up with `tail`: the buckets the entries change are read
    /// whole, changed and encoded again; the rest is copied. Nil when a table would be too full
    /// for its buckets (the file is then rebuilt larger).
    private func caughtUpPlans(_ reader: HistoryFileReader, tail: [(Record, Int)]) throws(HistoryFile.Damage) -> [HistoryFileWriter.TablePlan]? {
        let records = tail.map(\.0)
        let blank = History(zone: layout.zone)
        var read: [Int: (buckets: Set<Int>, keys: Int)] = [:]
        func load<Key, Value>(_ table: HistoryTable<Key, Value>, _ keys: some Sequence<Key>) throws(HistoryFile.Damage) -> [Key: Value] {
            let count = reader.header.tables[table.index].buckets
            let buckets = Set(keys.map { table.bucket($0, count) })
            let pieces = try reader.pieces(table, buckets: buckets)
            read[table.index] = (buckets, pieces.count)
            return pieces
        }
        var part = History.Part()
        let named = blank.references(of: records)
        part.stories = try load(HistoryTables.stories, named.parcels)
        part.dropOffCarriers = try load(HistoryTables.dropOffs, named.dropOffs)
        part.caseCustomers = try load(HistoryTables.cases, named.cases)
        let touched = blank.references(of: records, ownerOf: { part.stories[$0]?.customer }, customerOf: { part.caseCustomers[$0] })
        part.timelines = try load(HistoryTables.timelines, touched.customers)
        part.tracking = try load(HistoryTables.tracking, touched.tracking)
        part.days = try load(HistoryTables.days, touched.days)
        part.onHandChanges = try load(HistoryTables.onHand, [Day(ordinal: 0)])
        var history = History(zone: layout.zone, sequence: reader.header.seq, part: part)
        for (record, seq) in tail { history.apply(record, seq: seq) }
        let after = history.part
        var complete = true
        func plan<Key, Value>(_ table: HistoryTable<Key, Value>, _ pieces: [Key: Value]) -> HistoryFileWriter.TablePlan {
            let info = reader.header.tables[table.index], loaded = read[table.index] ?? ([], 0)
            // Every key the entries left must be in a bucket read whole, or its other keys would be lost.
            if pieces.keys.contains(where: { !loaded.buckets.contains(table.bucket($0, info.buckets)) }) { complete = false }
            return HistoryFileWriter.plan(table, pieces, buckets: info.buckets, keys: info.keys - loaded.keys + pieces.count,
                                          rewriting: loaded.buckets)
        }
        let plans = [plan(HistoryTables.stories, after.stories), plan(HistoryTables.tracking, after.tracking),
                     plan(HistoryTables.timelines, after.timelines), plan(HistoryTables.days, after.days),
                     plan(HistoryTables.onHand, after.onHandChanges), plan(HistoryTables.dropOffs, after.dropOffCarriers),
                     plan(HistoryTables.cases, after.caseCustomers)]
        let full = plans.indices.contains { $0 != HistoryTables.onHand.index && HistoryFile.isOverfull(buckets: plans[$0].buckets, keys: plans[$0].keys) }
        return complete && !full ? plans : nil
    }

    /// Writes the file as of ``lastSequence``; a failure is only a notice (the journal holds
    /// everything). True when it was written.
    @discardableResult
    private func writeHistory(_ path: String, tables: [HistoryFileWriter.TablePlan], old: HistoryFileReader?) -> Bool {
        do {
            guard let position = try store.position(of: store.lastSequence) else { return false }
            try HistoryFileWriter.write(to: path, position: position, zone: layout.zone, tables: tables, old: old, ops: store.fileOps)
            return true
        } catch {
            historyNotices.append(.historyUnwritten(path: path, error))
            return false
        }
    }

    /// Verifies `history.bin` for `check`, without decoding: its header, tables and every
    /// bucket's checksum, and that it was made from this journal. Nil when it is sound or missing.
    public func historyFileProblem() throws(StoreError) -> Damage? {
        let path = store.folder.standardizedFileURL.path + "/" + HistoryFile.name
        return try store.reading { () throws(StoreError) -> Damage? in
            let opened: HistoryFileReader?
            do throws(HistoryFile.Damage) {
                opened = try HistoryFileReader.open(path)
                try opened?.verifyAll()
            } catch {
                return .historyFile(error.reason)
            }
            guard let header = opened?.header else { return nil }
            guard header.zone == layout.zone.identifier else {
                return .historyZone(file: header.zone, shop: layout.zone.identifier)
            }
            guard header.seq <= store.lastSequence else {
                return .historyAhead(entry: header.seq, end: store.lastSequence)
            }
            guard try store.position(of: header.seq) == header.position else {
                return .historyOtherJournal(entry: header.seq)
            }
            return nil
        }
    }
}
