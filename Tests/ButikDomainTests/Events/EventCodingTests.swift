import Foundation
import Testing
@testable import ButikDomain

/// The journal's JSON coding: sorted keys, dates as milliseconds since 1970.
enum JournalCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try decoder().decode(T.self, from: try encoder().encode(value))
    }
}

@Suite struct EventCodingTests {
    static let customer = Customer(id: CustomerID(7), name: "Anne-Marie Østby", key: "AMØ", keyIsChosen: false,
                                   phones: ["4791234567"], email: "am@example.no", note: "Ringer før hun kommer",
                                   createdAt: Date(timeIntervalSince1970: 1_773_144_000.5))

    static func parcel(_ status: ParcelStatus) -> Parcel {
        Parcel(id: ParcelID(12), tracking: TrackingNumber("370725380000086508"), format: .sscc, checkDigit: .overridden,
               carrier: "postnord", recipientName: "Anne Marie Østby", customer: CustomerID(7), key: "AMØ",
               slot: SlotID("A2"), size: .large, deadline: Day(iso: "2028-02-29")!,
               receivedAt: Date(timeIntervalSince1970: 1_773_144_000), receivedBy: "kari", status: status)
    }

    static let events: [Event] = [
        .customerAdded(customer),
        .customerAdded(Customer(id: CustomerID(8), name: "Jens", key: "JEDS", keyIsChosen: true, createdAt: Date(timeIntervalSince1970: 0))),
        .parcelReceived(parcel(.waiting)),
        .parcelReceived(parcel(.handedOut(handOut: HandOut(at: Date(timeIntervalSince1970: 1_773_150_000), staff: "per",
                                                           verification: .proxy, proxyName: "Per Hansen")))),
        .parcelReceived(parcel(.returning(since: Date(timeIntervalSince1970: 1_773_150_000)))),
        .parcelReceived(parcel(.collected(at: Date(timeIntervalSince1970: 1_773_160_000.25)))),
        .parcelReceived({ var coded = parcel(.waiting); coded.pickupCode = "0471"; return coded }()),
        .parcelMoved(parcel: ParcelID(12), to: SlotID("FLOOR")),
        .parcelsHandedOut(parcels: [ParcelID(12), ParcelID(3)], verification: .id, proxyName: nil, proxyID: nil),
        .parcelsHandedOut(parcels: [ParcelID(12)], verification: .proxy, proxyName: "Per Hansen", proxyID: "pass …1234"),
        .handOutUndone(parcels: [ParcelID(12)]),
        .deadlineExtended(parcel: ParcelID(12), to: Day(iso: "2026-03-31")!),
        .parcelReturning(parcel: ParcelID(12), to: SlotID("OUT")),
        .parcelsCollectedByDriver(parcels: [ParcelID(1), ParcelID(2)]),
        .receiptUndone(parcel: ParcelID(12)),
        .deliveryStarted(Delivery(id: DeliveryID(3), carrier: "posten", declared: 40,
                                  startedAt: Date(timeIntervalSince1970: 1_773_140_000), staff: "maria")),
        .deliveryEnded(DeliverySummary(delivery: DeliveryID(3), carrier: "posten", declared: 40, scanned: 38,
                                       perCarrier: ["posten": 37, "dhl": 1], overflow: 2, unexpected: 5)),
        .parcelsExpected([ExpectedParcel(tracking: TrackingNumber("RR123456785SE"), name: "Åse Ødegård", phone: "91234567",
                                         carrier: "postnord", holdDays: 14, importedAt: Date(timeIntervalSince1970: 1_773_100_000)),
                          ExpectedParcel(tracking: TrackingNumber("TBA123456789012"), name: "Bjørn Haugen",
                                         importedAt: Date(timeIntervalSince1970: 1_773_100_000), pickupCode: "123456")]),
        .slotCapacityChanged(slot: SlotID("B4"), capacity: 9),
        .returnCancelled(parcel: ParcelID(4), to: SlotID("C3")),
        .droppedOff(DropOff(id: DropOffID(4), tracking: TrackingNumber("RR123456785SE"), carrier: "postnord", customer: CustomerID(7),
                            at: Date(timeIntervalSince1970: 1_773_144_000.5), staff: "kari")),
        .droppedOff(DropOff(id: DropOffID(5), tracking: TrackingNumber("1Z999AA10123456784"), carrier: "ups", customer: nil,
                            at: Date(timeIntervalSince1970: 1_773_144_000), staff: "per", collectedAt: Date(timeIntervalSince1970: 1_773_150_000))),
        .driverHandover(Handover(carrier: "postnord", parcels: [ParcelID(4), ParcelID(5)], dropOffs: [DropOffID(1)],
                                 missing: [TrackingNumber("RR000000007SE")], unknown: [TrackingNumber("JUNK")])),
        .driverHandover(Handover(carrier: nil, parcels: [], dropOffs: [], missing: [], unknown: [TrackingNumber("RR000000008SE")])),
        .queueEntryAdded(QueueEntry(id: QueueEntryID(2), customer: CustomerID(7), announcedFor: Date(timeIntervalSince1970: 1_773_154_800),
                                    note: "Ringte, kommer 15:00", addedAt: Date(timeIntervalSince1970: 1_773_144_000.5), addedBy: "kari")),
        .queueEntryAdded(QueueEntry(id: QueueEntryID(3), customer: CustomerID(8), announcedFor: nil, note: nil,
                                    addedAt: Date(timeIntervalSince1970: 1_773_144_000), addedBy: "per", status: .fetching,
                                    fetchingBy: "maria", closedAt: nil)),
        .queueFetchStarted(entry: QueueEntryID(2)),
        .queueEntryReady(entry: QueueEntryID(2)),
        .queueEntryClosed(entry: QueueEntryID(2), as: .done),
        .queueEntryClosed(entry: QueueEntryID(3), as: .cancelled),
        .handOutRefused(customer: CustomerID(7), parcels: [ParcelID(12), ParcelID(13)], reason: "ID matcher ikke: «Åse» ≠ «Åsa»"),
        .handOutRefused(customer: CustomerID(8), parcels: [], reason: "no ID"),
        .handOutRefused(customer: CustomerID(7), parcels: [ParcelID(12)], reason: "no fullmakt", proxyName: "Per Ødegård"),
        .customerAdded(Customer(id: CustomerID(9), name: "Åse", key: "ÅS", keyIsChosen: false, createdAt: Date(timeIntervalSince1970: 0),
                                proxies: [Proxy(name: "Per Ødegård", registeredAt: Date(timeIntervalSince1970: 1_773_144_000.5), registeredBy: "kari")])),
        .proxyAuthorised(customer: CustomerID(7), proxy: Proxy(name: "Per Ødegård", registeredAt: Date(timeIntervalSince1970: 1_773_144_000.5),
                                                              registeredBy: "kari")),
        .proxyRevoked(customer: CustomerID(7), name: "Per Ødegård"),
        .proxyAuthorised(customer: CustomerID(7), proxy: Proxy(name: "Per Ødegård", registeredAt: Date(timeIntervalSince1970: 1_773_144_000.5),
                                                              registeredBy: "kari", relation: "bror", validUntil: Day(iso: "2031-02-28")!)),
        .customerEdited(Customer(id: CustomerID(7), name: "Anne-Marie Østby", key: "AMOS", keyIsChosen: true, phones: ["4791234567"],
                                 createdAt: Date(timeIntervalSince1970: 1_773_144_000.5), channel: .messenger, language: .sv,
                                 regularByHand: true, personalOnly: true, retiredKeys: ["AMØ", "AØ2"])),
        .customerEdited(customer),
        .customersMerged(kept: CustomerID(7), merged: CustomerID(9)),
        .contactLogged(Contact(id: ContactID(3), customer: CustomerID(7), channel: .messenger, about: .parcel(TrackingNumber("RR123456785SE")),
                               text: "Spør når pakken kommer", at: Date(timeIntervalSince1970: 1_773_144_000.5), staff: "kari")),
        .contactLogged(Contact(id: ContactID(4), customer: CustomerID(7), channel: .x, about: .case(CaseID(2)), text: "Purring",
                               at: Date(timeIntervalSince1970: 1_773_144_000), staff: "per")),
        .contactLogged(Contact(id: ContactID(5), customer: CustomerID(8), channel: .trustpilot, about: .question, text: "Åpningstider?",
                               at: Date(timeIntervalSince1970: 1_773_144_000), staff: "per")),
        .caseOpened(Case(id: CaseID(2), customer: CustomerID(7), kind: .claim(.damaged), owner: "kari", followUp: Day(iso: "2026-03-12"),
                         parcels: [TrackingNumber("RR123456785SE")], text: "Esken knust", openedAt: Date(timeIntervalSince1970: 1_773_144_000.5),
                         openedBy: "per")),
        .caseOpened(Case(id: CaseID(3), customer: CustomerID(8), kind: .extension, owner: "per", text: "Bortreist",
                         openedAt: Date(timeIntervalSince1970: 1_773_144_000), openedBy: "per")),
        .caseUpdated(case: CaseID(2), CaseUpdate(at: Date(timeIntervalSince1970: 1_773_150_000.5), staff: "siv", status: .waitingForCarrier,
                                                 owner: "siv", followUp: Day(iso: "2026-03-14"), addedParcels: [TrackingNumber("TBA123456789012")],
                                                 text: "Meldt til PostNord")),
        .caseUpdated(case: CaseID(2), CaseUpdate(at: Date(timeIntervalSince1970: 1_773_150_000), staff: "siv", text: "Ringte kunden")),
        .customerErased(customer: CustomerID(7)),
        .purged(contacts: [ContactID(1), ContactID(4)], cases: [CaseID(2)]),
    ]

    /// The name of each case; exhaustive, so a new case breaks the build until it is listed here.
    static func kind(_ event: Event) -> String {
        switch event {
        case .customerAdded: "customerAdded"
        case .parcelReceived: "parcelReceived"
        case .parcelMoved: "parcelMoved"
        case .parcelsHandedOut: "parcelsHandedOut"
        case .handOutUndone: "handOutUndone"
        case .deadlineExtended: "deadlineExtended"
        case .parcelReturning: "parcelReturning"
        case .parcelsCollectedByDriver: "parcelsCollectedByDriver"
        case .returnCancelled: "returnCancelled"
        case .receiptUndone: "receiptUndone"
        case .deliveryStarted: "deliveryStarted"
        case .deliveryEnded: "deliveryEnded"
        case .parcelsExpected: "parcelsExpected"
        case .slotCapacityChanged: "slotCapacityChanged"
        case .droppedOff: "droppedOff"
        case .driverHandover: "driverHandover"
        case .queueEntryAdded: "queueEntryAdded"
        case .queueFetchStarted: "queueFetchStarted"
        case .queueEntryReady: "queueEntryReady"
        case .queueEntryClosed: "queueEntryClosed"
        case .handOutRefused: "handOutRefused"
        case .proxyAuthorised: "proxyAuthorised"
        case .proxyRevoked: "proxyRevoked"
        case .customerEdited: "customerEdited"
        case .customersMerged: "customersMerged"
        case .contactLogged: "contactLogged"
        case .caseOpened: "caseOpened"
        case .caseUpdated: "caseUpdated"
        case .customerErased: "customerErased"
        case .purged: "purged"
        }
    }

    @Test func samplesCoverEveryCase() {
        #expect(Set(Self.events.map(Self.kind)).count == 30)
    }

    @Test(arguments: events)
    func eventRoundTrips(_ event: Event) throws {
        #expect(try JournalCoding.roundTrip(event) == event)
        let json = try JournalCoding.json(event)
        #expect(json.hasPrefix("{"))
        #expect(json.contains(#""type":"\#(Self.kind(event))""#))
    }

    @Test(arguments: events)
    func recordRoundTrips(_ event: Event) throws {
        let record = Record(at: Date(timeIntervalSince1970: 1_773_144_000.75), staff: "kari", event: event)
        #expect(try JournalCoding.roundTrip(record) == record)
    }

    @Test func jsonShape() throws {
        #expect(try JournalCoding.json(Event.parcelMoved(parcel: ParcelID(3), to: SlotID("a2")))
            == #"{"parcel":3,"to":"A2","type":"parcelMoved"}"#)
        #expect(try JournalCoding.json(Event.parcelsHandedOut(parcels: [ParcelID(1), ParcelID(2)], verification: .code, proxyName: nil, proxyID: nil))
            == #"{"parcels":[1,2],"type":"parcelsHandedOut","verification":"code"}"#)
        #expect(try JournalCoding.json(Event.deadlineExtended(parcel: ParcelID(1), to: Day(iso: "2026-03-20")!))
            == #"{"parcel":1,"to":"2026-03-20","type":"deadlineExtended"}"#)
        #expect(try JournalCoding.json(Record(at: Date(timeIntervalSince1970: 1_773_144_000), staff: "kari",
                                              event: .handOutUndone(parcels: [ParcelID(4)])))
            == #"{"at":1773144000000,"event":{"parcels":[4],"type":"handOutUndone"},"staff":"kari"}"#)
        #expect(try JournalCoding.json(Event.droppedOff(DropOff(id: DropOffID(1), tracking: TrackingNumber("RR123456785SE"), carrier: "postnord",
                                                                customer: nil, at: Date(timeIntervalSince1970: 1), staff: "kari")))
            == #"{"dropOff":{"at":1000,"carrier":"postnord","id":1,"staff":"kari","tracking":"RR123456785SE"},"type":"droppedOff"}"#)
        #expect(try JournalCoding.json(Event.queueEntryAdded(QueueEntry(id: QueueEntryID(1), customer: CustomerID(2), announcedFor: nil,
                                                                         note: nil, addedAt: Date(timeIntervalSince1970: 1), addedBy: "kari")))
            == #"{"entry":{"addedAt":1000,"addedBy":"kari","customer":2,"id":1,"status":"waiting"},"type":"queueEntryAdded"}"#)
        #expect(try JournalCoding.json(Event.queueEntryClosed(entry: QueueEntryID(4), as: .cancelled))
            == #"{"entry":4,"outcome":"cancelled","type":"queueEntryClosed"}"#)
        #expect(try JournalCoding.json(Event.handOutRefused(customer: CustomerID(2), parcels: [ParcelID(5)], reason: "no ID"))
            == #"{"customer":2,"parcels":[5],"reason":"no ID","type":"handOutRefused"}"#)
        #expect(try JournalCoding.json(Event.handOutRefused(customer: CustomerID(2), parcels: [5].map(ParcelID.init), reason: "no ID",
                                                            proxyName: "Per"))
            == #"{"customer":2,"parcels":[5],"proxyName":"Per","reason":"no ID","type":"handOutRefused"}"#)
        #expect(try JournalCoding.json(Event.proxyAuthorised(customer: CustomerID(2), proxy: Proxy(name: "Per", registeredAt: Date(timeIntervalSince1970: 1),
                                                                                                  registeredBy: "kari")))
            == #"{"customer":2,"proxy":{"name":"Per","registeredAt":1000,"registeredBy":"kari"},"type":"proxyAuthorised"}"#)
        #expect(try JournalCoding.json(Event.proxyRevoked(customer: CustomerID(2), name: "Per"))
            == #"{"customer":2,"name":"Per","type":"proxyRevoked"}"#)
        #expect(try JournalCoding.json(Event.proxyAuthorised(customer: CustomerID(2), proxy: Proxy(
            name: "Per", registeredAt: Date(timeIntervalSince1970: 1), registeredBy: "kari", relation: "bror", validUntil: Day(iso: "2030-01-31")!)))
            == #"{"customer":2,"proxy":{"name":"Per","registeredAt":1000,"registeredBy":"kari","relation":"bror","validUntil":"2030-01-31"},"type":"proxyAuthorised"}"#)
        #expect(try JournalCoding.json(Event.customersMerged(kept: CustomerID(2), merged: CustomerID(5)))
            == #"{"kept":2,"merged":5,"type":"customersMerged"}"#)
        #expect(try JournalCoding.json(Event.customerEdited(Customer(
            id: CustomerID(8), name: "Jens", key: "JEDS", keyIsChosen: true, createdAt: Date(timeIntervalSince1970: 1), channel: .x,
            language: .nb, regularByHand: true, personalOnly: true, retiredKeys: ["JE"])))
            == #"{"customer":{"channel":"x","createdAt":1000,"id":8,"key":"JEDS","keyIsChosen":true,"language":"nb","name":"Jens","#
                + #""personalOnly":true,"phones":[],"proxies":[],"regularByHand":true,"retiredKeys":["JE"]},"type":"customerEdited"}"#)
    }

    @Test func customerJsonLeavesOutMissingFields() throws {
        let json = try JournalCoding.json(Event.customerAdded(
            Customer(id: CustomerID(8), name: "Jens", key: "JEDS", keyIsChosen: true, createdAt: Date(timeIntervalSince1970: 1))))
        #expect(json == #"{"customer":{"createdAt":1000,"id":8,"key":"JEDS","keyIsChosen":true,"name":"Jens","phones":[],"proxies":[]},"type":"customerAdded"}"#)
    }

    @Test func aHandOutWrittenBeforeProxyIDsExistedHasNone() throws {
        let line = #"{"parcels":[12],"proxyName":"Per Hansen","type":"parcelsHandedOut","verification":"proxy"}"#
        #expect(try JournalCoding.decoder().decode(Event.self, from: Data(line.utf8))
            == .parcelsHandedOut(parcels: [ParcelID(12)], verification: .proxy, proxyName: "Per Hansen", proxyID: nil))
        let handOut = #"{"at":1000,"proxyName":"Per Hansen","staff":"per","verification":"proxy"}"#
        #expect(try JournalCoding.decoder().decode(HandOut.self, from: Data(handOut.utf8))
            == HandOut(at: Date(timeIntervalSince1970: 1), staff: "per", verification: .proxy, proxyName: "Per Hansen", proxyID: nil))
    }

    @Test func unknownTypeIsAnError() {
        #expect(throws: DecodingError.self) {
            try JournalCoding.decoder().decode(Event.self, from: Data(#"{"type":"parcelEaten","parcel":1}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JournalCoding.decoder().decode(Event.self, from: Data(#"{"type":"parcelMoved","parcel":1}"#.utf8))
        }
        #expect(throws: DecodingError.self, "an entry closes only as done or cancelled") {
            try JournalCoding.decoder().decode(Event.self, from: Data(#"{"type":"queueEntryClosed","entry":1,"outcome":"ready"}"#.utf8))
        }
    }
}
