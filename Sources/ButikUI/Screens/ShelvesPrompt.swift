import ButikDomain

/// The dialog open over the shelves map: moving a batch of parcels to a slot typed by the
/// clerk, or changing a slot's capacity.
public struct ShelvesPrompt: Sendable {
    public enum Purpose: Equatable, Sendable {
        /// Parcels to move, in the order they were scanned or chosen.
        case move([ParcelID])
        case capacity(SlotID)
    }

    public private(set) var purpose: Purpose
    public internal(set) var modal: Modal

    /// At most this many parcels are listed in the move prompt; the rest are counted.
    static let listed = 6

    /// A prompt asking where to move `batch`, with `text` typed so far.
    static func move(_ batch: [ParcelID], text: String = "", _ context: AppContext) -> ShelvesPrompt {
        let parcels = batch.compactMap { context.shop.parcels[$0] }
        let lines = parcels.map { "\($0.tracking) (\($0.key)) from \($0.slot)" }
        var message: String
        if lines.count == 1 {
            message = "Move \(lines[0]) to:"
        } else {
            message = "Move \(lines.count) parcels:\n" + lines.prefix(listed).joined(separator: "\n")
            if lines.count > listed { message += "\n… and \(lines.count - listed) more" }
            message += "\nto:"
        }
        message += "\n(scan more parcels to add them)"
        let modal = Modal.prompt(title: " Move ", message: message, text: text, placeholder: "slot, e.g. B4 or FLOOR",
                                 confirmLabel: "Move", cancelLabel: "Cancel")
        return ShelvesPrompt(purpose: .move(batch), modal: modal)
    }

    /// A prompt for the capacity of `slot`, starting with `text` (its capacity now).
    static func capacity(_ slot: SlotID, text: String, _ context: AppContext) -> ShelvesPrompt {
        let load = context.shop.load(of: slot)
        let modal = Modal.prompt(title: " Capacity ", message: "Capacity of \(slot) (\(load) parcel\(load == 1 ? "" : "s") in it now):",
                                 text: text, placeholder: "1 to 999", confirmLabel: "Set", cancelLabel: "Cancel")
        return ShelvesPrompt(purpose: .capacity(slot), modal: modal)
    }

    /// The parcels of a move prompt (empty for a capacity prompt).
    var batch: [ParcelID] {
        if case .move(let batch) = purpose { batch } else { [] }
    }

    /// The text typed in the field.
    var text: String { modal.field?.text ?? "" }
}

/// How the last move or capacity change went, shown under the map.
public struct ShelvesNotice: Equatable, Sendable {
    public var text: String
    public var isProblem: Bool
}
