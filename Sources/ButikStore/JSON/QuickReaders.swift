import ButikDomain
import Foundation

/// Readers for the values the store reads most (journal records, and in them and in snapshots
/// parcels and customers), straight from the tape without Codable's containers.
///
/// Each reads only the well-formed case: at the first thing it does not expect (a missing
/// field, a value of another kind or out of its range, an unknown case) it gives up with nil,
/// and the value is decoded through its `Decodable` conformance instead, which reads it the
/// same way or throws the error that names the field. So these can make reading faster, never
/// different; `QuickReaderTests` holds them to that.
extension TapeReader {
    /// The quick reader's value for `T` at `index`, or nil to decode it through `Decodable`.
    func quickly<T>(_ type: T.Type, at index: Int) -> T? {
        guard T.self == Record.self || T.self == Parcel.self || T.self == Customer.self else { return nil }
        // The value is moved out of the reader as a `T` (it is one), never copied: a copy of a
        // value of unknown type retains each of its strings and releases them again.
        return withUnsafeTemporaryAllocation(of: T.self, capacity: 1) { buffer -> T? in
            let slot = UnsafeMutableRawPointer(buffer.baseAddress!)
            let read: Bool
            if T.self == Record.self {
                read = record(at: index).map { slot.initializeMemory(as: Record.self, to: $0) } != nil
            } else if T.self == Parcel.self {
                read = parcel(at: index).map { slot.initializeMemory(as: Parcel.self, to: $0) } != nil
            } else {
                read = customer(at: index).map { slot.initializeMemory(as: Customer.self, to: $0) } != nil
            }
            return read ? buffer.baseAddress!.move() : nil
        }
    }

    /// A record; its event through `Decodable` unless it is of the kinds most lines hold.
    private func record(at index: Int) -> Record? {
        var m = Members(reader: self, object: index)
        guard m.isObject, let at = time(m["at"]), let event = m["event"], let staff = text(m["staff"]).map(StaffID.init(stored:)),
              let event = self.event(at: event) ?? (try? decode(Event.self, at: event)) else { return nil }
        return Record(at: at, staff: staff, event: event)
    }

    /// A received parcel, a new customer, a hand-out or a parcel sent back; nil for the others.
    private func event(at index: Int) -> Event? {
        var m = Members(reader: self, object: index)
        guard m.isObject, let type = m["type"], values[type].kind == .string else { return nil }
        let kind = scalarBytes(type)
        func `is`(_ name: StaticString) -> Bool {
            kind.elementsEqual(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
        if `is`("parcelReceived") { return m["parcel"].flatMap(parcel(at:)).map { .parcelReceived($0) } }
        if `is`("customerAdded") { return m["customer"].flatMap(customer(at:)).map { .customerAdded($0) } }
        if `is`("parcelReturning") {
            guard let parcel = identifier(m["parcel"], ParcelID.self), let to = text(m["to"]) else { return nil }
            return .parcelReturning(parcel: parcel, to: SlotID(to))
        }
        guard `is`("parcelsHandedOut"),
              let parcels = list(m["parcels"], { identifier($0, ParcelID.self) }),
              let proxyID = optional(m["proxyID"], text),
              let proxyName = optional(m["proxyName"], text),
              let verification = text(m["verification"]).flatMap(Verification.init(rawValue:)) else { return nil }
        return .parcelsHandedOut(parcels: parcels, verification: verification, proxyName: proxyName, proxyID: proxyID)
    }

    private func parcel(at index: Int) -> Parcel? {
        var m = Members(reader: self, object: index)
        guard m.isObject,
              let carrier = text(m["carrier"]).map(CarrierID.init(stored:)),
              let checkDigit = text(m["checkDigit"]).flatMap(CheckDigitStatus.init(rawValue:)),
              let customer = identifier(m["customer"], CustomerID.self),
              let deadline = text(m["deadline"]).flatMap(Day.init(iso:)),
              let delivery = optional(m["delivery"], { identifier($0, DeliveryID.self) }),
              let format = text(m["format"]).flatMap(TrackingFormat.init(rawValue:)),
              let id = identifier(m["id"], ParcelID.self),
              let key = text(m["key"]).map(CustomerKey.init(stored:)),
              let pickupCode = optional(m["pickupCode"], { text($0).flatMap(storedPickupCode) }),
              let preAdvised = optional(m["preAdvised"], flag),
              let receivedAt = time(m["receivedAt"]),
              let receivedBy = text(m["receivedBy"]).map(StaffID.init(stored:)),
              let recipientName = text(m["recipientName"]),
              let size = text(m["size"]).flatMap(SizeClass.init(rawValue:)),
              let slot = text(m["slot"]),
              let status = status(m["status"]),
              let tracking = text(m["tracking"]) else { return nil }
        return Parcel(id: id, tracking: TrackingNumber(tracking), format: format, checkDigit: checkDigit, carrier: carrier,
                      recipientName: recipientName, customer: customer, key: key, slot: SlotID(slot), size: size,
                      deadline: deadline, receivedAt: receivedAt, receivedBy: receivedBy, status: status,
                      delivery: delivery, preAdvised: preAdvised, pickupCode: pickupCode)
    }

    /// `{"waiting":{}}`, `{"handedOut":{"handOut":{...}}}`, `{"returning":{"since":T}}`,
    /// `{"collected":{"at":T}}`: the one member names the case.
    private func status(_ index: Int?) -> ParcelStatus? {
        guard let index, values[index].kind == .object, values[index].end == 1,
              values[index + 2].kind == .object else { return nil }
        let key = index + 1
        var m = Members(reader: self, object: index + 2)
        if keyEquals(key, "waiting") { return .waiting }
        if keyEquals(key, "returning") { return time(m["since"]).map { .returning(since: $0) } }
        if keyEquals(key, "collected") { return time(m["at"]).map { .collected(at: $0) } }
        guard keyEquals(key, "handedOut"), let handOut = m["handOut"] else { return nil }
        var h = Members(reader: self, object: handOut)
        guard h.isObject, let at = time(h["at"]),
              let proxyID = optional(h["proxyID"], text),
              let proxyName = optional(h["proxyName"], text),
              let staff = text(h["staff"]).map(StaffID.init(stored:)),
              let verification = text(h["verification"]).flatMap(Verification.init(rawValue:)) else { return nil }
        return .handedOut(handOut: HandOut(at: at, staff: staff, verification: verification, proxyName: proxyName, proxyID: proxyID))
    }

    private func customer(at index: Int) -> Customer? {
        var m = Members(reader: self, object: index)
        guard m.isObject,
              let channel = optional(m["channel"], { text($0).flatMap(ContactChannel.init(rawValue:)) }),
              let createdAt = time(m["createdAt"]),
              let email = optional(m["email"], text),
              let id = identifier(m["id"], CustomerID.self),
              let key = text(m["key"]).map(CustomerKey.init(stored:)),
              let keyIsChosen = flag(m["keyIsChosen"]),
              let language = optional(m["language"], { text($0).flatMap(Language.init(rawValue:)) }),
              let name = text(m["name"]),
              let note = optional(m["note"], text),
              let personalOnly = optional(m["personalOnly"], flag),
              let phones = list(m["phones"], text),
              let proxies = optional(m["proxies"], { list($0, proxy) }),
              let regularByHand = optional(m["regularByHand"], flag),
              let retiredKeys = optional(m["retiredKeys"], { list($0) { text($0).map(CustomerKey.init(stored:)) } }) else { return nil }
        return Customer(id: id, name: name, key: key, keyIsChosen: keyIsChosen, phones: phones, email: email, note: note,
                        createdAt: createdAt, proxies: proxies ?? [], channel: channel, language: language,
                        regularByHand: regularByHand ?? false, personalOnly: personalOnly ?? false, retiredKeys: retiredKeys ?? [])
    }

    private func proxy(_ index: Int?) -> Proxy? {
        guard let index else { return nil }
        var m = Members(reader: self, object: index)
        guard m.isObject, let name = text(m["name"]), let at = time(m["registeredAt"]),
              let by = text(m["registeredBy"]).map(StaffID.init(stored:)), let relation = optional(m["relation"], text),
              let validUntil = optional(m["validUntil"], { text($0).flatMap(Day.init(iso:)) }) else { return nil }
        return Proxy(name: name, registeredAt: at, registeredBy: by, relation: relation, validUntil: validUntil)
    }

    /// A code as ``PickupCode/init(_:)`` makes it (anything else through `Decodable`).
    private func storedPickupCode(_ text: String) -> PickupCode? {
        PickupCode(text).flatMap { $0.digits == text ? $0 : nil }
    }

    // MARK: Scalars: nil for anything but the plain case

    private func text(_ index: Int?) -> String? {
        guard let index else { return nil }
        switch values[index].kind {
        case .string: return String(decoding: scalarBytes(index), as: UTF8.self)
        case .unicodeString: return String(validating: scalarBytes(index), as: UTF8.self)
        default: return nil
        }
    }

    private func flag(_ index: Int?) -> Bool? {
        switch index.map({ values[$0].kind }) {
        case .true?: true
        case .false?: false
        default: nil
        }
    }

    private func identifier<Tag>(_ index: Int?, _ type: Identifier<Tag>.Type) -> Identifier<Tag>? {
        guard let index, values[index].kind == .integer, let number = JSONText.integer(scalarBytes(index)),
              Ranges.identifier.contains(number) else { return nil }
        return Identifier(number)
    }

    private func time(_ index: Int?) -> Date? {
        guard let index, values[index].kind == .integer || values[index].kind == .number else { return nil }
        return try? date(at: index)
    }

    /// A member that may be missing or null: `.some(nil)` then, `.some(value)` when it reads,
    /// nil when it does not.
    private func optional<T>(_ index: Int?, _ read: (Int?) -> T?) -> T?? {
        guard let index, values[index].kind != .null else { return .some(nil) }
        return read(index).map { .some($0) } ?? nil
    }

    private func list<T>(_ index: Int?, _ read: (Int?) -> T?) -> [T]? {
        guard let index, values[index].kind == .array else { return nil }
        var items: [T] = []
        items.reserveCapacity(Int(values[index].end))
        var element = index + 1
        for _ in 0..<Int(values[index].end) {
            guard let item = read(element) else { return nil }
            items.append(item)
            element = Int(values[element].next)
        }
        return items
    }

    private func keyEquals(_ index: Int, _ name: StaticString) -> Bool {
        keyEquals(index, UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }
}

/// An object's members looked up by name, each search starting after the last one found: the
/// store writes keys sorted, and the readers ask for them in that order, so a lookup usually
/// looks at one key. Only for an object whose keys are sorted, unescaped and each there once
/// (as the store writes them), so that whatever is found is the one member of that name.
private struct Members {
    let reader: TapeReader
    let object: Int
    let count: Int
    /// An object with its keys in strictly ascending order.
    let isObject: Bool
    /// The key index and member number the next search starts at.
    private var key: Int
    private var position = 0

    init(reader: TapeReader, object: Int) {
        self.reader = reader
        self.object = object
        key = object + 1
        guard reader.values[object].kind == .object else {
            count = 0
            isObject = false
            return
        }
        count = Int(reader.values[object].end)
        var sorted = true
        var previous: UnsafeRawBufferPointer?
        var key = object + 1
        for _ in 0..<count where sorted {
            guard reader.values[key].kind != .escapedString else {
                sorted = false
                break
            }
            let name = reader.scalarBytes(key)
            if let previous, !JSONText.precedes(previous, name) { sorted = false }
            previous = name
            key = Int(reader.values[key + 1].next)
        }
        isObject = sorted
    }

    /// The value of the member called `name`; nil when there is none.
    subscript(_ name: StaticString) -> Int? {
        mutating get {
            let wanted = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            for _ in 0..<count {
                if position == count {
                    position = 0
                    key = object + 1
                }
                let value = key + 1
                let found = reader.keyEquals(key, wanted)
                key = Int(reader.values[value].next)
                position += 1
                if found { return value }
            }
            return nil
        }
    }
}
