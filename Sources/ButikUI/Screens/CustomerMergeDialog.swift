import ButikDomain
import ButikGrid
import ButikText

/// Merging another record of the same person into the one on the card (`m`): the other is
/// found by the directory's live search, then what moves is shown (parcels, contacts, cases,
/// proxies, log lines; the kept key stays, the other retires) and y or j confirms.
public struct CustomerMergeDialog: Equatable, Sendable {
    /// The record kept: the card's.
    public let keep: CustomerID
    /// The search typed so far.
    var search: TextPrompt<CustomersScreen.Action>
    /// The match Enter takes.
    public internal(set) var selected = 0
    /// The other record with what merging it does, once chosen: the dialog asks to confirm.
    public internal(set) var preview: CustomerMerge?
    /// Why the merge was refused, said until the next choice.
    public internal(set) var refusal: Phrase?

    /// At most this many matches are listed.
    static let listed = 5

    init(_ keep: CustomerID, text: String = "") {
        self.keep = keep
        search = TextPrompt(Phrase("keys.customers.search"), text: text, placeholder: Phrase("customers.merge.placeholder"),
                            enter: .init(Phrase("keys.customers.choose"), .submitMerge), escape: .init(Phrase("keys.counter.cancel"), .cancelMerge))
    }

    /// The records the search finds, the kept one left out, as the directory finds them.
    func matches(_ shop: ShopState) -> [Customer] {
        guard !search.answer.isEmpty else { return [] }
        return shop.search(search.answer, limit: Self.listed + 1).customers.filter { $0 != keep }.prefix(Self.listed).compactMap { shop.customers[$0] }
    }

    /// Moves the selection among the matches.
    mutating func move(_ lines: Int, _ shop: ShopState) {
        selected = min(max(0, selected + lines), max(0, matches(shop).count - 1))
    }

    /// Enter on a match: the domain decides the merge against the live state, to show what it
    /// does; a refusal is said.
    mutating func choose(_ context: AppContext) -> Bool {
        let found = matches(context.shop)
        guard found.indices.contains(selected) else { return false }
        do throws(DomainError) {
            preview = try context.shop.mergeCustomers(keep: keep, other: found[selected].id,
                                                      Context(layout: context.layout, now: context.now, staff: context.staff)).outcome
            refusal = nil
        } catch {
            refusal = error.phrase
            return false
        }
        return true
    }

    /// The dialog as it reads in the context's words, as many matches listed as `room` holds
    /// under its question (the box, the field and the buttons take six rows).
    func modal(_ context: AppContext, room: Rect) -> Modal {
        let words = context.words
        let kept = context.shop.customers[keep]
        let title = " \(words.text("customers.merge.title", ["key": .text(kept?.key.value ?? "?")])) "
        let refused = refusal.map { "\n" + words.text($0) } ?? ""
        guard let preview else {
            let found = matches(context.shop)
            let question = words.text("customers.merge.message", ["key": .text(kept?.key.value ?? "?"), "name": .text(kept?.name ?? "")])
            let fit = max(1, room.height - 6 - question.wrapped(toWidth: min(56, room.width - 4)).count)
            let first = min(max(0, selected - fit / 2), max(0, found.count - fit))
            let lines = found.enumerated().dropFirst(first).prefix(fit).map { offset, customer in
                "\(offset + 1) \(offset == selected ? "›" : " ") \(customer.key.value)  \(customer.name)  \(customer.phones.first ?? "")"
            }
            let message = [question] + (found.isEmpty && !search.answer.isEmpty ? [words.text("customers.noMatch", ["text": .text(search.answer)])] : lines)
            return Modal(.prompt(search.shown(words)), title: title, message: message.joined(separator: "\n") + refused,
                         confirmLabel: words.text("customers.merge.choose"), cancelLabel: words.text("modal.cancel"))
        }
        let other = preview.merged
        let contacts = context.shop.records.contacts.values.count { $0.customer == other.id }
        let cases = context.shop.customerCases(other.id).count
        let (parcels, proxies) = (preview.parcels.count, preview.proxies.count)
        let lines = [
            words.text("customers.merge.into", ["other": .text("\(other.key.value) \(other.name)"), "kept": .text("\(preview.kept.key.value) \(preview.kept.name)")]),
            Self.moves([(Phrase("customers.merge.moves.parcels", ["n": .count(parcels)]), parcels),
                        (Phrase("customers.merge.moves.contacts", ["n": .count(contacts)]), contacts),
                        (Phrase("customers.merge.moves.cases", ["n": .count(cases)]), cases),
                        (Phrase("customers.merge.moves.proxies", ["n": .count(proxies)]), proxies),
                        (Phrase("customers.merge.moves.lines", ["n": .count(preview.logEntries)]), preview.logEntries)], words),
            words.text("customers.merge.keys", ["kept": .text(preview.kept.key.value), "other": .text(other.key.value)]),
            words.text("customers.merge.ask"),
        ]
        return Modal(.confirm, title: title, message: lines.joined(separator: "\n") + refused,
                     confirmLabel: words.text("customers.merge.confirm"), cancelLabel: words.text("modal.cancel"))
    }

    /// "Moves: 1 parcel, 2 contacts.": what moves, each counted in its own plural, leaving out
    /// what there is none of.
    static func moves(_ counted: [(Phrase, Int)], _ words: Words) -> String {
        let items = counted.filter { $0.1 > 0 }.map { words.text($0.0) }
        return items.isEmpty ? words.text("customers.merge.movesNothing")
            : words.text("customers.merge.moves", ["items": .text(items.joined(separator: ", "))])
    }
}
