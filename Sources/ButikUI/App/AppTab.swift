import ButikGrid
import ButikText

/// The screens of the app, each on its function key.
public enum AppTab: Int, CaseIterable, Sendable {
    case counter, intake, shelves, queue, customers, reports

    /// The screen's name on the tab bar.
    public func title(_ words: Words) -> String {
        switch self {
        case .counter: words.text("tab.counter")
        case .intake: words.text("tab.intake")
        case .shelves: words.text("tab.shelves")
        case .queue: words.text("tab.queue")
        case .customers: words.text("tab.customers")
        case .reports: words.text("tab.reports")
        }
    }

    /// F2 ... F7.
    public var key: Key { .function(rawValue + 2) }
}
