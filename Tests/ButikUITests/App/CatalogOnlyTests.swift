import ButikDomain
import ButikGrid
import ButikText
@testable import ButikUI
import ButikRuntime
import ButikStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// No word reaches the screen but through the catalog: every mode of every screen (the key
/// tables' states), drawn and with F1 open, in a catalog where each run of letters of en.json is
/// wrapped in ⟦ ⟧. A run of letters on the screen is then either marked, or data of the shop
/// (names, keys, tracking numbers, slots, carriers, staff, notes), or a key's name (Enter, Esc).
@Suite struct CatalogOnlyTests {
    /// en.json with every run of letters outside a placeholder wrapped: "Scan {n} parcels" reads
    /// "⟦Scan⟧ {n} ⟦parcels⟧", so a wrapped or cut line still shows which words are the catalog's.
    static let marked: Words = {
        func mark(_ text: String) -> String {
            var result = "", inPlaceholder = false, inRun = false
            for character in text {
                if character == "{" { inPlaceholder = true }
                let letter = character.isLetter && !inPlaceholder
                if letter != inRun { result += letter ? "⟦" : "⟧" }
                inRun = letter
                result.append(character)
                if character == "}" { inPlaceholder = false }
            }
            return result + (inRun ? "⟧" : "")
        }
        let english = Catalog.shipped(.en)
        return Words(.en, catalog: Catalog(entries: english.entries.mapValues { entry in
            switch entry {
            case .text(let text): .text(mark(text))
            case .plural(let one, let other): .plural(one: mark(one), other: mark(other))
            }
        }))
    }()

    /// Key names as the help shows them (`Key.label`), the same in every language.
    static let keyNames: Set<String> = ["Enter", "Esc", "Ctrl", "Tab", "Shift", "Backspace", "Del", "Ins", "Home", "End",
                                        "PgUp", "PgDn", "F"]

    /// Every run of letters in the shop's own data.
    static func data(_ state: AppState) -> Set<String> {
        let shop = state.context.shop
        var texts = [state.staff.value, state.storeLabel, state.context.layout.name]
        texts += state.context.layout.carriers.flatMap { [$0.id.value, $0.name] }
        texts += state.context.layout.slots.map(\.id.value) + [state.context.layout.overflowID.value, state.context.layout.outboundID.value]
        for customer in shop.customers.values {
            texts += [customer.name, customer.key.value, customer.note ?? ""] + customer.phones + customer.proxies.map(\.name)
        }
        for parcel in shop.parcels.values {
            texts += [parcel.tracking.value, parcel.key.value, parcel.recipientName, parcel.carrier.value, parcel.slot.value, parcel.receivedBy.value,
                      parcel.pickupCode?.digits ?? ""]
            if case .handedOut(let handOut) = parcel.status { texts += [handOut.staff.value, handOut.proxyName ?? "", handOut.proxyID ?? ""] }
        }
        texts += shop.customerLogs.values.flatMap { $0.flatMap { [$0.text, $0.staff.value] } }
        texts += shop.queue.values.compactMap(\.note)
        texts += shop.contacts.values.flatMap { [$0.text, $0.staff.value] }
        texts += shop.cases.values.flatMap { found in
            [found.text, found.owner.value, found.openedBy.value] + found.updates.flatMap { [$0.text ?? "", $0.staff.value, $0.owner?.value ?? ""] }
        }
        texts.append(state.customers.cases.opened?.dialog?.input.text ?? "")
        // What the clerk typed, and the refusal's reason they may type over.
        texts += [state.counter.field.text, state.intake.nameField.text, state.intake.codeField.text, state.queue.prompt?.text ?? "",
                  state.customers.prompt?.text ?? ""]
        texts += [state.counter.handOut?.reasonField.text ?? "", state.counter.handOut?.proxyField.text ?? ""]
        if case .phone(let name)? = state.customers.prompt?.purpose { texts.append(name) }
        return Set(texts.flatMap(runs).map { $0.lowercased() })
    }

    static func runs(_ text: String) -> [String] {
        text.split { !$0.isLetter }.map(String.init)
    }

    /// The runs of letters on `lines` that are neither marked, nor data, nor a key's name: a run
    /// is marked when ⟦ is right before it and ⟧ (or … where it was cut) right after.
    static func unmarked(_ lines: [String], data: Set<String>) -> [String] {
        var found: [String] = []
        for line in lines {
            let characters = Array(line)
            var index = 0
            while index < characters.count {
                guard characters[index].isLetter else {
                    index += 1
                    continue
                }
                let start = index
                while index < characters.count, characters[index].isLetter { index += 1 }
                let run = String(characters[start..<index])
                let opened = start > 0 && characters[start - 1] == "⟦"
                let closed = index == characters.count || characters[index] == "⟧" || characters[index] == "…"
                if opened && closed { continue }
                // A dialog's frame covers the rest of a marked word, or its start.
                let frame: (Int) -> Bool = { characters.indices.contains($0) && ("\u{2500}"..."\u{257F}").contains(characters[$0]) }
                if (opened && frame(index)) || (closed && frame(start - 1)) { continue }
                // A cut line can lose a run's opening marker only at its start.
                if closed && start == 0 { continue }
                // One letter is a key (q, m); two may be the edge of a word a dialog covers.
                if data.contains(run.lowercased()) || keyNames.contains(run) || run.count <= 2 { continue }
                // Data cut short where the room ends, or where a dialog's frame covers it.
                let cut = index == characters.count || characters[index] == "…" || frame(index)
                if cut, data.contains(where: { $0.hasPrefix(run.lowercased()) }) { continue }
                found.append(run)
            }
        }
        return found
    }

    @Test func everyWordOfEveryModeAndItsHelpComesFromTheCatalog() throws {
        let modes = try KeyTableTests.modes()
        #expect(modes.count >= 30)
        for mode in modes {
            var state = mode.state
            state.context.words = Self.marked
            let data = Self.data(state)
            // Under F1 the box cuts the words of the screen, whose own modes are drawn too.
            for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] where !state.helpVisible {
                let lines = state.view(size).textLines
                let stray = Self.unmarked(lines, data: data)
                #expect(stray.isEmpty, "\(mode.name) at \(size.width)x\(size.height) says \(stray) not from the catalog:\n\(lines.joined(separator: "\n"))")
            }
            // F1's lines whole (drawn, the box cuts the words of the screen under it).
            state.helpVisible = true
            let help = state.helpLines(width: 66) + [state.view(Size(width: 100, height: 30)).textLines.last ?? ""]
            let stray = Self.unmarked(help, data: data)
            #expect(stray.isEmpty, "F1 on \(mode.name) says \(stray) not from the catalog:\n\(help.joined(separator: "\n"))")
        }
    }

    /// The store's failures and notices as the status line, its banner and a message say them:
    /// every reason in words of the catalog (the files named and the system's own words are data).
    @Test func aStoreFailureAndItsNoticesComeFromTheCatalog() throws {
        let journal = "/srv/butik/journal/000000000001.jsonl"
        let system = String(cString: strerror(ENOSPC))
        let reasons: [ReadOnlyReason] = [
            .failed(.corrupt(file: journal, line: 2, reason: .checksumMismatch)),
            .failed(.corrupt(file: journal, line: 5, reason: .undecodable(.missingField("event.parcels")))),
            .saveFailed(.io(operation: .write, path: journal, errno: ENOSPC), cutFailed: nil),
            .saveUnconfirmed(UnconfirmedSave(error: .io(operation: .fdatasync, path: journal, errno: EIO),
                                             cause: .notCutBack(errno: EIO), noted: true)),
        ]
        let notices: [StoreNotice] = [.tornLine(line: 7, file: journal, .noNewline), .damageGone(path: "/srv/butik/damage.json"),
                                      .strayParcels(count: 2, file: "shop.json", slots: ["A9 (2)"])]
        for reason in reasons {
            var state = try #require(KeyTableTests.modes().first).state
            state.context.words = Self.marked
            _ = state.update(.storeNotices(notices.map(\.phrase)))
            let data = Self.data(state).union(Self.runs(journal + " " + system + " " + String(cString: strerror(EIO)) + " damage.json shop.json event.parcels")
                .map { $0.lowercased() })
            let toast = state.view(Size(width: 200, height: 30)).textLines
            #expect(Self.unmarked(toast, data: data).isEmpty, "the notices say \(Self.unmarked(toast, data: data)):\n\(toast.joined(separator: "\n"))")
            _ = state.update(.storeFailed(reason.phrase))
            _ = state.update(.tick(now: state.context.now, clock: state.clock + AppState.toastSeconds))
            let lines = state.view(Size(width: 200, height: 30)).textLines
            let stray = Self.unmarked(lines, data: data)
            #expect(stray.isEmpty, "\(reason) says \(stray) not from the catalog:\n\(lines.joined(separator: "\n"))")
        }
    }

    @Test func aWordInCodeIsFound() {
        #expect(Self.unmarked(["⟦Scan⟧ 3 ⟦of⟧ 5  Enter ⟦hand⟧ ⟦out⟧  cancel"], data: []) == ["cancel"])
        #expect(Self.unmarked(["Move 2 parcels"], data: []) == ["Move", "parcels"])
        #expect(Self.unmarked(["⟦A⟧ ⟦long⟧ ⟦sent…", "ence⟧ ⟦goes⟧ on"], data: ["on"]) == [])
        #expect(Self.unmarked(["Kari Nordmann  Note"], data: ["kari", "nordmann"]) == ["Note"])
        #expect(Self.unmarked(["Ødegår…"], data: ["ødegård"]) == [])
        #expect(Self.unmarked([" 193 ⟦waiti┌─ ⟦Return⟧ ──┐ver⟧", " ⟦due⟧ ⟦tod└───┘"], data: []) == [], "words a dialog covers")
        #expect(Self.unmarked([" 193 waiti┌─ ⟦Return⟧ ──┐ver x"], data: []) == ["waiti", "ver"])
    }
}
