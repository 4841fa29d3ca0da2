import ButikDomain
import Foundation

/// A parcel as `--json` prints it.
struct ParcelView: Encodable {
    let tracking: String
    let format: String
    let checkDigit: String
    let carrier: String
    let recipient: String
    let key: String
    let slot: String
    let size: String
    let deadline: Day
    let daysLeft: Int
    let status: String
    let receivedAt: Date
    let receivedBy: String
    let handedOutAt: Date?
    let verification: String?
    let proxyName: String?

    init(_ parcel: Parcel, today: Day) {
        tracking = parcel.tracking.value
        format = parcel.format.rawValue
        checkDigit = parcel.checkDigit.rawValue
        carrier = parcel.carrier
        recipient = parcel.recipientName
        key = parcel.key
        slot = parcel.slot.value
        size = parcel.size.rawValue
        deadline = parcel.deadline
        daysLeft = parcel.deadline.days(since: today)
        receivedAt = parcel.receivedAt
        receivedBy = parcel.receivedBy
        switch parcel.status {
        case .waiting: status = "waiting"
        case .handedOut: status = "handedOut"
        case .returning: status = "returning"
        case .collected: status = "collected"
        }
        if case .handedOut(let handOut) = parcel.status {
            handedOutAt = handOut.at
            verification = handOut.verification.rawValue
            proxyName = handOut.proxyName
        } else {
            handedOutAt = nil
            verification = nil
            proxyName = nil
        }
    }
}

/// A customer as `--json` prints it.
struct CustomerView: Encodable {
    let key: String
    let name: String
    let keyIsChosen: Bool
    let phones: [String]
    let email: String?
    let note: String?
    let waiting: Int

    init(_ customer: Customer, in state: ShopState) {
        key = customer.key
        name = customer.name
        keyIsChosen = customer.keyIsChosen
        phones = customer.phones
        email = customer.email
        note = customer.note
        waiting = state.parcelsInShop(for: customer.id).filter { $0.status == .waiting }.count
    }
}

extension Parcel {
    /// One table row for people: tracking, key, name, slot, state, deadline.
    func row(today: Day) -> [String] {
        let left = deadline.days(since: today)
        let due = left < 0 ? "overdue \(-left)d" : left == 0 ? "due today" : "\(left)d left"
        return [tracking.value, key, Output.safe(recipientName), slot.value, status.phrase, "\(deadline) (\(due))"]
    }
}

/// A drop-off as `--json` prints it.
struct DropOffView: Encodable {
    let receipt: String
    let tracking: String
    let carrier: String
    let customer: String?
    let at: Date
    let staff: String

    init(_ dropOff: DropOff, in state: ShopState) {
        receipt = dropOff.receipt
        tracking = dropOff.tracking.value
        carrier = dropOff.carrier
        customer = dropOff.customer.flatMap { state.customers[$0]?.key }
        at = dropOff.at
        staff = dropOff.staff
    }
}
