import Foundation
import Testing
import ButikDomain
@testable import ButikText

@Suite struct WordsTests {
    static let words = Words(.nb, catalog: Catalog(entries: [
        "parcels": .plural(one: "{n} pakke til {key}", other: "{n} pakker til {key}"),
        "slot": .text("Hylle {slot}"),
        "nested": .text("Merk: {what}"),
        "when": .text("{day} kl. {moment}"),
        "list": .text("Kjente: {names}."),
    ]))

    @Test func aPluralTakesOneOnlyForOne() {
        #expect(Self.words.text("parcels", ["n": .count(1), "key": .text("JEDS")]) == "1 pakke til JEDS")
        #expect(Self.words.text("parcels", ["n": .count(0), "key": .text("JEDS")]) == "0 pakker til JEDS")
        #expect(Self.words.text("parcels", ["n": .count(5), "key": .text("JEDS")]) == "5 pakker til JEDS")
        #expect(Self.words.text("parcels", ["n": .count(21), "key": .text("JEDS")]) == "21 pakker til JEDS")
    }

    @Test func aMissingKeyOrArgumentShowsItselfAndNeverTraps() {
        #expect(Self.words.text("no.such.key") == "no.such.key")
        #expect(Self.words.text(Phrase("no.such.key", ["x": .count(1)])) == "no.such.key")
        #expect(Self.words.text("slot") == "Hylle {slot}")
        #expect(Self.words.text("parcels", ["key": .text("MM")]) == "{n} pakker til MM")
    }

    @Test func argumentsAreFormattedForTheReader() {
        let day = Day(year: 2026, month: 11, day: 24)!
        #expect(Self.words.text("when", ["day": .date(day), "moment": .moment(LocalMoment(day: day, minuteOfDay: 9 * 60 + 5))])
            == "24.11.2026 kl. 24.11.2026 09:05")
        #expect(Self.words.text("list", ["names": .list(["PostNord", "DHL"])]) == "Kjente: PostNord, DHL.")
        #expect(Self.words.text("nested", ["what": .phrase(Phrase("slot", ["slot": .text("A2")]))]) == "Merk: Hylle A2")
        #expect(Self.words.text("slot", ["slot": .text("{n}")]) == "Hylle {n}", "an argument's text is not filled again")
    }

    @Test(arguments: Language.allCases)
    func datesAndTimesAreTheShopsConventionInEveryLanguage(_ language: Language) {
        let words = Words.shipped(language)
        let day = Day(year: 2026, month: 1, day: 4)!
        #expect(words.date(day) == "04.01.2026")
        #expect(words.dayAndMonth(day) == "04.01")
        #expect(words.time(minuteOfDay: 9 * 60 + 5) == "09:05")
        #expect(words.time(minuteOfDay: 23 * 60 + 59) == "23:59")
        #expect(words.moment(LocalMoment(day: day, minuteOfDay: 0)) == "04.01.2026 00:00")
    }

    @Test func aMomentIsTheShopsWallClock() throws {
        let oslo = try #require(TimeZone(identifier: "Europe/Oslo"))
        // 2026-11-24 08:05 UTC is 09:05 in Oslo; 23:30 UTC is already the next day there.
        let morning = Date(timeIntervalSince1970: 1_795_507_500)
        #expect(Words.english.moment(LocalMoment(morning, in: oslo)) == "24.11.2026 09:05")
        #expect(Words.english.moment(LocalMoment(morning.addingTimeInterval(15.5 * 3600), in: oslo)) == "25.11.2026 00:35")
    }

    @Test func anErrorWithoutAPhraseIsDescribedAsTheSystemDoes() {
        struct Other: Error {}
        #expect(Words.english.describe(Other()) == "Other()")
    }
}
