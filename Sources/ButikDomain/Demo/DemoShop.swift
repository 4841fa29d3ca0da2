import Foundation

/// Invented names and notes for the demo shop (shipped in `Resources/demo/names.json`).
public struct DemoNames: Codable, Sendable {
    public var firstNames: [String]
    public var lastNames: [String]
    public var notes: [String]
}

/// A believable shop for trying Butik: about 60 customers (a few regulars with chosen keys,
/// notes and a registered proxy) and a week of deliveries, hand-outs and returns ending at
/// `now`, about 200 parcels left on the shelves; PostNord parcels carry a 4-digit pickup code,
/// Amazon ones 6 digits. The same seed and moment give the same shop.
public enum DemoShop {
    public static let staff = ["maria", "janfredrik", "thomas", "siv"].map(StaffID.init(stored:))

    /// The records of the demo week, in time order, decided through the real rules.
    public static func records(names: DemoNames, layout: ShopLayout, now: Date, seed: UInt64 = 2019) -> [Record] {
        var random = DemoRandom(seed: seed)
        // Pickup codes come from a stream of their own, so the rest of the shop is the same
        // with or without them.
        var codes = DemoRandom(seed: ~seed)
        var builder = Builder(layout: layout)
        let zone = layout.zone
        let today = Day(now, in: zone)
        let firstDay = today.adding(days: -9)

        func at(_ day: Day, _ hour: Int, _ minute: Int) -> Date {
            let local = Double(day.ordinal * 86_400 + hour * 3600 + minute * 60)
            let guess = Date(timeIntervalSince1970: local)
            return Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: guess)))
        }

        var customers: [CustomerID] = []
        // The regulars are regulars by hand, so a new user sees one on the card from the start.
        let regulars: [(name: String, key: String?, note: String, channel: ContactChannel, proxies: [(name: String, relation: String)])] = [
            ("Janne Eline Dahl Solberg", "JEDS", "Comes by Vespa, have the parcels ready at the door", .phone, [("Petter Dahl Solberg", "son")]),
            ("Alradie Mohamad Zain", nil, "Often large parcels (furniture)", .counter, []),
            ("Kari Nordmann", "KARI", "Prefers Messenger", .messenger, []),
        ]
        for (index, regular) in regulars.enumerated() {
            let customer = builder.add(NewCustomer(name: regular.name, key: regular.key, phones: [phone(&random)], note: regular.note),
                                       at: at(firstDay, 8, index), staff: staff[0])
            builder.edit(customer, CustomerChanges(channel: .some(regular.channel), regularByHand: true), at: at(firstDay, 8, index), staff: staff[0])
            for proxy in regular.proxies {
                builder.authoriseProxy(proxy.name, relation: proxy.relation, for: customer, at: at(firstDay, 8, index), staff: staff[0])
            }
            customers.append(customer)
        }
        var used = Set(regulars.map(\.name))
        while customers.count < 60 {
            let name = "\(names.firstNames.randomElement(using: &random)!) \(names.lastNames.randomElement(using: &random)!)"
            guard used.insert(name).inserted else { continue }
            let note = random.chance(0.12) ? names.notes.randomElement(using: &random) : nil
            let phones = random.chance(0.85) ? [phone(&random)] : []
            customers.append(builder.add(NewCustomer(name: name, phones: phones, note: note),
                                         at: at(firstDay, 8, 10 + customers.count % 40), staff: staff[0]))
        }

        let deliveries: [(hour: Int, carriers: [String], count: ClosedRange<Int>)] = [
            (9, ["posten"], 12...18), (12, ["postnord"], 16...24), (14, ["dhl", "ups", "amazon", "instabox"], 6...12),
        ]
        for offset in 0...9 {
            let day = firstDay.adding(days: offset)
            let isSunday = day.isoWeekday == 7
            for delivery in deliveries where !isSunday {
                var time = at(day, delivery.hour, 0)
                for _ in 0..<Int.random(in: delivery.count, using: &random) {
                    time += Double(Int.random(in: 20...70, using: &random))
                    guard time < now else { break }
                    let carrier = delivery.carriers.randomElement(using: &random)!
                    let weights = customers.indices.map { $0 < regulars.count ? 3 : 1 }
                    let customer = customers[weighted(weights, &random)]
                    let size: SizeClass = random.chance(customer == customers[1] ? 0.6 : 0.06) ? .large : .small
                    builder.receive(DemoTracking.make(carrier: carrier, using: &random), for: customer, carrier: carrier,
                                    size: size, pickupCode: pickupCode(carrier: carrier, &codes), at: time, staff: staff[offset % 2])
                }
            }
            // Pickups through the afternoon: each customer with parcels comes by now and then.
            var time = at(day, 10, 5)
            while time < at(day, 19, 0), time < now {
                time += Double(Int.random(in: 20...60, using: &random) * 60)
                guard time < now, let customer = customers.randomElement(using: &random) else { continue }
                let waiting = builder.state.parcelsInShop(for: customer).filter { $0.status == .waiting && $0.receivedAt < time }
                guard !waiting.isEmpty, random.chance(0.5) else { continue }
                var verification: Verification = [.id, .id, .code, .code, .known, .proxy].randomElement(using: &random)!
                // One code covers the parcels that carry it; parcels with other codes or none are checked by ID.
                let code = waiting[0].pickupCode
                if verification == .code, code == nil || waiting.contains(where: { $0.pickupCode != code }) { verification = .id }
                let proxy = verification == .proxy ? "\(names.firstNames.randomElement(using: &random)!) (son)" : nil
                // The last digits of the proxy's ID, from the moment: no draw, so the demo stays the same.
                let proxyID = proxy.map { _ in "førerkort …" + String(format: "%04d", Int(time.timeIntervalSince1970 / 60) % 10_000) }
                builder.handOut(waiting.map(\.id), verification: verification, proxyName: proxy, proxyID: proxyID,
                                pickupCode: verification == .code ? code?.digits : nil, at: time, staff: staff[Int.random(in: 0..<staff.count, using: &random)])
            }
            // A day after the deadline, uncollected parcels go to the outbound area in the
            // evening; the driver takes them on Mondays, Wednesdays and Fridays.
            let overdue = builder.state.parcelsInShop.filter { $0.status == .waiting && $0.deadline < day.adding(days: -1) }
            for parcel in overdue where at(day, 18, 30) < now {
                builder.returnToSender(parcel.id, at: at(day, 18, 30), staff: staff[2])
            }
            let outbound = builder.state.parcelsInShop.filter { $0.status != .waiting && $0.slot == layout.outboundID }
            if !outbound.isEmpty, [1, 3, 5].contains(day.adding(days: 1).isoWeekday), at(day.adding(days: 1), 9, 5) < now {
                builder.collect(outbound.map(\.id), at: at(day.adding(days: 1), 9, 5), staff: staff[1])
            }
        }
        // Whatever the hour, each regular has a parcel waiting, so the demo shows them at work:
        // one that came with PostNord ten minutes ago when the day's pickups took them all.
        for customer in customers.prefix(regulars.count) where !builder.state.parcelsInShop(for: customer).contains(where: { $0.status == .waiting }) {
            builder.receive(DemoTracking.make(carrier: "postnord", using: &random), for: customer, carrier: "postnord", size: .small,
                            pickupCode: pickupCode(carrier: "postnord", &codes), at: now.addingTimeInterval(-600), staff: staff[0])
        }
        return builder.records
    }

    private static func phone(_ random: inout DemoRandom) -> String {
        let first = ["4", "9"].randomElement(using: &random)!
        return first + String(decoding: random.digits(7), as: UTF8.self)
    }

    /// PostNord's 4-digit SMS code or Amazon's 6 digits; the other carriers' parcels have none.
    private static func pickupCode(carrier: String, _ random: inout DemoRandom) -> String? {
        let length = ["postnord": 4, "amazon": 6][carrier]
        return length.map { String(decoding: random.digits($0), as: UTF8.self) }
    }

    private static func weighted(_ weights: [Int], _ random: inout DemoRandom) -> Int {
        var pick = Int.random(in: 0..<weights.reduce(0, +), using: &random)
        for (index, weight) in weights.enumerated() {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }
}

/// Runs demo commands through the real decisions, keeping the records.
private struct Builder {
    let layout: ShopLayout
    var state = ShopState()
    var records: [Record] = []

    init(layout: ShopLayout) { self.layout = layout }

    mutating func add(_ customer: NewCustomer, at: Date, staff: StaffID) -> CustomerID {
        run(at, staff) { state, context throws(DomainError) in try state.addCustomer(customer, context) }?.id ?? CustomerID(0)
    }

    mutating func edit(_ customer: CustomerID, _ changes: CustomerChanges, at: Date, staff: StaffID) {
        _ = run(at, staff) { state, context throws(DomainError) in try state.editCustomer(customer, changes, context) }
    }

    mutating func authoriseProxy(_ name: String, relation: String, for customer: CustomerID, at: Date, staff: StaffID) {
        _ = run(at, staff) { state, context throws(DomainError) in try state.authoriseProxy(name, relation: relation, for: customer, context) }
    }

    mutating func receive(_ tracking: ParsedTracking, for customer: CustomerID, carrier: String, size: SizeClass, pickupCode: String?,
                          at: Date, staff: StaffID) {
        let request = ReceiveRequest(tracking: tracking, recipient: .customer(customer), carrier: CarrierID(stored: carrier), size: size,
                                     pickupCode: pickupCode)
        _ = run(at, staff) { state, context throws(DomainError) in try state.receive(request, context) }
    }

    mutating func handOut(_ ids: [ParcelID], verification: Verification, proxyName: String?, proxyID: String?, pickupCode: String?,
                          at: Date, staff: StaffID) {
        let request = HandOutRequest(parcels: ids, verification: verification, proxyName: proxyName, proxyID: proxyID,
                                     pickupCode: pickupCode)
        _ = run(at, staff) { state, context throws(DomainError) in try state.handOut(request, context) }
    }

    mutating func returnToSender(_ id: ParcelID, at: Date, staff: StaffID) {
        _ = run(at, staff) { state, context throws(DomainError) in try state.returnToSender(id, context) }
    }

    mutating func collect(_ ids: [ParcelID], at: Date, staff: StaffID) {
        _ = run(at, staff) { state, context throws(DomainError) in try state.collectByDriver(ids, context) }
    }

    /// Decides and applies; a refused demo command (a random duplicate number) is skipped.
    private mutating func run<Outcome>(
        _ at: Date, _ staff: StaffID, _ decide: (ShopState, Context) throws(DomainError) -> Decision<Outcome>
    ) -> Outcome? {
        let context = Context(layout: layout, now: at, staff: staff)
        guard let decision = try? decide(state, context) else { return nil }
        records += state.apply(decision, context)
        return decision.outcome
    }
}
