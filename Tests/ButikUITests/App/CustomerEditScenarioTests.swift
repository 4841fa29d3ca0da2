import ButikDomain
import ButikGrid
import ButikStore
import ButikText
import Foundation
import Testing
@testable import ButikUI

/// F6's card: `e` edits every field of the record through the domain's one edit, `p` registers
/// a proxy with their relation and last day, `m` merges another record of the same person.
@Suite struct CustomerEditScenarioTests {
    /// Vera Vik's card open, her record edited with `e` and field `number` picked.
    static func editing(_ number: Character) throws -> (Harness, CustomerID) {
        let h = try CustomerScreenCardTests.veraOpen()
        let vera = try #require(h.store.state.customer(withKey: "VV")).id
        h.press(.character("e"), .character(number))
        return (h, vera)
    }

    @Test func eListsEveryFieldAndEditsTheEmailInThePromptFilledWithIt() throws {
        let (h, vera) = try Self.editing("4")
        #expect(h.state.customers.editor?.field == .email)
        #expect(h.state.customers.editor?.text == "")
        h.type("vera@vik.no")
        h.press(.enter)
        #expect(h.store.state.customers[vera]?.email == "vera@vik.no")
        #expect(h.state.customers.notice == Notice(Phrase("customers.edited", ["field": .phrase(Phrase("customers.edit.field.email")), "key": .text("VV")])))
        // Back on the list of fields, which shows the new value; the prompt opens with it.
        #expect(h.state.customers.editor?.field == nil)
        #expect(h.screen().contains { $0.contains("4 › E-mail") && $0.contains("vera@vik.no") })
        h.press(.character("4"))
        #expect(h.state.customers.editor?.text == "vera@vik.no")
        h.press(.escape, .escape)
        #expect(h.state.customers.editor == nil)
        #expect(h.screen()[3] == " Phone: 41122334  E-mail: vera@vik.no")
    }

    @Test func aRefusedFieldIsSaidInTheDialogAndTheTextKeptForCorrection() throws {
        let (h, vera) = try Self.editing("4")
        h.type("vera@vik")
        h.press(.enter)
        #expect(h.store.state.customers[vera]?.email == nil)
        #expect(h.state.customers.editor?.refusal == DomainError.invalidEmail("vera@vik").phrase)
        #expect(h.state.customers.editor?.text == "vera@vik")
        #expect(h.screen().contains { $0.contains("\"vera@vik\"") })
        h.type(".no")
        h.press(.enter)
        #expect(h.store.state.customers[vera]?.email == "vera@vik.no")
        #expect(h.state.customers.editor?.refusal == nil)
    }

    @Test func aNationalIDInTheNoteIsRefusedWithTheDomainsMessage() throws {
        let (h, vera) = try Self.editing("5")
        h.type("ID 150387 10041")
        h.press(.enter)
        #expect(h.store.state.customers[vera]?.note == nil)
        #expect(h.state.customers.editor?.refusal == DomainError.nationalIDInText(.norwegianBirthNumber).phrase)
        #expect(h.state.customers.editor?.text == "ID 150387 10041")
    }

    @Test func nameKeyAndPhonesAreEditedAsTyped() throws {
        let (h, vera) = try Self.editing("1")
        #expect(h.state.customers.editor?.text == "Vera Vik")
        h.press(.control("u"))
        h.type("Vera Marie Vik")
        h.press(.enter, .character("2"), .control("u"))
        h.type("vera")
        h.press(.enter, .character("3"))
        #expect(h.state.customers.editor?.text == "41122334")
        h.type(", 99 88 77 66")
        h.press(.enter)
        let record = try #require(h.store.state.customers[vera])
        #expect(record.name == "Vera Marie Vik")
        #expect(record.key == "VERA" && record.retiredKeys == ["VV"])
        #expect(record.phones == ["41122334", "99887766"])
        h.press(.escape)
        #expect(h.screen().contains(" Earlier keys (still find them): VV"))
    }

    @Test func channelAndLanguageAreChosenAndTheFlagsTurnedOver() throws {
        let (h, vera) = try Self.editing("6")
        #expect(h.state.customers.editor?.field == .channel)
        h.press(.character("5"))
        #expect(h.store.state.customers[vera]?.channel == .messenger)
        // ↑↓ and Enter choose too; 0 is none.
        h.press(.character("7"), .down, .down, .enter)
        #expect(h.store.state.customers[vera]?.language == .sv)
        h.press(.character("7"), .character("0"))
        #expect(h.store.state.customers[vera]?.language == nil)
        h.press(.character("8"), .character("9"))
        #expect(h.store.state.customers[vera]?.regularByHand == true)
        #expect(h.store.state.customers[vera]?.personalOnly == true)
        h.press(.escape)
        let lines = h.screen()
        #expect(lines[4] == " Reach by Messenger")
        #expect(lines[5] == " Regular (marked by hand)  In person only: no proxy")
    }

    @Test func pRegistersAProxyWithRelationAndLastDay() throws {
        let h = try CustomerScreenCardTests.veraOpen()
        let vera = try #require(h.store.state.customer(withKey: "VV")).id
        h.press(.character("p"))
        h.type("Petter Vik")
        h.press(.enter)
        h.type("son")
        h.press(.enter)
        // A day that is none is said at once; one beyond five years is the domain's refusal.
        h.type("32.13.2027")
        h.press(.enter)
        #expect(h.state.customers.notice?.tone == .error)
        #expect(h.state.customers.prompt?.text == "32.13.2027")
        h.press(.control("u"))
        h.type("01.12.2031")
        h.press(.enter)
        #expect(h.store.state.customers[vera]?.proxies.isEmpty == true)
        #expect(h.state.customers.notice?.tone == .error)
        #expect(h.state.customers.prompt?.purpose == .validUntil(vera, name: "Petter Vik", relation: "son"))
        #expect(h.state.customers.prompt?.text == "01.12.2031")
        h.press(.control("u"))
        h.type("01.12.2027")
        h.press(.enter)
        let proxy = try #require(h.store.state.customers[vera]?.proxies.first)
        #expect(proxy.relation == "son" && proxy.validUntil == Day(year: 2027, month: 12, day: 1))
        #expect(h.screen().contains(" Proxies: 1 Petter Vik, son (since 23.11.2026) until 01.12.2027"))
    }

    /// Vera Vik's card open, with a second record of hers (VV2) holding a parcel.
    static func withADuplicate() throws -> (Harness, kept: CustomerID, other: CustomerID) {
        let h = try CustomerScreenCardTests.shopWithARegular()
        let other = try h.store.addCustomer(NewCustomer(name: "Vera Vik", phones: ["99887766"]))
        try h.store.receive(Harness.s10("77008888"), for: other.id)
        let kept = try #require(h.store.state.customer(withKey: "VV")).id
        h.press(.function(6))
        h.type("VV ")
        h.press(.enter)
        #expect(h.state.customers.card?.customer == kept)
        return (h, kept, other.id)
    }

    @Test func mFindsTheOtherRecordShowsWhatMovesAndYMerges() throws {
        let (h, kept, other) = try Self.withADuplicate()
        h.press(.character("m"))
        h.type("vera")
        // The live search finds the other record only: the kept one is left out.
        #expect(h.state.customers.merging?.matches(h.state.context.shop).map(\.id) == [other])
        h.press(.enter)
        let preview = try #require(h.state.customers.merging?.preview)
        #expect(preview.parcels.count == 1 && preview.merged.id == other)
        let screen = h.screen().joined(separator: "\n")
        #expect(screen.contains("Moves: 1 parcel."), "one parcel, and none of the rest: \(screen)")
        #expect(screen.contains("VV stays the key; VV2 retires"))
        h.press(.character("y"))
        #expect(h.store.state.customers[other] == nil)
        #expect(h.store.state.customers[kept]?.retiredKeys == ["VV2"])
        #expect(h.store.state.customers[kept]?.phones == ["41122334", "99887766"])
        #expect(h.state.customers.merging == nil)
        #expect(h.state.customers.card?.customer == kept)
        #expect(h.screen().contains(" Earlier keys (still find them): VV2"))
        // The directory no longer lists the other; its key still finds the kept record.
        h.press(.escape, .escape, .function(6))
        #expect(h.state.customers.customers(h.state.context).compactMap { h.state.context.shop.customers[$0]?.key }.contains("VV2") == false)
        #expect(h.state.context.shop.customer(withKey: "VV2")?.id == kept)
    }

    @Test func escCancelsTheMergeAndNothingMoves() throws {
        let (h, kept, other) = try Self.withADuplicate()
        h.press(.character("m"))
        h.type("vera")
        h.press(.enter)
        #expect(h.state.customers.merging?.preview != nil)
        h.press(.escape)
        #expect(h.state.customers.merging == nil)
        #expect(h.store.state.customers[other] != nil && h.store.state.customers[kept]?.retiredKeys == [])
    }

    @Test func aMergeTheDomainRefusesIsSaidInTheDialog() throws {
        let (h, kept, other) = try Self.withADuplicate()
        for id in [kept, other] {
            _ = try h.store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
                try state.addToQueue(id, announcedFor: nil, note: nil, context)
            }
        }
        h.press(.character("m"))
        h.type("vera")
        h.press(.enter)
        #expect(h.state.customers.merging?.preview == nil)
        #expect(h.state.customers.merging?.refusal == DomainError.mergeBothQueued(kept: "VV", merged: "VV2").phrase)
        #expect(h.store.state.customers[other] != nil)
    }
}
