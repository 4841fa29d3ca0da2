import Foundation

/// Invented names for the demo shop, and its texts in each language Butik speaks (shipped
/// in `Resources/demo/names.json`).
public struct DemoNames: Decodable, Sendable {
    public var firstNames: [String]
    public var lastNames: [String]
    /// Keyed by the language's code (`nb`, `sv`, `en`): one for each, or the file is not read.
    private var texts: [String: DemoTexts]

    private enum CodingKeys: String, CodingKey { case firstNames, lastNames, texts }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        firstNames = try c.decode([String].self, forKey: .firstNames)
        lastNames = try c.decode([String].self, forKey: .lastNames)
        texts = try c.decode([String: DemoTexts].self, forKey: .texts)
        for language in Language.allCases where texts[language.rawValue] == nil {
            throw DecodingError.dataCorruptedError(forKey: .texts, in: c, debugDescription: "no texts in \(language.rawValue)")
        }
        guard !firstNames.isEmpty, !lastNames.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .firstNames, in: c, debugDescription: "no names")
        }
    }

    /// The demo's texts in `language`.
    public func texts(in language: Language) -> DemoTexts {
        texts[language.rawValue]!
    }
}

/// What the demo's staff wrote, in one language: customers' notes, the three regulars' notes,
/// a son's relation as a proxy, and the texts of the contacts and cases of the demo week.
public struct DemoTexts: Decodable, Sendable {
    public var notes: [String]
    public var jedsNote: String
    public var alradieNote: String
    public var kariNote: String
    public var son: String
    public var askedOnMessenger: String
    public var claim: String
    public var claimReported: String
    public var booking: String
    public var complaint: String
    public var complaintResolved: String
    public var askedByEmail: String
    public var redirect: String
}

/// A believable shop for trying Butik: about 60 customers (a few regulars with chosen keys,
/// notes and a registered proxy) and a week of deliveries, hand-outs and returns ending at
/// `now`, about 200 parcels left on the shelves; PostNord parcels carry a 4-digit pickup code,
/// Amazon ones 6 digits. The same seed and moment give the same shop.
public enum DemoShop {
    public static let staff = ["maria", "janfredrik", "thomas", "siv"].map(StaffID.init(stored:))

    /// The records of the demo week, decided through the real rules, its texts in `language`.
    public static func records(names: DemoNames, language: Language = .en, layout: ShopLayout, now: Date, seed: UInt64 = 2019) -> [Record] {
        let texts = names.texts(in: language)
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
            ("Janne Eline Dahl Solberg", "JEDS", texts.jedsNote, .phone, [("Petter Dahl Solberg", texts.son)]),
            ("Alradie Mohamad Zain", nil, texts.alradieNote, .counter, []),
            ("Kari Nordmann", "KARI", texts.kariNote, .messenger, []),
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
            let note = random.chance(0.12) ? texts.notes.randomElement(using: &random) : nil
            let phones = random.chance(0.85) ? [phone(&random)] : []
            customers.append(builder.add(NewCustomer(name: name, phones: phones, note: note),
                                         at: at(firstDay, 8, 10 + customers.count % 40), staff: staff[0]))
        }

        var log = DemoLog(script(texts, customers: customers, today: today, at: at))
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
                log.run(until: min(time, now), &builder)
                guard time < now, let customer = customers.randomElement(using: &random) else { continue }
                let waiting = builder.state.parcelsInShop(for: customer).filter { $0.status == .waiting && $0.receivedAt < time }
                guard !waiting.isEmpty, random.chance(0.5) else { continue }
                var verification: Verification = [.id, .id, .code, .code, .known, .proxy].randomElement(using: &random)!
                // One code covers the parcels that carry it; parcels with other codes or none are checked by ID.
                let code = waiting[0].pickupCode
                if verification == .code, code == nil || waiting.contains(where: { $0.pickupCode != code }) { verification = .id }
                let proxy = verification == .proxy ? "\(names.firstNames.randomElement(using: &random)!) (\(texts.son))" : nil
                // The last digits of the proxy's ID, from the moment: no draw, so the demo stays the same.
                let proxyID = proxy.map { _ in "førerkort …" + String(format: "%04d", Int(time.timeIntervalSince1970 / 60) % 10_000) }
                builder.handOut(waiting.map(\.id), verification: verification, proxyName: proxy, proxyID: proxyID,
                                pickupCode: verification == .code ? code?.digits : nil, at: time, staff: staff[Int.random(in: 0..<staff.count, using: &random)])
            }
            log.run(until: min(at(day, 19, 0), now), &builder)
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

    /// The demo week's contacts and cases, at their moments (the days before today, so at any
    /// hour they have happened): KARI asks on Messenger; JEDS's damage claim, reported to the
    /// carrier and due today; a delivery booking for the regular with furniture, overdue; a
    /// complaint resolved; a question by e-mail; a redirect to follow up in two days.
    private static func script(_ texts: DemoTexts, customers: [CustomerID], today: Day,
                               at: @escaping (Day, Int, Int) -> Date) -> [DemoLog.Step] {
        let (jeds, alradie, kari) = (customers[0], customers[1], customers[2])
        let maria = staff[0], thomas = staff[2], siv = staff[3]
        return [
            DemoLog.Step(at(today.adding(days: -5), 11, 15)) { builder in
                let complaint = builder.openCase(NewCase(customer: customers[10], kind: .complaint, text: texts.complaint),
                                                 at: at(today.adding(days: -5), 11, 15), staff: siv)
                if let complaint {
                    builder.updateCase(complaint, CaseChange(status: .resolved, text: texts.complaintResolved),
                                       at: at(today.adding(days: -5), 11, 40), staff: siv)
                }
            },
            DemoLog.Step(at(today.adding(days: -4), 10, 20)) { builder in
                builder.logContact(alradie, .phone, about: .question, texts.booking, at: at(today.adding(days: -4), 10, 20), staff: thomas)
                _ = builder.openCase(NewCase(customer: alradie, kind: .deliveryBooking, followUp: today.adding(days: -1), text: texts.booking),
                                     at: at(today.adding(days: -4), 10, 22), staff: thomas)
            },
            DemoLog.Step(at(today.adding(days: -3), 14, 10)) { builder in
                builder.logContact(kari, .messenger, about: .question, texts.askedOnMessenger, at: at(today.adding(days: -3), 14, 10), staff: maria)
            },
            DemoLog.Step(at(today.adding(days: -2), 12, 40)) { builder in
                let parcel = builder.state.parcelsInShop(for: jeds).filter { $0.status == .waiting }.last
                let claim = builder.openCase(NewCase(customer: jeds, kind: .claim(.damaged), parcels: parcel.map { [$0.tracking] } ?? [],
                                                     followUp: today, text: texts.claim),
                                             at: at(today.adding(days: -2), 12, 40), staff: maria)
                if let claim {
                    builder.updateCase(claim, CaseChange(status: .waitingForCarrier, followUp: today, text: texts.claimReported),
                                       at: at(today.adding(days: -2), 13, 5), staff: maria)
                }
            },
            DemoLog.Step(at(today.adding(days: -1), 10, 30)) { builder in
                _ = builder.openCase(NewCase(customer: customers[15], kind: .redirect, owner: siv.value, followUp: today.adding(days: 2),
                                             text: texts.redirect),
                                     at: at(today.adding(days: -1), 10, 30), staff: maria)
            },
            DemoLog.Step(at(today.adding(days: -1), 16, 0)) { builder in
                builder.logContact(customers[12], .email, about: .question, texts.askedByEmail, at: at(today.adding(days: -1), 16, 0), staff: siv)
            },
        ]
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

    mutating func logContact(_ customer: CustomerID, _ channel: ContactChannel, about: Contact.About, _ text: String, at: Date, staff: StaffID) {
        _ = run(at, staff) { state, context throws(DomainError) in try state.logContact(customer, channel: channel, about: about, text: text, context) }
    }

    mutating func openCase(_ new: NewCase, at: Date, staff: StaffID) -> CaseID? {
        run(at, staff) { state, context throws(DomainError) in try state.openCase(new, context) }?.id
    }

    mutating func updateCase(_ id: CaseID, _ change: CaseChange, at: Date, staff: StaffID) {
        _ = run(at, staff) { state, context throws(DomainError) in try state.updateCase(id, change, context) }
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

/// The demo's scripted steps, each run among the hand-outs once the week reaches its moment.
private struct DemoLog {
    struct Step {
        let at: Date
        let run: (inout Builder) -> Void

        init(_ at: Date, _ run: @escaping (inout Builder) -> Void) {
            self.at = at
            self.run = run
        }
    }

    private var pending: [Step]

    init(_ steps: [Step]) { pending = steps.sorted { $0.at < $1.at } }

    /// Runs the steps due by `moment`, in time order.
    mutating func run(until moment: Date, _ builder: inout Builder) {
        while let next = pending.first, next.at <= moment {
            pending.removeFirst()
            next.run(&builder)
        }
    }
}
