#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ButikDomain
import Foundation

/// Builds `history.bin` from the whole journal without holding the whole history in memory.
/// The entries are applied to a ``History`` that, every ``settleEvery`` entries, gives what the
/// entries after it can no longer change without naming it to a spill file (unlinked at once,
/// in the store's folder): the stories of the parcels out of the shop, and the timeline items
/// so far (a timeline is only ever added to). An entry naming a parcel whose story was spilled
/// reads it back first (``History/parcels(namedBy:)``), so the file holds what the whole
/// history holds. The spill is written on a queue of its own while the entries after are
/// applied (and the journal is decoded on another thread, ``ReadAhead``). At the end the
/// stories and timelines are written from the spill and from what is left, the small tables
/// from memory.
final class HistoryRebuild {
    /// Entries between two spills: about two weeks of a busy shop's.
    static let settleEvery = 10_000

    private var history: History
    private let settleEvery: Int
    private let spill: Spill
    /// Spills are written on a queue of their own while the entries after are applied, one at
    /// a time (the next waits for it); a story is read back only once every spill before it is
    /// written.
    private let spilling = DispatchQueue(label: "butik.history.spill")
    private let spillSlot = DispatchSemaphore(value: 1)
    /// The stories handed to the spill, read back when named.
    private var spilled: Set<ParcelID> = []
    private var sinceSettled = 0
    /// The first failure here; later entries are then skipped.
    private var failure: StoreError?

    init(zone: TimeZone, folder: String, ops: FileOps, settleEvery: Int = HistoryRebuild.settleEvery) throws(StoreError) {
        history = History(zone: zone)
        self.settleEvery = settleEvery
        spill = try Spill(path: folder + "/.history-rebuild-\(getpid())", ops: ops)
    }

    /// Applies journal entry `seq`, first reading back the spilled stories it names.
    func apply(_ record: Record, seq: Int) {
        guard failure == nil else { return }
        do throws(StoreError) {
            for id in History.parcels(namedBy: record.event) where spilled.contains(id) {
                spilling.sync {}  // every spill handed over is written
                spilled.remove(id)
                let bytes = try spill.takeStory(id)
                do throws(HistoryIn.Bad) {
                    history.restore(try HistoryIn.whole(bytes) { input throws(HistoryIn.Bad) in try ParcelStory(from: &input) })
                } catch {
                    throw .encoding(reason: .historySpill(detail: error.reason))
                }
            }
            history.apply(record, seq: seq)
            sinceSettled += 1
            if sinceSettled >= settleEvery { settle() }
        } catch {
            failure = error
        }
    }

    /// Hands the stories of parcels out of the shop and every timeline item so far to the spill.
    private func settle() {
        sinceSettled = 0
        let stories = history.removeStories(where: { !$0.status.isInShop }), timelines = history.removeTimelines()
        spilled.formUnion(stories.lazy.map(\.id))
        spillSlot.wait()
        spilling.async { [spill, spillSlot] in
            spill.write(stories, timelines)
            spillSlot.signal()
        }
    }

    /// A piece of a table, in memory or spilled.
    private enum Piece<Value: HistoryWritable>: HistoryWritable {
        case kept(Value)
        case spilled([UInt8])
        /// A timeline: its count of items, the runs of items spilled, then the items kept.
        case runs(count: Int, [[UInt8]], then: [TimelineItem])

        func write(to out: inout HistoryOut) {
            switch self {
            case .kept(let value): value.write(to: &out)
            case .spilled(let bytes): out.raw(bytes)
            case .runs(let count, let runs, let kept):
                out.unsigned(UInt64(count))
                for run in runs { out.raw(run) }
                for item in kept { item.write(to: &out) }
            }
        }
    }

    /// The file's tables once every entry is applied, in ``HistoryTables`` order; the stories'
    /// and timelines' buckets are put together from the spill as the writer asks for them.
    func plans() throws(StoreError) -> [HistoryFileWriter.TablePlan] {
        spilling.sync {}
        if let failure = failure ?? spill.failure { throw failure }
        let part = history.part
        func plan<Key, Value>(_ table: HistoryTable<Key, Value>, _ pieces: [Key: Value], buckets: Int? = nil,
                              perBucket: Int = 8) -> HistoryFileWriter.TablePlan {
            HistoryFileWriter.plan(table, pieces, buckets: buckets ?? HistoryFile.bucketCount(keys: pieces.count, perBucket: perBucket),
                                   keys: pieces.count)
        }
        /// A table whose pieces are `keys`, each given by `piece`, two a bucket.
        func assembled<Key, Value>(_ table: HistoryTable<Key, Value>, _ keys: [Key],
                                   _ piece: @escaping (Key) throws(StoreError) -> Piece<Value>) -> HistoryFileWriter.TablePlan {
            let buckets = HistoryFile.bucketCount(keys: keys.count, perBucket: 2)
            let ordered = keys.map { (table.bucket($0, buckets), $0) }.sorted { $0 < $1 }
            var starts = [Int](repeating: 0, count: buckets + 1)  // where each bucket's keys begin in `ordered`
            var index = 0
            for bucket in 0...buckets {
                while index < ordered.count, ordered[index].0 < bucket { index += 1 }
                starts[bucket] = index
            }
            return HistoryFileWriter.TablePlan(buckets: buckets, keys: keys.count) { bucket throws(StoreError) in
                var entries: [(Key, Piece<Value>)] = []
                for (_, key) in ordered[starts[bucket]..<starts[bucket + 1]] { entries.append((key, try piece(key))) }
                return HistoryFileWriter.bucket(entries)
            }
        }
        // Stories and timelines two a bucket: a view reads many stories (a page of a timeline,
        // the parcels the journal after the file names), each from its own bucket, and a
        // regular's timeline is long.
        let spill = spill
        let storyPlan = assembled(HistoryTables.stories, Array(spill.stories.keys) + part.stories.keys) { id throws(StoreError) in
            if let story = part.stories[id] { return .kept(story) }
            return .spilled(try spill.story(id))
        }
        let customers = Set(spill.timelines.keys).union(part.timelines.keys)
        let timelinePlan = assembled(HistoryTables.timelines, Array(customers)) { customer throws(StoreError) in
            let (spilled, runs) = try spill.timeline(customer), kept = part.timelines[customer] ?? []
            return Piece<[TimelineItem]>.runs(count: spilled + kept.count, runs, then: kept)
        }
        return [storyPlan, plan(HistoryTables.tracking, part.tracking), timelinePlan, plan(HistoryTables.days, part.days),
                plan(HistoryTables.onHand, part.onHandChanges, buckets: 1), plan(HistoryTables.dropOffs, part.dropOffCarriers),
                plan(HistoryTables.cases, part.caseCustomers)]
    }
}

/// The spill file of a rebuild (unlinked at once: nothing to clean up after a crash) and where
/// each piece is in it. Written on the rebuild's spill queue; read only once that queue is idle.
private final class Spill: @unchecked Sendable {
    /// Where a piece's bytes are in the file: eight bytes, as there are hundreds of thousands
    /// (a year's spill is about 25 MB; one past 4 GB is refused).
    struct Place {
        var offset: UInt32
        var length: UInt32
    }

    /// A run of a timeline's items and how many.
    struct Run {
        var place: Place
        var items: UInt32
    }

    private let fd: Int32
    private let path: String
    private let ops: FileOps
    private var end: Int64 = 0
    private(set) var stories: [ParcelID: Place] = [:]
    /// Each customer's timeline items in runs, oldest first, each run its items one after the other.
    private(set) var timelines: [CustomerID: [Run]] = [:]
    /// The first failure to write; later spills are then skipped.
    private(set) var failure: StoreError?

    init(path: String, ops: FileOps) throws(StoreError) {
        self.path = path
        self.ops = ops
        fd = try Posix.openOrThrow(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, mode: 0o600)
        unlink(path)
    }

    deinit { close(fd) }

    /// Writes the stories and the timelines' runs and notes where each is.
    func write(_ newStories: [ParcelStory], _ newTimelines: [CustomerID: [TimelineItem]]) {
        guard failure == nil else { return }
        do throws(StoreError) {
            var pending: [UInt8] = []  // the pieces not yet written, one after the other
            pending.reserveCapacity(1 << 20)
            func flush() throws(StoreError) {
                guard !pending.isEmpty else { return }
                let written = Posix.writeAll(fd, pending, ops: ops)
                if written != 0 { throw .io(operation: .write, path: path, errno: written) }
                end += Int64(pending.count)
                pending.removeAll(keepingCapacity: true)
            }
            /// Adds one piece to the pending bytes and says where it will be in the file.
            func put(_ write: (inout HistoryOut) -> Void) throws(StoreError) -> Place {
                var piece = HistoryOut(capacity: 256)
                write(&piece)
                guard let offset = UInt32(exactly: end + Int64(pending.count)), let length = UInt32(exactly: piece.bytes.count) else {
                    throw .encoding(reason: .historyTooLarge)
                }
                let place = Place(offset: offset, length: length)
                pending += piece.bytes
                if pending.count > 1 << 20 { try flush() }
                return place
            }
            for story in newStories { stories[story.id] = try put { story.write(to: &$0) } }
            for (customer, items) in newTimelines {
                guard let count = UInt32(exactly: items.count) else {
                    throw .encoding(reason: .historyTooLarge)
                }
                let place = try put { out in for item in items { item.write(to: &out) } }
                timelines[customer, default: []].append(Run(place: place, items: count))
            }
            try flush()
        } catch {
            failure = error
        }
    }

    /// A story's bytes.
    func story(_ id: ParcelID) throws(StoreError) -> [UInt8] { try read(stories[id]!) }

    /// A story's bytes, forgetting it: it is back in memory.
    func takeStory(_ id: ParcelID) throws(StoreError) -> [UInt8] {
        if let failure { throw failure }
        return try read(stories.removeValue(forKey: id)!)
    }

    /// How many of a customer's timeline items were spilled, and their runs, oldest first.
    func timeline(_ customer: CustomerID) throws(StoreError) -> (count: Int, runs: [[UInt8]]) {
        var runs: [[UInt8]] = [], count = 0
        for run in timelines[customer] ?? [] {
            runs.append(try read(run.place))
            count += Int(run.items)
        }
        return (count, runs)
    }

    private func read(_ place: Place) throws(StoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(place.length))
        let result = bytes.withUnsafeMutableBytes { Posix.readAt(fd, into: $0, at: Int64(place.offset)) }
        switch result {
        case .success(let count) where count == bytes.count: return bytes
        case .success: throw .io(operation: .read, path: path, errno: EIO)
        case .failure(let code): throw .io(operation: .read, path: path, errno: code)
        }
    }
}
