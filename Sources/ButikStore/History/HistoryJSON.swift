import ButikDomain
import Foundation

// The pieces of `history.bin` written by hand (see ``JSONWritable``): what their synthesized
// `Encodable` conformances write (keys in declaration order, an absent optional left out, an
// enum case as an object keyed by its name, unlabelled values as `_0`), tested against them in
// `HistoryJSONTests`. The others (a day's counts) go through their conformance.

extension Identifier: JSONWritable {
    func write(to out: inout JSONOut) { out.int(rawValue) }
}

extension TrackingNumber: JSONWritable {
    func write(to out: inout JSONOut) { out.string(value) }
}

extension SlotID: JSONWritable {
    func write(to out: inout JSONOut) { out.string(value) }
}

extension Day: JSONWritable {
    func write(to out: inout JSONOut) { out.string(description) }
}

extension DayCounts: JSONWritable {}

extension ParcelStory: JSONWritable {
    func write(to out: inout JSONOut) throws {
        out.openObject()
        out.key("id"); out.int(id.rawValue)
        out.key("tracking"); out.string(tracking.value)
        out.key("carrier"); out.string(carrier)
        out.key("customer"); out.int(customer.rawValue)
        out.key("key"); out.string(key)
        out.key("recipientName"); out.string(recipientName)
        out.key("status"); out.string(status.rawValue)
        out.key("steps"); try steps.write(to: &out)
        out.closeObject()
    }
}

extension ParcelStep: JSONWritable {
    func write(to out: inout JSONOut) throws {
        out.openObject()
        out.key("seq"); out.int(seq)
        out.key("at"); try out.date(at)
        out.key("staff"); out.string(staff)
        out.key("what"); what.write(to: &out)
        out.closeObject()
    }
}

extension ParcelStep.What {
    func write(to out: inout JSONOut) {
        out.openObject()
        switch self {
        case .received(let slot, let delivery, let deadline):
            out.key("received"); out.openObject()
            out.key("slot"); out.string(slot.value)
            if let delivery { out.key("delivery"); out.int(delivery.rawValue) }
            out.key("deadline"); out.string(deadline.description)
            out.closeObject()
        case .moved(let slot):
            out.key("moved"); out.openObject()
            out.key("to"); out.string(slot.value)
            out.closeObject()
        case .extended(let day):
            out.key("extended"); out.openObject()
            out.key("to"); out.string(day.description)
            out.closeObject()
        case .handedOut(let verification, let proxyName, let proxyID):
            out.key("handedOut"); out.openObject()
            out.key("verification"); out.string(verification.rawValue)
            if let proxyName { out.key("proxyName"); out.string(proxyName) }
            if let proxyID { out.key("proxyID"); out.string(proxyID) }
            out.closeObject()
        case .handOutUndone:
            out.key("handOutUndone"); out.openObject(); out.closeObject()
        case .refused(let reason, let proxyName):
            out.key("refused"); out.openObject()
            out.key("reason"); out.string(reason)
            if let proxyName { out.key("proxyName"); out.string(proxyName) }
            out.closeObject()
        case .returning(let area):
            out.key("returning"); out.openObject()
            out.key("to"); out.string(area.value)
            out.closeObject()
        case .collected:
            out.key("collected"); out.openObject(); out.closeObject()
        case .receiptUndone:
            out.key("receiptUndone"); out.openObject(); out.closeObject()
        }
        out.closeObject()
    }
}

extension TimelineItem: JSONWritable {
    func write(to out: inout JSONOut) throws {
        out.openObject()
        out.key("seq"); out.int(seq)
        out.key("at"); try out.date(at)
        out.key("staff"); out.string(staff)
        out.key("what"); out.openObject()
        switch what {
        case .parcel(let id, let step):
            out.key("parcel"); out.openObject()
            out.key("_0"); out.int(id.rawValue)
            out.key("step"); out.int(step)
            out.closeObject()
        case .refused(let reason, let parcels, let proxyName):
            out.key("refused"); out.openObject()
            out.key("reason"); out.string(reason)
            out.key("parcels"); try parcels.write(to: &out)
            if let proxyName { out.key("proxyName"); out.string(proxyName) }
            out.closeObject()
        case .proxyAuthorised(let name):
            out.key("proxyAuthorised"); out.openObject()
            out.key("name"); out.string(name)
            out.closeObject()
        case .proxyRevoked(let name):
            out.key("proxyRevoked"); out.openObject()
            out.key("name"); out.string(name)
            out.closeObject()
        case .droppedOff(let id, let tracking, let carrier):
            out.key("droppedOff"); out.openObject()
            out.key("_0"); out.int(id.rawValue)
            out.key("tracking"); out.string(tracking.value)
            out.key("carrier"); out.string(carrier)
            out.closeObject()
        }
        out.closeObject()
        out.closeObject()
    }
}
