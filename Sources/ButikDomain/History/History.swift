import Foundation

/// The shop's past, built by applying journal records in order, like ``ShopState``: every
/// parcel's story by tracking number, every customer's timeline and every day's counts in the
/// shop's time zone. Closed parcels stay here for good (``ShopState`` drops them).
///
/// Kept in a derived file in pieces (``Part``) that state the journal position they cover
/// (``sequence``): a history built from some of them answers the questions they hold, and is
/// caught up from there with ``apply(_:seq:)``. Keeps one small ``ParcelStory`` per parcel and
/// refers to it from timelines, never a copy of a whole ``Parcel`` per event.
public struct History: Codable, Equatable, Sendable {
    /// The zone the days are counted in (the shop's).
    public let zone: TimeZone
    /// The sequence number of the last journal entry applied (0 for none).
    public private(set) var sequence = 0
    /// All it holds, as pieces by key.
    public private(set) var part = Part()

    public init(zone: TimeZone) { self.zone = zone }

    /// A history of some of the shop's past as of entry `sequence`: it answers what `part`
    /// holds (see ``Part``), and applying the entries after `sequence` keeps it right as long
    /// as it also holds what they name (``references(of:ownerOf:)``).
    public init(zone: TimeZone, sequence: Int, part: Part) {
        self.zone = zone
        self.sequence = sequence
        self.part = part
    }

    /// Applies the journal entry `seq`. Entries at or before ``sequence`` were applied already
    /// and change nothing, so catching up from a stored copy may start anywhere before its end.
    /// An entry naming an unknown parcel, drop-off or case changes nothing; never traps.
    public mutating func apply(_ record: Record, seq: Int) {
        guard seq > sequence else { return }
        sequence = seq
        let day = Day(record.at, in: zone)
        func step(_ id: ParcelID, _ what: ParcelStep.What, onTimeline: Bool = true, _ count: ((inout Tally) -> Void)? = nil) {
            note(id, ParcelStep(seq: seq, at: record.at, staff: record.staff, what: what), on: day, onTimeline: onTimeline, count)
        }
        func customerEntry(_ customer: CustomerID, _ what: TimelineItem.What) {
            part.timelines[customer, default: []].append(TimelineItem(seq: seq, at: record.at, staff: record.staff, what: what))
        }
        switch record.event {
        case .parcelReceived(let parcel):
            if part.stories[parcel.id] == nil { part.tracking[parcel.tracking, default: []].append(parcel.id) }
            let receipt = ParcelStep(seq: seq, at: record.at, staff: record.staff,
                                     what: .received(slot: parcel.slot, delivery: parcel.delivery, deadline: parcel.deadline))
            if let old = part.stories[parcel.id], old.status.isInShop { part.onHandChanges[day, default: 0] -= 1 }
            part.stories[parcel.id] = ParcelStory(parcel, receipt: receipt)
            part.onHandChanges[day, default: 0] += 1
            customerEntry(parcel.customer, .parcel(parcel.id, step: 0))
            part.days[day, default: DayCounts(day: day)].count(carrier: parcel.carrier, staff: record.staff) { $0.received += 1 }
        case .parcelMoved(let id, let slot):
            step(id, .moved(to: slot), onTimeline: false)
        case .deadlineExtended(let id, let deadline):
            step(id, .extended(to: deadline), onTimeline: false)
        case .parcelsHandedOut(let ids, let verification, let proxyName, let proxyID):
            for id in ids {
                step(id, .handedOut(verification: verification, proxyName: proxyName, proxyID: proxyID)) { $0.handedOut.add(verification) }
            }
        case .handOutUndone(let ids):
            for id in ids { step(id, .handOutUndone) { $0.handOutsUndone += 1 } }
        case .parcelReturning(let id, let area):
            step(id, .returning(to: area)) { $0.returned += 1 }
        case .parcelsCollectedByDriver(let ids):
            for id in ids { step(id, .collected) { $0.collected += 1 } }
        case .returnCancelled(let id, let slot):
            step(id, .returnCancelled(to: slot))
        case .receiptUndone(let id):
            step(id, .receiptUndone) { $0.receiptsUndone += 1 }
        case .droppedOff(let dropOff):
            part.dropOffCarriers[dropOff.id] = dropOff.carrier
            part.days[day, default: DayCounts(day: day)].count(carrier: dropOff.carrier, staff: record.staff) { $0.droppedOff += 1 }
            if let customer = dropOff.customer {
                customerEntry(customer, .droppedOff(dropOff.id, tracking: dropOff.tracking, carrier: dropOff.carrier))
            }
        case .driverHandover(let handover):
            for id in handover.parcels { step(id, .collected) { $0.collected += 1 } }
            for id in handover.dropOffs {
                guard let carrier = part.dropOffCarriers[id] else { continue }
                part.days[day, default: DayCounts(day: day)].count(carrier: carrier, staff: record.staff) { $0.collected += 1 }
            }
        case .handOutRefused(let customer, let ids, let reason, let proxyName):
            for id in ids { step(id, .refused(reason: reason, proxyName: proxyName), onTimeline: false) }
            customerEntry(customer, .refused(reason: reason, parcels: ids.compactMap { part.stories[$0]?.tracking }, proxyName: proxyName))
        case .proxyAuthorised(let customer, let proxy):
            customerEntry(customer, .proxyAuthorised(name: proxy.name))
        case .proxyRevoked(let customer, let name):
            customerEntry(customer, .proxyRevoked(name: name))
        case .customerEdited(let customer):
            customerEntry(customer.id, .edited(note: customer.note))
        case .customersMerged(let kept, let merged):
            customerEntry(kept, .merged(from: merged))
        case .contactLogged(let contact):
            customerEntry(contact.customer, .contact(contact.id, channel: contact.channel, about: contact.about, text: contact.text))
        case .caseOpened(let opened):
            part.caseCustomers[opened.id] = opened.customer
            customerEntry(opened.customer, .caseOpened(opened.id, kind: opened.kind, text: opened.text))
        case .caseUpdated(let id, let update):
            guard let customer = part.caseCustomers[id] else { return }
            customerEntry(customer, .caseUpdated(id, update))
        case .customerAdded, .deliveryStarted, .deliveryEnded, .parcelsExpected, .slotCapacityChanged,
             .queueEntryAdded, .queueFetchStarted, .queueEntryReady, .queueEntryClosed:
            break
        case .customerErased, .purged:
            // The journal lines before it are rewritten (see `Erasure` and `Purge`), and the
            // history file made again from them: nothing to add.
            break
        }
    }

    /// Adds `step` to the parcel's story, notes it on its customer's timeline, counts it on
    /// `day` for the parcel's carrier and the staff member, and notes a change of what is in
    /// the shop.
    private mutating func note(_ id: ParcelID, _ step: ParcelStep, on day: Day, onTimeline: Bool,
                               _ count: ((inout Tally) -> Void)?) {
        // One look-up, changing the story in place: a copy of it would retain its every field
        // (and make the append copy its steps).
        guard let (index, wasInShop, isInShop, customer, carrier) = part.stories[id]?.noting(step) else { return }
        if wasInShop != isInShop { part.onHandChanges[day, default: 0] += isInShop ? 1 : -1 }
        if onTimeline {
            part.timelines[customer, default: []].append(TimelineItem(seq: step.seq, at: step.at, staff: step.staff, what: .parcel(id, step: index)))
        }
        if let count { part.days[day, default: DayCounts(day: day)].count(carrier: carrier, staff: step.staff, count) }
    }
}

// MARK: - Views

extension History {
    /// Every parcel that ever had this tracking number, newest first.
    public func stories(for tracking: TrackingNumber) -> [ParcelStory] {
        (part.tracking[tracking] ?? []).reversed().compactMap { part.stories[$0] }
    }

    /// The story of one parcel.
    public func story(of id: ParcelID) -> ParcelStory? { part.stories[id] }

    /// Parcels no longer in the shop whose tracking number is the query or ends with it (see
    /// ``TrackingQuery``): exact numbers first, then the rest, each newest first.
    /// - Complexity: O(tracking numbers ever received).
    public func closedStories(matching query: TrackingQuery, limit: Int = 50) -> [ParcelStory] {
        var exact: [ParcelStory] = [], ending: [ParcelStory] = []
        for (tracking, ids) in part.tracking where query.matchesWholeOrEnd(tracking) {
            let closed = ids.compactMap { part.stories[$0] }.filter { !$0.status.isInShop }
            if query.isExact(tracking) { exact += closed } else { ending += closed }
        }
        return Array((exact.sorted { $0.id > $1.id } + ending.sorted { $0.id > $1.id }).prefix(limit))
    }

    /// A page of the customer's timeline, newest first (in journal order), only entries on or
    /// after `since` (a day in ``zone``) when given. Pages are `pageSize` long; a page past the
    /// last one is empty.
    public func timeline(of customer: CustomerID, since: Day? = nil, page: Int = 1, pageSize: Int = 20) -> TimelinePage {
        let (items, pageCount, total) = items(onTimelineOf: customer, since: since, page: page, pageSize: pageSize)
        return TimelinePage(entries: items.compactMap(entry), page: max(1, page), pageCount: pageCount, total: total)
    }

    /// The parcels whose stories tell the parcel steps on that page of the customer's timeline:
    /// what a history holding the timeline must also hold to show the page.
    public func parcels(onTimelineOf customer: CustomerID, since: Day? = nil, page: Int = 1, pageSize: Int = 20) -> Set<ParcelID> {
        History.parcels(on: items(onTimelineOf: customer, since: since, page: page, pageSize: pageSize).items)
    }

    private func items(onTimelineOf customer: CustomerID, since: Day?, page: Int, pageSize: Int) -> (items: [TimelineItem], pageCount: Int, total: Int) {
        var items = History.joinedTimeline(of: customer, in: part.timelines)
        if let since { items = items.filter { Day($0.at, in: zone) >= since } }
        let size = max(1, pageSize), page = max(1, page)
        let pageCount = items.isEmpty ? 1 : (items.count - 1) / size + 1
        let (skipped, overflow) = (page - 1).multipliedReportingOverflow(by: size)
        return (overflow ? [] : Array(items.reversed().dropFirst(skipped).prefix(size)), pageCount, items.count)
    }

    /// The entry for people; nil only for a step its story does not hold (never when built by ``apply(_:seq:)``).
    private func entry(_ item: TimelineItem) -> TimelineEntry? {
        let what: TimelineEntry.What
        switch item.what {
        case .parcel(let id, let index):
            guard let story = part.stories[id], story.steps.indices.contains(index) else { return nil }
            what = .parcel(story.tracking, story.steps[index].what)
        case .refused(let reason, let parcels, let proxyName): what = .refused(reason: reason, parcels: parcels, proxyName: proxyName)
        case .proxyAuthorised(let name): what = .proxyAuthorised(name: name)
        case .proxyRevoked(let name): what = .proxyRevoked(name: name)
        case .droppedOff(let id, let tracking, let carrier):
            what = .droppedOff(tracking: tracking, receipt: DropOff.receipt(of: id), carrier: carrier)
        case .edited(let note): what = .edited(note: note)
        case .merged(let from): what = .merged(from: from)
        case .contact(let id, let channel, let about, let text): what = .contact(id, channel: channel, about: about, text: text)
        case .caseOpened(let id, let kind, let text): what = .caseOpened(id, kind: kind, text: text)
        case .caseUpdated(let id, let update): what = .caseUpdated(id, update)
        }
        return TimelineEntry(seq: item.seq, at: item.at, staff: item.staff, what: what)
    }

    /// The customer's timeline with those of every record merged into theirs (and into those),
    /// in journal order. A merge leaves each timeline where it is, so that timelines only ever
    /// grow at their end (see ``removeTimelines()``), and the steps of a merged customer's
    /// parcels after the merge, which their stories still file under the merged customer, show
    /// here too.
    public static func joinedTimeline(of customer: CustomerID, in timelines: [CustomerID: [TimelineItem]]) -> [TimelineItem] {
        let customers = joinedCustomers(of: customer, in: timelines)
        guard customers.count > 1 else { return timelines[customer] ?? [] }
        return customers.flatMap { timelines[$0] ?? [] }.sorted { $0.seq < $1.seq }
    }

    /// The customer and every record merged into theirs, directly or through another, as far as
    /// `timelines` tell (each merge is an item on the kept customer's timeline).
    public static func joinedCustomers(of customer: CustomerID, in timelines: [CustomerID: [TimelineItem]]) -> [CustomerID] {
        var found = [customer], next = 0
        while next < found.count {
            for item in timelines[found[next]] ?? [] {
                if case .merged(let from) = item.what, !found.contains(from) { found.append(from) }
            }
            next += 1
        }
        return found
    }

    /// The counts of `day` (in ``zone``), with the parcels in the shop at its end.
    /// - Complexity: O(days with events).
    public func counts(on day: Day) -> DayCounts {
        var counts = part.days[day] ?? DayCounts(day: day)
        counts.onHandAtClose = part.onHandChanges.reduce(0) { sum, entry in entry.key <= day ? sum + entry.value : sum }
        return counts
    }
}

// MARK: - Pieces kept elsewhere while building

extension History {
    /// Takes the stories `isDone` picks out of this history and returns them, for a builder
    /// that keeps them elsewhere while it applies the entries after (see ``restore(_:)``).
    public mutating func removeStories(where isDone: (ParcelStory) -> Bool) -> [ParcelStory] {
        let done = part.stories.compactMap { isDone($0.value) ? $0.key : nil }
        return done.compactMap { part.stories.removeValue(forKey: $0) }  // moved out, not copied
    }

    /// Puts back a story taken by ``removeStories(where:)``, before applying an entry that names
    /// it (``parcels(namedBy:)``).
    public mutating func restore(_ story: ParcelStory) { part.stories[story.id] = story }

    /// Takes every timeline item so far out of this history and returns them. Applying entries
    /// only adds items to the end of a timeline, so what the entries after add belongs after them.
    public mutating func removeTimelines() -> [CustomerID: [TimelineItem]] {
        defer { part.timelines = [:] }
        return part.timelines
    }
}
