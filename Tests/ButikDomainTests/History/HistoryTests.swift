import Foundation
import Testing
@testable import ButikDomain

/// Each history view against a brute-force reading of the same journal: every record scanned
/// again for each question, and the live state replayed for what is in the shop.
@Suite struct HistoryTests {
    static let seeds: [UInt64] = [1, 2, 3, 7, 42]

    private func history(_ records: [Record]) -> History {
        var history = History(zone: Fixtures.oslo)
        for (index, record) in records.enumerated() { history.apply(record, seq: index + 1) }
        return history
    }

    @Test(arguments: seeds)
    func parcelStoriesMatchABruteForceReading(seed: UInt64) {
        let journal = RandomJournal(seed: seed)
        let records = journal.records, history = history(records)
        var replayed = ShopState()
        for record in records { replayed.apply(record) }
        let received = records.compactMap { if case .parcelReceived(let parcel) = $0.event { parcel } else { nil } }
        #expect(Set(received.map(\.tracking)).count < received.count, "numbers come back in this journal")
        var kinds = Set<String>()
        for tracking in Set(received.map(\.tracking)) {
            let ids = received.filter { $0.tracking == tracking }.map(\.id)
            let stories = history.stories(for: tracking)
            #expect(stories.map(\.id) == ids.reversed())
            for story in stories {
                let expected = Self.bruteSteps(records, of: story.id)
                #expect(story.steps.map(\.seq) == expected.map(\.seq))
                #expect(story.steps.map(\.what) == expected.map(\.what))
                #expect(story.steps.map(\.staff) == expected.map { records[$0.seq - 1].staff })
                kinds.formUnion(story.steps.map { "\($0.what)".prefix { $0 != "(" }.description })
                switch replayed.parcels[story.id]?.status {
                case nil: #expect(story.status == .receiptUndone)
                case .waiting?: #expect(story.status == .waiting)
                case .returning?: #expect(story.status == .returning)
                case .handedOut(let handOut)?:
                    #expect(story.status == .handedOut)
                    #expect(story.closing?.at == handOut.at && story.closing?.staff == handOut.staff)
                case .collected(let at)?:
                    #expect(story.status == .collected)
                    #expect(story.closing?.at == at)
                }
            }
        }
        if seed == 1 {
            #expect(kinds == ["received", "moved", "extended", "handedOut", "handOutUndone", "refused", "returning",
                              "returnCancelled", "collected", "receiptUndone"])
        }
    }

    @Test(arguments: seeds)
    func closedParcelsAreFoundByNumberAndLastDigits(seed: UInt64) {
        let records = RandomJournal(seed: seed).records, history = history(records)
        let received = records.compactMap { if case .parcelReceived(let parcel) = $0.event { parcel } else { nil } }
        for tracking in Set(received.map(\.tracking)) {
            let closed = history.stories(for: tracking).filter { !$0.status.isInShop }
            #expect(history.closedStories(matching: TrackingQuery(tracking.value)!).map(\.id) == closed.map(\.id))
            let last = String(tracking.value.dropLast(2).suffix(5))
            let ending = history.closedStories(matching: TrackingQuery(String(tracking.value.suffix(6)))!)
            #expect(Set(closed.map(\.id)).isSubset(of: ending.map(\.id)), "\(last)")
        }
    }

    @Test(arguments: seeds)
    func customerTimelinesMatchABruteForceReading(seed: UInt64) {
        let journal = RandomJournal(seed: seed)
        let records = journal.records, history = history(records)
        for customer in journal.state.customers.keys {
            let expected = Array(Self.bruteTimeline(records, of: customer).reversed())
            var pages: [TimelineEntry] = []
            var page = 1
            repeat {
                let got = history.timeline(of: customer, page: page, pageSize: 7)
                #expect(got.total == expected.count)
                #expect(got.pageCount == max(1, (expected.count + 6) / 7))
                pages += got.entries
                page += 1
            } while page <= history.timeline(of: customer, pageSize: 7).pageCount
            #expect(pages == expected)
            #expect(history.timeline(of: customer, page: page, pageSize: 7).entries.isEmpty)
            #expect(history.timeline(of: customer, page: Int.max, pageSize: Int.max).entries.isEmpty)
            let since = Day(Fixtures.now, in: Fixtures.oslo).adding(days: 10)
            #expect(history.timeline(of: customer, since: since, pageSize: 1000).entries
                == expected.filter { Day($0.at, in: Fixtures.oslo) >= since })
        }
    }

    @Test(arguments: seeds)
    func dayCountsMatchABruteForceReading(seed: UInt64) {
        let records = RandomJournal(seed: seed).records, history = history(records)
        let zone = Fixtures.oslo
        let first = Day(records.first!.at, in: zone), last = Day(records.last!.at, in: zone)
        for offset in -1...(last.days(since: first) + 1) {
            let day = first.adding(days: offset)
            let counts = history.counts(on: day)
            #expect(counts.day == day)
            #expect(counts.total == Self.bruteTally(records, on: day, zone: zone) { _, _ in true })
            for carrier: CarrierID in ["postnord", "amazon"] {
                #expect((counts.carriers[carrier] ?? Tally()) == Self.bruteTally(records, on: day, zone: zone) { c, _ in c == carrier })
            }
            for staff in RandomJournal.staff {
                #expect((counts.staff[staff.value] ?? Tally()) == Self.bruteTally(records, on: day, zone: zone) { _, s in s == staff.value })
            }
            var state = ShopState()
            let close = LocalTime.date(day.adding(days: 1), minuteOfDay: 0, in: zone)
            for record in records where record.at < close { state.apply(record) }
            #expect(counts.onHandAtClose == state.inShopCount)
        }
    }

    @Test func entriesAlreadyAppliedChangeNothingAndTheHistoryRoundTripsThroughJSON() throws {
        let records = RandomJournal(seed: 5).records
        let whole = history(records)
        var caughtUp = history(Array(records.prefix(100)))
        for (index, record) in records.enumerated() { caughtUp.apply(record, seq: index + 1) }
        #expect(caughtUp == whole)
        #expect(whole.sequence == records.count)
        let decoded = try JSONDecoder().decode(History.self, from: JSONEncoder().encode(whole))
        #expect(decoded == whole)
    }

    // MARK: - Brute-force readings

    /// Every record naming the parcel, as the story should tell it.
    static func bruteSteps(_ records: [Record], of id: ParcelID) -> [(seq: Int, what: ParcelStep.What)] {
        var steps: [(seq: Int, what: ParcelStep.What)] = []
        for (index, record) in records.enumerated() {
            let seq = index + 1
            switch record.event {
            case .parcelReceived(let p) where p.id == id:
                steps.append((seq, .received(slot: p.slot, delivery: p.delivery, deadline: p.deadline)))
            case .parcelMoved(let p, let to) where p == id: steps.append((seq, .moved(to: to)))
            case .deadlineExtended(let p, let to) where p == id: steps.append((seq, .extended(to: to)))
            case .parcelsHandedOut(let ids, let v, let name, let note) where ids.contains(id):
                steps.append((seq, .handedOut(verification: v, proxyName: name, proxyID: note)))
            case .handOutUndone(let ids) where ids.contains(id): steps.append((seq, .handOutUndone))
            case .handOutRefused(_, let ids, let reason, let proxy) where ids.contains(id): steps.append((seq, .refused(reason: reason, proxyName: proxy)))
            case .parcelReturning(let p, let to) where p == id: steps.append((seq, .returning(to: to)))
            case .returnCancelled(let p, let to) where p == id: steps.append((seq, .returnCancelled(to: to)))
            case .parcelsCollectedByDriver(let ids) where ids.contains(id): steps.append((seq, .collected))
            case .driverHandover(let h) where h.parcels.contains(id): steps.append((seq, .collected))
            case .receiptUndone(let p) where p == id: steps.append((seq, .receiptUndone))
            default: break
            }
        }
        return steps
    }

    /// The customer's timeline, oldest first, from every record: theirs and those of every
    /// record merged into theirs (within one entry, the customer's first, then those merged in
    /// the order they were found, the kept one's merges in the order they were made).
    static func bruteTimeline(_ records: [Record], of customer: CustomerID) -> [TimelineEntry] {
        func received(_ id: ParcelID) -> Parcel? {
            records.lazy.compactMap { if case .parcelReceived(let p) = $0.event, p.id == id { p } else { nil } }.first
        }
        var order = [customer], next = 0
        while next < order.count {
            for record in records {
                if case .customersMerged(let kept, let merged) = record.event, kept == order[next], !order.contains(merged) { order.append(merged) }
            }
            next += 1
        }
        let joined = Set(order)
        var entries: [(entry: TimelineEntry, rank: Int)] = []
        for (index, record) in records.enumerated() {
            func add(_ what: TimelineEntry.What, of owner: CustomerID) {
                entries.append((TimelineEntry(seq: index + 1, at: record.at, staff: record.staff, what: what), order.firstIndex(of: owner) ?? 0))
            }
            func parcels(_ ids: [ParcelID], _ what: ParcelStep.What) {
                for id in ids { if let p = received(id), joined.contains(p.customer) { add(.parcel(p.tracking, what), of: p.customer) } }
            }
            switch record.event {
            case .parcelReceived(let p) where joined.contains(p.customer):
                add(.parcel(p.tracking, .received(slot: p.slot, delivery: p.delivery, deadline: p.deadline)), of: p.customer)
            case .parcelsHandedOut(let ids, let v, let name, let note):
                parcels(ids, .handedOut(verification: v, proxyName: name, proxyID: note))
            case .handOutUndone(let ids): parcels(ids, .handOutUndone)
            case .parcelReturning(let id, let to): parcels([id], .returning(to: to))
            case .returnCancelled(let id, let to): parcels([id], .returnCancelled(to: to))
            case .parcelsCollectedByDriver(let ids): parcels(ids, .collected)
            case .driverHandover(let h): parcels(h.parcels, .collected)
            case .receiptUndone(let id): parcels([id], .receiptUndone)
            case .handOutRefused(let c, let ids, let reason, let proxy) where joined.contains(c):
                add(.refused(reason: reason, parcels: ids.compactMap { received($0)?.tracking }, proxyName: proxy), of: c)
            case .proxyAuthorised(let c, let proxy) where joined.contains(c): add(.proxyAuthorised(name: proxy.name), of: c)
            case .proxyRevoked(let c, let name) where joined.contains(c): add(.proxyRevoked(name: name), of: c)
            case .droppedOff(let d) where d.customer.map(joined.contains) == true:
                add(.droppedOff(tracking: d.tracking, receipt: d.receipt, carrier: d.carrier), of: d.customer ?? customer)
            case .customerEdited(let c) where joined.contains(c.id): add(.edited(note: c.note), of: c.id)
            case .customersMerged(let kept, let merged) where joined.contains(kept): add(.merged(from: merged), of: kept)
            case .contactLogged(let c) where joined.contains(c.customer):
                add(.contact(c.id, channel: c.channel, about: c.about, text: c.text), of: c.customer)
            case .caseOpened(let c) where joined.contains(c.customer): add(.caseOpened(c.id, kind: c.kind, text: c.text), of: c.customer)
            case .caseUpdated(let id, let update):
                let opened = records.lazy.compactMap { if case .caseOpened(let c) = $0.event, c.id == id { c } else { nil } }.first
                if let opened, joined.contains(opened.customer) { add(.caseUpdated(id, update), of: opened.customer) }
            default: break
            }
        }
        return entries.enumerated().sorted { a, b in
            (a.element.entry.seq, a.element.rank, a.offset) < (b.element.entry.seq, b.element.rank, b.offset)
        }.map(\.element.entry)
    }

    /// The day's counts of the events `included` takes (by carrier and staff member).
    static func bruteTally(_ records: [Record], on day: Day, zone: TimeZone, _ included: (CarrierID, String) -> Bool) -> Tally {
        func carrier(_ id: ParcelID) -> CarrierID? {
            records.lazy.compactMap { if case .parcelReceived(let p) = $0.event, p.id == id { p.carrier } else { nil } }.first
        }
        func dropOffCarrier(_ id: DropOffID) -> CarrierID? {
            records.lazy.compactMap { if case .droppedOff(let d) = $0.event, d.id == id { d.carrier } else { nil } }.first
        }
        var tally = Tally()
        for record in records where Day(record.at, in: zone) == day {
            func each(_ ids: [ParcelID], _ change: (inout Tally) -> Void) {
                for id in ids where carrier(id).map({ included($0, record.staff.value) }) == true { change(&tally) }
            }
            switch record.event {
            case .parcelReceived(let p): if included(p.carrier, record.staff.value) { tally.received += 1 }
            case .receiptUndone(let id): each([id]) { $0.receiptsUndone += 1 }
            case .parcelsHandedOut(let ids, let v, _, _):
                each(ids) {
                    switch v {
                    case .id: $0.handedOut.id += 1
                    case .code: $0.handedOut.code += 1
                    case .known: $0.handedOut.known += 1
                    case .proxy: $0.handedOut.proxy += 1
                    }
                }
            case .handOutUndone(let ids): each(ids) { $0.handOutsUndone += 1 }
            case .parcelReturning(let id, _): each([id]) { $0.returned += 1 }
            case .parcelsCollectedByDriver(let ids): each(ids) { $0.collected += 1 }
            case .droppedOff(let d): if included(d.carrier, record.staff.value) { tally.droppedOff += 1 }
            case .driverHandover(let h):
                each(h.parcels) { $0.collected += 1 }
                for id in h.dropOffs where dropOffCarrier(id).map({ included($0, record.staff.value) }) == true { tally.collected += 1 }
            default: break
            }
        }
        return tally
    }
}
