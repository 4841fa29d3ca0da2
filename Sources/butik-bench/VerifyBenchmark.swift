import ButikDomain
import ButikStore
import Foundation

/// Verifying every journal line's checksum and sequence number, as each snapshot does first.
func benchmarkVerify() throws {
    let shop = try BigShop(customers: 20_000, onHand: 5_000, names: try demoNames(), now: Date())
    defer { shop.remove() }
    let bytes = Double(try journalBytes(shop.folder))
    let timings = try Timings.measure(20) {
        if let problem = try shop.store.verifyJournal() { throw problem }
    }
    let megabytes = bytes / 1_000_000
    print(String(format: "verify the journal (%d lines, %.1f MB): ", shop.store.lastSequence, megabytes) + timings.summary)
    print(String(format: "  %.0f MB/s at p50", megabytes / (timings.percentile(0.5) / 1000)))
}
