import ButikDomain
import Foundation

/// A shop's store folder: the journal and snapshot of ``ShopState`` plus the editable layout
/// file `shop.json`.
public final class ShopStore {
    public let folder: URL
    public let layout: ShopLayout
    let store: Store<ShopState>

    /// The name of the layout file in the store folder.
    public static let layoutFileName = "shop.json"
    /// The name of the derived history file in the store folder.
    public static let historyFileName = HistoryFile.name

    private init(folder: URL, layout: ShopLayout, store: Store<ShopState>) {
        self.folder = folder
        self.layout = layout
        self.store = store
    }

    /// Opens the store in `folder`, creating it with `defaultLayout` (the bytes of a shop file)
    /// on first use. A layout file with problems stops the opening with a ``LayoutError``; a
    /// missing one in a store that holds data with ``ShopFileMissing`` (the slots its parcels are
    /// in are in that file: a default layout would put them in the wrong places).
    ///
    /// A store of the first format is moved to journal segments after a backup of it, with its
    /// shop file, into the shop file's backup folder (see ``Store/open(folder:empty:backups:alongside:)``).
    public static func open(folder: URL, defaultLayout: Data) throws -> ShopStore {
        let layoutURL = folder.appendingPathComponent(layoutFileName)
        // Read before the store opens, for where a move of an old store backs it up; its
        // problems are said after the store's own, as when the file is read afterwards.
        let early = try? ShopLayout.load(from: layoutURL)
        let store = try Store<ShopState>.open(folder: folder, empty: ShopState(), backups: early.map { backupFolder($0.backups, of: folder) },
                                              alongside: [layoutFileName])
        if early == nil, !FileManager.default.fileExists(atPath: layoutURL.path) {
            guard store.lastSequence == 0 else { throw ShopFileMissing(path: layoutURL.path) }
            try AtomicFile.write(defaultLayout, to: layoutURL)
        }
        let layout = try early ?? ShopLayout.load(from: layoutURL)
        let shop = ShopStore(folder: folder, layout: layout, store: store)
        shop.layoutNotices = ShopStore.strayParcels(store.model, layout)
        return shop
    }

    /// Opens the same folder again with the layout already read, as a restart would: whether
    /// the fault that made this store read-only is gone. Never waits for the lock or creates
    /// files (see ``Store/reopened()``).
    public func reopened() throws -> ShopStore {
        ShopStore(folder: folder, layout: layout, store: try store.reopened())
    }

    /// Parcels in slots the shop file no longer has (a shelf removed or shortened): they are
    /// still in the shop, but the map cannot show them; say where they are.
    private static func strayParcels(_ state: ShopState, _ layout: ShopLayout) -> [StoreNotice] {
        var bySlot: [SlotID: Int] = [:]
        var known: [SlotID: Bool] = [:]  // each slot in use looked up in the layout once
        for id in state.inShopByTracking.values {
            guard let slot = state.parcels[id]?.slot else { continue }
            let isKnown = known[slot] ?? layout.contains(slot)
            known[slot] = isKnown
            if !isKnown { bySlot[slot, default: 0] += 1 }
        }
        guard !bySlot.isEmpty else { return [] }
        let slots = bySlot.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        return [.strayParcels(count: bySlot.values.reduce(0, +), file: ShopStore.layoutFileName, slots: slots)]
    }

    /// Problems with the layout that did not stop the store from opening.
    private var layoutNotices: [StoreNotice] = []
    /// What reading the derived history file found and did about it (see ``history(for:waiting:)``).
    var historyNotices: [StoreNotice] = []
    /// The history file is caught up once more journal entries than this follow it: a view
    /// reads and applies at most about this many.
    public var historyUpdateAfter = 100
    /// Entries a rebuild of the history file applies between two spills of what they can no
    /// longer change (see ``HistoryRebuild``); small in tests, to spill often.
    var historySettleEvery = HistoryRebuild.settleEvery

    /// The state as of the last transaction or refresh.
    public var state: ShopState { store.model }
    public var readOnlyReason: ReadOnlyReason? { store.readOnlyReason }
    public var notices: [StoreNotice] { store.notices + layoutNotices + historyNotices }
    public var lastSequence: Int { store.lastSequence }

    /// Decides a command against the up-to-date state under the store's lock and makes its
    /// events durable. Returns the outcome only once it is on disk. Domain refusals are thrown
    /// as ``DomainError``; store failures as ``StoreError``. With `waiting` false, another
    /// process's lock throws ``StoreError/locked`` at once instead of after five seconds.
    public func perform<Outcome>(
        staff: StaffID, now: Date, waiting: Bool = true,
        _ decide: (ShopState, Context) throws(DomainError) -> Decision<Outcome>
    ) throws -> Outcome {
        // A record whose time is out of range could not be read back: refuse before deciding.
        guard Ranges.dates.contains(now) else { throw DomainError.clockWrong(now) }
        let context = Context(layout: layout, now: now, staff: staff)
        return try store.transact(waiting: waiting) { state in
            let decision = try decide(state, context)
            return (decision.events.map(context.record), decision.outcome)
        }
    }

    /// Appends records decided elsewhere (the demo generator) in one durable write.
    public func append(_ records: [Record]) throws {
        try store.transact { _ in (records, ()) }
    }

    /// Catches up on what other processes wrote; `waiting` as for ``perform(staff:now:waiting:_:)``.
    public func refresh(waiting: Bool = true) throws { try store.refresh(waiting: waiting) }

    /// Writes a snapshot now (e.g. before quitting).
    public func writeSnapshot() throws { try store.writeSnapshot() }

    /// Makes a verified backup of the store and its shop file in `parent`, in a folder named by
    /// the time (`backup-20261201-093105`); see ``Store/backup(into:name:alongside:)``.
    public func backup(into parent: URL, now: Date, waiting: Bool = true) throws -> URL {
        try store.backup(into: parent, name: "backup-" + backupNameFormat.string(from: now),
                         alongside: [Self.layoutFileName], waiting: waiting)
    }

    /// Puts a backup (a store folder) in place of this store, shop file included; see
    /// ``Store/restore(from:alongside:)``. Open the store again afterwards.
    public func restore(from backup: URL) throws { try store.restore(from: backup, alongside: [Self.layoutFileName]) }

    /// Heals damaged journal lines from a backup holding them intact; see ``Store/repair(from:)``.
    public func repair(from backup: URL) throws -> RepairReport { try store.repair(from: backup) }

    /// Verifies every journal line, the ones behind the snapshot too; see ``Store/verifyJournal()``.
    @discardableResult
    public func verifyJournal() throws -> StoreError? { try store.verifyJournal() }
}

/// The layout file of a store that holds data is missing; nothing was written.
public struct ShopFileMissing: Error, Equatable {
    public var path: String
}

/// The layout file cannot be used; `problems` are ``ShopLayout/problems`` or why it cannot be read.
public struct LayoutError: Error, Equatable {
    public var path: String
    public var problems: [String]
}

extension ShopLayout {
    /// Reads and checks a shop file.
    public static func load(from url: URL) throws -> ShopLayout {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LayoutError(path: url.path, problems: ["it cannot be read (\(error.localizedDescription))"])
        }
        let layout: ShopLayout
        do {
            layout = try JSONDecoder().decode(ShopLayout.self, from: data)
        } catch {
            throw LayoutError(path: url.path, problems: [DecodingProblem(error).description])
        }
        let problems = layout.problems
        guard problems.isEmpty else { throw LayoutError(path: url.path, problems: problems) }
        return layout
    }
}
