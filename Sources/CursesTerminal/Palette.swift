import ButikGrid

/// Whether the terminal paints in colour.
public enum ColorMode: Sendable, Equatable {
    /// Colour unless the `NO_COLOR` environment variable is set (non-empty) or the terminal has none.
    case auto
    case color
    /// Monochrome: roles become bold / reverse / underline / dim.
    case none

    /// Decides `.auto`; see https://no-color.org.
    public func usesColor(environment: [String: String], terminalHasColors: Bool) -> Bool {
        switch self {
        case .color: return terminalHasColors
        case .none: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return terminalHasColors
        }
    }
}

/// Text attributes, independent of curses' bit layout.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let reverse = CellAttributes(rawValue: 1 << 1)
    public static let underline = CellAttributes(rawValue: 1 << 2)
    public static let dim = CellAttributes(rawValue: 1 << 3)
}

/// The eight basic curses colours, and the terminal's own default (-1, via use_default_colors).
public enum TerminalColor: Int16, Sendable {
    case terminalDefault = -1
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How one role looks: colours (used only in colour mode) and attributes.
public struct RoleAppearance: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: CellAttributes

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
                attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Maps colour roles to curses colour pairs and attributes.
///
/// Colour mode: one pair per role, numbered `role.rawValue + 1` (pair 0 is the terminal
/// default and cannot be redefined). Monochrome: pair 0 everywhere and each role is told apart
/// by attributes alone, so warnings, errors and the selection stay readable under NO_COLOR.
public struct Palette: Sendable, Equatable {
    public let usesColor: Bool

    public init(usesColor: Bool) { self.usesColor = usesColor }

    public static let color = Palette(usesColor: true)
    public static let monochrome = Palette(usesColor: false)

    public func appearance(of role: ColorRole) -> RoleAppearance {
        usesColor ? Self.colorAppearance(role) : RoleAppearance(attributes: Self.monochromeAttributes(role))
    }

    /// The curses colour pair for a role: 0 in monochrome.
    public func pair(for role: ColorRole) -> Int16 {
        usesColor ? Int16(role.rawValue) + 1 : 0
    }

    /// Attributes and pair for a cell's style: the role's own attributes plus the style's flags.
    public func rendition(of style: Style) -> (attributes: CellAttributes, pair: Int16) {
        var attributes = appearance(of: style.role).attributes
        if style.bold { attributes.insert(.bold) }
        if style.reverse { attributes.insert(.reverse) }
        if style.underline { attributes.insert(.underline) }
        return (attributes, pair(for: style.role))
    }

    static func colorAppearance(_ role: ColorRole) -> RoleAppearance {
        switch role {
        case .normal: RoleAppearance()
        case .accent: RoleAppearance(foreground: .cyan)
        case .ok: RoleAppearance(foreground: .green)
        case .warning: RoleAppearance(foreground: .yellow, attributes: .bold)
        case .danger: RoleAppearance(foreground: .red, attributes: .bold)
        case .muted: RoleAppearance(attributes: .dim)
        case .selection: RoleAppearance(foreground: .black, background: .cyan)
        case .title: RoleAppearance(attributes: .bold)
        }
    }

    static func monochromeAttributes(_ role: ColorRole) -> CellAttributes {
        switch role {
        case .normal, .ok: []
        case .accent, .title: .bold
        case .warning: .underline
        case .danger: [.bold, .underline]
        case .muted: .dim
        case .selection: .reverse
        }
    }
}
