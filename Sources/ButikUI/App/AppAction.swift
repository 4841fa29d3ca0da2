import ButikGrid
import ButikText

/// What the global keys do; one table gives the bindings, the help line and the help screen.
public enum AppAction: Sendable, Equatable {
    case help
    case show(AppTab)
    case quit
}

extension AppAction {
    /// The keys that work on every screen.
    public static func keyMap(_ words: Words) -> KeyMap<AppAction> {
        KeyMap<AppAction>([
            KeyBinding(.function(1), words.text("keys.app.help"), action: .help),
            quitBinding(words),
            KeyBinding(label: "F2-F7", words.text("keys.app.screens"), AppTab.allCases.map { ($0.key, .show($0)) }),
            quitAtOnce(words),
        ])
    }

    /// The keys that quit, which work under the help screen too.
    public static func quitKeys(_ words: Words) -> KeyMap<AppAction> { KeyMap<AppAction>([quitBinding(words), quitAtOnce(words)]) }

    private static func quitBinding(_ words: Words) -> KeyBinding<AppAction> {
        KeyBinding(.function(10), words.text("keys.app.quit"), action: AppAction.quit)
    }

    private static func quitAtOnce(_ words: Words) -> KeyBinding<AppAction> {
        KeyBinding(.interrupt, words.text("keys.app.quitAtOnce"), action: AppAction.quit, showsOnHelpLine: false)
    }
}
