import Foundation
import Testing
@testable import ButikDomain

/// The directory's search beyond names, keys and phones: notes, e-mail, proxies, retired keys.
@Suite struct RecordSearchTests {
    static func shop() throws -> ShopState {
        var state = try QueueTests.shop()
        let context = Fixtures.context()
        state.commit(try state.editCustomer(QueueTests.maria, CustomerChanges(email: "maria.m@epost.no", note: "Kjører rød Vespa"), context), context)
        state.commit(try state.authoriseProxy("Petter Ødegård", for: QueueTests.thomas, context), context)
        return state
    }

    @Test func notesEmailsAndProxiesFindTheirCustomer() throws {
        let state = try Self.shop()
        #expect(state.searchCustomers("vespa") == [QueueTests.maria])
        #expect(state.searchCustomers("VESP") == [QueueTests.maria])
        #expect(state.searchCustomers("epost.no") == [QueueTests.maria])
        #expect(state.searchCustomers("maria.m@epost") == [QueueTests.maria])
        #expect(state.searchCustomers("petter") == [QueueTests.thomas])
        #expect(state.searchCustomers("odegard") == [QueueTests.thomas])
        // Words may come from the name and the note together.
        #expect(state.searchCustomers("mossestad vespa") == [QueueTests.maria])
        #expect(state.searchCustomers("berg vespa").isEmpty)
    }

    @Test func nameMatchesComeFirstThenTheRest() throws {
        var state = try Self.shop()
        let petter = try state.addTestCustomer("Petter Dahl")
        #expect(state.searchCustomers("petter") == [petter.id, QueueTests.thomas])
        #expect(state.searchCustomers("petter", limit: 1) == [petter.id])
    }

    @Test func anEditOrARevokedProxyChangesWhatIsFound() throws {
        var state = try Self.shop()
        let context = Fixtures.context()
        state.commit(try state.editCustomer(QueueTests.maria, CustomerChanges(note: "Sykkel"), context), context)
        #expect(state.searchCustomers("vespa").isEmpty)
        #expect(state.searchCustomers("sykkel") == [QueueTests.maria])
        state.commit(try state.revokeProxy("Petter Ødegård", for: QueueTests.thomas, context), context)
        #expect(state.searchCustomers("petter").isEmpty)
    }

    @Test func aRetiredKeyFindsTheCustomer() throws {
        var state = try Self.shop()
        state.commit(try state.editCustomer(QueueTests.maria, CustomerChanges(key: "MAMO"), Fixtures.context()), Fixtures.context())
        #expect(state.searchCustomers("mm") == [QueueTests.maria])
        #expect(state.searchCustomers("mamo") == [QueueTests.maria])
    }
}
