import ButikDomain
import ButikResources
import ButikStore
import Foundation

// Benchmarks for docs/performance.md. Build and run in release mode:
//   swift run -c release butik-bench open
// Each benchmark prints its figures; nothing here is asserted.

func temporaryFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("butik-bench-\(name)-\(UUID().uuidString)", isDirectory: true)
}

func demoNames() throws -> DemoNames {
    try JSONDecoder().decode(DemoNames.self, from: Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json")))
}

/// Opening the demo store: snapshot plus journal tail, as every verb and the UI do.
func benchmarkOpen() throws {
    let folder = temporaryFolder("open")
    defer { try? FileManager.default.removeItem(at: folder) }
    let layoutData = try Data(contentsOf: ButikResources.defaultShopLayout)
    let store = try ShopStore.open(folder: folder, defaultLayout: layoutData)
    let records = DemoShop.records(names: try demoNames(), layout: store.layout, now: Date())
    try store.append(records)
    let withoutSnapshot = try Timings.measure(30) { _ = try ShopStore.open(folder: folder, defaultLayout: layoutData) }
    try store.writeSnapshot()
    let withSnapshot = try Timings.measure(30) { _ = try ShopStore.open(folder: folder, defaultLayout: layoutData) }
    print("open demo store (\(records.count) journal records, \(store.state.parcelsInShop.count) parcels in shop, \(store.state.customers.count) customers)")
    print("  journal replay, no snapshot: \(withoutSnapshot.summary)")
    print("  snapshot + tail:             \(withSnapshot.summary)")
}

let benchmarks: [String: () throws -> Void] = [
    "open": benchmarkOpen, "intake": benchmarkIntake, "counter": benchmarkCounter, "verify": benchmarkVerify,
    "history": benchmarkHistory, "year": benchmarkYear, "yearstore": keepYearStore, "erase": benchmarkErase,
    "customerlog": benchmarkCustomerLog,
]
let chosen = CommandLine.arguments.dropFirst()
if chosen.first == "--child", chosen.count >= 2 {
    try childRun(chosen[chosen.startIndex + 1], Array(chosen.dropFirst(2)))
}
for name in chosen.isEmpty ? benchmarks.keys.sorted() : Array(chosen) {
    guard let run = benchmarks[name] else {
        FileHandle.standardError.write(Data("unknown benchmark \(name); known: \(benchmarks.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    try run()
}
