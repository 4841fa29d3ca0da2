import ButikGrid
import ButikRuntime
import ButikUI
import Foundation

/// The app driver with a synthetic clock, fed like the terminal loop feeds it: people type at
/// human speed, a scanner types in a 5 ms a character burst ending in Enter.
final class BenchTerminal {
    let driver: AppDriver
    let now: Date
    let size = Size(width: 100, height: 30)
    private(set) var clock = 1000.0

    init(_ driver: AppDriver, now: Date) {
        self.driver = driver
        self.now = now
    }

    /// A key pressed by a person, with the idle time after it.
    func press(_ key: Key) {
        clock += 0.3
        _ = driver.handle(KeyEvent(key, at: clock))
        idle()
    }

    /// A scanner's burst of `code` up to, not including, its final Enter.
    func burst(_ code: String) {
        for character in code {
            clock += 0.005
            _ = driver.handle(KeyEvent(.character(character), at: clock))
        }
        clock += 0.005
    }

    /// The Enter that ends a burst, then a redraw; returns how long the two took in ms, and
    /// adds the parts to `handling` and `drawing`.
    func endBurst(handling: inout Timings, drawing: inout Timings) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = driver.handle(KeyEvent(.enter, at: clock))
        handling.append(since: start)
        let drawn = DispatchTime.now().uptimeNanoseconds
        _ = driver.frame(size)
        drawing.append(since: drawn)
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        clock += 0.4
        idle()
        return total
    }

    /// Types `text` at human speed, timing each key from arrival to the end of the redraw;
    /// returns each key's time with the text typed so far.
    @discardableResult
    func typeTimed(_ text: String, into timings: inout Timings) -> [(typed: String, ms: Double)] {
        var keys: [(typed: String, ms: Double)] = []
        for (offset, character) in text.enumerated() {
            clock += 0.15
            let start = Moment()
            _ = driver.handle(KeyEvent(.character(character), at: clock))
            _ = driver.idle(now: now, clock: clock + 0.06)
            _ = driver.frame(size)
            timings.append(since: start)
            keys.append((String(text.prefix(offset + 1)), timings.samples.last!))
        }
        return keys
    }

    private func idle() {
        clock += 0.06
        _ = driver.idle(now: now, clock: clock)
    }
}
