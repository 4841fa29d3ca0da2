import ButikDomain
import ButikGrid

/// The shelves screen's keys: one table for the map, one for the slot's list, one for the
/// find field and one for the move and capacity prompts.
extension ShelvesScreen {
    /// What a key does on the shelves screen.
    enum Action: Sendable, Equatable {
        case slot(Key), parcel(Key), move, capacity, find, switchFocus, clear
        case keepFound, clearFind
        case submitPrompt, cancelPrompt
    }

    /// How the shelves' work goes, for F1.
    static let flow = "The map shows each slot with how full it is and the keys in it; the selected slot's "
        + "parcels are listed below (Tab moves there). To move parcels, scan them (or m for the selected slot's, "
        + "or the parcel chosen in the list), then type the slot they go to and Enter. c changes the selected "
        + "slot's capacity; / finds the slots of a customer or parcel."

    /// The keys of the current mode.
    var keys: KeyMap<Action> {
        let cancel = KeyBinding(.escape, "cancel", action: Action.cancelPrompt)
        switch prompt?.purpose {
        case .move: return KeyMap([KeyBinding(.enter, "move", action: .submitPrompt), cancel], typing: "the slot", scan: "add a parcel", flow: Self.flow)
        case .capacity: return KeyMap([KeyBinding(.enter, "set", action: .submitPrompt), cancel], typing: "the capacity", flow: Self.flow)
        case nil: break
        }
        if finding {
            return KeyMap([KeyBinding(.enter, "keep and back to the map", action: .keepFound), KeyBinding(.escape, "clear", action: .clearFind)],
                          typing: "key, name or tracking number", scan: "move", flow: Self.flow)
        }
        var bindings: [KeyBinding<Action>] = switch focus {
        case .map: [KeyBinding(label: "←→↑↓", "slot", [Key.left, .right, .up, .down].map { ($0, .slot($0)) }),
                    KeyBinding(label: "Home End", "the first, the last slot of the shelf", [Key.home, .end].map { ($0, .slot($0)) },
                               showsOnHelpLine: false),
                    KeyBinding(.character("m"), "move all", action: .move)]
        case .list: KeyBinding<Action>.list("parcel", Action.parcel) + [KeyBinding(.character("m"), "move it", action: .move)]
        }
        bindings += [KeyBinding(.character("c"), "capacity", action: .capacity),
                     KeyBinding(.character("/"), "find", action: .find),
                     KeyBinding(.tab, focus == .map ? "list" : "map", action: .switchFocus)]
        if notice != nil || !findField.text.isEmpty || focus == .list { bindings.append(KeyBinding(.escape, "clear", action: .clear)) }
        return KeyMap(bindings, scan: "move", flow: Self.flow)
    }

    /// Performs a binding of ``keys``.
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect] {
        switch action {
        case .slot(let key): moveSelection(key, context)
        case .parcel(let key): _ = list.handle(key, in: table(context))
        case .move: return openMove(context)
        case .capacity: return openCapacity(context)
        case .find:
            finding = true
            focus = .map
        case .switchFocus:
            focus = focus == .map ? .list : .map
            list = ListSelection()
        case .clear:
            clearFind()
            notice = nil
            focus = .map
        case .keepFound: finding = false
        case .clearFind: clearFind()
        case .submitPrompt: return submitPrompt(context)
        case .cancelPrompt:
            prompt = nil
            notice = nil
        }
        return []
    }

    /// A key no binding has: typed into the prompt's field or the find field.
    mutating func type(_ key: Key, _ context: AppContext) {
        if var open = prompt {
            if open.modal.edit(key) { prompt = open }
        } else if finding, findField.handle(key) {
            refreshFound(context)
            if let first = found.first { select(first, context) }
        }
    }
}
