import Foundation
import Testing
@testable import ButikDomain

@Suite struct DecisionTests {
    /// A mapped decision keeps its events, in order, and carries the transformed outcome.
    @Test func mapKeepsTheEventsAndTransformsTheOutcome() throws {
        let request = ReceiveRequest(tracking: Fixtures.tracking("RR123456785SE"),
                                     recipient: .person(NewCustomer(name: "Maria Mossestad")), carrier: "amazon")
        let decision = try ShopState().receive(request, Fixtures.context())
        let mapped = decision.map { ($0.parcel.tracking.value, $0.isNewCustomer) }
        #expect(mapped.events == decision.events)
        #expect(mapped.events.count == 2)
        #expect(mapped.outcome.0 == "RR123456785SE")
        #expect(mapped.outcome.1)
    }
}
