/// What the global keys do; one table gives the bindings, the help line and the help screen.
public enum AppAction: Sendable, Equatable {
    case help
    case show(AppTab)
    case quit
}

extension AppAction {
    /// The keys that work on every screen.
    public static let keyMap = KeyMap<AppAction>([
        KeyBinding(.function(1), "help", action: .help),
    ] + AppTab.allCases.map { tab in
        KeyBinding(tab.key, tab.title.lowercased(), action: .show(tab), showsOnHelpLine: false)
    } + [
        KeyBinding(.function(10), "quit", action: .quit),
    ])
}
