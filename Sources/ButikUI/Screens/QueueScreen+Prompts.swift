import ButikDomain
import ButikGrid
import ButikText
import Foundation

/// The dialog open over the queue screen. Its words are put together when it is drawn.
public struct QueuePrompt: Sendable {
    public enum Purpose: Equatable, Sendable {
        /// Finding the customer to queue, as the Counter's search finds them.
        case add
        /// When the chosen customer comes, and a note for whoever fetches; both optional.
        case announce(CustomerID)
        /// Yes or no to taking the customer out of the queue.
        case remove(CustomerID)
        /// How many days more to keep a parcel.
        case extend(ParcelID)
        /// Yes or no to sending every overdue parcel back.
        case returnOverdue
        /// The shelf slot a returning parcel goes back to.
        case backToShelf(ParcelID)
        /// A return parcel's tracking number (typed or scanned), and its carrier.
        case dropOff
    }

    public private(set) var purpose: Purpose
    /// The answer typed so far, and the prompt's keys (nil for a yes/no question).
    var input: TextPrompt<QueueScreen.Action>?
    /// The chosen one of the customers found, while finding one.
    public internal(set) var choice = 0

    /// At most this many of the customers found are listed; the rest are counted.
    static let listed = 6

    /// Asks which customer to queue, with `text` typed so far.
    static func add(text: String = "") -> QueuePrompt {
        QueuePrompt(.add, asking: Phrase("keys.queue.find"), text, Phrase("queue.add.placeholder"), enter: Phrase("keys.queue.next"))
    }

    /// Asks when `customer` comes and for a note, with `text` typed so far.
    static func announce(_ customer: CustomerID, text: String = "") -> QueuePrompt {
        QueuePrompt(.announce(customer), asking: Phrase("keys.queue.timeAndNote"), text, Phrase("queue.announce.placeholder"),
                    enter: Phrase("keys.queue.add"))
    }

    /// Asks before taking `customer` out of the queue.
    static func remove(_ customer: CustomerID) -> QueuePrompt {
        QueuePrompt(purpose: .remove(customer))
    }

    /// The customers the typed text finds, as the Counter's search finds them: the customers,
    /// then the owners of the parcels found.
    func matches(_ context: AppContext) -> [CustomerID] {
        let results = context.shop.search(text, limit: CounterScreen.resultLimit)
        var found = results.customers
        for id in results.parcels {
            if let owner = context.shop.parcels[id]?.customer, !found.contains(owner) { found.append(owner) }
        }
        return found
    }

    /// Asks for how many days more to keep `parcel`, 7 unless typed otherwise.
    static func extend(_ parcel: ParcelID, text: String = "7") -> QueuePrompt {
        QueuePrompt(.extend(parcel), asking: Phrase("keys.queue.days"), text, Phrase("queue.extend.placeholder"), enter: Phrase("keys.queue.extend"))
    }

    /// Asks which slot the returning `parcel` goes back to, with `text` typed so far.
    static func backToShelf(_ parcel: ParcelID, text: String = "") -> QueuePrompt {
        QueuePrompt(.backToShelf(parcel), asking: Phrase("keys.queue.theSlot"), text, Phrase("queue.backToShelf.placeholder"),
                    enter: Phrase("keys.queue.putBack"))
    }

    /// Asks for a drop-off's tracking number and carrier.
    static func dropOff(text: String = "") -> QueuePrompt {
        QueuePrompt(.dropOff, asking: Phrase("keys.queue.trackingAndCarrier"), text, Phrase("queue.dropOff.placeholder"),
                    enter: Phrase("keys.queue.takeIn"), scan: Phrase("keys.queue.itsNumber"))
    }

    /// Asks whether to send the overdue parcels back to their senders, saying where to fetch
    /// each from first.
    static func returnOverdue() -> QueuePrompt {
        QueuePrompt(purpose: .returnOverdue)
    }

    /// A yes/no question.
    private init(purpose: Purpose) {
        self.purpose = purpose
    }

    /// A question answered with text: Enter submits it, Esc cancels.
    private init(_ purpose: Purpose, asking label: Phrase, _ text: String, _ placeholder: Phrase, enter: Phrase, scan: Phrase? = nil) {
        self.purpose = purpose
        input = TextPrompt(label, text: text, placeholder: placeholder, enter: .init(enter, .submitPrompt),
                           escape: .init(Phrase("keys.queue.cancel"), .cancelPrompt), scan: scan)
    }

    /// The text typed (empty for a yes/no question).
    var text: String { input?.text ?? "" }

    /// The dialog as it reads in the context's words.
    func modal(_ context: AppContext) -> Modal {
        let words = context.words
        let field = input?.shown(words) ?? TextField()
        let cancel = words.text("modal.cancel")
        switch purpose {
        case .add:
            return Modal(.prompt(field), title: " \(words.text("queue.add.title")) ", message: addMessage(context),
                         confirmLabel: words.text("queue.add.choose"), cancelLabel: cancel)
        case .announce(let id):
            let customer = context.shop.customers[id]
            return Modal(.prompt(field), title: " \(words.text("queue.add.title")) ",
                         message: words.text("queue.announce.message", ["key": .text(customer?.key.value ?? "?"), "name": .text(customer?.name ?? "")]),
                         confirmLabel: words.text("queue.add.confirm"), cancelLabel: cancel)
        case .remove(let id):
            let customer = context.shop.customers[id]
            return Modal(.confirm, title: " \(words.text("queue.add.title")) ",
                         message: words.text("queue.remove.ask", ["key": .text(customer?.key.value ?? "?"), "name": .text(customer?.name ?? "")]),
                         confirmLabel: words.text("queue.remove.confirm"), cancelLabel: words.text("queue.return.keep"))
        case .extend(let id):
            let parcel = context.shop.parcels[id]
            let message = words.text("queue.extend.message", ["tracking": .text(parcel?.tracking.value ?? id.description),
                                                              "key": .text(parcel?.key.value ?? "?"),
                                                              "deadline": .text(parcel.map { words.date($0.deadline) } ?? "?")])
            return Modal(.prompt(field), title: " \(words.text("queue.extend.title")) ", message: message,
                         confirmLabel: words.text("queue.extend.confirm"), cancelLabel: cancel)
        case .backToShelf(let id):
            let parcel = context.shop.parcels[id]
            let message = words.text("queue.backToShelf.message", ["tracking": .text(parcel?.tracking.value ?? id.description),
                                                                   "key": .text(parcel?.key.value ?? "?"), "area": .text(context.layout.outboundID.value)])
            return Modal(.prompt(field), title: " \(words.text("queue.backToShelf.title")) ", message: message,
                         confirmLabel: words.text("queue.backToShelf.confirm"), cancelLabel: cancel)
        case .dropOff:
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

    /// What to type, then the customers found so far, the chosen one marked.
    private func addMessage(_ context: AppContext) -> String {
        let words = context.words
        let found = matches(context)
        var lines = [words.text("queue.add.message")]
        if found.isEmpty, !text.isEmpty { lines.append(words.text("queue.add.noMatch", ["text": .text(text)])) }
        let first = min(max(0, choice - Self.listed + 1), max(0, found.count - Self.listed))
        for (offset, id) in found.enumerated().dropFirst(first).prefix(Self.listed) {
            guard let customer = context.shop.customers[id] else { continue }
            // Marked, as the box's wrapping keeps no run of spaces.
            lines.append((offset == choice ? "▸ " : "· ") + "\(customer.key) \(customer.name)")
        }
        if found.count > Self.listed { lines.append(words.text("queue.add.more", ["n": .count(found.count - Self.listed)])) }
        return lines.joined(separator: "\n")
    }
}

extension QueueScreen {
    /// Enter (or y) in the open prompt: performs what it asked for.
    mutating func submitPrompt(_ context: AppContext) -> [AppEffect] {
        guard let open = prompt else { return [] }
        prompt = nil
        switch open.purpose {
        case .add: return choose(open, context)
        case .remove(let customer): return [.perform(.queue(.closeQueueEntry(customer, .cancelled)))]
        case .returnOverdue: return [.perform(.queue(.returnOverdue))]
        default: return submit(open.purpose, open.input?.answer ?? "", context)
        }
    }

    /// Enter while finding a customer: the chosen one, then when they come.
    private mutating func choose(_ open: QueuePrompt, _ context: AppContext) -> [AppEffect] {
        let found = open.matches(context)
        guard found.indices.contains(open.choice) else {
            notice = Notice(open.text.isEmpty ? Phrase("queue.add.typeSomething")
                                 : Phrase("queue.add.noMatch", ["text": .text(open.text)]), tone: .error)
            prompt = open
            return [.beep]
        }
        notice = nil
        prompt = .announce(found[open.choice])
        return []
    }

    /// ↑↓ while finding a customer: another of those found.
    mutating func moveChoice(_ by: Int, _ context: AppContext) {
        guard var open = prompt, open.purpose == .add else { return }
        open.choice = min(max(0, open.choice + by), max(0, open.matches(context).count - 1))
        prompt = open
    }

    private mutating func submit(_ purpose: QueuePrompt.Purpose, _ text: String, _ context: AppContext) -> [AppEffect] {
        switch purpose {
        case .announce(let customer):
            // A time first, if the answer starts with a digit; the rest is the note.
            var words = text.split(separator: " ").map(String.init)
            var announced: Date?
            if let first = words.first, first.first?.isNumber == true {
                guard let minute = LocalTime.minuteOfDay(first) else {
                    notice = Notice(Phrase("queue.add.badTime"), tone: .error)
                    prompt = .announce(customer, text: text)
                    return [.beep]
                }
                announced = LocalTime.date(context.today, minuteOfDay: minute, in: context.layout.zone)
                words.removeFirst()
            }
            notice = nil
            return [.perform(.queue(.addToQueue(customer, announcedFor: announced, note: words.isEmpty ? nil : words.joined(separator: " "))))]
        case .extend(let id):
            guard context.shop.parcels[id] != nil else { return [.beep] }
            guard let days = Int(text) else {
                notice = Notice(Phrase("queue.extend.typeDays"), tone: .error)
                prompt = .extend(id, text: text)
                return [.beep]
            }
            notice = nil
            return [.perform(.queue(.extendDeadline(id, .days(days))))]
        case .backToShelf(let id):
            guard !text.isEmpty else {
                notice = Notice(Phrase("queue.backToShelf.typeSlot"), tone: .error)
                prompt = .backToShelf(id)
                return [.beep]
            }
            notice = nil
            return [.perform(.queue(.cancelReturn(id, to: SlotID(text))))]
        case .dropOff:
            return submitDropOff(text, context)
        case .add, .remove, .returnOverdue:
            return []
        }
    }
}
