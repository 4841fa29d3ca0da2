import ButikDomain
import ButikGrid
@testable import ButikUI
import Foundation
import Testing

/// Every screen and mode dispatches through one table (``AppState/keys``): each binding of
/// each mode does something (changes the state or returns an effect), and a key the table
/// does not have changes nothing, except text typed into the mode's field.
@Suite struct KeyTableTests {
    /// A state in one mode, reached as a clerk would over a real store.
    struct Mode {
        var name: String
        var state: AppState
    }

    /// Every mode of every screen, each with lists moved off their first row so that every
    /// movement key has somewhere to go.
    static func modes() throws -> [Mode] {
        var modes: [Mode] = []
        func add(_ name: String, _ h: Harness) { modes.append(Mode(name: name, state: h.state)) }

        // Counter.
        var h = try Harness()
        add("counter, nothing typed", h)
        h.type("kari")
        h.press(.down)
        add("counter, a search", h)
        h = try Harness()
        h.type(Harness.s10("31415926"))
        add("counter, a number to look up", h)
        modes.append(Mode(name: "counter, the past of a number", state: CounterPastTests().showingThePast()))
        var past = CounterPastTests().showingThePast()
        _ = past.update(.key(.down))
        modes.append(Mode(name: "counter, the past of a number, the older parcel", state: past))
        h = try Harness()
        h.type("jeds")
        h.press(.enter, .down)
        add("hand-out, identity", h)
        h.press(.control("r"))
        add("hand-out, refusing", h)
        h.press(.escape, .character("2"))
        add("hand-out, the pickup code", h)
        h.press(.escape, .character("1"))
        add("hand-out, scanning", h)
        h = try ProxyHandOutScenarioTests.shopWithProxies()
        _ = try HandOutScenarioTests.startForKariHansen(h)
        h.type("4")
        add("hand-out, the proxy's name", h)
        h.type("1")
        add("hand-out, the proxy's ID", h)

        // Intake.
        h = try Harness()
        h.press(.function(3))
        add("intake, setup", h)
        h.press(.control("o"))
        add("intake, the manifest prompt", h)
        h.press(.escape, .enter)
        add("intake, scanning", h)
        h.type("123")
        add("intake, scanning, a number typed", h)
        h.press(.control("u"))
        h.type(IntakeScenarioTests.misread(IntakeScenarioTests.first))
        h.press(.enter)
        add("intake, a wrong check digit", h)
        h.press(.character("n"))
        h.scan(IntakeScenarioTests.first)
        h.type("kari")
        h.press(.down)
        add("intake, naming", h)
        h.press(.escape)
        h.scan(try IntakeScenarioTests.handedOutEarlier(h).tracking.value)
        add("intake, a parcel here before", h)

        // Shelves.
        h = try Harness()
        h.press(.function(4))
        h.press(.right, .down)
        add("shelves, the map", h)
        h.press(.character("m"))
        add("shelves, the move prompt", h)
        h.press(.escape, .character("c"))
        add("shelves, the capacity prompt", h)
        h.press(.escape, .tab, .down)
        add("shelves, the slot's list", h)
        h.press(.character("/"))
        h.type("kari")
        add("shelves, finding", h)

        // Queue.
        h = try Harness()
        h.press(.function(5))
        h.press(.tab, .down)
        add("queue, the lists", h)
        h.press(.character("f"))
        add("queue, a message shown", h)
        h.press(.character("a"))
        add("queue, the add prompt", h)
        h.type("nordmann")
        h.press(.down)
        add("queue, the add prompt, choosing", h)
        h.press(.enter)
        add("queue, the time and note", h)
        h.type("9:15 red coat")
        h.press(.enter, .character("x"))
        add("queue, taking an entry out", h)
        h.press(.escape, .tab, .character("e"))
        add("queue, the extend prompt", h)
        h.press(.escape, .character("d"))
        add("queue, the drop-off prompt", h)
        h.press(.escape, .character("o"))
        if h.state.queue.prompt?.purpose == .returnOverdue { add("queue, returning the overdue", h) }
        h.press(.escape, .character("h"))
        add("queue, the driver's handover", h)
        h = try Harness()
        h.press(.function(5), .character("o"), .character("y"), .tab, .character("s"), .character("s"), .character("s"), .down)
        add("queue, the returns view", h)
        h.press(.character("b"))
        add("queue, a parcel back to a shelf", h)
        h.press(.escape)
        h.press(.character("h"))
        let leaving = try #require(h.state.queue.parcels(h.state.context).first)
        h.scan(leaving.tracking.value)
        h.press(.enter)
        add("queue, the handover, the missing said", h)
        let waiting = try #require(h.store.state.parcelsInShop.first { $0.status == .waiting })
        h.scan(waiting.tracking.value)
        add("queue, the handover, a STOP", h)

        // Customers, Reports, help.
        h = try Harness()
        h.press(.function(6))
        h.press(.down)
        add("customers", h)
        h.type("ka")
        h.press(.down)
        add("customers, filtering", h)
        h = try CustomerScreenCardTests.veraOpen()
        h.press(.down)
        add("customers, a customer's card", h)
        h.press(.pageDown)
        add("customers, a customer's card, the older page", h)
        h.press(.character("a"))
        add("customers, a new customer's name", h)
        h.type("Tove Ås")
        h.press(.enter)
        add("customers, a new customer's phone", h)
        h.press(.escape, .escape, .character("p"))
        add("customers, registering a proxy", h)
        h.type("Petter Vik")
        h.press(.enter)
        add("customers, a proxy's relation", h)
        h.press(.enter)
        add("customers, a proxy's last day", h)
        h.press(.enter, .character("P"))
        add("customers, withdrawing a proxy", h)
        h.press(.escape, .character("e"))
        add("customers, editing the record", h)
        h.press(.character("4"))
        add("customers, editing a field", h)
        h.press(.escape, .character("6"))
        add("customers, choosing the channel", h)
        h.press(.escape, .escape, .character("m"))
        add("customers, merging: the search", h)
        h.type("a")
        add("customers, merging: the matches", h)
        h = try CustomerEditScenarioTests.withADuplicate().0
        h.press(.character("m"))
        h.type("vera")
        h.press(.enter)
        add("customers, merging: the confirmation", h)
        h = try CaseListScenarioTests.showingCases()
        h.press(.down)
        add("customers, the case list", h)
        h.press(.enter)
        add("customers, a case", h)
        h.press(.character("u"), .down)
        add("customers, a case's update: the status", h)
        h.press(.character("3"))
        add("customers, a case's update: the follow-up day", h)
        h.press(.enter)
        add("customers, a case's update: the owner", h)
        h.press(.enter)
        add("customers, a case's update: the text", h)
        h.type("Asked Posten")
        h.press(.enter)
        add("customers, a case with its history", h)
        h.press(.character("c"))
        add("customers, a case's close", h)
        h.type("Settled")
        h.press(.enter)
        add("customers, a resolved case", h)
        h.press(.character("r"))
        add("customers, a case's reopen", h)
        h = try CustomerScreenCardTests.shopWithARegular()
        let release = h.prepareHistoryUntilReleased()
        h.press(.function(6), .enter)
        add("customers, a customer's card, the timeline unread", h)
        release()
        h.press(.function(7))
        add("reports", h)
        h.press(.function(1), .down)
        add("help", h)
        return modes
    }

    /// What a key can change: the screens, the tab, the help, the message.
    static func fingerprint(_ state: AppState) -> String {
        var text = ""
        dump((state.tab, state.helpVisible, state.helpScroll, state.toast, state.counter, state.intake, state.shelves,
              state.queue, state.customers), to: &text)
        return text
    }

    @Test func everyModeIsReachedInTheModeItIsNamedFor() throws {
        let modes = try Self.modes()
        #expect(modes.count >= 30)
        #expect(Set(modes.map(\.name)).count == modes.count)
        #expect(Set(modes.map { Self.fingerprint($0.state) }).count == modes.count)
    }

    @Test func everyBindingOfEveryModeDoesSomething() throws {
        for mode in try Self.modes() {
            let keys = mode.state.keys
            let all = keys.bindings.flatMap(\.keys).map(\.key)
            #expect(Set(all).count == all.count, "a key bound twice in \(mode.name)")
            for binding in keys.bindings {
                for (key, _) in binding.keys {
                    // The key of the open screen is already there.
                    if !mode.state.helpVisible, key == mode.state.tab.key { continue }
                    var state = mode.state
                    let effects = state.update(.key(key))
                    #expect(!effects.isEmpty || Self.fingerprint(state) != Self.fingerprint(mode.state),
                            "\(key.label) (\(binding.label) \(binding.description)) does nothing in \(mode.name)")
                }
            }
        }
    }

    /// F-keys, Ctrl letters, the named keys, digits and a few letters.
    static let keySet: [Key] = (1...12).map(Key.function)
        + "abdefghijklnopqrstuvwxyz".map { Key.control($0) }
        + [.enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
        + " 0123456789acdefhjmnqrsxy/".map(Key.character)

    /// Whether a text field takes `key` as editing (typing, moving the cursor, deleting).
    static func edits(_ key: Key) -> Bool {
        var field = TextField("ab cd")
        return field.handle(key)
    }

    @Test func aKeyNotInTheTableDoesNothingButTypeIntoAField() throws {
        for mode in try Self.modes() {
            let keys = mode.state.keys
            for key in Self.keySet where !keys.binds(key) {
                var state = mode.state
                let effects = state.update(.key(key))
                // Typing may select a customer whose card then reads the newest lines of their timeline.
                let typed = keys.typing != nil && Self.edits(key)
                #expect(effects.allSatisfy { if case .lookUpTimeline = $0 { typed } else { false } },
                        "\(key.label) returns \(effects) in \(mode.name)")
                guard Self.fingerprint(state) != Self.fingerprint(mode.state) else { continue }
                #expect(keys.typing != nil && Self.edits(key), "\(key.label) changes \(mode.name) but is not in its table")
            }
        }
    }

    @Test func theHelpLineAndF1ShowEveryBindingOfTheMode() throws {
        // The help screen's own keys are on the help line under it.
        for mode in try Self.modes() where !mode.state.helpVisible {
            let keys = mode.state.keys
            let box = mode.state.helpLines(width: 66)
            for entry in keys.helpEntries {
                #expect(box.contains { $0.hasPrefix(entry.label.truncated(toWidth: 22)) && $0.contains(entry.description.prefix(20)) },
                        "\(entry.label) \(entry.description) of \(mode.name) is not in F1")
            }
        }
    }
}
