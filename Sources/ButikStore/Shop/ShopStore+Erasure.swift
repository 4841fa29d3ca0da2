import ButikDomain
import Foundation

/// The erasure of a customer's personal data from every file of the store (see ``Erasure``
/// and `docs/store.md`, "Erasing a customer").
extension ShopStore {
    /// The list of erased customers in the store folder (and in each backup): their ids, nothing
    /// personal, so that a restore of an older backup erases them again.
    public static let erasuresFileName = "erasures.json"

    /// What an erasure did.
    public struct ErasureDone: Sendable, Equatable {
        /// The customer as they were before, and whether they were erased already.
        public var outcome: ErasureOutcome
        /// The journal lines and segments rewritten.
        public var rewrite: RewriteReport
    }

    /// Erases the personal data of the customer holding `key` (an erased one holds `#C12`):
    /// under the exclusive lock, records ``Event/customerErased(customer:)`` (refused by the
    /// rule of ``ShopState/erase(_:_:)``), adds them to `erasures.json`, then removes the
    /// snapshot and `history.bin` and rewrites every journal segment holding their data (see
    /// ``Store/rewrite(removing:_:recorded:surveyed:alongside:)``); `history.bin` is built again
    /// in the same pass over the journal (see ``historyRebuiltInPass(now:_:)``). An erased customer's
    /// rewrite is done again (what a killed erasure leaves is completed so).
    public func erase(key: CustomerKey, staff: StaffID, now: Date) throws -> ErasureDone {
        guard Ranges.dates.contains(now) else { throw DomainError.clockWrong(now) }
        let context = Context(layout: layout, now: now, staff: staff)
        let listed = try erasedCustomers()
        let (outcome, report) = try historyRebuiltInPass(now: now) { surveyed, alongside in
            try store.rewrite(removing: [HistoryFile.name], { state in
                guard let customer = state.customer(withKey: key) else { throw DomainError.unknownCustomer(key.value) }
                let decision = try state.erase(customer.id, context)
                return (decision.events.map(context.record), Erasure(customers: [customer.id], merged: state.mergedCustomers), decision.outcome)
            }, recorded: { (outcome: ErasureOutcome) in
                try writeErasures(listed.union([outcome.customer.id]))
            }, surveyed: surveyed, alongside: alongside)
        }
        return ErasureDone(outcome: outcome, rewrite: report)
    }

    /// Erases again every customer `erasures.json` lists that this journal holds and does not
    /// have erased (a restored older backup), whatever is in the shop for them (their erasure
    /// was decided before), and rewrites the journal for all of them. Returns the ones erased
    /// again. Running it again completes what a killed one left.
    public func reapplyErasures(staff: StaffID, now: Date) throws -> [CustomerID] {
        let listed = try erasedCustomers()
        guard !listed.isEmpty else { return [] }
        let context = Context(layout: layout, now: now, staff: staff)
        let (again, _) = try historyRebuiltInPass(now: now) { surveyed, alongside in
            try store.rewrite(removing: [HistoryFile.name], { state in
                let again = listed.filter { state.customers[$0] != nil && !state.isErased($0) }.sorted()
                return (again.map { context.record(.customerErased(customer: $0)) }, Erasure(customers: listed, merged: state.mergedCustomers), again)
            }, recorded: { (_: [CustomerID]) in }, surveyed: surveyed, alongside: alongside)
        }
        return again
    }

    /// Runs a rewrite of the journal, giving it its `surveyed`, which applies each entry to a
    /// rebuild of `history.bin` as the rewrite's survey reads it, as the rewrite leaves it:
    /// ``Erasure/scrubbed(_:seq:)`` of an entry right after it is surveyed is what it is after
    /// the whole survey, but for a manifest line (known to announce their parcel only once it
    /// arrives), which the history does not read. So the file is written from that one pass,
    /// without reading the rewritten journal again, by the rewrite's `alongside` while the
    /// snapshot is written. When a rebuild cannot be started or written, the file is built from
    /// the rewritten journal as any view would build a missing one.
    private func historyRebuiltInPass<Result>(
        now: Date,
        _ rewrite: (_ surveyed: (Erasure, Record, Int) -> Void, _ alongside: @escaping (JournalPosition?) -> Void) throws -> Result
    ) throws -> Result {
        let rebuild = try? historyRebuild()
        let path = store.folder.standardizedFileURL.path + "/" + HistoryFile.name, zone = layout.zone, ops = store.fileOps
        var written: Swift.Result<Void, StoreError>?  // nil: not tried
        let result = try rewrite({ erasure, record, seq in
            rebuild?.apply(erasure.rewritten(record, seq: seq), seq: seq)
        }) { position in
            guard let rebuild, let position else { return }
            written = Swift.Result { () throws(StoreError) in try Self.writeRebuilt(rebuild, to: path, at: position, zone: zone, ops: ops) }
        }
        switch written {
        case .success: break
        case .failure(let error):
            historyNotices.append(.historyUnwritten(path: path, error))
            try? prepareHistory(now: now)
        case nil: try? prepareHistory(now: now)
        }
        return result
    }

    /// The customers `erasures.json` lists; none when there is no file. A damaged file throws
    /// (nobody can tell whom it named).
    public func erasedCustomers() throws(StoreError) -> Set<CustomerID> {
        try Self.erasedCustomers(in: folder.standardizedFileURL.path)
    }

    static func erasedCustomers(in folderPath: String) throws(StoreError) -> Set<CustomerID> {
        let path = folderPath + "/" + erasuresFileName
        switch MarkerFile.read(path, as: ErasureList.self) {
        case .missing: return []
        case .damaged(let reason): throw .corrupt(file: path, line: nil, reason: reason)
        case .sound(let list): return Set(list.customers)
        }
    }

    func writeErasures(_ customers: Set<CustomerID>) throws(StoreError) {
        try MarkerFile.write(ErasureList(customers: customers.sorted()),
                             to: folder.standardizedFileURL.path + "/" + Self.erasuresFileName, ops: store.fileOps)
    }
}

/// `erasures.json`: the erased customers' ids.
struct ErasureList: Codable {
    var customers: [CustomerID]
}

extension Erasure: JournalRewrite {
    public func rewritten(_ entry: Record, seq: Int) -> Record { scrubbed(entry, seq: seq) }
}
