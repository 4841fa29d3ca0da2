import Foundation

/// The shop as the journal tells it, rebuilt by the tests' own short rules (not ButikDomain's):
/// a reference model for the proof tests. Every rule an entry breaks is noted in `violations`,
/// and each transaction is named as the workload ``Action`` that made it.
struct ReferenceShop {
    /// The slots, time zone and carriers' limits of `shop.json`, read on its own.
    struct Layout {
        struct Slot {
            let id: String
            let size: String
            let capacity: Int
        }

        let slots: [Slot]
        let overflow: String
        let outbound: String
        let zone: TimeZone
        /// The days after its arrival a parcel of each carrier may wait at most; 14 for one
        /// the file gives none.
        let maxHoldDays: [String: Int]

        init(store: URL) throws {
            let data = try Data(contentsOf: store.appendingPathComponent("shop.json"))
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            let shelves = json["shelves"] as? [[String: Any]] ?? []
            slots = shelves.flatMap { shelf in
                (1...(shelf["slots"] as? Int ?? 0)).map { n in
                    Slot(id: "\(shelf["id"] as? String ?? "?")\(n)", size: shelf["size"] as? String ?? "small",
                         capacity: shelf["capacity"] as? Int ?? 0)
                }
            }
            overflow = (json["overflow"] as? [String: Any])?["id"] as? String ?? "FLOOR"
            outbound = (json["outbound"] as? [String: Any])?["id"] as? String ?? "OUT"
            zone = TimeZone(identifier: json["timeZone"] as? String ?? "") ?? TimeZone(identifier: "UTC")!
            let carriers = json["carriers"] as? [[String: Any]] ?? []
            maxHoldDays = Dictionary(carriers.compactMap { carrier in
                (carrier["id"] as? String).map { ($0, carrier["maxHoldDays"] as? Int ?? 14) }
            }) { first, _ in first }
        }

        /// The last day a parcel of `carrier` received at `at` (milliseconds since 1970) may wait.
        func latestDeadline(receivedAt at: Int, carrier: String) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = "yyyy-MM-dd"
            let arrival = formatter.string(from: Date(timeIntervalSince1970: Double(at) / 1000))
            return Workload.day(arrival, plus: maxHoldDays[carrier] ?? 14)
        }
    }

    enum Status: Equatable {
        case waiting
        /// When, in milliseconds since 1970.
        case handedOut(at: Int)
        case returning
    }

    struct Parcel {
        let id: Int
        let tracking: String
        let customer: Int
        var slot: String
        let size: String
        var deadline: String
        /// The last day it may wait, however often it is extended.
        let latest: String
        var status: Status
    }

    struct Customer {
        let key: String
        let name: String
    }

    struct QueueEntry {
        let customer: Int
        /// waiting, fetching, ready, done or cancelled.
        var status: String
        var isOpen: Bool { ["waiting", "fetching", "ready"].contains(status) }
    }

    let layout: Layout
    private(set) var customers: [Int: Customer] = [:]
    private(set) var parcels: [Int: Parcel] = [:]
    private(set) var queue: [Int: QueueEntry] = [:]
    private(set) var dropOffs: [Int: String] = [:]
    private(set) var violations: [String] = []
    /// Waiting parcels per slot.
    private var load: [String: Int] = [:]
    /// The parcel in the shop with each tracking number.
    private var inShopByTracking: [String: Int] = [:]
    /// The transaction being applied, for messages.
    private var line = 0

    init(layout: Layout) {
        self.layout = layout
    }

    /// Parcels in the shop (waiting or returning), in id order.
    var inShop: [Parcel] { inShopByTracking.values.sorted().compactMap { parcels[$0] } }

    func waiting(of customer: Int) -> [Parcel] { inShop.filter { $0.customer == customer && $0.status == .waiting } }

    func waitingLoad(_ slot: String) -> Int { load[slot] ?? 0 }

    func openEntry(of customer: Int) -> (id: Int, entry: QueueEntry)? {
        queue.first { $0.value.customer == customer && $0.value.isOpen }.map { ($0.key, $0.value) }
    }

    /// The parcel in the shop with this number.
    func inShop(_ tracking: String) -> Parcel? { inShopByTracking[tracking].flatMap { parcels[$0] } }

    /// Applies a transaction, checking every rule, and names the action that made it (nil:
    /// none the workload makes, which is itself a violation).
    @discardableResult
    mutating func apply(_ transaction: JournalTransaction) -> Action? {
        line = transaction.firstSeq
        let action = name(transaction.events)
        if action == nil { note("a transaction no workload action makes: \(transaction.events)") }
        let queuedBefore = Set(queue.values.filter(\.isOpen).map(\.customer))
        for event in transaction.events { apply(event, at: transaction.at) }
        if case .parcelsHandedOut(let ids, _, _)? = transaction.events.first {
            // A customer left with no waiting parcel has their open entry closed in the same write.
            var closed: Set<Int> = []
            for case .queueEntryClosed(let entry, _) in transaction.events.dropFirst() {
                if let customer = queue[entry]?.customer { closed.insert(customer) }
            }
            let owners = Set(ids.compactMap { parcels[$0]?.customer })
            let due = owners.filter { queuedBefore.contains($0) && waiting(of: $0).isEmpty }
            if closed != due { note("a hand-out closed the queue entries of customers \(closed.sorted()), not \(due.sorted())") }
        }
        for (slot, count) in load {
            if let capacity = layout.slots.first(where: { $0.id == slot })?.capacity, count > capacity {
                note("slot \(slot) holds \(count) waiting parcels, over its capacity \(capacity)")
            }
        }
        return action
    }

    /// The action a transaction records, from the state before it.
    private func name(_ events: [JournalEvent]) -> Action? {
        guard let first = events.first else { return nil }
        let rest = events.dropFirst()
        let tracking = { (id: Int) in parcels[id]?.tracking ?? "parcel \(id)" }
        let key = { (id: Int) in customers[id]?.key ?? "customer \(id)" }
        let entryKey = { (id: Int) in queue[id].map { key($0.customer) } ?? "entry \(id)" }
        switch first {
        case .customerAdded(_, _, let name):
            if rest.isEmpty { return .addCustomer(name: name) }
            guard rest.count == 1, case .parcelReceived(_, let number, _, _, _, _, _, _)? = rest.first else { return nil }
            return .receive(tracking: number, to: name)
        case .parcelsHandedOut(let ids, let how, _):
            let onlyClosures = rest.allSatisfy { if case .queueEntryClosed(_, "done") = $0 { true } else { false } }
            guard ids.count == 1, onlyClosures else { return nil }
            return .handout(tracking: tracking(ids[0]), verified: how)
        case .handOutUndone(let ids):
            guard ids.count == 1, rest.count <= 1 else { return nil }
            switch rest.first {
            case nil: break
            case .parcelMoved(let id, _)?, .parcelReturning(let id, _)?: guard id == ids[0] else { return nil }
            default: return nil
            }
            return .undoHandout(tracking: tracking(ids[0]))
        default:
            guard rest.isEmpty else { return nil }
        }
        switch first {
        case .parcelReceived(_, let number, let customer, _, _, _, _, _): return .receive(tracking: number, to: key(customer))
        case .parcelMoved(let id, let slot): return .move(tracking: tracking(id), to: slot)
        case .deadlineExtended(let id, let day): return .extend(tracking: tracking(id), to: day)
        case .parcelReturning(let id, _): return .giveBack(tracking: tracking(id))
        case .queueEntryAdded(_, let customer): return .queue(step: "add", key: key(customer))
        case .queueFetchStarted(let entry): return .queue(step: "fetch", key: entryKey(entry))
        case .queueEntryReady(let entry): return .queue(step: "ready", key: entryKey(entry))
        case .queueEntryClosed(let entry, let outcome):
            return outcome == "done" ? .queue(step: "done", key: entryKey(entry)) : nil
        case .droppedOff(_, let number): return .dropoff(tracking: number)
        default: return nil
        }
    }

    private mutating func apply(_ event: JournalEvent, at: Int) {
        switch event {
        case .customerAdded(let id, let key, let name):
            expect(id == (customers.keys.max() ?? 0) + 1, "customer \(id) is not the next number")
            expect(!customers.values.contains { $0.key == key }, "key \(key) is given twice")
            customers[id] = Customer(key: key, name: name)
        case .parcelReceived(let id, let tracking, let customer, let carrier, let slot, let size, let deadline, let waiting):
            expect(id == (parcels.keys.max() ?? 0) + 1, "parcel \(id) is not the next number")
            expect(waiting, "parcel \(tracking) is received not waiting")
            expect(customers[customer] != nil, "parcel \(tracking) is for unknown customer \(customer)")
            expect(inShop(tracking) == nil, "\(tracking) is received while it is in the shop")
            if slot == layout.overflow {
                let free = layout.slots.filter { $0.size == size && waitingLoad($0.id) < $0.capacity }.map(\.id)
                expect(free.isEmpty, "\(tracking) went to \(slot) while \(free.prefix(3)) had room")
            } else {
                checkRoom(for: size, in: slot, tracking)
            }
            parcels[id] = Parcel(id: id, tracking: tracking, customer: customer, slot: slot, size: size, deadline: deadline,
                                 latest: layout.latestDeadline(receivedAt: at, carrier: carrier), status: .waiting)
            load[slot, default: 0] += 1
            inShopByTracking[tracking] = id
        case .parcelMoved(let id, let slot):
            guard let parcel = waitingParcel(id, "moved") else { return }
            expect(slot != parcel.slot && slot != layout.outbound, "\(parcel.tracking) is moved to \(slot) from \(parcel.slot)")
            if slot != layout.overflow { checkRoom(for: parcel.size, in: slot, parcel.tracking) }
            update(id) { $0.slot = slot }
        case .parcelsHandedOut(let ids, let how, let proxyName):
            expect(["id", "code", "known", "proxy"].contains(how) && (how == "proxy") == (proxyName != nil),
                   "a hand-out verified as \(how) by proxy \(proxyName ?? "none")")
            for id in ids {
                guard let parcel = parcels[id] else { note("unknown parcel \(id) is handed out"); continue }
                expect(parcel.status == .waiting || parcel.status == .returning,
                       "\(parcel.tracking) is handed out while \(parcel.status)")
                update(id) { $0.status = .handedOut(at: at) }
            }
        case .handOutUndone(let ids):
            for id in ids {
                guard let parcel = parcels[id], case .handedOut = parcel.status else {
                    note("the hand-out of parcel \(id) is undone while it is \(parcels[id].map { "\($0.status)" } ?? "unknown")")
                    continue
                }
                expect(inShop(parcel.tracking) == nil, "\(parcel.tracking) comes back while it is in the shop again")
                update(id) { $0.status = .waiting }
            }
        case .deadlineExtended(let id, let day):
            guard let parcel = waitingParcel(id, "extended") else { return }
            expect(day > parcel.deadline, "\(parcel.tracking) is extended from \(parcel.deadline) to \(day)")
            expect(day <= parcel.latest, "\(parcel.tracking) is extended to \(day), after the last day it may wait, \(parcel.latest)")
            update(id) { $0.deadline = day }
        case .parcelReturning(let id, let area):
            guard let parcel = waitingParcel(id, "returned") else { return }
            expect(area == layout.outbound, "\(parcel.tracking) is returned to \(area)")
            update(id) {
                $0.status = .returning
                $0.slot = area
            }
        case .queueEntryAdded(let id, let customer):
            expect(id == (queue.keys.max() ?? 0) + 1, "queue entry \(id) is not the next number")
            expect(customers[customer] != nil, "queue entry \(id) is for unknown customer \(customer)")
            expect(openEntry(of: customer) == nil, "customer \(customer) is queued twice")
            queue[id] = QueueEntry(customer: customer, status: "waiting")
        case .queueFetchStarted(let id): step(id, from: ["waiting"], to: "fetching")
        case .queueEntryReady(let id): step(id, from: ["waiting", "fetching"], to: "ready")
        case .queueEntryClosed(let id, let outcome): step(id, from: ["waiting", "fetching", "ready"], to: outcome)
        case .droppedOff(let id, let tracking):
            expect(id == (dropOffs.keys.max() ?? 0) + 1, "drop-off \(id) is not the next number")
            expect(inShop(tracking) == nil && !dropOffs.values.contains(tracking), "\(tracking) is dropped off twice or while in the shop")
            dropOffs[id] = tracking
        case .other(let type):
            note("an event the workload does not make, or not in the shape it expects: \(type)")
        }
    }

    private mutating func waitingParcel(_ id: Int, _ what: String) -> Parcel? {
        guard let parcel = parcels[id], parcel.status == .waiting else {
            note("parcel \(id) is \(what) while it is \(parcels[id].map { "\($0.status)" } ?? "unknown")")
            return nil
        }
        return parcel
    }

    private mutating func checkRoom(for size: String, in slot: String, _ tracking: String) {
        guard let shelf = layout.slots.first(where: { $0.id == slot }) else { return note("\(tracking) goes to unknown slot \(slot)") }
        expect(size == "small" || shelf.size == "large", "large parcel \(tracking) goes to small slot \(slot)")
        expect(waitingLoad(slot) < shelf.capacity, "\(tracking) goes to full slot \(slot)")
    }

    private mutating func step(_ id: Int, from: Set<String>, to: String) {
        guard let entry = queue[id], from.contains(entry.status) else {
            return note("queue entry \(id) goes to \(to) from \(queue[id]?.status ?? "nowhere")")
        }
        queue[id]?.status = to
    }

    /// Changes a parcel, keeping the waiting load per slot and the parcels in the shop.
    private mutating func update(_ id: Int, _ change: (inout Parcel) -> Void) {
        guard var parcel = parcels[id] else { return }
        if parcel.status == .waiting { load[parcel.slot, default: 0] -= 1 }
        change(&parcel)
        if parcel.status == .waiting { load[parcel.slot, default: 0] += 1 }
        if case .handedOut = parcel.status {
            if inShopByTracking[parcel.tracking] == id { inShopByTracking[parcel.tracking] = nil }
        } else {
            inShopByTracking[parcel.tracking] = id
        }
        parcels[id] = parcel
    }

    private mutating func expect(_ rule: Bool, _ broken: @autoclosure () -> String) {
        if !rule { note(broken()) }
    }

    private mutating func note(_ text: String) {
        violations.append("line \(line): \(text)")
    }
}
