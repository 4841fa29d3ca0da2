import Foundation
import Testing
@testable import ButikDomain

@Suite struct ContactTests {
    static let maria = QueueTests.maria, thomas = QueueTests.thomas
    static let rr1 = TrackingNumber("RR000000001SE"), rr3 = TrackingNumber("RR000000003SE")

    @Test func aContactIsLoggedWithItsChannelSubjectAndTidiedText() throws {
        var state = try QueueTests.shop()
        let per = Fixtures.later(60, staff: "per")
        let decision = try state.logContact(Self.maria, channel: .messenger, about: .parcel(Self.rr1), text: "  Asks\nwhen   it comes ", per)
        let contact = state.commit(decision, per)
        #expect(decision.events == [.contactLogged(contact)])
        #expect(contact == Contact(id: ContactID(1), customer: Self.maria, channel: .messenger, about: .parcel(Self.rr1),
                                   text: "Asks when it comes", at: per.now, staff: "per"))
        #expect(state.contacts[ContactID(1)] == contact)
        let next = state.commit(try state.logContact(Self.thomas, channel: .phone, about: .question, text: "Opening hours?", per), per)
        #expect(next.id == ContactID(2))
        #expect(try JournalCoding.roundTrip(state) == state)
    }

    @Test func aContactAboutAParcelOrCaseOfAnotherCustomerIsRefused() throws {
        var state = try QueueTests.shop()
        let context = Fixtures.later(60)
        #expect(state.domainError { try $0.logContact(Self.maria, channel: .phone, about: .parcel(Self.rr3), text: "x", context) }
            == .notCustomersParcel(tracking: Self.rr3, key: "MM"))
        // A number the shop does not know (not here yet) is taken as said.
        #expect(state.domainError { try $0.logContact(Self.maria, channel: .phone, about: .parcel(TrackingNumber("RR999999999SE")),
                                                      text: "Where is it?", context) } == nil)
        let thomasCase = state.commit(try state.openCase(NewCase(customer: Self.thomas, kind: .question, text: "Can I collect for my son?"), context),
                                      context)
        #expect(state.domainError { try $0.logContact(Self.maria, channel: .chat, about: .case(thomasCase.id), text: "x", context) }
            == .notCustomersCase(case: thomasCase.id, key: "MM"))
        #expect(state.domainError { try $0.logContact(Self.maria, channel: .chat, about: .case(CaseID(9)), text: "x", context) }
            == .unknownCase("#9"))
        #expect(state.domainError { try $0.logContact(CustomerID(99), channel: .chat, about: .question, text: "x", context) }
            == .unknownCustomer("C99"))
    }

    @Test func aContactTextIsOneToAThousandCharactersWithoutHiddenCharactersOrANationalID() throws {
        let state = try QueueTests.shop()
        let context = Fixtures.later(60)
        func refusal(_ text: String) -> DomainError? {
            state.domainError { try $0.logContact(Self.maria, channel: .email, about: .question, text: text, context) }
        }
        #expect(refusal("   ") == .invalidLogText(limit: 1000))
        #expect(refusal(String(repeating: "a", count: 1001)) == .invalidLogText(limit: 1000))
        #expect(refusal(String(repeating: "a", count: 1000)) == nil)
        #expect(refusal("Kari\u{202E}") == .hiddenCharacter("Kari\u{202E}", .direction("\u{202E}"), in: .text))
        let number = NationalIDTests.firstNorwegian("150387")
        #expect(refusal("Her fnr: \(number)") == .nationalIDInText(.norwegianBirthNumber))
    }
}
