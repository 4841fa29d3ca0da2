import ButikDomain
import ButikStore
import Foundation

/// The one-year store of issue 10 at 10%, 50% and 100% of its history.
func benchmarkYear() throws {
    let cuts = try YearShop.generate(percents: [10, 50, 100], names: try demoNames())
    defer { for cut in cuts { try? FileManager.default.removeItem(at: cut.folder) } }
    for cut in cuts {
        print("at \(cut.percent)% (through \(cut.day)): \(cut.closed) parcels closed, \(cut.onHand) on hand, \(cut.customers) customers, \(cut.lines) journal lines")
    }
}
