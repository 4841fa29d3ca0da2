import Foundation
import ButikDomain
import ButikGrid
import ButikText

extension CustomerCard {
    /// The newest page of the customer's timeline, kept to count their visits by
    /// ``RegularRule`` while older pages are shown.
    public struct Visits: Equatable, Sendable {
        let entries: [TimelineEntry]
        /// The page holds the whole timeline.
        let complete: Bool

        init(_ page: TimelinePage) {
            entries = page.entries
            complete = page.pageCount <= 1
        }

        /// The visits in the rule's period ending `today`, and whether that is all of them (the
        /// page reaches back before the period, or holds the whole timeline).
        func count(_ rule: RegularRule, today: Day, in zone: TimeZone) -> (visits: Int, exact: Bool) {
            let oldest = entries.map(\.at).min().map { Day($0, in: zone) }
            let exact = complete || oldest.map { $0 < rule.firstDay(endingOn: today) } ?? true
            return (rule.visits(in: entries, endingOn: today, in: zone), exact)
        }
    }

    /// The record's lines under the name, at most `height` and at most half of it when there
    /// are more (the last line then counts the rest), so the parcels and the timeline keep
    /// their room: phones and e-mail; channel and language; the flags; the note; the proxies;
    /// the retired keys; the open cases.
    func recordLines(_ customer: Customer, height: Int, _ context: AppContext) -> [(text: String, style: Style)] {
        let words = context.words
        var contact: [String] = []
        if !customer.phones.isEmpty { contact.append(words.text("customers.card.phones", ["phones": .list(customer.phones)])) }
        if let email = customer.email { contact.append(words.text("customers.card.email", ["email": .text(email)])) }
        var lines: [(text: String, style: Style)] = [contact.isEmpty ? (words.text("customers.card.noContact"), Style(.muted))
                                                        : (contact.joined(separator: "  "), .plain)]
        let reach = [customer.channel.map { words.text("customers.card.channel", ["channel": .phrase($0.phrase)]) },
                     customer.language.map { words.text("customers.card.language", ["language": .phrase($0.phrase)]) }].compactMap { $0 }
        if !reach.isEmpty { lines.append((reach.joined(separator: "  "), .plain)) }
        lines.append(flagsLine(customer, context))
        if let note = customer.note { lines.append((words.text("counter.card.note", ["note": .text(note)]), Style(.warning))) }
        if !customer.proxies.isEmpty {
            let proxies = customer.proxies.enumerated().map { offset, proxy in proxyText(offset + 1, proxy, context) }
            let expired = customer.proxies.contains { !$0.isValid(on: context.today) }
            lines.append((words.text("customers.card.proxies", ["names": .list(proxies)]), expired ? Style(.warning) : .plain))
        }
        if !customer.retiredKeys.isEmpty {
            lines.append((words.text("customers.card.retiredKeys", ["keys": .list(customer.retiredKeys.map(\.value))]), Style(.muted)))
        }
        lines += context.shop.openCustomerCases(customer.id).map { $0.line(context) }
        let room = lines.count <= height / 2 ? height : max(1, height / 2)
        guard lines.count > room else { return lines }
        return lines.prefix(room - 1) + [(words.text("customers.card.moreLines", ["n": .count(lines.count - room + 1)]), Style(.muted))]
    }

    /// Regular (by hand, or by visits as far as the newest page of the timeline tells) and
    /// whether parcels go to them in person only.
    private func flagsLine(_ customer: Customer, _ context: AppContext) -> (text: String, style: Style) {
        let words = context.words
        let rule = context.layout.regular
        let period: [String: Phrase.Argument] = ["needed": .count(rule.visits), "days": .count(rule.days)]
        var flags: [String] = []
        if customer.regularByHand {
            flags.append(words.text("customers.card.regularByHand"))
        } else if let (count, exact) = visits?.count(rule, today: context.today, in: context.layout.zone) {
            let counted = period.merging(["n": .count(count)]) { $1 }
            let phrase = count >= rule.visits ? (exact ? Phrase("customers.card.regular", counted) : Phrase("customers.card.regularAtLeast", counted))
                : (exact ? Phrase("customers.card.notRegular", counted) : Phrase("customers.card.notRegularYet", counted))
            flags.append(words.text(phrase))
        }
        if customer.personalOnly { flags.append(words.text("customers.card.personalOnly")) }
        let regular = customer.regularByHand || visits.map { $0.count(rule, today: context.today, in: context.layout.zone).visits >= rule.visits } ?? false
        return (flags.isEmpty ? words.text("customers.card.flagsUnknown") : flags.joined(separator: "  "),
                regular || customer.personalOnly ? Style(.accent) : Style(.muted))
    }

    /// "1 Petter Dahl Solberg, son (since 23.11.2026) until 01.12.2030", an expired one so marked.
    func proxyText(_ number: Int, _ proxy: Proxy, _ context: AppContext) -> String {
        let words = context.words
        let name = proxy.relation.map { "\(proxy.name), \($0)" } ?? proxy.name
        let text = words.text("customers.card.proxy", ["n": .text("\(number)"), "name": .text(name),
                                                       "day": .date(Day(proxy.registeredAt, in: context.layout.zone))])
        guard let until = proxy.validUntil else { return text }
        let day: [String: Phrase.Argument] = ["day": .date(until)]
        return text + " " + words.text(proxy.isValid(on: context.today) ? Phrase("customers.card.proxyUntil", day) : Phrase("customers.card.proxyExpired", day))
    }
}
