@testable import ButikDomain
import ButikResources
import Foundation
import Testing
@testable import ButikStore

/// Mutations of a real shop's journal, snapshot, shop file and manifests, with fixed seeds.
/// Whatever the damage: no trap and no hang; a store that opens read-only never writes; a store
/// that opens writable has dropped nothing but an unfinished write, and takes the next write.
/// `BUTIK_FUZZ_CASES` sets the cases per seed (CI runs the default).
@Suite struct ShopStoreFuzzTests {
    static let cases = Int(ProcessInfo.processInfo.environment["BUTIK_FUZZ_CASES"] ?? "") ?? 300
    static let now = Date(timeIntervalSince1970: 1_795_500_000)

    /// A small shop with every kind of event: part of the demo week plus one of each other event.
    struct Base {
        var journal: [UInt8]
        var snapshot: [UInt8]
        var shopFile: [UInt8]
        var layout: ShopLayout
        /// Each line of the journal, with its newline.
        var lines: [[UInt8]]
        var entries: Int

        init() throws {
            shopFile = [UInt8](try Data(contentsOf: ButikResources.defaultShopLayout))
            layout = try JSONDecoder().decode(ShopLayout.self, from: Data(shopFile))
            let names = try JSONDecoder().decode(
                DemoNames.self, from: Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json")))
            let demo = DemoShop.records(names: names, layout: layout, now: ShopStoreFuzzTests.now)
            var state = ShopState()
            for record in demo.prefix(75) { state.apply(record) }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("butik-fuzz-base-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try ShopStore.open(folder: folder, defaultLayout: Data(shopFile))
            for record in demo.prefix(50) { try store.append([record]) }
            try store.append(Array(demo.prefix(65).dropFirst(50)))  // one transaction of 15 lines
            for record in demo.prefix(75).dropFirst(65) { try store.append([record]) }
            try store.writeSnapshot()
            for record in ShopStoreFuzzTests.everyOtherEvent(state) { try store.append([record]) }
            journal = [UInt8](try Data(contentsOf: folder.appendingPathComponent("journal/000000000001.jsonl")))
            snapshot = [UInt8](try Data(contentsOf: folder.appendingPathComponent("snapshot.json")))
            lines = splitLines(journal)
            entries = store.lastSequence
        }
    }

    /// One record of each event the demo week does not have, about parcels and customers of `state`.
    static func everyOtherEvent(_ state: ShopState) -> [Record] {
        let parcels = state.parcelsInShop
        let (first, second, third) = (parcels[0], parcels[1], parcels[2])
        let customer = first.customer
        var at = now
        func record(_ event: Event) -> Record {
            at += 60
            return Record(at: at, staff: "kari", event: event)
        }
        let delivery = DeliveryID(1)
        return [
            record(.deliveryStarted(Delivery(id: delivery, carrier: "posten", declared: 3, startedAt: at, staff: "kari"))),
            record(.deliveryEnded(DeliverySummary(delivery: delivery, carrier: "posten", declared: 3, scanned: 2,
                                                  perCarrier: ["posten": 2], overflow: 0, unexpected: 1))),
            record(.parcelMoved(parcel: first.id, to: SlotID("B2"))),
            record(.deadlineExtended(parcel: first.id, to: first.deadline.adding(days: 7))),
            record(.parcelsHandedOut(parcels: [second.id], verification: .proxy, proxyName: "Per Ødegård", proxyID: "pass …1234")),
            record(.handOutUndone(parcels: [second.id])),
            record(.handOutRefused(customer: customer, parcels: [first.id], reason: "ID matcher ikke")),
            record(.parcelReturning(parcel: third.id, to: SlotID("OUT"))),
            record(.parcelsCollectedByDriver(parcels: [third.id])),
            record(.receiptUndone(parcel: parcels[3].id)),
            record(.parcelsExpected([ExpectedParcel(tracking: TrackingNumber("RR123456785SE"), name: "Åse Ødegård",
                                                    phone: "91234567", carrier: "postnord", holdDays: 14, importedAt: at,
                                                    pickupCode: PickupCode("0471"))])),
            record(.slotCapacityChanged(slot: SlotID("A1"), capacity: 9)),
            record(.droppedOff(DropOff(id: DropOffID(1), tracking: TrackingNumber("1Z999AA10123456784"), carrier: "ups",
                                       customer: customer, at: at, staff: "kari"))),
            record(.driverHandover(ButikDomain.Handover(carrier: "ups", parcels: [], dropOffs: [DropOffID(1)],
                                            missing: [TrackingNumber("RR000000007SE")], unknown: [TrackingNumber("JUNK")]))),
            record(.queueEntryAdded(QueueEntry(id: QueueEntryID(1), customer: customer, announcedFor: at + 3600,
                                               note: "Ringte", addedAt: at, addedBy: "kari"))),
            record(.queueFetchStarted(entry: QueueEntryID(1))),
            record(.queueEntryReady(entry: QueueEntryID(1))),
            record(.queueEntryClosed(entry: QueueEntryID(1), as: .done)),
            record(.proxyAuthorised(customer: customer, proxy: Proxy(name: "Per Ødegård", registeredAt: at, registeredBy: "kari"))),
            record(.proxyRevoked(customer: customer, name: "Per Ødegård")),
        ]
    }

    /// Which file a case damages, and how.
    enum Target: CaseIterable {
        case journalRaw, journalResealed, journalLines, snapshotRaw, snapshotResealed, shopFile
    }

    /// A journal line with one value of its entry (or its header) changed and a correct checksum.
    static func resealed(_ line: [UInt8], _ random: inout SplitMix) -> [UInt8]? {
        let body = Array(line.dropLast())
        return body.withUnsafeBytes { raw -> [UInt8]? in
            guard case .valid(let prefixLength) = Sealed.verify(raw),
                  let header = JournalLine.header(raw, prefixLength: prefixLength) else { return nil }
            if Int.random(in: 0..<8, using: &random) == 0 {  // the header's own numbers
                let number = Int.random(in: 0..<3, using: &random) == 0 ? Int.max : header.seq + Int.random(in: -2...2, using: &random)
                var prefix = Array(#"{"seq":\#(number),"v":\#(header.version)"#.utf8)
                if header.more { prefix += Array(#","more":true"#.utf8) }
                prefix += Array(#","entry":"#.utf8) + Array(body[header.entryStart..<prefixLength])
                Sealed.seal(&prefix)
                return prefix + [UInt8(ascii: "\n")]
            }
            guard let entry = Mutation.json(Array(body[header.entryStart..<prefixLength]), &random),
                  let json = try? JSONSerialization.jsonObject(with: Data(entry), options: [.fragmentsAllowed]),
                  json is [String: Any] else { return nil }
            return JournalLine.encode(seq: header.seq, version: header.version, more: header.more, entryJSON: Data(entry))
        }
    }

    /// The snapshot with one value of its model changed and a correct checksum.
    static func resealedSnapshot(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8]? {
        let marker = Array(#","model":"#.utf8)
        let body = Array(bytes.dropLast())
        guard let start = (0...(body.count - marker.count)).first(where: { Array(body[$0..<($0 + marker.count)]) == marker }),
              let model = Mutation.json(Array(body[(start + marker.count)..<(body.count - Sealed.suffixLength)]), &random)
        else { return nil }
        var prefix = Array(body[..<(start + marker.count)]) + model
        Sealed.seal(&prefix)
        return prefix + [UInt8(ascii: "\n")]
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func damagedStoresNeverTrapNeverWriteWhenReadOnlyAndLoseNothing(seed: UInt64) throws {
        let base = try Base()
        var random = SplitMix(state: seed &* 0x9E37_79B9)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("butik-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var tally: [String: Int] = [:]
        for round in 0..<Self.cases {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var journal = base.journal, snapshot = base.snapshot, shopFile = base.shopFile
            let target = Target.allCases[round % Target.allCases.count]
            switch target {
            case .journalRaw:
                journal = Mutation.raw(journal, &random)
            case .journalResealed:
                let index = Int.random(in: 0..<base.lines.count, using: &random)
                guard let line = Self.resealed(base.lines[index], &random) else { continue }
                var lines = base.lines
                lines[index] = line
                journal = lines.flatMap { $0 }
            case .journalLines:
                var lines = base.lines
                let index = Int.random(in: 0..<lines.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: lines.insert(lines[index], at: index)
                case 1: lines.remove(at: index)
                default: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
                }
                journal = lines.flatMap { $0 }
            case .snapshotRaw:
                snapshot = Mutation.raw(snapshot, &random)
            case .snapshotResealed:
                guard let changed = Self.resealedSnapshot(snapshot, &random) else { continue }
                snapshot = changed
            case .shopFile:
                shopFile = Int.random(in: 0..<4, using: &random) == 0
                    ? Mutation.raw(shopFile, &random) : (Mutation.json(shopFile, &random) ?? shopFile)
            }
            if journal == base.journal, snapshot == base.snapshot, shopFile == base.shopFile { continue }
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("journal"), withIntermediateDirectories: true)
            try Data(journal).write(to: folder.appendingPathComponent("journal/000000000001.jsonl"))
            try Data(snapshot).write(to: folder.appendingPathComponent("snapshot.json"))
            try Data(shopFile).write(to: folder.appendingPathComponent(ShopStore.layoutFileName))
            let context = Comment(rawValue: "seed \(seed), round \(round), \(target)")
            let outcome = try Self.tryStore(folder, base: base, journal: journal, checking: round % 4 == 0, context)
            tally[outcome, default: 0] += 1
        }
        print("store fuzz, seed \(seed): \(Self.cases) cases, \(tally.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")), 0 traps")
    }

    /// Opens the damaged store and holds it to the rules; returns how it went.
    /// `checking` runs `check` on it too (a full replay, so not every time).
    static func tryStore(_ folder: URL, base: Base, journal: [UInt8], checking: Bool, _ context: Comment) throws -> String {
        let store: ShopStore
        do {
            store = try ShopStore.open(folder: folder, defaultLayout: Data(base.shopFile))
        } catch is LayoutError {
            #expect(try Data(contentsOf: folder.appendingPathComponent("journal/000000000001.jsonl")) == Data(journal), context)
            return "refused shop file"
        } catch is StoreError {
            return "refused store"
        }
        exercise(store)
        defer { if checking { _ = Store<ShopState>.check(folder: folder, empty: ShopState()) } }
        let tracking = ParsedTracking(number: TrackingNumber("CT123456785NO"), format: .s10, checkDigit: .verified)
        let receive = { (state: ShopState, context: Context) throws(DomainError) in
            try state.receive(ReceiveRequest(tracking: tracking, recipient: .person(NewCustomer(name: "Åse Ødegård"))), context)
        }
        guard store.readOnlyReason == nil else {
            let before = try Data(contentsOf: folder.appendingPathComponent("journal/000000000001.jsonl"))
            #expect(throws: StoreError.self, context) { try store.perform(staff: "kari", now: now + 86_400, receive) }
            #expect(try Data(contentsOf: folder.appendingPathComponent("journal/000000000001.jsonl")) == before, context)
            return "read-only"
        }
        // Writable: only an unfinished write may have been passed over.
        let applied = store.lastSequence
        if applied < base.entries {
            let tail = splitLines(journal).dropFirst(applied)
            for piece in tail where piece.last == UInt8(ascii: "\n") {
                let parsed = piece.dropLast().withUnsafeBytes {
                    JournalLine.parse($0, as: Record.self, schemaVersion: 1, decoder: StoreCoding.decoder(for: ShopState.self))
                }
                guard case .entry(_, true, _) = parsed else {
                    Issue.record("\(context): entries \(applied + 1)... dropped although line \(applied + 1) is complete")
                    break
                }
            }
        }
        do {
            _ = try store.perform(staff: "kari", now: now + 86_400, receive)
            let reopened = try ShopStore.open(folder: folder, defaultLayout: Data(base.shopFile))
            #expect(reopened.lastSequence == store.lastSequence, context)
            #expect(reopened.readOnlyReason == nil, context)
            return "writable"
        } catch is DomainError {
            return "writable, receive refused"
        } catch let error as StoreError {
            // A writable store may still find damage in what it reads under the lock.
            #expect(store.readOnlyReason != nil, "\(context): \(error)")
            return "read-only on write"
        }
    }

    /// What the verbs and screens read from a state: none of it may trap.
    static func exercise(_ store: ShopStore) {
        let state = store.state
        for slot in store.layout.slots {
            _ = state.capacity(of: slot)
            _ = state.load(of: slot.id)
        }
        _ = state.parcelsInShop.map(\.deadline)
        for query in ["JEDS", "a", "37", "0471", "Ø", "kari"] { _ = state.search(query) }
        _ = try? StoreCoding.decoder(for: ShopState.self).decode(ShopState.self, from: StoreCoding.encoder().encode(state.compacted()))
    }

    @Test func damagedManifestsNeverTrap() throws {
        let base = try Base()
        let manifest = Array("""
        tracking;name;phone;carrier;pickup code
        RR123456785SE;Åse Ødegård;+47 912 34 567;postnord;0471
        "370725380000086508";"Østby, Anne-Marie";;posten;
        CT123456785NO;Jan Fredrik Berg;91234567;;123456
        """.utf8)
        var random = SplitMix(state: 11)
        var parsed = 0, refused = 0
        for _ in 0..<(Self.cases * 7) {
            var bytes = manifest
            for _ in 0..<Int.random(in: 1...3, using: &random) { bytes = Mutation.raw(bytes, &random) }
            do {
                let result = try Manifest.parse(Data(bytes), layout: base.layout)
                let context = Context(layout: base.layout, now: Self.now, staff: "kari")
                var state = ShopState()
                for event in ShopState().expect(result.entries, context).events { state.apply(context.record(event)) }
                parsed += 1
            } catch {
                refused += 1
            }
        }
        print("manifest fuzz: \(Self.cases * 7) cases, \(parsed) parsed, \(refused) refused, 0 traps")
    }
}
