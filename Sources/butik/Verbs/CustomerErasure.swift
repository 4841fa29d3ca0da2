import ButikDomain
import ButikStore
import ButikText
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Verb {
    /// `customer erase KEY [--yes]`: says what goes, asks (or `--yes`; without a terminal to ask
    /// on it is refused), erases the customer's personal data from every file of the store and
    /// says that older backups still hold it.
    static func runCustomerErase(_ args: Arguments, _ session: Session) throws(CLIError) {
        guard args.positionals.count == 2 else { throw .usage(Phrase("cli.usage.oneKey", ["verb": .text("customer erase")])) }
        let key = CustomerKey(typed: args.positionals[1])
        let words = session.words
        let json = args.has(CustomerOptions.json)
        let store = try session.openStore()
        guard let customer = store.state.customer(withKey: key) else { throw .refused(DomainError.unknownCustomer(key.value).phrase) }
        if !args.has(CustomerOptions.yes) {
            guard isatty(STDIN_FILENO) == 1 else {
                throw .usage(Phrase("cli.customer.erase.needsYes", ["yes": .text(CustomerOptions.yes.name)]))
            }
            func say(_ text: String) { if json { Output.error(text) } else { Output.line(text) } }
            say(words.text("cli.customer.erase.what", ["key": .text(customer.key.value), "name": .text(customer.name)]))
            say(words.text("cli.customer.erase.ask", ["yes": .phrase(Phrase("cli.restore.yes"))]))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == words.text("cli.restore.yes") || answer == "yes" else {
                say(words.text("cli.customer.erase.nothing"))
                return
            }
        }
        let done: ShopStore.ErasureDone
        do { done = try store.erase(key: key, staff: session.staff, now: session.now) } catch { throw CLIError(error) }
        let erasedKey = Erasure.key(of: done.outcome.customer.id)
        if json {
            try Output.json(ErasureView(customer: done.outcome.customer.id.description, key: erasedKey.value, alreadyErased: done.outcome.alreadyErased,
                                        linesRewritten: done.rewrite.lines, segmentsRewritten: done.rewrite.segments,
                                        backups: store.defaultBackupFolder.path))
            return
        }
        let said: [String: Phrase.Argument] = ["key": .text(done.outcome.customer.key.value), "erased": .text(erasedKey.value),
                                               "n": .count(done.rewrite.lines), "segments": .list(done.rewrite.segments)]
        Output.line(words.text(done.outcome.alreadyErased ? Phrase("cli.customer.erase.again", said) : Phrase("cli.customer.erase.done", said)))
        Output.line(words.text("cli.customer.erase.backups", ["folder": .text(store.defaultBackupFolder.path)]))
    }

    /// `customer export KEY`: everything the store holds about the customer, as JSON (their
    /// right of access): the record, their log, the parcels in the shop and their whole
    /// timeline from the history.
    static func runCustomerExport(_ args: Arguments, _ session: Session) throws(CLIError) {
        guard args.positionals.count == 2 else { throw .usage(Phrase("cli.usage.oneKey", ["verb": .text("customer export")])) }
        let store = try session.openStore()
        guard let customer = store.state.customer(withKey: CustomerKey(typed: args.positionals[1])) else {
            throw .refused(DomainError.unknownCustomer(args.positionals[1]).phrase)
        }
        let today = Day(session.now, in: store.layout.zone)
        let all = Int(Int32.max)
        let timeline = try session.history(store, .timeline(customer.id, since: nil, page: 1, pageSize: all))
            .timeline(of: customer.id, page: 1, pageSize: all)
        try Output.json(CustomerExport(exportedAt: session.now, shop: store.layout.name, erased: store.state.isErased(customer.id),
                                       customer: CustomerView(customer, in: store.state),
                                       parcels: store.state.parcelsInShop(for: customer.id).map { ParcelView($0, today: today) },
                                       timeline: timeline.entries.map(TimelineEntryView.init)))
    }
}

private struct ErasureView: Encodable {
    let customer: String
    let key: String
    let alreadyErased: Bool
    let linesRewritten: Int
    let segmentsRewritten: [String]
    /// Backups made before the erasure there still hold the data.
    let backups: String
}

private struct CustomerExport: Encodable {
    let exportedAt: Date
    let shop: String
    let erased: Bool
    let customer: CustomerView
    /// In the shop now.
    let parcels: [ParcelView]
    /// Everything the journal holds of them, newest first.
    let timeline: [TimelineEntryView]
}
