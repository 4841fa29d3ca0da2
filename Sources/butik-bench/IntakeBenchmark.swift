import ButikDomain
import ButikRuntime
import ButikStore
import ButikUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One intake through the real app path (validate, assign, durable append, state update,
/// redraw) at 5,000 parcels on hand and 20,000 customers, beside a bare append + fdatasync of
/// the same bytes; and recipient suggestions per keystroke.
func benchmarkIntake() throws {
    let now = Date()
    let shop = try BigShop(customers: 20_000, onHand: 5_000, names: try demoNames(), now: now)
    defer { shop.remove() }
    let terminal = try measureIntake(shop.store, customers: shop.customers, now: now, at: "at 5,000 parcels on hand and 20,000 customers")
    // Suggestions: typing a recipient's name in the intake screen, one keystroke at a time.
    var typing = Timings()
    let names = ["Ingrid Ole Hansen", "schjonningsen", "mæland", "Åse", "jan fredrik", "ødegård sigrid", "KARI", "Solveig Tove Berg",
                 "hatlestad", "Linnéa", "ZZZ nobody", "per olav", "912", "Torbjørn Strand", "rønneberg", "aasen liv"]
    for (n, name) in names.enumerated() {
        for character in "SUGGEST\(10_000 + n)" { terminal.press(.character(character)) }
        terminal.press(.enter)
        terminal.typeTimed(name, into: &typing)
        terminal.press(.escape)
    }
    print("recipient suggestions per keystroke over 20,000 customers (key handling + suggestions + redraw)")
    print("  \(typing.summary)")
}

/// Intakes through the app driver on `store` (`BUTIK_BENCH_INTAKES`, default 400) beside a
/// bare append + fdatasync of journal-sized lines in the same folder, printed with `at` (where
/// the store stands); returns the terminal, in the intake screen.
@discardableResult
func measureIntake(_ store: ShopStore, customers: [Customer], now: Date, at: String) throws -> BenchTerminal {
    let count = Int(ProcessInfo.processInfo.environment["BUTIK_BENCH_INTAKES"] ?? "") ?? 400
    // Manifest entries make each scan complete at once: the path measured is the intake itself.
    let entries = (0..<count).map { n in
        ManifestEntry(line: n + 2, tracking: S10Sample.make(n), name: customers[(n * 13) % customers.count].name)
    }
    _ = try store.perform(staff: StaffID(stored: "bench"), now: now) { state, context in state.expect(entries, context) }

    let terminal = BenchTerminal(AppDriver(store: StoreClient(store), staff: StaffID(stored: "bench"), now: now, clock: 1000), now: now)
    terminal.press(.function(3))
    terminal.press(.enter) // start a delivery with the first carrier
    precondition(store.state.openDelivery(of: StaffID(stored: "bench")) != nil, "the delivery did not start")

    let before = store.state.inShopCount
    var intake = Timings()
    var handling = Timings(), drawing = Timings()  // the two parts of each intake
    for entry in entries {
        terminal.burst(entry.tracking.number.value)
        intake.samples.append(terminal.endBurst(handling: &handling, drawing: &drawing))
    }
    precondition(store.state.inShopCount == before + count, "not every intake landed")

    // The bare append: the same number of journal-sized lines, each appended and synced.
    let lineBytes = try Data(contentsOf: journalFiles(store.folder).last!).split(separator: UInt8(ascii: "\n")).last!.count + 1
    let barePath = store.folder.appendingPathComponent("bare.jsonl").path
    let fd = open(barePath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    precondition(fd >= 0)
    let line = [UInt8](repeating: UInt8(ascii: "x"), count: lineBytes - 1) + [UInt8(ascii: "\n")]
    let bare = Timings.measure(count) {
        line.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
        fdatasync(fd)
    }
    close(fd)

    print("intake \(at) (\(count) scans, journal line \(lineBytes) bytes)")
    print("  intake (validate, assign, append + fdatasync, update, redraw): \(intake.summary)")
    print("  bare append + fdatasync of the same bytes:                      \(bare.summary)")
    print(String(format: "  ratio at p99: %.2fx", intake.percentile(0.99) / bare.percentile(0.99)))
    print("  of which the key handling with the durable write: \(handling.summary)")
    print("  and the redraw of the screen model:               \(drawing.summary)")
    return terminal
}

/// Valid S10 numbers for benchmarks.
enum S10Sample {
    static func make(_ n: Int) -> ParsedTracking {
        guard case .success(let parsed) = Tracking.parse("RR\(String(format: "%08d", 20_000_000 + n))" + check(20_000_000 + n) + "SE") else {
            fatalError("bad sample")
        }
        return parsed
    }

    private static func check(_ serial: Int) -> String {
        let digits = String(format: "%08d", serial).compactMap(\.wholeNumberValue)
        let sum = zip(digits, [8, 6, 4, 2, 3, 5, 9, 7]).map(*).reduce(0, +)
        let c = 11 - sum % 11
        return c == 10 ? "0" : c == 11 ? "5" : "\(c)"
    }
}
