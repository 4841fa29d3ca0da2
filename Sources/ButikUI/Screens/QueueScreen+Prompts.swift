import ButikDomain
import ButikGrid
import ButikText
import Foundation

/// The dialog open over the queue screen. Its words are put together when it is drawn.
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
    /// The answer typed so far (unused by a yes/no question).
    public internal(set) var field: TextField

    /// Asks for the key of the customer to queue, with `text` typed so far.
    static func add(text: String = "") -> QueuePrompt {
        QueuePrompt(purpose: .add, field: TextField(text))
    }

    /// Asks for how many days more to keep `parcel`, 7 unless typed otherwise.
    static func extend(_ parcel: ParcelID, text: String = "7") -> QueuePrompt {
        QueuePrompt(purpose: .extend(parcel), field: TextField(text))
    }

    /// Asks for a drop-off's tracking number and carrier.
    static func dropOff(text: String = "") -> QueuePrompt {
        QueuePrompt(purpose: .dropOff, field: TextField(text))
    }

    /// Asks whether to send the overdue parcels back to their senders, saying where to fetch
    /// each from first.
    static func returnOverdue() -> QueuePrompt {
        QueuePrompt(purpose: .returnOverdue, field: TextField())
    }

    /// The dialog as it reads in the context's words.
    func modal(_ context: AppContext) -> Modal {
        let words = context.words
        var field = field
        let cancel = words.text("modal.cancel")
        switch purpose {
        case .add:
            field.placeholder = words.text("queue.add.placeholder")
            return Modal(.prompt(field), title: " \(words.text("queue.add.title")) ", message: words.text("queue.add.message"),
                         confirmLabel: words.text("queue.add.confirm"), cancelLabel: cancel)
        case .extend(let id):
            let parcel = context.shop.parcels[id]
            field.placeholder = words.text("queue.extend.placeholder")
            let message = words.text("queue.extend.message", ["tracking": .text(parcel?.tracking.value ?? id.description),
                                                              "key": .text(parcel?.key ?? "?"),
                                                              "deadline": .text(parcel.map { words.date($0.deadline) } ?? "?")])
            return Modal(.prompt(field), title: " \(words.text("queue.extend.title")) ", message: message,
                         confirmLabel: words.text("queue.extend.confirm"), cancelLabel: cancel)
        case .dropOff:
            field.placeholder = words.text("queue.dropOff.placeholder")
            return Modal(.prompt(field), title: " \(words.text("queue.dropOff.title")) ", message: words.text("queue.dropOff.message"),
                         confirmLabel: words.text("queue.dropOff.confirm"), cancelLabel: cancel)
        case .returnOverdue:
            let pull = context.shop.overduePullList(today: context.today, context.layout)
            let stops = pull.stops.map { "\($0.slot): " + $0.parcels.map(\.tracking.value).joined(separator: " ") }
            let message = ([words.text("queue.return.take", ["n": .count(pull.count), "area": .text(context.layout.outboundID.value)])] + stops
                + [words.text("queue.return.ask", ["n": .count(pull.count)])]).joined(separator: "\n")
            return Modal(.confirm, title: " \(words.text("queue.return.title")) ", message: message,
                         confirmLabel: words.text("queue.return.confirm"), cancelLabel: words.text("queue.return.keep"))
        }
    }
}

extension QueueScreen {
    /// Enter (or y) in the open prompt: performs what it asked for.
    mutating func submitPrompt(_ context: AppContext) -> [AppEffect] {
        guard let open = prompt else { return [] }
        prompt = nil
        if open.purpose == .returnOverdue { return [.perform(.returnOverdue)] }
        return submit(open.purpose, open.field.text.trimmingCharacters(in: .whitespaces), context)
    }

    private mutating func submit(_ purpose: QueuePrompt.Purpose, _ text: String, _ context: AppContext) -> [AppEffect] {
        switch purpose {
        case .add:
            let words = text.split(separator: " ").map(String.init)
            guard let key = words.first, words.count <= 2 else { return again(Phrase("queue.add.typeKey"), text) }
            guard let customer = context.shop.customer(withKey: key) else { return again(Phrase("queue.add.noKey", ["key": .text(key)]), text) }
            var announced: Date?
            if words.count == 2 {
                guard let minute = LocalTime.minuteOfDay(words[1]) else { return again(Phrase("queue.add.badTime"), text) }
                announced = LocalTime.date(context.today, minuteOfDay: minute, in: context.layout.zone)
            }
            notice = nil
            return [.perform(.addToQueue(customer.id, announcedFor: announced))]
        case .extend(let id):
            guard context.shop.parcels[id] != nil else { return [.beep] }
            guard let days = Int(text) else {
                notice = QueueNotice(Phrase("queue.extend.typeDays"), isProblem: true)
                prompt = .extend(id, text: text)
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
    private mutating func again(_ problem: Phrase, _ text: String) -> [AppEffect] {
        notice = QueueNotice(problem, isProblem: true)
        prompt = .add(text: text)
        return [.beep]
    }
}
