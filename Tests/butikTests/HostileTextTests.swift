import ButikDomain
import ButikStore
import Foundation
import Testing

/// Hostile text (escape sequences, C1 controls, bidi controls, very long, combining and
/// right-to-left strings) in every field the store keeps and every argument: no output of any
/// verb, on standard output or standard error, carries a control character (but the newline)
/// or a bidi control, and `--json` stays JSON that gives the stored text back exactly.
///
/// Bounded by default: the fields take the strings in turn, so every string and every field
/// is used once. `BUTIK_HOSTILE_ALL=1` puts every string in every field.
@Suite struct HostileTextTests {
    static let strings: [String] = [
        "\u{1B}]0;pwned\u{07}",                       // OSC: sets the terminal's title
        "Ola \u{1B}[2J\u{1B}[H",                      // CSI: clears the screen
        "x\u{9B}31mred\u{9B}0m",                      // C1 CSI
        "Åse \u{202E}greB\u{202C}",                   // right-to-left override
        "\u{2066}isolate\u{2069} \u{200F}mark",       // bidi isolate and mark
        "line\nbreak\r\ntab\there\u{2028}",           // line breaks and a tab
        "del\u{7F} nel\u{85} bell\u{07}",
        "Ole\u{301}\u{301}\u{301} Zalgo\u{336}\u{336}",  // combining marks
        "محمد الأحمد",                                 // right-to-left text
        String(repeating: "Å\u{1B}[0m", count: 600),  // very long
    ]

    /// One round per string with `BUTIK_HOSTILE_ALL=1`, else one round over all of them.
    static let rounds: [[String]] =
        ProcessInfo.processInfo.environment["BUTIK_HOSTILE_ALL"] == "1" ? strings.map { [$0] } : [strings]

    /// The scalars in `text` that must not reach a terminal: C0 controls but the newline, DEL,
    /// C1, bidi controls and the Unicode line and paragraph separators.
    static func unsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Checks one run: nothing unsafe on either stream, something said, the expected status.
    @discardableResult
    static func inert(_ run: Butik.Run, _ args: [String], status: Int32? = nil, json: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) -> Butik.Run {
        let what = args.map { String($0.prefix(30)).debugDescription }.joined(separator: " ")
        #expect(unsafe(run.stdout).isEmpty, "stdout of \(what): \(unsafe(run.stdout))", sourceLocation: sourceLocation)
        #expect(unsafe(run.stderr).isEmpty, "stderr of \(what): \(unsafe(run.stderr))", sourceLocation: sourceLocation)
        #expect(!(run.stdout + run.stderr).isEmpty, "\(what) said nothing", sourceLocation: sourceLocation)
        if let status { #expect(run.status == status, "\(what): \(run.stderr.prefix(300))", sourceLocation: sourceLocation) }
        if json, run.status == 0 {
            #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil,
                    "\(what) --json is no JSON: \(run.stdout.prefix(300))", sourceLocation: sourceLocation)
        }
        return run
    }

    /// Hands out the strings in turn.
    final class Rotation {
        private let strings: [String]
        private var next = 0
        init(_ strings: [String]) { self.strings = strings }
        func pick() -> String {
            defer { next += 1 }
            return strings[next % strings.count]
        }
    }

    @Test(arguments: rounds)
    func storedTextIsPrintedInert(_ hostile: [String]) throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let shop = try HostileShop(butik.store, Rotation(hostile))

        func check(_ args: String..., status: Int32? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
            Self.inert(try butik.run(arguments: args), args, status: status, json: args.contains("--json"), sourceLocation: sourceLocation)
        }
        // Refusals that name stored text (the staff who handed out, the announced name, a
        // proxy's registered name, known carriers).
        try check("handout", "CT797294851NO", status: 1)
        try check("receive", "RR473124829SE")
        try check("customer", "proxy", shop.key, "--remove", "Nobody", status: 1)
        try check("receive", "RR111111115SE", "--to", "Åse", "--carrier", "nobody", status: 1)
        try check("queue", "add", shop.key, status: 1)
        // Every listing and card, as text and JSON.
        for json in [[], ["--json"]] {
            for args in [["find", shop.key], ["find", "åse"], ["customer", "show", shop.key], ["customer", "show", shop.otherKey],
                         ["queue"], ["shelf"], ["reconcile"]] {
                Self.inert(try butik.run(arguments: args + json), args + json, status: 0, json: !json.isEmpty)
            }
        }
        try check("check")
        #expect(try butik.run("find", shop.key).stdout.contains(shop.key), "the safe rest of a line is printed")
        // Actions that print stored text.
        try check("queue", "ready", shop.key, status: 0)
        try check("handout", "RR123456785SE", "--verified", "proxy", "--proxy-name", "Per Hansen", "--proxy-id", "pass 1234", status: 0)
        try check("handout", "RR123456785SE", "--undo", status: 0)
        try check("customer", "proxy", shop.key, "--add", "Ola Nordmann", status: 0)
        try check("refuse", shop.key, "--reason", "name on the ID does not match", status: 0)
        try check("extend", "RR123456785SE", "--days", "3", status: 0)
        try check("move", "RR123456785SE", "A2", status: 0)
        try check("return", "RR123456785SE", status: 0)
        try check("dropoff", "106141412345678908", "--carrier", shop.carrier, status: 0)
        try check("handover", "RR123456785SE", "TBA123456789012", "--carrier", shop.carrier, status: 1)
        try check("receive", "RR473124829SE", "--to", shop.key, "--json")
        // The past, which repeats all of the above.
        for json in [[], ["--json"]] {
            for args in [["history", "RR123456785SE"], ["customer", "history", shop.key], ["report"], ["find", "RR123456785SE"]] {
                Self.inert(try butik.run(arguments: args + json), args + json, status: 0, json: !json.isEmpty)
            }
        }

        // JSON escapes what it must and gives the text back exactly.
        let card = try #require(try JSONSerialization.jsonObject(with: Data(try butik.run("customer", "show", shop.key, "--json").stdout.utf8)) as? [String: Any])
        let customer = try #require(card["customer"] as? [String: Any])
        #expect(customer["name"] as? String == shop.name)
        #expect(customer["note"] as? String == shop.note)
        #expect((customer["log"] as? [[String: Any]])?.first?["staff"] as? String == shop.staff)
    }

    @Test(arguments: rounds)
    func argumentsAreEchoedInert(_ hostile: [String]) throws {
        var butik = Butik()
        defer { butik.cleanUp() }
        let setup = try butik.run("receive", "RR123456785SE", "--to", "Åse Berg", "--key", "AB")
        #expect(setup.status == 0, "\(setup.stderr)")
        let strings = Rotation(hostile)
        func next() -> String { strings.pick() }
        func check(_ args: [String], status: Int32? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
            Self.inert(try butik.run(arguments: args), args, status: status, json: args.contains("--json"), sourceLocation: sourceLocation)
        }
        // Each case takes the next string; where one may also be a usable value (a name, a
        // tracking number), no status.
        try check([next()], status: 2)
        try check(["shelf", "--" + next()], status: 2)
        try check(["customer", next()], status: 2)
        try check(["queue", next()], status: 2)
        try check(["customer", "add", next()])
        try check(["customer", "add", "Åse Lie", "--key", next()], status: 1)
        try check(["customer", "add", "Åse Lie", "--phone", next()], status: 1)
        try check(["customer", "add", "Åse Lie", "--email", next(), "--note", next(), "--json"])
        try check(["customer", "show", next()], status: 1)
        try check(["customer", "proxy", "AB", "--add", next()])
        try check(["receive", next(), "--to", "Åse"])
        try check(["receive", "CT797294851NO", "--to", next()])
        try check(["receive", "370725380000086508", "--to", "AB", "--carrier", next()], status: 1)
        try check(["receive", "370725380000086508", "--to", "AB", "--size", next()], status: 2)
        try check(["receive", "370725380000086508", "--to", "AB", "--code", next()], status: 1)
        try check(["handout", "RR123456785SE", "--verified", next()], status: 2)
        try check(["handout", next()])
        try check(["extend", "RR123456785SE", "--days", next()], status: 2)
        try check(["extend", "RR123456785SE", "--to", next()], status: 2)
        try check(["move", "--capacity", next(), "A1"], status: 2)
        try check(["move", "RR123456785SE", next()], status: 1)
        try check(["queue", "add", "AB", "--at", next()], status: 2)
        try check(["queue", "add", next()], status: 1)
        try check(["refuse", next(), "--reason", "no ID"], status: 1)
        try check(["refuse", "AB", "--reason", next(), "--json"])
        try check(["dropoff", next()])
        try check(["handover", next()])
        try check(["validate", next()])
        try check(["validate", next(), "--json"])
        try check(["find", next()])
        try check(["history", next()])
        try check(["customer", "history", next()], status: 1)
        try check(["customer", "history", "AB", "--since", next()], status: 2)
        try check(["customer", "history", "AB", "--page", next()], status: 2)
        try check(["report", "--date", next()], status: 2)
        try check(["import", next()], status: 1)
        let h = next()
        let manifest = butik.store.appendingPathComponent("manifest.csv")
        try Data("tracking;name;phone;carrier;hold days;pickup code\n\(h);\(h);\(h);\(h);\(h);\(h)\nRR473124829SE;\(h);\(h);\(h);x;\(h)\n".utf8)
            .write(to: manifest)
        try check(["import", manifest.path], status: 1)
        try check(["import", manifest.path, "--json"], status: 1)
        try check(["reconcile"], status: 0)
        let folder = next()
        Self.inert(try Butik(store: butik.store.appendingPathComponent(folder)).run("demo"), ["demo", "--store", folder])
        butik.staff = next()
        try check(["shelf"])
        butik.staff = nil
        for variable in ["BUTIK_STAFF", "USER"] {
            let staff = next()
            Self.inert(try butik.run(arguments: ["shelf"], environment: [variable: staff]), [variable, staff])
        }
    }

    @Test(arguments: ["\u{1B}]0;pwned\u{07}", "per\u{202E}", "anne\u{200B}", "", "  ", String(repeating: "x", count: 41)])
    func aStaffIDThatCannotBeOneIsAUsageError(_ id: String) throws {
        var butik = Butik()
        defer { butik.cleanUp() }
        butik.staff = id
        let given = try butik.run("receive", "RR123456785SE", "--to", "Åse Berg")
        #expect(given.status == 2)
        #expect(given.stderr.hasPrefix("butik: --staff: "), "\(given.stderr)")
        #expect(given.stderr.contains("staff id"))
        let terminalUI = try butik.run(arguments: [])
        #expect(terminalUI.status == 2, "the terminal UI takes its staff id by the same rule: \(terminalUI.stderr)")
        butik.staff = nil
        for variable in ["BUTIK_STAFF", "USER"] where !id.isEmpty {
            let fromEnvironment = try butik.run(arguments: ["receive", "RR123456785SE", "--to", "Åse Berg"], environment: [variable: id])
            #expect(fromEnvironment.status == 2)
            #expect(fromEnvironment.stderr.hasPrefix("butik: $\(variable): "), "\(fromEnvironment.stderr)")
        }
        butik.staff = "maria"
        let found = try JSONSerialization.jsonObject(with: Data(try butik.run("find", "RR123456785SE", "--json").stdout.utf8)) as? [String: Any]
        #expect((found?["parcels"] as? [Any])?.isEmpty == true, "nothing was received")
    }

    @Test func aStaffIDIsTidiedLikeAName() throws {
        var butik = Butik()
        defer { butik.cleanUp() }
        butik.staff = nil
        let received = try butik.run(arguments: ["receive", "RR123456785SE", "--to", "Åse Berg"], environment: ["BUTIK_STAFF": "  anne   k "])
        #expect(received.status == 0, "\(received.stderr)")
        let found = try JSONSerialization.jsonObject(with: Data(try butik.run("find", "RR123456785SE", "--json").stdout.utf8)) as? [String: Any]
        #expect(((found?["parcels"] as? [[String: Any]])?.first?["receivedBy"]) as? String == "anne k")
    }

    @Test func aShopFileWithHostileTextIsReportedInert() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        try FileManager.default.createDirectory(at: butik.store, withIntermediateDirectories: true)
        let layout = try HostileShop.layout(name: "x", carrier: "y", area: "z", timeZone: Self.strings[0] + Self.strings[3])
        try layout.write(to: butik.store.appendingPathComponent(ShopStore.layoutFileName))
        Self.inert(try butik.run("shelf"), ["shelf"], status: 3)
        Self.inert(try butik.run("check"), ["check"], status: 3)
    }

    @Test func multiLineOutputKeepsItsLines() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let help = try butik.run("--help")
        #expect(help.stdout.contains("\nVerbs:\n  receive"))
        let verbHelp = try butik.run("handout", "--help")
        #expect(verbHelp.stdout.hasPrefix("Usage: butik handout"))
        #expect(verbHelp.stdout.split(separator: "\n").count > 10)
        try butik.run("receive", "RR123456785SE", "--to", "Åse Berg")
        let report = try butik.run("check")
        #expect(report.status == 0)
        #expect(report.stdout.split(separator: "\n").count == 2, "the report and its note on a line each: \(report.stdout)")
    }
}

/// A store holding hostile text in every field people or files fill: the shop file's names
/// and a carrier id, a customer added before names were checked (name, key, phones, e-mail,
/// note, a proxy), a customer with a hostile key, parcels received, handed out to a proxy and
/// marked for return by a hostile staff id (written here, past the command line's check), a queue entry with a note, a refusal's reason, a
/// drop-off and a manifest's announced name, phone and carrier.
struct HostileShop {
    let key = "HX"
    let otherKey: String
    let name: String
    let note: String
    let staff: String
    let carrier: String

    init(_ folder: URL, _ hostile: HostileTextTests.Rotation) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        carrier = hostile.pick()
        try Self.layout(name: hostile.pick(), carrier: carrier, area: hostile.pick(), timeZone: "Europe/Oslo")
            .write(to: folder.appendingPathComponent(ShopStore.layoutFileName))
        let store = try ShopStore.open(folder: folder, defaultLayout: Data())
        let now = Date()
        staff = hostile.pick()
        name = "Åse " + hostile.pick()
        note = hostile.pick()
        otherKey = hostile.pick().uppercased()
        let first = CustomerID(1)
        let proxy = Proxy(name: hostile.pick(), registeredAt: now, registeredBy: StaffID(stored: hostile.pick()))
        try store.append([
            Record(at: now, staff: StaffID(stored: staff), event: .customerAdded(Customer(
                id: first, name: name, key: CustomerKey(stored: key), keyIsChosen: true, phones: [hostile.pick()], email: hostile.pick(), note: note,
                createdAt: now, proxies: [proxy]))),
            Record(at: now, staff: StaffID(stored: hostile.pick()), event: .customerAdded(Customer(
                id: CustomerID(2), name: hostile.pick(), key: CustomerKey(stored: otherKey), keyIsChosen: true, createdAt: now))),
            Record(at: now, staff: StaffID(stored: hostile.pick()), event: .parcelsExpected([ExpectedParcel(
                tracking: TrackingNumber("RR473124829SE"), name: hostile.pick(), phone: hostile.pick(), carrier: CarrierID(stored: hostile.pick()),
                importedAt: now)])),
        ])
        func perform<T>(_ decide: (ShopState, Context) throws(DomainError) -> Decision<T>) throws -> T {
            try store.perform(staff: StaffID(stored: staff), now: now, decide)
        }
        for code in ["RR123456785SE", "CT797294851NO", "70725380000051451", "TBA123456789012"] {
            let tracking = try Tracking.parse(code).get()
            _ = try perform { state, context throws(DomainError) in
                try state.receive(ReceiveRequest(tracking: tracking, recipient: .customer(first), carrier: CarrierID(stored: carrier)), context)
            }
        }
        let ids = store.state.parcelsInShop.map(\.id).sorted()
        _ = try perform { state, context throws(DomainError) in
            try state.handOut(HandOutRequest(parcels: [ids[1]], verification: .proxy, proxyName: String(hostile.pick().prefix(80)),
                                             proxyID: String(hostile.pick().prefix(40))), context)
        }
        _ = try perform { state, context throws(DomainError) in try state.returnToSender([ids[2]], context) }
        _ = try perform { state, context throws(DomainError) in
            try state.addToQueue(first, announcedFor: nil, note: hostile.pick(), context)
        }
        _ = try perform { state, context throws(DomainError) in try state.startFetching(for: first, context) }
        _ = try perform { state, context throws(DomainError) in
            try state.refuseHandOut(first, parcels: [], reason: String(hostile.pick().prefix(200)), context)
        }
        let dropped = try Tracking.parse("340434161094042557").get()
        _ = try perform { state, context throws(DomainError) in
            try state.dropOff(tracking: dropped, carrier: CarrierID(stored: carrier), customer: first, context)
        }
    }

    /// A shop file with hostile text in its name, a carrier's id and name, and the areas' names.
    static func layout(name: String, carrier: String, area: String, timeZone: String) throws -> Data {
        let file: [String: Any] = [
            "schema": 1, "name": name, "timeZone": timeZone, "defaultHoldDays": 7,
            "shelves": [["id": "A", "slots": 4, "capacity": 6, "size": "small"]],
            "overflow": ["id": "FLOOR", "name": area], "outbound": ["id": "OUT", "name": area],
            "carriers": [["id": "postnord", "name": "PostNord", "holdDays": 7], ["id": carrier, "name": carrier, "holdDays": 7]],
        ]
        return try JSONSerialization.data(withJSONObject: file)
    }
}
