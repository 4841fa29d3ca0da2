import ButikGrid

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
        quitBinding,
        KeyBinding(label: "F2-F7", "screens", AppTab.allCases.map { ($0.key, .show($0)) }),
        quitAtOnce,
    ])

    /// The keys that quit, which work under the help screen too.
    public static let quitKeys = KeyMap<AppAction>([quitBinding, quitAtOnce])

    private static let quitBinding = KeyBinding(.function(10), "quit", action: AppAction.quit)
    private static let quitAtOnce = KeyBinding(.interrupt, "quit at once", action: AppAction.quit, showsOnHelpLine: false)
}
