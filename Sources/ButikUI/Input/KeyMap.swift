import ButikGrid

/// Keys a screen reacts to that share one line of help (`↑↓ select`, `1-4 identity`), each
/// key with its own action.
public struct KeyBinding<Action: Sendable>: Sendable {
    /// The keys, each with what it does.
    public var keys: [(key: Key, action: Action)]
    /// Short key name shown in help, e.g. `F2` or `↑↓`.
    public var label: String
    /// What the keys do, e.g. `Intake`.
    public var description: String
    /// False keeps the binding off the help line (it still shows on the help screen).
    public var showsOnHelpLine: Bool

    /// One key (`label` defaults to `key.label`).
    public init(_ key: Key, label: String? = nil, _ description: String, action: Action, showsOnHelpLine: Bool = true) {
        self.init(label: label ?? key.label, description, [(key, action)], showsOnHelpLine: showsOnHelpLine)
    }

    /// Several keys under one label, each with its action.
    public init(label: String, _ description: String, _ keys: [(key: Key, action: Action)], showsOnHelpLine: Bool = true) {
        self.keys = keys
        self.label = label
        self.description = description
        self.showsOnHelpLine = showsOnHelpLine
    }

    /// Several keys under one label doing the same.
    public init(_ keys: [Key], label: String, _ description: String, action: Action, showsOnHelpLine: Bool = true) {
        self.init(label: label, description, keys.map { ($0, action) }, showsOnHelpLine: showsOnHelpLine)
    }

    /// How the binding shows in help.
    public var helpEntry: HelpEntry { HelpEntry(label: label, description: description) }

    /// The same keys and help with each action changed by `transform`.
    public func map<Other>(_ transform: (Action) -> Other) -> KeyBinding<Other> {
        KeyBinding<Other>(label: label, description, keys.map { ($0.key, transform($0.action)) }, showsOnHelpLine: showsOnHelpLine)
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

    /// Cells `entries` take on one line.
    static func width(of entries: [HelpEntry]) -> Int {
        entries.map(\.displayWidth).reduce(0, +) + gap * max(0, entries.count - 1)
    }

    /// The leading entries that fit in `width` cells with `gap` between them; stops at the
    /// first that does not fit, so a less important entry never displaces a more important one.
    /// When not all fit and `more` is given, room is kept for it at the end (unless it is
    /// among those that fit), so the line always says where the rest is.
    public static func fitting(_ entries: [HelpEntry], width: Int, more: HelpEntry? = nil) -> [HelpEntry] {
        guard Self.width(of: entries) > width else { return entries }
        let room = more.map { width - gap - $0.displayWidth } ?? width
        var fitted: [HelpEntry] = []
        for entry in entries {
            guard Self.width(of: fitted + [entry]) <= room else { break }
            fitted.append(entry)
        }
        guard let more, !fitted.contains(where: { $0.label == more.label }), more.displayWidth <= width else { return fitted }
        return fitted + [more]
    }
}

/// The key bindings of a screen in one mode, most important first. One table gives the action
/// for a key, the help line and the help screen: a key no binding has does nothing, except
/// in a mode with a text field, where it is typed into the field (``typing``).
public struct KeyMap<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]
    /// What typing does in this mode, e.g. `search`: printable characters and the field's
    /// editing keys (←→, Backspace, Ctrl-U, …) that no binding has go into its text field.
    /// Nil when the mode has no field.
    public var typing: String?
    /// What a barcode scan does in this mode, for help (scans arrive as scans, not keys).
    public var scan: String?
    /// How the work of the screen goes, a few sentences for the help screen.
    public var flow: String?

    public init(_ bindings: [KeyBinding<Action>], typing: String? = nil, scan: String? = nil, flow: String? = nil) {
        self.bindings = bindings
        self.typing = typing
        self.scan = scan
        self.flow = flow
    }

    /// The action of the first binding for `key`.
    public func action(for key: Key) -> Action? {
        for binding in bindings {
            if let match = binding.keys.first(where: { $0.key == key }) { return match.action }
        }
        return nil
    }

    /// Whether a binding has `key`.
    public func binds(_ key: Key) -> Bool { action(for: key) != nil }

    /// Typing and scanning as help entries, when the mode takes them.
    private var inputEntries: [HelpEntry] {
        [typing.map { HelpEntry(label: "type", description: $0) }, scan.map { HelpEntry(label: "scan", description: $0) }]
            .compactMap { $0 }
    }

    /// All help-line entries, most important first: typing, scanning, then the bindings.
    public var helpLineEntries: [HelpEntry] {
        inputEntries + bindings.filter(\.showsOnHelpLine).map(\.helpEntry)
    }

    /// Every entry for the help screen: typing, scanning, then every binding.
    public var helpEntries: [HelpEntry] {
        inputEntries + bindings.map(\.helpEntry)
    }

    /// The help-line entries that fit in `width` cells (see `HelpEntry.fitting`).
    public func helpLine(width: Int) -> [HelpEntry] {
        HelpEntry.fitting(helpLineEntries, width: width)
    }

    /// Every help entry as a help-screen row: labels in a column as wide as the widest (at
    /// most a third of `width`), two spaces, then the description, wrapped under itself.
    public func helpScreenLines(width: Int) -> [String] {
        let entries = helpEntries
        let labelWidth = min(entries.map(\.label.displayWidth).max() ?? 0, width / 3)
        let indent = String(repeating: " ", count: labelWidth + 2)
        return entries.flatMap { entry in
            let label = entry.label.truncated(toWidth: labelWidth).padded(toWidth: labelWidth) + "  "
            let text = width - indent.count > 0 ? entry.description.wrapped(toWidth: width - indent.count) : []
            return text.enumerated().map { ($0.offset == 0 ? label : indent) + $0.element }
        }
    }

    /// This mode's bindings, then `other`'s (for keys that work in every mode); typing,
    /// scanning and the flow are this mode's.
    public func followed(by other: KeyMap<Action>) -> KeyMap<Action> {
        KeyMap(bindings + other.bindings, typing: typing, scan: scan, flow: flow)
    }

    /// The same table with each action changed by `transform`.
    public func map<Other>(_ transform: (Action) -> Other) -> KeyMap<Other> {
        KeyMap<Other>(bindings.map { $0.map(transform) }, typing: typing, scan: scan, flow: flow)
    }
}
