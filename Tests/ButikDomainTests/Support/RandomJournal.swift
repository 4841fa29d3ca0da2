import Foundation
@testable import ButikDomain

/// A journal of a few weeks in ``Fixtures/layout``, decided through the real rules from a
/// fixed seed: customers, deliveries, receipts (a small pool of numbers, so numbers come
/// back), moves, extensions, hand-outs of every kind and their undo, refusals, returns, the
/// driver's collections and handovers, returns taken back to a shelf, drop-offs, undone
/// receipts, proxies (some with a relation and an end), manifests, slot capacities, the
/// pickup queue, edits of customers' records, merges of two records of one person, contacts,
/// cases, erasures and purges. The days cross
/// the change to summer time in Oslo (2026-03-29).
struct RandomJournal {
    static let staff: [StaffID] = ["kari", "per", "siv"]

    private(set) var records: [Record] = []
    private(set) var state = ShopState()
    private var random: DemoRandom
    private var time: Date

    init(seed: UInt64, days: Int = 24) {
        random = DemoRandom(seed: seed)
        time = Fixtures.now
        for name in ["Kari Nordmann", "Per Hansen", "Siv Jensen", "Ola Dahl", "Eva Berg"] {
            _ = run { state, context throws(DomainError) in try state.addCustomer(NewCustomer(name: name), context) }
        }
        for day in 0..<days {
            time = Fixtures.now.addingTimeInterval(Double(day) * 86_400 - 4 * 3600)
            for _ in 0..<Int.random(in: 4...14, using: &random) { step() }
        }
    }

    private mutating func step() {
        time += Double(Int.random(in: 60...3600, using: &random))
        let customers = state.customers.keys.sorted()
        let customer = customers.randomElement(using: &random)!
        let inShop = state.parcelsInShop
        let waiting = inShop.filter { $0.status == .waiting }
        let returning = inShop.filter { if case .returning = $0.status { true } else { false } }
        switch Int.random(in: 0..<32, using: &random) {
        case 0..<6:
            let number = Fixtures.tracking("RR\(String(format: "%08d", Int.random(in: 0..<30, using: &random)))NO", checkDigit: .none)
            let request = ReceiveRequest(tracking: number, recipient: .customer(customer),
                                         carrier: ["postnord", "amazon"].randomElement(using: &random)!,
                                         size: random.chance(0.2) ? .large : .small,
                                         delivery: state.openDeliveries.keys.first, again: true)
            // Now and then a receipt is undone at once (later it is too late).
            if let received = run({ state, context throws(DomainError) in try state.receive(request, context) }), random.chance(0.1) {
                _ = run { state, context throws(DomainError) in try state.undoReceipt(received.parcel.id, context) }
            }
        case 6:
            if state.openDeliveries.isEmpty {
                _ = run { state, context throws(DomainError) in try state.startDelivery(carrier: "postnord", declared: 5, context) }
            } else {
                _ = run { state, context throws(DomainError) in try state.endDelivery(context) }
            }
        case 7..<10:
            let mine = waiting.filter { random.chance(0.5) || $0.customer == waiting.first?.customer }
            let owner = mine.first?.customer
            let ids = mine.filter { $0.customer == owner }.map(\.id)
            let verification = Verification.allCases.randomElement(using: &random)!
            let request = HandOutRequest(parcels: ids, verification: verification,
                                         proxyName: verification == .proxy ? "Petter Dahl" : nil,
                                         proxyID: verification == .proxy ? "førerkort …\(Int.random(in: 1000...9999, using: &random))" : nil)
            _ = run { state, context throws(DomainError) in try state.handOut(request, context) }
        case 10:
            let handed = state.parcels.values.filter { if case .handedOut = $0.status { true } else { false } }.map(\.id).sorted()
            guard let id = handed.last else { return }
            _ = run { state, context throws(DomainError) in try state.undoHandOut([id], within: 86_400 * 30, context) }
        case 11:
            guard let parcel = waiting.randomElement(using: &random) else { return }
            let slot = [Fixtures.a1, Fixtures.a2, Fixtures.a3, Fixtures.l1, Fixtures.floor].randomElement(using: &random)!
            _ = run { state, context throws(DomainError) in try state.move(parcel.id, to: slot, context) }
        case 12:
            guard let parcel = waiting.randomElement(using: &random) else { return }
            let day = parcel.deadline.adding(days: Int.random(in: 1...5, using: &random))
            _ = run { state, context throws(DomainError) in try state.extendDeadline(parcel.id, .to(day), context) }
        case 13:
            guard let parcel = waiting.randomElement(using: &random) else { return }
            _ = run { state, context throws(DomainError) in
                try state.refuseHandOut(parcel.customer, parcels: [parcel.id], reason: "The name on the ID did not match",
                                        proxyName: parcel.id.rawValue.isMultiple(of: 2) ? "Per Hansen" : nil, context)
            }
        case 14:
            guard let parcel = waiting.randomElement(using: &random) else { return }
            _ = run { state, context throws(DomainError) in try state.returnToSender(parcel.id, context) }
        case 15:
            guard !returning.isEmpty else { return }
            if random.chance(0.5) {
                _ = run { state, context throws(DomainError) in try state.collectByDriver(returning.map(\.id), context) }
            } else {
                let scanned = returning.map(\.tracking) + state.dropOffsWaiting().map(\.tracking)
                _ = run { state, context throws(DomainError) in try state.handOver(scanned: scanned, carrier: nil, context) }
            }
        case 16:
            let number = Fixtures.tracking("CT\(String(format: "%08d", Int.random(in: 0..<1000, using: &random)))NO", checkDigit: .none)
            let owner = random.chance(0.7) ? customer : nil
            let carrier: CarrierID = ["postnord", "amazon"].randomElement(using: &random)!
            _ = run { state, context throws(DomainError) in try state.dropOff(tracking: number, carrier: carrier, customer: owner, context) }
        case 17:
            guard let parcel = inShop.randomElement(using: &random) else { return }
            _ = run { state, context throws(DomainError) in try state.undoReceipt(parcel.id, context) }
        case 18:
            _ = run { state, context throws(DomainError) in try state.authoriseProxy("Petter Dahl", for: customer, context) }
        case 19:
            _ = run { state, context throws(DomainError) in try state.revokeProxy("Petter Dahl", for: customer, context) }
        case 20:
            let number = Fixtures.tracking("RR\(String(format: "%08d", Int.random(in: 0..<30, using: &random)))NO", checkDigit: .none)
            let entry = ManifestEntry(line: 2, tracking: number, name: "Eva Berg", carrierID: "amazon", pickupCode: "123456")
            _ = run { state, context in state.expect([entry], context) }
        case 21:
            let slot = [Fixtures.a1, Fixtures.a2, Fixtures.a3].randomElement(using: &random)!, capacity = Int.random(in: 2...4, using: &random)
            _ = run { state, context throws(DomainError) in try state.setCapacity(of: slot, to: capacity, context) }
        case 22:
            guard let parcel = returning.randomElement(using: &random) else { return }
            _ = run { state, context throws(DomainError) in try state.cancelReturn(parcel.id, to: Fixtures.a1, context) }
        case 24:
            var changes = CustomerChanges()
            switch Int.random(in: 0..<6, using: &random) {
            case 0: changes.note = ["Ringer før henting", "Kjører vespa", ""].randomElement(using: &random)!
            case 1: changes.email = ["kari@example.no", ""].randomElement(using: &random)!
            case 2: changes.channel = .some(ContactChannel.allCases.randomElement(using: &random)!)
            case 3: changes.regularByHand = random.chance(0.5)
            case 4: changes.personalOnly = random.chance(0.3)
            default: changes.phones = [["912 34 567"], [], ["+47 400 11 222", "912 34 567"]].randomElement(using: &random)!
            }
            _ = run { state, context throws(DomainError) in try state.editCustomer(customer, changes, context) }
        case 25:
            if let newest = customers.last, customers.count > 5 {
                _ = run { state, context throws(DomainError) in try state.mergeCustomers(keep: customer, other: newest, context) }
            } else {
                _ = run { state, context throws(DomainError) in try state.addCustomer(NewCustomer(name: "Kari Nordman"), context) }
            }
        case 26:
            let until = random.chance(0.5) ? Day(time, in: Fixtures.layout.zone).adding(days: Int.random(in: 0...3, using: &random)) : nil
            _ = run { state, context throws(DomainError) in
                try state.authoriseProxy("Åse Dahl", relation: "datter", validUntil: until, for: customer, context)
            }
        case 27:
            let theirs = state.customerCases(customer)
            let about: Contact.About = random.chance(0.4) ? theirs.last.map { .case($0.id) } ?? .question
                : inShop.first { $0.customer == customer }.map { .parcel($0.tracking) } ?? .question
            let channel = ContactChannel.allCases.randomElement(using: &random)!
            _ = run { state, context throws(DomainError) in try state.logContact(customer, channel: channel, about: about, text: "Asked when it comes", context) }
        case 28:
            let kind = CaseKind.allCases.randomElement(using: &random)!
            let parcels = inShop.filter { $0.customer == customer }.prefix(1).map(\.tracking)
            _ = run { state, context throws(DomainError) in
                try state.openCase(NewCase(customer: customer, kind: kind, parcels: parcels, followUp: context.today.adding(days: 2),
                                           text: "Box crushed at one corner"), context)
            }
        case 29:
            guard let open = state.caseList(today: Day(time, in: Fixtures.oslo)).first else { return }
            let choice = Int.random(in: 0..<3, using: &random)
            _ = run { state, context throws(DomainError) in
                switch choice {
                case 0: try state.updateCase(open.id, CaseChange(status: .waitingForCarrier, followUp: context.today.adding(days: 1),
                                                                 text: "Asked PostNord"), context)
                case 1: try state.closeCase(open.id, text: "Refunded by the sender", context)
                default: try state.reopenCase(state.cases.values.first { $0.status == .resolved }?.id ?? open.id, text: "Came back", context)
                }
            }
        case 30:
            // Now and then a customer's data is erased (refused while their parcels are in), their
            // open cases closed first.
            guard random.chance(0.3) else { return }
            for open in state.openCustomerCases(customer) {
                _ = run { state, context throws(DomainError) in try state.closeCase(open.id, text: "Erased on request", context) }
            }
            _ = run { state, context throws(DomainError) in try state.erase(customer, context) }
        case 31:
            // Now and then a purge, with a retention short enough for a journal of a few weeks.
            guard random.chance(0.5) else { return }
            _ = run { state, context in state.purge(RetentionRule(days: 7), context) }
        default:
            let customer = state.openQueue.first?.customer ?? customer
            _ = run { state, context throws(DomainError) in
                switch state.openQueueEntry(for: customer)?.status {
                case nil: try state.addToQueue(customer, announcedFor: nil, note: "at the door", context)
                case .waiting?: try state.startFetching(for: customer, context)
                case .fetching?: try state.markReady(for: customer, context)
                default: try state.closeQueueEntry(for: customer, as: .done, context)
                }
            }
        }
    }

    /// Decides at the current time as a random staff member and applies what was decided.
    private mutating func run<Outcome>(_ decide: (ShopState, Context) throws(DomainError) -> Decision<Outcome>) -> Outcome? {
        let context = Fixtures.context(at: time, staff: RandomJournal.staff.randomElement(using: &random)!)
        guard let decision = try? decide(state, context) else { return nil }
        records += state.apply(decision, context)
        return decision.outcome
    }
}
