import ButikDomain
import ButikGrid
import Foundation

/// The dialog open over the queue screen.
public struct QueuePrompt: Sendable {
    public enum Purpose: Equatable, Sendable {
        /// A customer's key, and a time when they are announced.
        case add
        /// How many days more to keep a parcel.
        case extend(ParcelID)
        /// Yes or no to sending every overdue parcel back.
        case returnOverdue
        /// A return parcel's tracking number (typed or scanned), and its carrier.
        case dropOff
    }

    public private(set) var purpose: Purpose
    public internal(set) var modal: Modal

    /// Asks for the key of the customer to queue, with `text` typed so far.
    static func add(_ context: AppContext, text: String = "") -> QueuePrompt {
        let modal = Modal.prompt(title: " Queue ", message: "Customer's key, and HH:MM if they are coming later:",
                                 text: text, placeholder: "e.g. KH2 or KH2 15:00", confirmLabel: "Add", cancelLabel: "Cancel")
        return QueuePrompt(purpose: .add, modal: modal)
    }

    /// Asks for how many days more to keep `parcel`, 7 unless typed otherwise.
    static func extend(_ parcel: Parcel, _ context: AppContext, text: String = "7") -> QueuePrompt {
        let modal = Modal.prompt(title: " Extend ", message: "Keep \(parcel.tracking) (\(parcel.key)), due \(parcel.deadline), how many days more?",
                                 text: text, placeholder: "days", confirmLabel: "Extend", cancelLabel: "Cancel")
        return QueuePrompt(purpose: .extend(parcel.id), modal: modal)
    }

    /// Asks for a drop-off's tracking number and carrier.
    static func dropOff(text: String = "") -> QueuePrompt {
        let modal = Modal.prompt(title: " Drop-off ", message: "Scan or type the return parcel's tracking number, then its carrier:",
                                 text: text, placeholder: "e.g. 370123456789012345 posten", confirmLabel: "Take in", cancelLabel: "Cancel")
        return QueuePrompt(purpose: .dropOff, modal: modal)
    }

    /// Asks whether to send the overdue parcels back to their senders, saying where to fetch
    /// each from first.
    static func returnOverdue(_ pull: FetchList, to outbound: SlotID) -> QueuePrompt {
        let count = pull.count
        let stops = pull.stops.map { "\($0.slot): " + $0.parcels.map(\.tracking.value).joined(separator: " ") }
        let modal = Modal.confirm(title: " Return overdue ",
                                  message: "Take \(count) overdue parcel\(count == 1 ? "" : "s") to \(outbound):\n" + stops.joined(separator: "\n")
                                    + "\nMark \(count == 1 ? "it" : "them") for return to sender? (y/n)",
                                  confirmLabel: "y Return", cancelLabel: "n Keep")
        return QueuePrompt(purpose: .returnOverdue, modal: modal)
    }
}

extension QueueScreen {
    /// Enter (or y) in the open prompt: performs what it asked for.
    mutating func submitPrompt(_ context: AppContext) -> [AppEffect] {
        guard let open = prompt else { return [] }
        prompt = nil
        if open.purpose == .returnOverdue { return [.perform(.returnOverdue)] }
        return submit(open.purpose, (open.modal.field?.text ?? "").trimmingCharacters(in: .whitespaces), context)
    }

    private mutating func submit(_ purpose: QueuePrompt.Purpose, _ text: String, _ context: AppContext) -> [AppEffect] {
        switch purpose {
        case .add:
            let words = text.split(separator: " ").map(String.init)
            guard let key = words.first, words.count <= 2 else { return again("Type the customer's key, then a time if any.", text, context) }
            guard let customer = context.shop.customer(withKey: key) else { return again("No customer has the key \(key).", text, context) }
            var announced: Date?
            if words.count == 2 {
                guard let minute = LocalTime.minuteOfDay(words[1]) else { return again("Type the time as HH:MM, e.g. 15:00.", text, context) }
                announced = LocalTime.date(context.today, minuteOfDay: minute, in: context.layout.zone)
            }
            notice = nil
            return [.perform(.addToQueue(customer.id, announcedFor: announced))]
        case .extend(let id):
            guard let parcel = context.shop.parcels[id] else { return [.beep] }
            guard let days = Int(text) else {
                notice = QueueNotice(text: "Type the number of days to keep it longer, e.g. 7.", isProblem: true)
                prompt = .extend(parcel, context, text: text)
                return [.beep]
            }
            notice = nil
            return [.perform(.extendDeadline(id, .days(days)))]
        case .returnOverdue:
            return []
        case .dropOff:
            return submitDropOff(text, context)
        }
    }

    /// Opens the add prompt again with what was typed, saying what is wrong.
    private mutating func again(_ problem: String, _ text: String, _ context: AppContext) -> [AppEffect] {
        notice = QueueNotice(text: problem, isProblem: true)
        prompt = .add(context, text: text)
        return [.beep]
    }
}
