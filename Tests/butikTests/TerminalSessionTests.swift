import Foundation
import Testing

/// The real `butik` terminal UI in a real terminal (a detached tmux pane): keys in, screen
/// text out, and the terminal given back afterwards. Every wait polls the screen up to a
/// deadline; nothing waits a fixed time.
@Suite(.enabled(if: Tmux.shouldRun, "tmux is not installed"))
struct TerminalSessionTests {
    /// One `butik` with no verb on an empty temporary store (so it fills the demo shop), run by
    /// a shell in a 100×30 tmux pane. After butik ends, the shell prints `EXIT:<status>`,
    /// whether `stty -g` is what it was before (`STTY:SAME`), `stty -a` and `STTY:END`, then
    /// becomes an interactive shell.
    struct Session {
        let butik: Butik
        let tmux: Tmux

        /// butik writes its pid here just before it starts (the shell execs into it).
        var pidFile: String { butik.store.path + ".pid" }

        /// `prepare` runs headless verbs on the store first; without it, butik fills the demo shop.
        /// `language` is butik's `--lang`.
        init(language: String? = nil, prepare: (Butik) throws -> Void = { _ in }) throws {
            let butik = Butik()
            try prepare(butik)
            try Session.allowSlowScans(butik)
            var environment = butik.environment
            environment["NO_COLOR"] = nil  // colours on, as at a counter
            let run = ([Butik.binary.path] + Butik.globalsLast(language.map { ["--lang", $0] } ?? [], store: butik.store.path, staff: butik.staff))
                .map(\.shellQuoted)
            let script = """
                before=$(stty -g)
                sh -c 'echo $$ > "$1"; shift; exec "$@"' sh \((butik.store.path + ".pid").shellQuoted) \(run.joined(separator: " "))
                echo "EXIT:$?"
                if [ "$(stty -g)" = "$before" ]; then echo "STTY:SAME"; else echo "STTY:CHANGED"; fi
                stty -a
                echo "STTY:END"
                PS1='shell$ ' exec sh
                """
            self.butik = butik
            tmux = try Tmux.start(width: 100, height: 30, environment: environment, script: script)
        }

        /// tmux writes a scan in one go, but a machine busy with other tests can pause butik
        /// between reading two of its characters longer than a scanner's 50 ms; the shop file's
        /// `scanGapMilliseconds` is the knob a shop with a slow link turns, and these tests turn it.
        static func allowSlowScans(_ butik: Butik) throws {
            _ = try butik.run("shelf")  // creates the store and its shop file if new
            let file = butik.store.appendingPathComponent("shop.json")
            let text = try String(contentsOf: file, encoding: .utf8)
            let slow = text.replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1, \"scanGapMilliseconds\": 250,")
            guard slow != text else { throw Tmux.Failure(description: "no schema line in \(file.path)") }
            try Data(slow.utf8).write(to: file)
        }

        /// The headless verbs that prepared the store all succeeded.
        static func expectSucceeded(_ runs: [Butik.Run]) throws {
            guard runs.allSatisfy({ $0.status == 0 }) else {
                throw Tmux.Failure(description: "preparing the store failed: \(runs.map(\.stderr))")
            }
        }

        /// Each of `codes` was handed out with `verification`, as `find --json` tells it.
        func expectHandedOut(_ codes: [String], verification: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            struct Found: Decodable {
                struct Parcel: Decodable {
                    let tracking: String
                    let status: String
                    let verification: String?
                }
                let parcels: [Parcel]
            }
            for code in codes {
                let found = try butik.run("find", String(code.suffix(7)), "--json").json(Found.self)
                let parcel = try #require(found.parcels.first { $0.tracking == code }, sourceLocation: sourceLocation)
                #expect(parcel.status == "handedOut", sourceLocation: sourceLocation)
                #expect(parcel.verification == verification, sourceLocation: sourceLocation)
            }
        }

        /// Ends tmux (and butik with it, if still running) and removes the store.
        func end() {
            tmux.kill()
            butik.cleanUp()
            try? FileManager.default.removeItem(atPath: pidFile)
        }

        /// The Counter screen with the demo shop loaded: tab bar, search field, status line.
        /// The first time allows for filling the demo shop on a busy machine.
        @discardableResult
        func waitForCounter(timeout: Duration = Tmux.defaultTimeout,
                            sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
            try await tmux.waitFor("F2 Counter  F3 Intake", "Find:", "on shelf", "F1 help",
                                   timeout: timeout, sourceLocation: sourceLocation)
        }

        /// butik's process id, from the pid file.
        func pid() throws -> pid_t {
            let text = try String(contentsOfFile: pidFile, encoding: .utf8)
            guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw Tmux.Failure(description: "no pid in \(pidFile): \(text)")
            }
            return pid
        }

        /// After butik has ended: it exited `status`, the terminal's modes are exactly as before
        /// (canonical input, echo), the screen is back from the alternate screen with a
        /// visible cursor, and the shell takes a typed command.
        func expectTerminalGivenBack(status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let screen = try await tmux.waitFor("STTY:END", sourceLocation: sourceLocation)
            #expect(screen.contains("EXIT:\(status)"), "butik's exit status:\n\(screen)", sourceLocation: sourceLocation)
            #expect(screen.contains("STTY:SAME"), "stty -g differs from before butik:\n\(screen)", sourceLocation: sourceLocation)
            let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init))
            for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
                #expect(words.contains(mode) && !words.contains("-" + mode), "stty -a after butik lacks \(mode):\n\(screen)",
                        sourceLocation: sourceLocation)
            }
            let modes = try tmux.display("alt=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_flag} keypad_cursor=#{keypad_cursor_flag} mouse=#{mouse_any_flag}")
            #expect(modes == "alt=0 cursor=1 keypad=0 keypad_cursor=0 mouse=0", sourceLocation: sourceLocation)
            // The typed line shows "$((40 + 2))"; only the shell's answer shows 42.
            try tmux.type(#"echo "BACK:$((40 + 2))""#)
            try tmux.sendKeys("Enter")
            try await tmux.waitFor("BACK:42", sourceLocation: sourceLocation)
        }
    }

    @Test func everyScreenNordicSearchResizeHelpAndQuit() async throws {
        let session = try Session()
        defer { session.end() }
        let tmux = session.tmux

        let first = try await session.waitForCounter(timeout: .seconds(20))
        try await tmux.waitFor("Type or scan to find a customer or parcel.")
        // Drawn for the pane's 100×30: the status line is the second-to-last row, right-aligned.
        let rows = first.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count > 28 && rows[28].contains("on shelf") && rows[28].count >= 98, "not drawn at 100×30:\n\(first)")

        // Every screen, each recognised by something only it shows, then back to the Counter.
        let screens = [("F3", ["New delivery.", "Carrier: ◀", "Declared items:"]),
                       ("F4", ["A1 ", "G4 ", "FLOOR", "c capacity"]),
                       ("F5", ["waiting ·", "due today ·", "for the driver"]),
                       ("F6", ["Filter:", "Phone", "Parcels", "Note"]),
                       ("F7", ["Today, ", "Carrier", "Handed out", "To sender"]),
                       ("F2", ["Find:", "Type or scan to find a customer or parcel."])]
        for (key, texts) in screens {
            try tmux.sendKeys(key)
            try await tmux.waitUntil("\(key): \(texts)") { screen in texts.allSatisfy { screen.contains($0) } }
        }

        // Nordic letters typed into the search: lower-case ø finds Ødegård.
        try tmux.type("ødeg")
        try await tmux.waitFor("Find: ødeg", "Ødegård")
        try tmux.sendKeys("Escape")
        try await tmux.waitFor("Type or scan to find a customer or parcel.")
        // Typed with its accent, drawn with it, and finds the demo's Linnéa Eriksen.
        try tmux.type("Linnéa")
        try await tmux.waitFor("Find: Linnéa", "Linnéa Eriksen")
        try tmux.sendKeys("Escape")
        try await tmux.waitFor("Type or scan to find a customer or parcel.")
        // A regular by the key she goes by: her note shows below the results.
        try tmux.type("JEDS")
        try await tmux.waitFor("Find: JEDS", "Janne Eline Dahl Solberg", "Note: Comes by Vespa")

        // A small window keeps the search in a compact layout; larger again, the whole layout.
        try tmux.resize(width: 50, height: 12)
        try await tmux.waitFor("Find: JEDS", "JEDS   Janne Elin…")
        try await tmux.waitForAbsence(of: "on shelf")
        try tmux.resize(width: 100, height: 30)
        try await session.waitForCounter()
        try await tmux.waitFor("Find: JEDS", "Janne Eline Dahl Solberg")
        #expect(try tmux.display("#{window_width}x#{window_height}") == "100x30")

        // F1 opens help over the screen; Escape closes it.
        try tmux.sendKeys("F1")
        try await tmux.waitFor("Help", "On Counter:", "On every screen:")
        // Its last sentence is whole, ending "closes this help." over one or two lines.
        try await tmux.waitFor("A barcode scan works on every screen.", "closes this", "help.")
        try tmux.sendKeys("Escape")
        try await tmux.waitForAbsence(of: "On Counter:")
        try await tmux.waitFor("Find: JEDS")

        // F10 quits and the shell has its terminal back.
        try tmux.sendKeys("F10")
        try await session.expectTerminalGivenBack()
    }

    /// Another program holds the store's lock (a long import, a backup): typing and search go
    /// on, a write waits and says so, Esc cancels it, and once the lock is free the write lands
    /// and the store is not read-only. Quitting while a write waits says it was not saved.
    @Test func anotherProgramHoldingTheStoreMakesWritesWaitNotReadOnly() async throws {
        let session = try Session()
        defer { session.end() }
        let tmux = session.tmux
        try await session.waitForCounter(timeout: .seconds(20))
        var lock = try StoreBusyCommandLineTests.takeLock(session.butik.store, LOCK_EX)
        defer { if lock >= 0 { close(lock) } }

        try tmux.type("ødeg")
        try await tmux.waitFor("Find: ødeg", "Ødegård", "store busy")
        try tmux.sendKeys("F3")
        try await tmux.waitFor("New delivery.", "Carrier: ◀ PostNord ▶")
        try tmux.type("3")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Waiting for the store: another program is using it. Esc cancels.")
        try tmux.sendKeys("Escape")
        try await tmux.waitFor("Not saved: cancelled while another program was using the store.")
        try await tmux.waitForAbsence(of: "Waiting for the store:")

        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Waiting for the store: another program is using it. Esc cancels.")
        close(lock)
        lock = -1
        try await tmux.waitFor("Delivery: PostNord · scanned 0 of 3 declared (3 to go)")
        try await tmux.waitForAbsence(of: "store busy")
        #expect(!(try tmux.capture()).contains("READ-ONLY"))
        // The command line writes to the same store meanwhile.
        let received = try session.butik.run("receive", Butik.s10(83_000_001), "--to", "Ada Lovelace")
        #expect(received.status == 0, "\(received.stderr)")

        // F8 ends the delivery: a write, made to wait, and then butik is told to quit.
        lock = try StoreBusyCommandLineTests.takeLock(session.butik.store, LOCK_EX)
        try tmux.sendKeys("F8")
        try await tmux.waitFor("Waiting for the store: another program is using it. Esc cancels.")
        try tmux.sendKeys("C-c")
        try await tmux.waitFor("butik: Not saved: the last action was still waiting for the store")
        try await session.expectTerminalGivenBack(status: 3)
    }

    enum Ending: String, CaseIterable, CustomTestStringConvertible {
        case sigterm, controlC
        var testDescription: String { rawValue }
    }

    /// The morning's intake: a delivery of three declared parcels, scanned in for a regular with
    /// a chosen key and a new customer (the second time by her new key); the key and slot show
    /// for each; then `butik find` on the same store finds them where the screen said.
    @Test func intakeOfThreeParcelsThenFindThem() async throws {
        let session = try Session()
        defer { session.end() }
        let tmux = session.tmux
        try await session.waitForCounter(timeout: .seconds(20))
        try tmux.sendKeys("F3")
        try await tmux.waitFor("New delivery.", "Carrier: ◀ PostNord ▶")
        try tmux.type("3")
        try await tmux.waitFor("Declared items: 3")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Delivery: PostNord · scanned 0 of 3 declared (3 to go)")

        let codes = [Butik.s10(81_000_001), Butik.s10(81_000_002), Butik.s10(81_000_003)]
        var shown: [String: String] = [:]
        for (code, recipient) in zip(codes, ["JEDS", "Åse Ødegård", "ÅØ"]) {
            // A scanner types the code in a burst and ends it with Enter.
            try tmux.scan(code)
            try await tmux.waitFor("Name for \(code):")
            try tmux.type(recipient)
            try await tmux.waitFor("Name for \(code): \(recipient)")
            try tmux.sendKeys("Enter")
            let screen = try await tmux.waitUntil("\(code) received") { $0.contains("·  \(code)  ·  keep until") }
            let about = try #require(screen.split(separator: "\n").first { $0.contains("·  \(code)  ·") })
            // " JEDS → C3  ·  Janne Eline Dahl Solberg  ·  RR...": key and slot before the first dot.
            let keyAndSlot = about.split(separator: "·")[0].split(separator: "→").map { $0.trimmingCharacters(in: .whitespaces) }
            shown[code] = "\(keyAndSlot[0]) \(keyAndSlot[1])"
        }
        #expect(shown[codes[0]]?.hasPrefix("JEDS ") == true)
        #expect(shown[codes[1]]?.hasPrefix("ÅØ ") == true)
        #expect(shown[codes[2]] == shown[codes[1]], "the new customer, found by her new key, shares her slot")
        try await tmux.waitFor("scanned 3 of 3 declared ✓")
        try tmux.sendKeys("F8")
        try await tmux.waitFor("Delivery ended: PostNord, 3 scanned", "Declared 3: the count matches.")
        try tmux.sendKeys("F10")
        try await session.expectTerminalGivenBack()

        struct Found: Decodable {
            struct Parcel: Decodable {
                let tracking: String
                let key: String
                let slot: String
            }
            let parcels: [Parcel]
        }
        for code in codes {
            let found = try session.butik.run("find", String(code.suffix(7)), "--json").json(Found.self)
            let parcel = try #require(found.parcels.first { $0.tracking == code })
            #expect("\(parcel.key) \(parcel.slot)" == shown[code])
        }
    }

    /// At the counter: find a customer by part of an accented name, hand out two parcels by
    /// scanning them, have another customer's parcel refused, undo, hand out again; then
    /// `butik queue --json` on the same store agrees.
    @Test func handOutByScanningRefuseUndoAndAgain() async throws {
        let codes = [Butik.s10(82_000_001), Butik.s10(82_000_002)]
        let other = Butik.s10(82_000_003)
        let session = try Session { butik in
            try Session.expectSucceeded(codes.map { try butik.run("receive", $0, "--to", "Åse Ødegård", "--phone", "91234567") }
                + [try butik.run("receive", other, "--to", "Thomas Schjønningsen")])
        }
        defer { session.end() }
        let tmux = session.tmux
        try await tmux.waitFor("F2 Counter  F3 Intake", "Find:", "3 on shelf")
        try tmux.type("ødeg")
        try await tmux.waitFor("Find: ødeg", "Åse Ødegård", "2 waiting")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Hand out to ÅØ  Åse Ødegård: 2 parcels", "How was identity checked?")
        try tmux.type("1")
        try await tmux.waitFor("Scan each parcel (0 of 2)  ·  ID checked")

        func scan(_ code: String) throws { try tmux.scan(code) }
        try scan(codes[0])
        try await tmux.waitFor("Scan each parcel (1 of 2)")
        try scan(other)
        try await tmux.waitFor("STOP: \(other) is not Åse Ødegård's parcel.")
        try scan(codes[1])
        try await tmux.waitFor("Handed out 2 parcels to Åse Ødegård (ID checked). Ctrl-Z undoes it.")
        try tmux.sendKeys("C-z")
        try await tmux.waitFor("Undone: 2 parcels are waiting again in")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("How was identity checked?")
        try tmux.type("3")
        try await tmux.waitFor("Scan each parcel (0 of 2)  ·  known regular")
        // codes[1] was the last scan, moments ago; the same code again within the scanner's
        // blanking time counts as a double scan, so a person (and this test) scans the other first.
        try scan(codes[0])
        try await tmux.waitFor("Scan each parcel (1 of 2)")
        try scan(codes[1])
        try await tmux.waitFor("Handed out 2 parcels to Åse Ødegård (known regular).")
        try tmux.sendKeys("F10")
        try await session.expectTerminalGivenBack()

        struct Queue: Decodable {
            struct Parcel: Decodable {
                let tracking: String
                let key: String
            }
            let waiting: [Parcel]
        }
        let queue = try session.butik.run("queue", "--json").json(Queue.self)
        #expect(queue.waiting.map(\.tracking) == [other], "only the other customer's parcel still waits")
        try session.expectHandedOut(codes, verification: "known")
    }

    /// A hand-out and a driver's handover at a counter in Bergen, in bokmål: the words on the
    /// screen are the catalog's, and what was done is in the store.
    @Test func handOutAndHandoverInBokmål() async throws {
        let codes = [Butik.s10(83_000_001), Butik.s10(83_000_002)]
        let returned = Butik.s10(83_000_003)
        let session = try Session(language: "nb") { butik in
            try Session.expectSucceeded(codes.map { try butik.run("receive", $0, "--to", "Åse Ødegård", "--phone", "91234567") }
                + [try butik.run("dropoff", returned, "--carrier", "posten")])
        }
        defer { session.end() }
        let tmux = session.tmux
        try await tmux.waitFor("F2 Disk  F3 Mottak", "Søk:", "2 på hylla")
        try tmux.type("ødeg")
        try await tmux.waitFor("Søk: ødeg", "Åse Ødegård")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Utlevering til ÅØ  Åse Ødegård", "Hvordan ble legitimasjonen sjekket?")
        try tmux.type("1")
        try await tmux.waitFor("Skann hver pakke (0 av 2)  ·  legitimasjon sjekket")
        try tmux.scan(codes[0])
        try await tmux.waitFor("Skann hver pakke (1 av 2)")
        try tmux.scan(codes[1])
        try await tmux.waitFor("Levert ut 2 pakker til Åse Ødegård (legitimasjon sjekket). Ctrl-Z angrer.")

        try tmux.sendKeys("F5")
        try await tmux.waitFor("Hentekø", "1 til sjåføren")
        try tmux.type("h")
        try await tmux.waitFor("Overlevering til sjåføren", "0 av 1 skannet")
        try tmux.scan(returned)
        try await tmux.waitFor("1 av 1 skannet · Enter sjekker antallet")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Sjåføren tok med 1 av 1.")
        try tmux.sendKeys("F10")
        try await session.expectTerminalGivenBack()

        try session.expectHandedOut(codes, verification: "id")
        struct Report: Decodable {
            struct Counts: Decodable {
                let handedOut: Int
                let droppedOff: Int
                let collected: Int
            }
            let total: Counts
        }
        let today = try session.butik.run("report", "--json").json(Report.self).total
        #expect((today.handedOut, today.droppedOff, today.collected) == (2, 1, 1), "the drop-off went with the driver")
    }

    /// The customer log at a counter in bokmål: on F6 a customer's card, a Messenger contact
    /// about her parcel (`c`), a damage claim on it (`o`); Tab shows the case list, where the
    /// claim is found, opened with its reporting deadline, and closed; a case the command line
    /// opens meanwhile shows there. The command line then has the contact and the claim, resolved.
    @Test func contactAndClaimFoundInTheCaseListAndClosedInBokmål() async throws {
        let code = Butik.s10(84_000_001)
        let session = try Session(language: "nb") { butik in
            try Session.expectSucceeded([try butik.run("receive", code, "--to", "Åse Ødegård", "--phone", "91234567", "--carrier", "postnord")])
        }
        defer { session.end() }
        let tmux = session.tmux
        try await tmux.waitFor("F2 Disk  F3 Mottak", "Søk:", "1 på hylla", timeout: .seconds(20))
        try tmux.sendKeys("F6")
        try await tmux.waitFor("Kunder · Saker: 0 forfalte", "Filter:")
        try tmux.type("ødeg")
        try await tmux.waitFor("Filter: ødeg", "Åse Ødegård")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("ÅØ  Åse Ødegård", "Telefon: 91234567")

        // A Messenger question about her parcel: the fifth channel, the parcel the second choice.
        try tmux.type("c")
        try await tmux.waitFor("Kontakt med ÅØ", "Hvordan tok kunden kontakt?", "5 Messenger")
        try tmux.type("5")
        try await tmux.waitFor("2 \(code)")
        try tmux.type("2")
        try await tmux.waitFor("Messenger om \(code)")
        try tmux.type("Spør når pakken kan hentes")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Kontakt via Messenger logget.")

        // A damage claim on it: the first kind, the parcel ticked, the owner and no follow-up day kept.
        try tmux.type("o")
        try await tmux.waitFor("Ny sak for ÅØ", "Hva slags sak?", "1 reklamasjon: skadet")
        try tmux.type("1")
        try await tmux.waitFor("Hvilke pakker gjelder den?")
        try tmux.type("1")
        try await tmux.waitFor("[x] \(code)")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Hvem har ansvaret?")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Dagen saken skal følges opp")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Hva gjelder saken?")
        try tmux.type("Esken er knust i ett hjørne")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Sak #1 åpnet: reklamasjon: skadet.")

        // The case list: the claim is there; Enter opens it with the deadline to report the damage.
        try tmux.sendKeys("Escape")
        try await tmux.waitFor("Filter: ødeg")
        try tmux.sendKeys("Tab")
        try await tmux.waitFor("Ansvarlig: alle · type: alle · status: ikke løst", "Sist sagt")
        // At 100 columns the kind and the text are cut to their columns.
        try await tmux.waitUntil("the claim in the list") { screen in
            screen.split(separator: "\n").contains { row in
                row.hasPrefix(" #1 ") && ["reklamasjon: skad", "åpen", "maria", "ÅØ", "Esken er knust"].allSatisfy(row.contains)
            }
        }
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("#1  reklamasjon: skadet", "Kunde: ÅØ  Åse Ødegård", "Status: åpen · ansvarlig: maria",
                               "Pakke \(code): venter i", "Meld skaden på \(code) til PostNord innen", "Historikk, 1 oppføring:")

        // Closed, saying how: resolved, and said so.
        try tmux.type("c")
        try await tmux.waitFor("Lukk sak #1 (ÅØ)", "Hvordan ble saken løst?")
        try tmux.type("PostNord godkjente kravet")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Sak #1 lukket: løst.", "Status: løst · ansvarlig: maria", "sak #1, nå løst: PostNord godkjente kravet")
        try tmux.sendKeys("Escape")
        try await tmux.waitFor("Ingen saker å følge opp.")
        // A case the command line opens on the same store meanwhile shows once butik has caught up.
        let opened = try session.butik.run("case", "open", "ÅØ", "--kind", "question", "--owner", "per", "Spør om åpningstidene")
        #expect(opened.status == 0, "\(opened.stderr)")
        try await tmux.waitUntil("the command line's case in the list") { screen in
            screen.split(separator: "\n").contains { row in row.hasPrefix(" #2 ") && ["spørsmål", "per", "ÅØ"].allSatisfy(row.contains) }
        }
        try tmux.sendKeys("F10")
        try await session.expectTerminalGivenBack()

        struct Listed: Decodable {
            let `case`: Int
            let key: String
            let kind: String
            let status: String
            let parcels: [String]
        }
        let resolved = try session.butik.run("case", "list", "--status", "resolved", "--json").json([Listed].self)
        #expect(resolved.map { "\($0.case) \($0.key) \($0.kind) \($0.status) \($0.parcels)" } == ["1 ÅØ claimDamaged resolved [\"\(code)\"]"])
        #expect(try session.butik.run("case", "list", "--json").json([Listed].self).map(\.case) == [2], "only the command line's case is open")
        struct History: Decodable {
            struct Entry: Decodable {
                let type: String
                let channel: String?
                let tracking: String?
            }
            let entries: [Entry]
        }
        let contacts = try session.butik.run("customer", "history", "ÅØ", "--json").json(History.self).entries.filter { $0.type == "contact" }
        #expect(contacts.map { "\($0.channel ?? "") \($0.tracking ?? "")" } == ["messenger \(code)"])
    }

    /// SIGTERM (say, a shutdown) and Ctrl-C end butik the normal way: exit 0, terminal restored.
    @Test(arguments: Ending.allCases)
    func endsCleanlyOn(_ ending: Ending) async throws {
        let session = try Session()
        defer { session.end() }
        try await session.waitForCounter(timeout: .seconds(20))
        try session.tmux.type("Åse")
        try await session.tmux.waitFor("Find: Åse")
        switch ending {
        case .sigterm:
            let pid = try session.pid()
            #expect(kill(pid, SIGTERM) == 0, "kill -TERM \(pid)")
        case .controlC:
            try session.tmux.sendKeys("C-c")
        }
        try await session.expectTerminalGivenBack()
    }
}
