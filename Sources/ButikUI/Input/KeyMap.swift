import ButikGrid

/// One key a screen reacts to, with how it is shown in help.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var key: Key
    /// Short key name shown in help, e.g. `F2` (defaults to `key.label`).
    public var label: String
    /// What the key does, e.g. `Intake`.
    public var description: String
    /// The caller's action value (typically its own enum).
    public var action: Action
    /// False keeps the binding off the help line (it still shows on the help screen).
    public var showsOnHelpLine: Bool

    public init(_ key: Key, label: String? = nil, _ description: String, action: Action, showsOnHelpLine: Bool = true) {
        self.key = key
        self.label = label ?? key.label
        self.description = description
        self.action = action
        self.showsOnHelpLine = showsOnHelpLine
    }
}

/// A key and its description as shown in help.
public struct HelpEntry: Hashable, Sendable {
    public var label: String
    public var description: String

    public init(label: String, description: String) {
        self.label = label
        self.description = description
    }

    /// Cells between two entries on the help line.
    public static let gap = 2

    /// Cells this entry takes on the help line: label, a space, description.
    public var displayWidth: Int { label.displayWidth + 1 + description.displayWidth }

    /// The leading entries that fit in `width` cells with `gap` between them; stops at the
    /// first that does not fit, so a less important entry never displaces a more important one.
    public static func fitting(_ entries: [HelpEntry], width: Int) -> [HelpEntry] {
        var used = -gap
        var fitted: [HelpEntry] = []
        for entry in entries {
            used += gap + entry.displayWidth
            if used > width { break }
            fitted.append(entry)
        }
        return fitted
    }
}

/// The key bindings of a screen, most important first. One table gives the action for a
/// key, the help line and the help screen.
public struct KeyMap<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The action of the first binding for `key`.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.key == key }?.action
    }

    /// All help-line entries, most important first.
    public var helpLineEntries: [HelpEntry] {
        bindings.filter(\.showsOnHelpLine).map { HelpEntry(label: $0.label, description: $0.description) }
    }

    /// The help-line entries that fit in `width` cells (see `HelpEntry.fitting`).
    public func helpLine(width: Int) -> [HelpEntry] {
        HelpEntry.fitting(helpLineEntries, width: width)
    }

    /// Every binding as a help-screen row: labels in a column as wide as the widest
    /// (at most a third of `width`), two spaces, then the description, cut to `width`.
    public func helpScreenLines(width: Int) -> [String] {
        let labelWidth = min(bindings.map(\.label.displayWidth).max() ?? 0, width / 3)
        return bindings.map { binding in
            let line = binding.label.padded(toWidth: labelWidth) + "  " + binding.description
            return line.truncated(toWidth: width)
        }
    }
}
