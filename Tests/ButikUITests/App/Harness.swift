import ButikDomain
import ButikGrid
import ButikRuntime
import ButikStore
import ButikText
import ButikUI
import Foundation
import Testing

/// Runs the app the way the terminal loop does, over a real store in a temporary folder, with
/// a synthetic monotonic clock: every key reaches ``AppDriver/handle(_:)`` at its moment, and
/// while no key comes the driver is idled as often as ``AppDriver/waitMilliseconds(clock:)``
/// asks, so held keys are released and the store is refreshed as they would be live.
///
/// The folder is removed when the harness goes away.
final class Harness {
    /// 2026-11-23 11:00 in Oslo (a Monday).
    static let now = Date(timeIntervalSince1970: 1_795_428_000)
    static let staff: StaffID = "maria"
    /// The words the app is started with (a test runs in another language inside
    /// `Harness.$words.withValue(...)`).
    @TaskLocal static var words = Words.english

    /// The temporary folder holding the store folder.
    private let base: URL
    let folder: URL
    let store: ShopStore
    let driver: AppDriver
    /// Seconds on the synthetic monotonic clock.
    private(set) var clock = 1000.0
    private let startClock: Double
    /// Every effect the driver returned so far.
    private(set) var effects: [AppEffect] = []

    /// Opens a new store, fills it with the demo week when `demo` (then runs `setUp` on it,
    /// e.g. to add customers as a second program would), and starts the app on it. `reopened`
    /// opens the store again from a snapshot first, as the next start would: parcels closed two
    /// days before its last entry are then only in its history.
    init(demo: Bool = true, seed: UInt64 = 2019, layout: String = Harness.layoutJSON, reopened: Bool = false,
         setUp: (ShopStore) throws -> Void = { _ in }) throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("butik-ui-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        folder = base.appendingPathComponent("store")
        do {
            var opened = try ShopStore.open(folder: folder, defaultLayout: Data(layout.utf8))
            if demo {
                try opened.append(DemoShop.records(names: Harness.demoNames, layout: opened.layout, now: Harness.now, seed: seed))
            }
            try setUp(opened)
            if reopened {
                try opened.writeSnapshot()
                opened = try ShopStore.open(folder: folder, defaultLayout: Data(layout.utf8))
            }
            store = opened
        } catch {
            try? FileManager.default.removeItem(at: base)
            throw error
        }
        startClock = clock
        driver = AppDriver(store: StoreClient(store), staff: Harness.staff, now: Harness.now, clock: clock, words: Harness.words)
    }

    deinit {
        try? FileManager.default.removeItem(at: base)
    }

    /// The wall-clock time matching the synthetic clock.
    var now: Date { Harness.now.addingTimeInterval(clock - startClock) }

    var state: AppState { driver.state }

    // MARK: Input

    /// A key pressed by a person: 0.3 s after the last, then the app idles until no key is
    /// held as a possible scan.
    func press(_ key: Key) {
        deliver(key, after: 0.3)
        settle()
    }

    func press(_ keys: Key...) {
        for key in keys { press(key) }
    }

    /// Text typed by a person, 0.15 s a character, then the app idles until no key is held.
    func type(_ text: String) {
        for character in text { deliver(.character(character), after: 0.15) }
        settle()
    }

    /// A barcode scanner's burst: 10 ms a character, then Enter.
    func scan(_ code: String) {
        for character in code { deliver(.character(character), after: 0.01) }
        deliver(.enter, after: 0.01)
        settle()
    }

    /// Text pasted, or typed as fast as a scanner types: 10 ms a character, then Enter when
    /// `enter`.
    func paste(_ text: String, enter: Bool = false) {
        for character in text { deliver(.character(character), after: 0.01) }
        if enter { deliver(.enter, after: 0.01) }
        settle()
    }

    /// Has the driver bring the history file up to date in the background, as at start, until
    /// the returned function lets it finish (and waits until it has).
    func prepareHistoryUntilReleased() -> () -> Void {
        let release = DispatchSemaphore(value: 0)
        let preparation = HistoryPreparation()
        preparation.start { release.wait() }
        driver.historyPreparation = preparation
        return {
            release.signal()
            while preparation.isRunning { usleep(1000) }
        }
    }

    /// Lets `seconds` pass with no key, idling the app as the terminal loop would.
    func wait(_ seconds: Double) {
        advance(to: clock + seconds)
    }

    /// Idles the app until no key is held as a possible scan.
    func settle() {
        while driver.waitMilliseconds(clock: clock) < 250 {
            advance(to: clock + Double(driver.waitMilliseconds(clock: clock)) / 1000)
        }
    }

    /// The effects returned since the last call.
    func takeEffects() -> [AppEffect] {
        defer { effects = [] }
        return effects
    }

    // MARK: Output

    func frame(width: Int = 80, height: Int = 24) -> Screen {
        driver.frame(Size(width: width, height: height))
    }

    /// The frame's text lines, trailing spaces trimmed.
    func screen(width: Int = 80, height: Int = 24) -> [String] {
        frame(width: width, height: height).textLines
    }

    /// On the counter, the row of the ─── line over the card, parcel or hand-out (or of the
    /// notice drawn in its place): right under the results' header, their rows and the one
    /// blank line that ends them. Records an issue and returns 0 when there is no such line.
    func counterDetailRow(height: Int = 24, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let lines = screen(height: height)
        guard let header = lines.firstIndex(where: { $0.hasPrefix(" Key    Name / tracking ") }),
              let blank = lines[header...].firstIndex(of: ""), blank + 1 < lines.count else {
            Issue.record("no counter results ending in a blank line:\n\(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
            return 0
        }
        return blank + 1
    }

    // MARK: The loop

    /// Delivers `key` `gap` seconds after the current moment, idling the app in between as
    /// often as it asks.
    private func deliver(_ key: Key, after gap: Double) {
        advance(to: clock + gap)
        effects += driver.handle(KeyEvent(key, at: clock))
        effects += driver.idle(now: now, clock: clock)
    }

    /// Moves the clock to `target`, calling idle at every moment up to it at which the loop's
    /// key wait would time out.
    private func advance(to target: Double) {
        while true {
            let wait = Double(driver.waitMilliseconds(clock: clock)) / 1000
            guard clock + wait <= target else { break }
            clock += wait
            effects += driver.idle(now: now, clock: clock)
        }
        clock = target
    }
}

// MARK: - Shop fixtures

extension Harness {
    /// A copy of the default `Resources/shop.json`.
    static let layoutJSON = """
    {
      "schema": 1,
      "name": "Butik Klostergaten",
      "timeZone": "Europe/Oslo",
      "shelves": [
        { "id": "A", "slots": 8, "capacity": 6, "size": "small" },
        { "id": "B", "slots": 8, "capacity": 6, "size": "small" },
        { "id": "C", "slots": 8, "capacity": 6, "size": "small" },
        { "id": "D", "slots": 8, "capacity": 6, "size": "small" },
        { "id": "E", "slots": 8, "capacity": 6, "size": "small" },
        { "id": "F", "slots": 8, "capacity": 6, "size": "small" },
        { "id": "G", "slots": 4, "capacity": 3, "size": "large" }
      ],
      "overflow": { "id": "FLOOR", "name": "Floor / overflow" },
      "outbound": { "id": "OUT", "name": "Outbound to driver" },
      "defaultHoldDays": 7,
      "carriers": [
        { "id": "postnord", "name": "PostNord", "holdDays": 7 },
        { "id": "posten", "name": "Posten/Bring", "holdDays": 7 },
        { "id": "dhl", "name": "DHL", "holdDays": 7 },
        { "id": "ups", "name": "UPS", "holdDays": 7 },
        { "id": "amazon", "name": "Amazon", "holdDays": 14 },
        { "id": "instabox", "name": "Instabox", "holdDays": 7 }
      ]
    }
    """

    /// A few names, 64 combinations for the demo's 57 invented customers, and English texts
    /// (in every language, so a screen's words and the shop's data tell apart in a snapshot).
    static let demoNames: DemoNames = {
        let texts = """
        {
          "notes": ["Ring twice", "Collects for the office upstairs"],
          "jedsNote": "Comes by Vespa, have the parcels ready at the door",
          "alradieNote": "Often large parcels (furniture)",
          "kariNote": "Prefers Messenger",
          "son": "son",
          "askedOnMessenger": "Asks whether the parcel from Zalando has come",
          "claim": "Box crushed at one corner",
          "claimReported": "Reported to PostNord with photos",
          "booking": "Wants the sofa delivered home",
          "complaint": "Waited 20 minutes in the queue",
          "complaintResolved": "Apologised",
          "askedByEmail": "Asks about opening hours at Christmas",
          "redirect": "Parcel from Komplett to be redirected here"
        }
        """
        let json = """
        {
          "firstNames": ["Kari", "Ola", "Ingrid", "Bjørn", "Sigrid", "Håkon", "Liv", "Magnus"],
          "lastNames": ["Nordmann", "Hansen", "Johansen", "Larsen", "Berg", "Dahl", "Lie", "Haugen"],
          "texts": { "en": \(texts), "nb": \(texts), "sv": \(texts) }
        }
        """
        return try! JSONDecoder().decode(DemoNames.self, from: Data(json.utf8))
    }()

    /// A valid UPU S10 number for the serial (8 digits), e.g. `RR12345678 5 NO`.
    static func s10(_ serial: String, service: String = "RR", country: String = "NO") -> String {
        let weights = [8, 6, 4, 2, 3, 5, 9, 7]
        let sum = zip(weights, serial).reduce(0) { $0 + $1.0 * $1.1.wholeNumberValue! }
        let check = switch 11 - sum % 11 {
        case 10: 0
        case 11: 5
        case let digit: digit
        }
        return "\(service)\(serial)\(check)\(country)"
    }
}

extension ShopStore {
    /// Adds a customer as staff would at the counter.
    @discardableResult
    func addCustomer(_ customer: NewCustomer, at now: Date = Harness.now) throws -> Customer {
        try perform(staff: "siv", now: now) { state, context throws(DomainError) in
            try state.addCustomer(customer, context)
        }
    }

    /// Receives a parcel for a known customer.
    @discardableResult
    func receive(_ tracking: String, for customer: CustomerID, carrier: CarrierID = "posten",
                 at now: Date = Harness.now, staff: StaffID = "siv") throws -> Parcel {
        let parsed = try Tracking.parse(tracking).get()
        return try perform(staff: staff, now: now) { state, context throws(DomainError) in
            try state.receive(ReceiveRequest(tracking: parsed, recipient: .customer(customer), carrier: carrier), context)
        }.parcel
    }
}
