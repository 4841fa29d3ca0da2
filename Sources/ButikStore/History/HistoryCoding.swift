import ButikDomain
import Foundation

// The pieces of `history.bin` in their bytes (see ``HistoryOut``): fields in declaration
// order, an optional as a byte 0 or 1 and then its value, an enum case as a byte naming it and
// then its values, a raw-value enum as its raw value. Round trips of every case in
// `HistoryCodingTests`.

extension Identifier: HistoryCodable {
    func write(to out: inout HistoryOut) { out.int(rawValue) }
    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        self.init(try input.int(in: Ranges.identifier, "\(Tag.recordKind.name) id"))
    }
}

extension TrackingNumber: HistoryCodable {
    func write(to out: inout HistoryOut) { out.string(value) }
    init(from input: inout HistoryIn) throws(HistoryIn.Bad) { self.init(try input.string()) }
}

extension SlotID: HistoryCodable {
    func write(to out: inout HistoryOut) { out.string(value) }
    init(from input: inout HistoryIn) throws(HistoryIn.Bad) { self.init(try input.string()) }
}

extension CarrierID: HistoryCodable {
    func write(to out: inout HistoryOut) { out.string(value) }
    init(from input: inout HistoryIn) throws(HistoryIn.Bad) { self.init(stored: try input.string()) }
}

extension Day: HistoryCodable {
    /// The days a file may name: those `YYYY-MM-DD` can write, as in the JSON files.
    private static let written = Day(year: 0, month: 1, day: 1)!.ordinal...Day(year: 9999, month: 12, day: 31)!.ordinal

    func write(to out: inout HistoryOut) { out.int(ordinal) }
    init(from input: inout HistoryIn) throws(HistoryIn.Bad) { self.init(ordinal: try input.int(in: Day.written, "a day")) }
}

extension HistoryIn {
    /// A raw-value enum's case, written as its raw value.
    mutating func named<Value: RawRepresentable<String>>(_ type: Value.Type) throws(Bad) -> Value {
        let name = try string()
        guard let value = Value(rawValue: name) else { throw Bad(reason: "\"\(name)\" is not a \(Value.self)") }
        return value
    }

    /// An optional written as a byte 0 or 1, then its value.
    mutating func optional<Value>(_ read: (inout HistoryIn) throws(Bad) -> Value) throws(Bad) -> Value? {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        case let other: throw Bad(reason: "\(other) is neither absent (0) nor present (1)")
        }
    }

    /// The byte naming an enum's case, below `cases`.
    mutating func tag(below cases: UInt8, of what: String) throws(Bad) -> UInt8 {
        let tag = try byte()
        guard tag < cases else { throw Bad(reason: "\(tag) is not a kind of \(what)") }
        return tag
    }
}

extension HistoryOut {
    mutating func optional<Value>(_ value: Value?, _ write: (inout HistoryOut, Value) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }
}

extension ParcelStory: HistoryCodable {
    func write(to out: inout HistoryOut) {
        id.write(to: &out)
        out.string(tracking.value)
        carrier.write(to: &out)
        customer.write(to: &out)
        out.string(key.value)
        out.string(recipientName)
        out.string(status.rawValue)
        steps.write(to: &out)
    }

    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        self.init(id: try ParcelID(from: &input), tracking: try TrackingNumber(from: &input), carrier: try CarrierID(from: &input),
                  customer: try CustomerID(from: &input), key: CustomerKey(stored: try input.string()), recipientName: try input.string(),
                  status: try input.named(Status.self), steps: try [ParcelStep](from: &input))
    }
}

extension ParcelStep: HistoryCodable {
    func write(to out: inout HistoryOut) {
        out.int(seq)
        out.date(at)
        out.string(staff.value)
        switch what {
        case .received(let slot, let delivery, let deadline):
            out.byte(0)
            slot.write(to: &out)
            out.optional(delivery) { $1.write(to: &$0) }
            deadline.write(to: &out)
        case .moved(let slot): out.byte(1); slot.write(to: &out)
        case .extended(let day): out.byte(2); day.write(to: &out)
        case .handedOut(let verification, let proxyName, let proxyID):
            out.byte(3)
            out.string(verification.rawValue)
            out.optional(proxyName) { $0.string($1) }
            out.optional(proxyID) { $0.string($1) }
        case .handOutUndone: out.byte(4)
        case .refused(let reason, let proxyName): out.byte(5); out.string(reason); out.optional(proxyName) { $0.string($1) }
        case .returning(let area): out.byte(6); area.write(to: &out)
        case .collected: out.byte(7)
        case .receiptUndone: out.byte(8)
        case .returnCancelled(let slot): out.byte(9); slot.write(to: &out)
        }
    }

    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        let seq = try input.int(), at = try input.date(), staff = StaffID(stored: try input.string())
        let what: What
        switch try input.tag(below: 10, of: "parcel step") {
        case 0:
            what = .received(slot: try SlotID(from: &input), delivery: try input.optional { input throws(HistoryIn.Bad) in try DeliveryID(from: &input) },
                             deadline: try Day(from: &input))
        case 1: what = .moved(to: try SlotID(from: &input))
        case 2: what = .extended(to: try Day(from: &input))
        case 3:
            what = .handedOut(verification: try input.named(Verification.self),
                              proxyName: try input.optional { input throws(HistoryIn.Bad) in try input.string() },
                              proxyID: try input.optional { input throws(HistoryIn.Bad) in try input.string() })
        case 4: what = .handOutUndone
        case 5: what = .refused(reason: try input.string(), proxyName: try input.optional { input throws(HistoryIn.Bad) in try input.string() })
        case 6: what = .returning(to: try SlotID(from: &input))
        case 7: what = .collected
        case 8: what = .receiptUndone
        default: what = .returnCancelled(to: try SlotID(from: &input))
        }
        self.init(seq: seq, at: at, staff: staff, what: what)
    }
}

extension TimelineItem: HistoryCodable {
    func write(to out: inout HistoryOut) {
        out.int(seq)
        out.date(at)
        out.string(staff.value)
        switch what {
        case .parcel(let id, let step): out.byte(0); id.write(to: &out); out.int(step)
        case .refused(let reason, let parcels, let proxyName):
            out.byte(1); out.string(reason); parcels.write(to: &out); out.optional(proxyName) { $0.string($1) }
        case .proxyAuthorised(let name): out.byte(2); out.string(name)
        case .proxyRevoked(let name): out.byte(3); out.string(name)
        case .droppedOff(let id, let tracking, let carrier):
            out.byte(4); id.write(to: &out); out.string(tracking.value); carrier.write(to: &out)
        case .edited(let note): out.byte(5); out.optional(note) { $0.string($1) }
        case .merged(let customer): out.byte(6); customer.write(to: &out)
        case .contact(let id, let channel, let about, let text):
            out.byte(7); id.write(to: &out); out.string(channel.rawValue); about.write(to: &out); out.string(text)
        case .caseOpened(let id, let kind, let text): out.byte(8); id.write(to: &out); out.string(kind.code); out.string(text)
        case .caseUpdated(let id, let update): out.byte(9); id.write(to: &out); update.write(to: &out)
        }
    }

    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        let seq = try input.int(), at = try input.date(), staff = StaffID(stored: try input.string())
        let what: What
        switch try input.tag(below: 10, of: "timeline item") {
        case 0: what = .parcel(try ParcelID(from: &input), step: try input.int(in: 0...Int.max, "a step"))
        case 1:
            what = .refused(reason: try input.string(), parcels: try [TrackingNumber](from: &input),
                            proxyName: try input.optional { input throws(HistoryIn.Bad) in try input.string() })
        case 2: what = .proxyAuthorised(name: try input.string())
        case 3: what = .proxyRevoked(name: try input.string())
        case 4: what = .droppedOff(try DropOffID(from: &input), tracking: try TrackingNumber(from: &input), carrier: try CarrierID(from: &input))
        case 5: what = .edited(note: try input.optional { input throws(HistoryIn.Bad) in try input.string() })
        case 6: what = .merged(from: try CustomerID(from: &input))
        case 7:
            what = .contact(try ContactID(from: &input), channel: try input.named(ContactChannel.self), about: try Contact.About(from: &input),
                            text: try input.string())
        case 8: what = .caseOpened(try CaseID(from: &input), kind: try CaseKind(from: &input), text: try input.string())
        default: what = .caseUpdated(try CaseID(from: &input), try CaseUpdate(from: &input))
        }
        self.init(seq: seq, at: at, staff: staff, what: what)
    }
}

extension Contact.About: HistoryCodable {
    func write(to out: inout HistoryOut) {
        switch self {
        case .parcel(let tracking): out.byte(0); tracking.write(to: &out)
        case .case(let id): out.byte(1); id.write(to: &out)
        case .question: out.byte(2)
        }
    }

    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        switch try input.tag(below: 3, of: "contact's subject") {
        case 0: self = .parcel(try TrackingNumber(from: &input))
        case 1: self = .case(try CaseID(from: &input))
        default: self = .question
        }
    }
}

extension CaseKind: HistoryCodable {
    func write(to out: inout HistoryOut) { out.string(code) }

    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        let code = try input.string()
        guard let kind = CaseKind(code: code) else { throw HistoryIn.Bad(reason: "\"\(code)\" is not a kind of case") }
        self = kind
    }
}

extension CaseUpdate: HistoryCodable {
    func write(to out: inout HistoryOut) {
        out.date(at)
        out.string(staff.value)
        out.optional(status) { $0.string($1.rawValue) }
        out.optional(owner) { $0.string($1.value) }
        out.optional(followUp) { $1.write(to: &$0) }
        addedParcels.write(to: &out)
        out.optional(text) { $0.string($1) }
    }

    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        self.init(at: try input.date(), staff: StaffID(stored: try input.string()),
                  status: try input.optional { input throws(HistoryIn.Bad) in try input.named(CaseStatus.self) },
                  owner: try input.optional { input throws(HistoryIn.Bad) in StaffID(stored: try input.string()) },
                  followUp: try input.optional { input throws(HistoryIn.Bad) in try Day(from: &input) },
                  addedParcels: try [TrackingNumber](from: &input),
                  text: try input.optional { input throws(HistoryIn.Bad) in try input.string() })
    }
}

extension Tally: HistoryCodable {
    func write(to out: inout HistoryOut) {
        for count in [received, receiptsUndone, handedOut.id, handedOut.code, handedOut.known, handedOut.proxy,
                      handOutsUndone, returned, droppedOff, collected] {
            out.int(count)
        }
    }

    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        self.init()
        received = try input.int()
        receiptsUndone = try input.int()
        handedOut.id = try input.int()
        handedOut.code = try input.int()
        handedOut.known = try input.int()
        handedOut.proxy = try input.int()
        handOutsUndone = try input.int()
        returned = try input.int()
        droppedOff = try input.int()
        collected = try input.int()
    }
}

extension DayCounts: HistoryCodable {
    func write(to out: inout HistoryOut) {
        day.write(to: &out)
        total.write(to: &out)
        for tallies in [Dictionary(uniqueKeysWithValues: carriers.map { ($0.key.value, $0.value) }), staff] {
            out.unsigned(UInt64(tallies.count))
            for (name, tally) in tallies.sorted(by: { $0.key < $1.key }) {
                out.string(name)
                tally.write(to: &out)
            }
        }
        out.int(onHandAtClose)
    }

    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        self.init(day: try Day(from: &input))
        total = try Tally(from: &input)
        func tallies(_ input: inout HistoryIn) throws(HistoryIn.Bad) -> [String: Tally] {
            var tallies: [String: Tally] = [:]
            for _ in 0..<(try input.count()) { tallies[try input.string()] = try Tally(from: &input) }
            return tallies
        }
        carriers = Dictionary(uniqueKeysWithValues: try tallies(&input).map { (CarrierID(stored: $0.key), $0.value) })
        staff = try tallies(&input)
        onHandAtClose = try input.int()
    }
}
