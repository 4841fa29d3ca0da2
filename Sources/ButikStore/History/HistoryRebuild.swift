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
/// history holds. At the end the stories and timelines are written from the spill and from
/// what is left, the small tables from memory.
final class HistoryRebuild {
    /// Entries between two spills: a month of a busy shop's entries is about 20,000.
    static let settleEvery = 20_000

    private var history: History
    private let settleEvery: Int
    private let spill: Int32
    private let spillPath: String
    private let ops: FileOps
    private let decoder = StoreCoding.decoder(for: ShopState.self)
    /// Where a piece's bytes are in the spill file.
    private struct Spilled {
        var offset: Int64
        var length: Int
    }
    private var spillEnd: Int64 = 0
    private var stories: [ParcelID: Spilled] = [:]
    /// Each customer's timeline items in runs, oldest first, each run its items joined by commas.
    private var timelines: [CustomerID: [Spilled]] = [:]
    private var sinceSettled = 0
    /// The first failure; later entries are then skipped.
    private(set) var failure: StoreError?

    init(zone: TimeZone, folder: String, ops: FileOps, settleEvery: Int = HistoryRebuild.settleEvery) throws(StoreError) {
        history = History(zone: zone)
        self.settleEvery = settleEvery
        self.ops = ops
        spillPath = folder + "/.history-rebuild-\(getpid())"
        spill = try Posix.openOrThrow(spillPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, mode: 0o600)
        unlink(spillPath)  // nothing to clean up after a crash
    }

    deinit { close(spill) }

    /// Applies journal entry `seq`, first reading back the spilled stories it names.
    func apply(_ record: Record, seq: Int) {
        guard failure == nil else { return }
        do throws(StoreError) {
            for id in History.parcels(namedBy: record.event) {
                guard let spilled = stories.removeValue(forKey: id) else { continue }
                do { history.restore(try decoder.decode(ParcelStory.self, from: Data(try read(spilled)))) } catch let error as StoreError {
                    throw error
                } catch {
                    throw .encoding(reason: "a story written aside while rebuilding the history cannot be read back (\(error))")
                }
            }
            history.apply(record, seq: seq)
            sinceSettled += 1
            if sinceSettled >= settleEvery { try settle() }
        } catch {
            failure = error
        }
    }

    /// Writes the stories of parcels out of the shop and every timeline item so far to the spill.
    private func settle() throws(StoreError) {
        sinceSettled = 0
        var pending: [UInt8] = []  // the pieces not yet written, one after the other
        pending.reserveCapacity(1 << 20)
        func flush() throws(StoreError) {
            guard !pending.isEmpty else { return }
            let written = Posix.writeAll(spill, pending, ops: ops)
            if written != 0 { throw .io(operation: "write", path: spillPath, errno: written) }
            spillEnd += Int64(pending.count)
            pending.removeAll(keepingCapacity: true)
        }
        /// Adds one piece to the pending bytes and says where it will be in the spill.
        func put(_ write: (inout JSONOut) throws -> Void) throws(StoreError) -> Spilled {
            var piece = JSONOut()
            do { try write(&piece) } catch { throw .encoding(reason: "the history cannot be written as JSON (\(error))") }
            let spilled = Spilled(offset: spillEnd + Int64(pending.count), length: piece.bytes.count)
            pending += piece.bytes
            if pending.count > 1 << 20 { try flush() }
            return spilled
        }
        for story in history.removeStories(where: { !$0.status.isInShop }) {
            stories[story.id] = try put { try story.write(to: &$0) }
        }
        for (customer, items) in history.removeTimelines() {
            timelines[customer, default: []].append(try put { out in for item in items { try item.write(to: &out) } })
        }
        try flush()
    }

    private func read(_ spilled: Spilled) throws(StoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: spilled.length)
        let result = bytes.withUnsafeMutableBytes { Posix.readAt(spill, into: $0, at: spilled.offset) }
        switch result {
        case .success(let count) where count == spilled.length: return bytes
        case .success: throw .io(operation: "read", path: spillPath, errno: EIO)
        case .failure(let code): throw .io(operation: "read", path: spillPath, errno: code)
        }
    }

    /// A piece of a table, in memory or spilled.
    private enum Piece<Value: JSONWritable>: JSONWritable {
        case kept(Value)
        case spilled([UInt8])
        /// A timeline: runs of items spilled, then the items kept.
        case runs([[UInt8]], then: [TimelineItem])

        func write(to out: inout JSONOut) throws {
            switch self {
            case .kept(let value): try value.write(to: &out)
            case .spilled(let bytes): out.raw(bytes)
            case .runs(let runs, let kept):
                out.openArray()
                for run in runs where !run.isEmpty { out.raw(run) }
                for item in kept { try item.write(to: &out) }
                out.closeArray()
            }
        }
    }

    /// The file's tables once every entry is applied, in ``HistoryTables`` order; the stories'
    /// and timelines' buckets are put together from the spill as the writer asks for them.
    func plans() throws(StoreError) -> [HistoryFileWriter.TablePlan] {
        if let failure { throw failure }
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
                return try HistoryFileWriter.bucket(entries)
            }
        }
        // Stories and timelines two a bucket: a view reads many stories (a page of a timeline,
        // the parcels the journal after the file names), each from its own bucket, and a
        // regular's timeline is long.
        let spilledStories = stories, spilledTimelines = timelines
        let storyPlan = assembled(HistoryTables.stories, Array(spilledStories.keys) + part.stories.keys) { [self] id throws(StoreError) in
            if let story = part.stories[id] { return .kept(story) }
            return .spilled(try read(spilledStories[id]!))
        }
        let customers = Set(spilledTimelines.keys).union(part.timelines.keys)
        let timelinePlan = assembled(HistoryTables.timelines, Array(customers)) { [self] customer throws(StoreError) in
            var runs: [[UInt8]] = []
            for spilled in spilledTimelines[customer] ?? [] { runs.append(try read(spilled)) }
            return Piece<[TimelineItem]>.runs(runs, then: part.timelines[customer] ?? [])
        }
        return [storyPlan, plan(HistoryTables.tracking, part.tracking), timelinePlan, plan(HistoryTables.days, part.days),
                plan(HistoryTables.onHand, part.onHandChanges, buckets: 1), plan(HistoryTables.dropOffs, part.dropOffCarriers)]
    }
}
