import CNCursesW

/// The process-wide part of owning the terminal: SIGINT/SIGTERM/SIGHUP become a flag the
/// input loop takes, and crashes or `exit()` without `restore()` still give the terminal back
/// (see the signal section of shim.h).
enum SignalGuard {
    /// Allocated once and never freed: a signal handler may read it at any moment. Touched
    /// only through the shim, from the curses thread and the handlers (sig_atomic_t fields).
    nonisolated(unsafe) private static let state: UnsafeMutablePointer<butik_emergency> = {
        guard let state = butik_emergency_new() else { fatalError("out of memory") }
        return state
    }()

    /// A terminal owns the handlers.
    static var isInstalled: Bool { butik_signal_installed(state) != 0 }

    /// Before newterm, so ncurses leaves SIGINT/SIGTERM alone; remembers fd's termios.
    static func install(terminalDescriptor: Int32) { butik_signal_install(state, terminalDescriptor) }

    static func uninstall() { butik_signal_uninstall(state) }

    /// After newterm: reads this terminal's reset strings and arms the emergency restore.
    static func arm() { butik_emergency_arm(state) }

    /// Before endwin: the proper restore is under way.
    static func disarm() { butik_emergency_disarm(state) }

    /// Takes a pending quit signal.
    static func takeQuitSignal() -> Bool { butik_signal_take(state) != 0 }
}
