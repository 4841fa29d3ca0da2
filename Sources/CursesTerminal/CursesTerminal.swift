import ButikGrid
import CNCursesW
import Foundation

public enum CursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// ncurses could not start (typically an unknown TERM).
    case cannotStart(term: String)
    /// Another CursesTerminal still owns the terminal (ncurses is process-global).
    case alreadyActive

    public var description: String {
        switch self {
        case .notATerminal: "butik needs a terminal: standard input and output must be a tty"
        case .cannotStart(let term): "cannot start the terminal (TERM=\(term))"
        case .alreadyActive: "the terminal is already in use"
        }
    }
}

/// The real terminal, through ncursesw. The only code in Butik that touches curses.
///
/// Not thread-safe (nor Sendable): create, use and restore it on one thread.
/// `restore()` must run on every way out; it is idempotent, also runs from `deinit` and, as a
/// last resort, from an `atexit` hook and from crash-signal handlers (termios and the
/// terminal's reset strings only). SIGINT, SIGTERM and SIGHUP arrive from `nextKey` as
/// `.interrupt`, like Ctrl-C, so the app quits the normal way.
public final class CursesTerminal {
    public let palette: Palette
    let window: UnsafeMutablePointer<WINDOW>
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    var reader = KeyReader()
    private(set) var isActive = true
    private var cursorVisible: Bool?
    private var lastSize: Size

    /// Starts curses on this process's terminal (standard input and output).
    public convenience init(colors: ColorMode = .auto) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CursesTerminalError.notATerminal
        }
        // Own descriptors, so closing our FILEs at restore leaves the process's 0 and 1 open.
        guard let output = Self.open(duplicateOf: STDOUT_FILENO, mode: "w") else {
            throw CursesTerminalError.notATerminal
        }
        guard let input = Self.open(duplicateOf: STDIN_FILENO, mode: "r") else {
            fclose(output)
            throw CursesTerminalError.notATerminal
        }
        try self.init(colors: colors, output: output, input: input,
                      environment: ProcessInfo.processInfo.environment)
    }

    /// Starts curses on the given streams, which it then owns (closed by `restore`).
    /// Tests pass /dev/null with TERM, LINES and COLUMNS set.
    init(colors: ColorMode, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
         environment: [String: String]) throws {
        guard !SignalGuard.isInstalled else {
            fclose(output); fclose(input)
            throw CursesTerminalError.alreadyActive
        }
        Self.selectUTF8Locale()
        // Before newterm, so ncurses sees our SIGINT/SIGTERM handlers and leaves them alone.
        SignalGuard.install(terminalDescriptor: fileno(output))
        guard let screen = newterm(nil, output, input), let window = butik_stdscr() else {
            SignalGuard.uninstall()
            fclose(output); fclose(input)
            throw CursesTerminalError.cannotStart(term: environment["TERM"] ?? "")
        }
        self.screen = screen
        self.window = window
        self.output = output
        self.input = input

        raw()            // Ctrl-C, Ctrl-Z, Ctrl-S arrive as keys
        noecho()
        nonl()           // Enter arrives as 13; no CR/LF translation on output
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25) // ms to tell a lone Esc from the start of a key sequence
        Self.defineAlternativeKeys()

        let usesColor = colors.usesColor(environment: environment, terminalHasColors: has_colors())
        palette = Palette(usesColor: usesColor)
        if usesColor { Self.startColors(palette) }
        lastSize = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        setCursor(visible: false)
        SignalGuard.arm()
    }

    deinit { restore() }

    /// The terminal's size in cells; after `.resize` it is the new size.
    public var size: Size {
        if isActive { lastSize = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }
        return lastSize
    }

    public func beep() {
        guard isActive else { return }
        _ = CNCursesW.beep()
    }

    /// Gives the terminal back (endwin): modes, cursor, main screen. Idempotent.
    public func restore() {
        guard isActive else { return }
        isActive = false
        SignalGuard.disarm()
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
        SignalGuard.uninstall()
    }

    private static func open(duplicateOf descriptor: Int32, mode: String) -> UnsafeMutablePointer<FILE>? {
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { return nil }
        guard let file = fdopen(duplicate, mode) else {
            close(duplicate)
            return nil
        }
        return file
    }

    func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    /// A UTF-8 locale, so Æ Ø Å and CJK are read and drawn as characters. When the
    /// environment names none (cron, a bare tmux, ssh without locale forwarding), C.UTF-8:
    /// a counter terminal is UTF-8, and the alternative is "M-^E" in place of "å".
    private static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        if butik_locale_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// Home and End are sent differently by xterm (normal and application mode), rxvt and
    /// screen/tmux; teach ncurses the common ones its terminfo entry does not already bind.
    private static func defineAlternativeKeys() {
        let bindings: [(String, Int32)] = [
            ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME),
            ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
        ]
        for (sequence, code) in bindings where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }

    /// One colour pair per role; the terminal's own colours where it allows (use_default_colors).
    private static func startColors(_ palette: Palette) {
        start_color()
        let defaults = use_default_colors() == OK
        for role in ColorRole.allCases {
            let look = palette.appearance(of: role)
            var foreground = look.foreground.rawValue, background = look.background.rawValue
            if !defaults {
                if foreground < 0 { foreground = TerminalColor.white.rawValue }
                if background < 0 { background = TerminalColor.black.rawValue }
            }
            init_pair(palette.pair(for: role), foreground, background)
        }
    }
}
