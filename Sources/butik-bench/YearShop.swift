import ButikDomain
import ButikStore
import Foundation

/// A shop's year (a journal of a segment a month, and a snapshot), for the issue 10
/// benchmarks: about 100,000 parcels closed over 365 days (16 December 2024 to 15 December
/// 2025, busier towards Christmas) and about 5,000 on hand at the end, 20,000 customers with
/// three-part Nordic names, six carriers and six staff. Every step is decided through the real
/// rules, at realistic times of day in the shop's time zone, and the same seed gives the same shop.
/// Its customer log: about 50,000 contacts and 5,000 cases over the year (see ``Generator/contact(_:at:staff:)``
/// and ``Generator/openCase(_:at:staff:day:)``), journaled like the rest.
///
/// The generator copies the store folder at the end of the first day on which the closed
/// parcels reach each fraction of 100,000, so the cuts are the same shop earlier in its life.
struct YearShop {
    /// The store folder as it was at the end of `day`, and what it held.
    struct Cut {
        let percent: Int
        let folder: URL
        let day: Day
        let closed: Int
        let onHand: Int
        let customers: Int
        let lines: Int
    }

    static let closedTarget = 100_000
    static let customerCount = 20_000
    static let lastDay = Day(year: 2025, month: 12, day: 15)!
    static let staff = ["maria", "janfredrik", "thomas", "siv", "ahmed", "ingrid"]

    /// Room for 5,760 small parcels (24 shelves of 20 slots holding 12) and 240 large ones.
    static let layoutJSON = """
    {"schema":1,"name":"Butik Storgata","timeZone":"Europe/Oslo",
     "shelves":[\((0..<26).map { n in
        let id = String(UnicodeScalar(65 + n)!)
        return n < 24 ? "{\"id\":\"\(id)\",\"slots\":20,\"capacity\":12,\"size\":\"small\"}"
            : "{\"id\":\"\(id)\",\"slots\":20,\"capacity\":6,\"size\":\"large\"}"
     }.joined(separator: ","))],
     "overflow":{"id":"FLOOR","name":"Floor / overflow"},"outbound":{"id":"OUT","name":"Outbound to driver"},"defaultHoldDays":7,
     "carriers":[{"id":"postnord","name":"PostNord","holdDays":14},{"id":"posten","name":"Posten/Bring","holdDays":14,"holidayShifts":true},
                 {"id":"dhl","name":"DHL","holdDays":7},{"id":"ups","name":"UPS","holdDays":7},
                 {"id":"amazon","name":"Amazon","holdDays":14},{"id":"instabox","name":"Instabox","holdDays":7}]}
    """

    /// Writes the year into a new folder, copying it at each of `percents` (of 100,000 closed
    /// parcels; 100 is the end of the year, whatever the count). Prints how long it took.
    /// `BUTIK_BENCH_CUTS` (`50` or `50,100`) keeps only those of `percents`, and the year is
    /// generated only as far as the last of them: quicker, to profile at a smaller store.
    static func generate(percents: [Int], names: DemoNames, seed: UInt64 = 2025) throws -> [Cut] {
        let started = DispatchTime.now().uptimeNanoseconds
        let chosen = ProcessInfo.processInfo.environment["BUTIK_BENCH_CUTS"].map { $0.split(separator: ",").compactMap { Int($0) } }
        let folder = temporaryFolder("year")
        var generator = try Generator(names: names, seed: seed, folder: folder)
        let cuts = try generator.run(percents: chosen.map { Set($0).intersection(percents).sorted() } ?? percents)
        if !cuts.contains(where: { $0.folder == folder }) { try? FileManager.default.removeItem(at: folder) }
        print(String(format: "generated the one-year store in %.1f s", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
        return cuts
    }
}

/// The year, a day at a time: each day's actions sorted by time and decided against the state
/// so far, then appended a week at a time.
private struct Generator {
    let store: ShopStore
    let layout: ShopLayout
    let folder: URL
    var random: DemoRandom
    var state = ShopState()
    /// The customers to be, in the order they first get a parcel.
    let people: [NewCustomer]
    var known: [CustomerID] = []
    /// Who comes for their parcels on which day (ordinal).
    var visits: [Int: [CustomerID]] = [:]
    /// Parcels whose customer calls on a day (ordinal): for more time, or to send it back.
    var extensions: [Int: [ParcelID]] = [:]
    /// Cases that someone works on again on a day (ordinal).
    var caseWork: [Int: [CaseID]] = [:]
    var closed = 0
    var records: [Record] = []

    init(names: DemoNames, seed: UInt64, folder: URL) throws {
        self.folder = folder
        store = try ShopStore.open(folder: folder, defaultLayout: Data(YearShop.layoutJSON.utf8))
        layout = store.layout
        random = DemoRandom(seed: seed)
        var people: [NewCustomer] = []
        var folded = Set<String>()
        var draws = DemoRandom(seed: ~seed)
        while people.count < YearShop.customerCount {
            let first = names.firstNames.randomElement(using: &draws)!
            let middle = names.firstNames.randomElement(using: &draws)!
            let last = names.lastNames.randomElement(using: &draws)!
            let name = "\(first) \(middle) \(last)"
            guard first != middle, folded.insert(NameFolding.fold(name)).inserted else { continue }
            let phones = draws.chance(0.9) ? [["4", "9"].randomElement(using: &draws)! + String(decoding: draws.digits(7), as: UTF8.self)] : []
            let note = draws.chance(0.03) ? names.texts(in: .en).notes.randomElement(using: &draws) : nil
            people.append(NewCustomer(name: name, phones: phones, note: note))
        }
        self.people = people
    }

    /// The relative number of parcels on `day`: the shop grows by half over the year, is quiet
    /// in July and busy from Black Friday to Christmas; Mondays are heavy, Saturdays light,
    /// Sundays closed.
    static func volume(_ day: Day) -> Double {
        let (_, month, date) = day.components
        let weekday = [1.25, 1.0, 1.0, 1.0, 1.05, 0.6, 0][day.isoWeekday - 1]
        var season = [0.9, 0.95, 1.0, 1.0, 1.0, 0.95, 0.7, 0.9, 1.0, 1.05, 1.3, 2.0][month - 1]
        if month == 11, date >= 28 { season = 2.2 }
        if month == 12, date <= 15 { season = 2.6 }
        let growth = 1 + 0.5 * Double(day.days(since: YearShop.lastDay.adding(days: -364))) / 365
        return weekday * season * growth
    }

    mutating func run(percents: [Int]) throws -> [YearShop.Cut] {
        let firstDay = YearShop.lastDay.adding(days: -364)
        let days = (0..<365).map { firstDay.adding(days: $0) }
        // Parcels a day so that the year brings about 105,000 (100,000 closed and 5,000 on hand).
        let perUnit = 105_000 / days.map(Generator.volume).reduce(0, +)
        var cuts: [YearShop.Cut] = []
        var pending = percents.sorted()
        for day in days where !pending.isEmpty {
            try simulate(day, parcels: Int((Generator.volume(day) * perUnit).rounded()))
            if day.isoWeekday == 7 { state = state.compacted() }
            let cutNow = pending.first.map { $0 < 100 ? closed >= YearShop.closedTarget * $0 / 100 : day == YearShop.lastDay } ?? false
            // One transaction a week (about 4,000 lines) keeps generation fast: the store writes a
            // snapshot after a transaction once 1,000 lines follow the last one, and each takes
            // about 0.15 s here. The real shop writes one transaction per action, of 1 to 3 lines;
            // the lines themselves are the same.
            if day.isoWeekday == 7 || cutNow, !records.isEmpty {
                try store.append(records)
                records = []
            }
            while let percent = pending.first,
                  percent < 100 ? closed >= YearShop.closedTarget * percent / 100 : day == YearShop.lastDay {
                pending.removeFirst()
                try store.writeSnapshot()
                cuts.append(try cut(percent, day))
            }
        }
        return cuts
    }

    /// A copy of the store's files as they are now (the last cut is the folder itself).
    private func cut(_ percent: Int, _ day: Day) throws -> YearShop.Cut {
        var target = folder
        if percent < 100 {
            target = temporaryFolder("year\(percent)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in ["journal", "snapshot.json", ShopStore.layoutFileName] {
                try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: target.appendingPathComponent(file))
            }
        }
        return YearShop.Cut(percent: percent, folder: target, day: day, closed: closed, onHand: state.inShopCount,
                            customers: state.customers.count, lines: store.lastSequence)
    }

    // MARK: A day

    private enum Action {
        case driver, tidy, delivery(carrier: String, count: Int, staff: String), visit(CustomerID), queued(CustomerID)
        case dropOff, call(ParcelID), returnOverdue, contact, openCase, followUp(CaseID)
    }

    private mutating func simulate(_ day: Day, parcels: Int) throws {
        let weekday = day.isoWeekday
        guard weekday != 7 else {
            // Closed: Sunday's visitors come on Monday.
            visits[day.adding(days: 1).ordinal, default: []] += visits.removeValue(forKey: day.ordinal) ?? []
            extensions[day.adding(days: 1).ordinal, default: []] += extensions.removeValue(forKey: day.ordinal) ?? []
            caseWork[day.adding(days: 1).ordinal, default: []] += caseWork.removeValue(forKey: day.ordinal) ?? []
            return
        }
        let closing = weekday == 6 ? 16 * 60 : 20 * 60
        var actions: [(minute: Int, second: Int, action: Action)] = []
        func add(_ minute: Int, _ action: Action) { actions.append((minute, Int.random(in: 0..<60, using: &random), action)) }
        if [1, 2, 3, 4, 5].contains(weekday) { add(9 * 60 + 5, .driver) }
        add(8 * 60 + 50, .tidy)
        let carriers: [(id: String, share: Double, minute: Int)] = [
            ("posten", 0.38, 9 * 60 + 15), ("postnord", 0.34, 11 * 60 + 30), ("dhl", 0.09, 13 * 60 + 30),
            ("ups", 0.06, 14 * 60 + 30), ("amazon", 0.09, 15 * 60), ("instabox", 0.04, 15 * 60 + 40),
        ]
        var left = parcels
        for (index, carrier) in carriers.enumerated() {
            let count = index == carriers.count - 1 ? left : min(left, Int((Double(parcels) * carrier.share).rounded()))
            left -= count
            guard count > 0 else { continue }
            let minute = min(carrier.minute + Int.random(in: -20...20, using: &random), closing - 90)
            add(minute, .delivery(carrier: carrier.id, count: count, staff: staffOnShift(day, minute)))
        }
        for customer in Set(visits.removeValue(forKey: day.ordinal) ?? []).sorted() {
            // Most come after work; a few ask to have their parcels fetched while they wait.
            let minute = random.chance(0.6) ? Int.random(in: (closing - 240)..<(closing - 5), using: &random)
                : Int.random(in: 10 * 60..<(closing - 5), using: &random)
            add(minute, random.chance(0.03) ? .queued(customer) : .visit(customer))
        }
        for parcel in extensions.removeValue(forKey: day.ordinal) ?? [] { add(Int.random(in: 10 * 60..<(closing - 5), using: &random), .call(parcel)) }
        for _ in 0..<Int(Double(parcels) * 0.08) { add(Int.random(in: 10 * 60..<(closing - 5), using: &random), .dropOff) }
        if weekday != 6 { add(closing - 2, .returnOverdue) }
        // The customer log: about one contact for every two parcels, one case for twenty.
        for _ in 0..<Int((Double(parcels) * 0.48).rounded()) { add(Int.random(in: 9 * 60..<(closing - 5), using: &random), .contact) }
        for _ in 0..<Int(Double(parcels) * 0.048 + Double.random(in: 0..<1, using: &random)) {
            add(Int.random(in: 9 * 60..<(closing - 5), using: &random), .openCase)
        }
        for id in caseWork.removeValue(forKey: day.ordinal) ?? [] { add(Int.random(in: 9 * 60..<(closing - 5), using: &random), .followUp(id)) }
        actions.sort { ($0.minute, $0.second) < ($1.minute, $1.second) }
        for (minute, second, action) in actions {
            try perform(action, at: LocalTime.date(day, minuteOfDay: minute, in: layout.zone).addingTimeInterval(Double(second)),
                        day: day, minute: minute)
        }
    }

    private func staffOnShift(_ day: Day, _ minute: Int) -> String {
        let shift = minute < 14 * 60 ? 0 : 1
        return YearShop.staff[(day.ordinal * 2 + shift) % YearShop.staff.count]
    }

    private mutating func perform(_ action: Action, at time: Date, day: Day, minute: Int) throws {
        let staff = staffOnShift(day, minute)
        let helper = YearShop.staff[(day.ordinal * 2 + 3) % YearShop.staff.count]
        switch action {
        case .driver:
            let returning = state.parcels.values.filter { if case .returning = $0.status { true } else { false } }.sorted { $0.id < $1.id }
            let dropped = state.dropOffsWaiting()
            if day.isoWeekday == 2 || day.isoWeekday == 4 {
                // Tuesdays and Thursdays the driver only takes the returns, without a count.
                if !returning.isEmpty { run(time, staff) { s, c throws(DomainError) in try s.collectByDriver(returning.map(\.id), c) } }
            } else if !returning.isEmpty || !dropped.isEmpty {
                var scanned = returning.map(\.tracking) + dropped.map(\.tracking)
                if scanned.count > 3, random.chance(0.1) { scanned.remove(at: Int.random(in: 0..<scanned.count, using: &random)) }
                run(time, staff) { s, c throws(DomainError) in try s.handOver(scanned: scanned, carrier: nil, c) }
            }
        case .tidy:
            // Before opening: parcels on the floor go to slots that have room again.
            let floor = state.parcels.values.filter { $0.slot == layout.overflowID && $0.status == .waiting }.sorted { $0.id < $1.id }
            for parcel in floor {
                guard let slot = layout.slots.first(where: { (parcel.size == .small || $0.size == .large) && state.freeRoom(in: $0) > 0 }) else { break }
                run(time, staff) { s, c throws(DomainError) in try s.move(parcel.id, to: slot.id, c) }
            }
        case .delivery(let carrier, let count, let staff):
            let declared = random.chance(0.7) ? count : nil
            guard let delivery = run(time, staff, { s, c throws(DomainError) in try s.startDelivery(carrier: CarrierID(stored: carrier), declared: declared, c) })
            else { return }
            var scan = time
            for _ in 0..<count {
                scan += Double(Int.random(in: 6...25, using: &random))
                receive(carrier: carrier, delivery: delivery.id, at: scan, staff: staff, day: day)
            }
            run(scan + 30, staff) { s, c throws(DomainError) in try s.endDelivery(c) }
        case .visit(let customer):
            visit(customer, at: time, staff: staff)
        case .queued(let customer):
            guard run(time, staff, { s, c throws(DomainError) in try s.addToQueue(customer, announcedFor: nil, note: nil, c) }) != nil else { return }
            run(time + 40, helper) { s, c throws(DomainError) in try s.startFetching(for: customer, c) }
            run(time + 130, helper) { s, c throws(DomainError) in try s.markReady(for: customer, c) }
            if random.chance(0.1) {
                run(time + 400, staff) { s, c throws(DomainError) in try s.closeQueueEntry(for: customer, as: .cancelled, c) }
            } else {
                visit(customer, at: time + 160, staff: staff)
            }
        case .dropOff:
            let carrier = ["postnord", "posten", "dhl", "ups"].randomElement(using: &random)!
            let tracking = DemoTracking.make(carrier: carrier, using: &random)
            let customer = !known.isEmpty && random.chance(0.7) ? known[Int.random(in: 0..<known.count, using: &random)] : nil
            run(time, staff) { s, c throws(DomainError) in try s.dropOff(tracking: tracking, carrier: CarrierID(stored: carrier), customer: customer, c) }
        case .call(let id):
            guard let parcel = state.parcels[id], parcel.status == .waiting else { return }
            if random.chance(0.15) {
                // The customer does not want it: back to the sender.
                run(time, staff) { s, c throws(DomainError) in try s.returnToSender(id, c) }
            } else if run(time, staff, { s, c throws(DomainError) in try s.extendDeadline(id, .to(parcel.deadline.adding(days: 7)), c) }) != nil {
                visits[parcel.deadline.adding(days: Int.random(in: 1...6, using: &random)).ordinal, default: []].append(parcel.customer)
            }
        case .contact:
            if !known.isEmpty { contact(regularish(), at: time, staff: staff) }
        case .openCase:
            if !known.isEmpty { openCase(regularish(), at: time, staff: staff, day: day) }
        case .followUp(let id):
            followUp(id, at: time, staff: staff, day: day)
        case .returnOverdue:
            // Fridays by the rule that sorts the whole shop; other evenings the overdue ones by hand.
            if day.isoWeekday == 5 {
                run(time, staff) { s, c in s.returnOverdue(c) }
            } else {
                let overdue = state.parcels.values.filter { $0.status == .waiting && $0.deadline < day }.map(\.id).sorted()
                if !overdue.isEmpty { run(time, staff) { s, c throws(DomainError) in try s.returnToSender(overdue, c) } }
            }
        }
    }

    /// One scanned parcel: for a new customer (by name and phone, as a label gives them) or a
    /// known one, regulars more often; when they will come for it is decided now.
    private mutating func receive(carrier: String, delivery: DeliveryID, at time: Date, staff: String, day: Day) {
        let recipient: Recipient
        if known.count < people.count, known.isEmpty || random.chance(0.195) {
            recipient = .person(people[known.count])
        } else {
            recipient = .customer(regularish())
        }
        let code = ["postnord": 4, "amazon": 6][carrier].map { String(decoding: random.digits($0), as: UTF8.self) }
        let request = ReceiveRequest(tracking: DemoTracking.make(carrier: carrier, using: &random), recipient: recipient, carrier: CarrierID(stored: carrier),
                                     size: random.chance(0.05) ? .large : .small, delivery: delivery, pickupCode: code)
        guard let received = run(time, staff, { s, c throws(DomainError) in try s.receive(request, c) }) else { return }
        if received.isNewCustomer { known.append(received.customer.id) }
        let parcel = received.parcel
        if random.chance(0.05) { return }  // never collected: it goes back after its deadline
        if random.chance(0.025) {
            extensions[parcel.deadline.adding(days: -Int.random(in: 0...3, using: &random)).ordinal, default: []].append(parcel.id)
            return
        }
        // Most come within a few days of the message; later ones up to the deadline.
        var wait = 0
        while wait < parcel.deadline.days(since: day), !random.chance(0.28) { wait += 1 }
        visits[day.adding(days: wait + (time > LocalTime.date(day, minuteOfDay: 19 * 60, in: layout.zone) ? 1 : 0)).ordinal,
               default: []].append(parcel.customer)
    }

    /// A customer at the counter: their waiting parcels, with an ID, a code or a proxy; now and
    /// then the ID does not match and the hand-out is refused (they come back another day).
    private mutating func visit(_ customer: CustomerID, at time: Date, staff: String) {
        let inShop = state.parcelsInShop(for: customer).filter { $0.status == .waiting }
        let waiting = inShop.filter { $0.receivedAt < time }
        guard !waiting.isEmpty else {
            // Came before today's parcel was in: back tomorrow.
            if !inShop.isEmpty { visits[Day(time, in: layout.zone).adding(days: 1).ordinal, default: []].append(customer) }
            return
        }
        if random.chance(0.004) {
            run(time, staff) { s, c throws(DomainError) in
                try s.refuseHandOut(customer, parcels: [], reason: "The ID did not match the name on the parcels", c)
            }
            visits[Day(time, in: layout.zone).adding(days: 1).ordinal, default: []].append(customer)
            return
        }
        let verification: Verification = [.id, .id, .id, .code, .code, .known, .proxy].randomElement(using: &random)!
        var proxyName: String?
        if verification == .proxy {
            let registered = state.customers[customer]?.proxies.first?.name
            proxyName = registered ?? "\(people[Int.random(in: 0..<people.count, using: &random)].name.split(separator: " ").first!) (family)"
            if registered == nil, random.chance(0.3), let name = proxyName {
                run(time - 60, staff) { s, c throws(DomainError) in try s.authoriseProxy(name, for: customer, c) }
            }
        }
        let proxyID = proxyName.map { _ in "ID …" + String(decoding: random.digits(4), as: UTF8.self) }
        let request = HandOutRequest(parcels: waiting.map(\.id), verification: verification, proxyName: proxyName, proxyID: proxyID)
        if let handed = run(time, staff, { s, c throws(DomainError) in try s.handOut(request, c) }) { closed += handed.parcels.count }
    }

    /// A known customer, the regulars (the first known) more often.
    private mutating func regularish() -> CustomerID {
        let u = Double.random(in: 0..<1, using: &random)
        return known[Int(Double(known.count) * u * u)]
    }

    // MARK: The customer log

    private static let channels: [(ContactChannel, Double)] = [
        (.counter, 0.34), (.phone, 0.24), (.email, 0.12), (.messenger, 0.12), (.chat, 0.05), (.facebook, 0.05),
        (.instagram, 0.03), (.trustpilot, 0.03), (.x, 0.02),
    ]
    private static let parcelTexts = [
        "Spør om pakken er kommet", "Vil at naboen henter pakken", "Lurer på hvor lenge pakken blir liggende",
        "Fikk ikke hentekoden på SMS", "Sporingen sier levert, men hun har ikke fått melding", "Kommer etter jobb i morgen",
    ]
    private static let questions = [
        "Spør om åpningstidene i julen", "Kan vi ta imot returer fra Zalando?", "Spør om vi selger emballasje",
        "Vil vite hva det koster å sende en pakke til Sverige", "Spør om vi har parkering", "Takker for god hjelp sist",
    ]
    private static let caseTexts: [(CaseKind, Double, String)] = [
        (.claim(.damaged), 0.14, "Esken var knust, innholdet ødelagt"), (.claim(.missing), 0.10, "Sporingen sier levert hit, ikke på hylla"),
        (.claim(.late), 0.08, "Pakken skulle vært her for en uke siden"), (.deliveryBooking, 0.12, "Vil ha pakken levert hjem"),
        (.redirect, 0.12, "Vil få pakken sendt hit i stedet for hjem"), (.extension, 0.16, "Er bortreist, trenger en uke til"),
        (.question, 0.18, "Venter svar fra avsenderen om returen"), (.complaint, 0.10, "Misfornøyd med ventetiden i kassa"),
    ]

    private mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
        var u = Double.random(in: 0..<choices.reduce(0) { $0 + $1.1 }, using: &random)
        for (choice, weight) in choices {
            u -= weight
            if u < 0 { return choice }
        }
        return choices[choices.count - 1].0
    }

    /// A contact: about a parcel of theirs in the shop, one of their open cases, or a question.
    private mutating func contact(_ customer: CustomerID, at time: Date, staff: String) {
        let channel = weighted(Self.channels)
        let open = state.openCustomerCases(customer)
        let parcel = state.parcelsInShop(for: customer).last
        let about: Contact.About
        var text: String
        if let last = open.last, random.chance(0.3) {
            about = .case(last.id)
            text = ["Purrer på saken", "Spør hvordan det går med saken", "Sender bilder av skaden"].randomElement(using: &random)!
        } else if let parcel, random.chance(0.6) {
            about = .parcel(parcel.tracking)
            text = Self.parcelTexts.randomElement(using: &random)!
        } else {
            about = .question
            text = Self.questions.randomElement(using: &random)!
        }
        if channel == .trustpilot || channel == .x { text = "Offentlig omtale: " + text }
        run(time, staff) { s, c throws(DomainError) in try s.logContact(customer, channel: channel, about: about, text: text, c) }
    }

    /// A case: a kind, the parcel it concerns when they have one here, an owner, and for most a
    /// follow-up day; someone works on it again within ten days.
    private mutating func openCase(_ customer: CustomerID, at time: Date, staff: String, day: Day) {
        let kind = weighted(Self.caseTexts.map { (($0.0, $0.2), $0.1) })
        let parcels = state.parcelsInShop(for: customer).suffix(1).map(\.tracking)
        let owner = random.chance(0.7) ? staff : YearShop.staff.randomElement(using: &random)!
        let followUp = random.chance(0.6) ? day.adding(days: Int.random(in: 1...10, using: &random)) : nil
        let new = NewCase(customer: customer, kind: kind.0, parcels: parcels, owner: owner, followUp: followUp, text: kind.1)
        guard let opened = run(time, staff, { s, c throws(DomainError) in try s.openCase(new, c) }) else { return }
        caseWork[day.adding(days: Int.random(in: 1...10, using: &random)).ordinal, default: []].append(opened.id)
    }

    /// Work on a case: resolved (most often), or waiting for the carrier or the customer until a
    /// follow-up day, and then worked on again.
    private mutating func followUp(_ id: CaseID, at time: Date, staff: String, day: Day) {
        guard let current = state.records.cases[id], current.status != .resolved else { return }
        let change: CaseChange
        let u = Double.random(in: 0..<1, using: &random)
        if u < 0.6 || current.updates.count >= 3 {
            change = CaseChange(status: .resolved, text: ["Løst med transportøren", "Kunden har hentet pakken", "Erstatning innvilget",
                                                          "Kunden trakk saken"].randomElement(using: &random)!)
        } else {
            let next = day.adding(days: Int.random(in: 2...14, using: &random))
            change = CaseChange(status: u < 0.85 ? .waitingForCarrier : .waitingForCustomer, followUp: next,
                                text: u < 0.85 ? "Sendt til transportøren, venter svar" : "Venter på bilder fra kunden")
            caseWork[next.ordinal, default: []].append(id)
        }
        run(time, staff) { s, c throws(DomainError) in try s.updateCase(id, change, c) }
    }

    /// Decides and applies; a refusal (a random number received twice, say) is skipped.
    @discardableResult
    private mutating func run<Outcome>(
        _ time: Date, _ staff: String, _ decide: (ShopState, Context) throws(DomainError) -> Decision<Outcome>
    ) -> Outcome? {
        let context = Context(layout: layout, now: time, staff: StaffID(stored: staff))
        guard let decision = try? decide(state, context) else { return nil }
        records += state.apply(decision, context)
        for event in decision.events {
            switch event {
            case .parcelsCollectedByDriver(let parcels): closed += parcels.count
            case .driverHandover(let handover): closed += handover.parcels.count
            default: break
            }
        }
        return decision.outcome
    }
}
