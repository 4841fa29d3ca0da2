import ButikGrid
import CNCursesW

extension CursesTerminal {
    /// The next key, or nil when `timeout` milliseconds pass without one (negative: wait
    /// until a key arrives; 0: only what is already there). A SIGINT/SIGTERM/SIGHUP received
    /// meanwhile is reported as `.interrupt` within 0.1 s. Time stamps are monotonic seconds.
    public func nextKey(timeout milliseconds: Int) -> KeyEvent? {
        guard isActive else { return nil }
        let window = self.window
        return reader.next(
            timeout: milliseconds,
            read: { wait in
                wtimeout(window, wait)
                var code: UInt32 = 0
                let result = butik_get_key(window, &code)
                guard result != ERR else { return nil }  // timeout, or a signal interrupted the read
                return RawKey(code: code, isFunctionKey: result == KEY_CODE_YES)
            },
            interrupted: { SignalGuard.takeQuitSignal() },
            now: MonotonicClock.now
        )
    }
}
