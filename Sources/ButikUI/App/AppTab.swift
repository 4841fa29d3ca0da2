import ButikGrid

/// The screens of the app, each on its function key.
public enum AppTab: Int, CaseIterable, Sendable {
    case counter, intake, shelves, queue, customers, reports

    public var title: String {
        switch self {
        case .counter: "Counter"
        case .intake: "Intake"
        case .shelves: "Shelves"
        case .queue: "Queue"
        case .customers: "Customers"
        case .reports: "Reports"
        }
    }

    /// F2 ... F7.
    public var key: Key { .function(rawValue + 2) }
}
