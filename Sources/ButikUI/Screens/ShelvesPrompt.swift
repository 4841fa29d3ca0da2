import ButikDomain
import ButikGrid
import ButikText

/// The dialog open over the shelves map: moving a batch of parcels to a slot typed by the
/// clerk, or changing a slot's capacity. Its words are put together when it is drawn.
public struct ShelvesPrompt: Sendable {
    public enum Purpose: Equatable, Sendable {
        /// Parcels to move, in the order they were scanned or chosen.
        case move([ParcelID])
        case capacity(SlotID)
    }

    public private(set) var purpose: Purpose
    /// The answer typed so far, and the prompt's keys.
    var input: TextPrompt<ShelvesScreen.Action>

    /// At most this many parcels are listed in the move prompt; the rest are counted.
    static let listed = 6

    /// A prompt asking where to move `batch`, with `text` typed so far.
    static func move(_ batch: [ParcelID], text: String = "") -> ShelvesPrompt {
        ShelvesPrompt(.move(batch), Phrase("keys.shelves.theSlot"), text, Phrase("shelves.move.placeholder"), enter: Phrase("keys.shelves.move"),
                      scan: Phrase("keys.shelves.addParcel"))
    }

    /// A prompt for the capacity of `slot`, starting with `text` (its capacity now).
    static func capacity(_ slot: SlotID, text: String) -> ShelvesPrompt {
        ShelvesPrompt(.capacity(slot), Phrase("keys.shelves.theCapacity"), text, Phrase("shelves.capacity.placeholder"), enter: Phrase("keys.shelves.set"))
    }

    private init(_ purpose: Purpose, _ label: Phrase, _ text: String, _ placeholder: Phrase, enter: Phrase, scan: Phrase? = nil) {
        self.purpose = purpose
        input = TextPrompt(label, text: text, placeholder: placeholder, enter: .init(enter, .submitPrompt),
                           escape: .init(Phrase("keys.counter.cancel"), .cancelPrompt), scan: scan)
    }

    /// The dialog as it reads in the context's words.
    func modal(_ context: AppContext) -> Modal {
        let words = context.words
        let field = input.shown(words)
        switch purpose {
        case .move(let batch):
            let lines = batch.compactMap { context.shop.parcels[$0] }.map {
                words.text("shelves.move.parcel", ["tracking": .text($0.tracking.value), "key": .text($0.key.value), "slot": .text($0.slot.value)])
            }
            var message: String
            if lines.count == 1 {
                message = words.text("shelves.move.one", ["parcel": .text(lines[0])])
            } else {
                message = words.text("shelves.move.several", ["n": .count(lines.count)]) + "\n" + lines.prefix(Self.listed).joined(separator: "\n")
                if lines.count > Self.listed { message += "\n" + words.text("shelves.move.more", ["n": .count(lines.count - Self.listed)]) }
                message += "\n" + words.text("shelves.move.to")
            }
            message += "\n" + words.text("shelves.move.scanMore")
            return Modal(.prompt(field), title: " \(words.text("shelves.move.title")) ", message: message,
                         confirmLabel: words.text("shelves.move.confirm"), cancelLabel: words.text("modal.cancel"))
        case .capacity(let slot):
            let load = context.shop.load(of: slot)
            return Modal(.prompt(field), title: " \(words.text("shelves.capacity.title")) ",
                         message: words.text("shelves.capacity.message", ["slot": .text(slot.value), "n": .count(load)]),
                         confirmLabel: words.text("shelves.capacity.confirm"), cancelLabel: words.text("modal.cancel"))
        }
    }

    /// The answer typed so far.
    public var text: String { input.text }

    /// The parcels of a move prompt (empty for a capacity prompt).
    var batch: [ParcelID] {
        if case .move(let batch) = purpose { batch } else { [] }
    }
}
