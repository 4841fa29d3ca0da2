@testable import ButikDomain
import Foundation
import Testing
@testable import ButikStore

/// The store's own JSON reader (`StoreDecoder`, with its quick readers for parcels and
/// customers) against `JSONDecoder` set up as the store used it before: every journal entry and
/// snapshot of a real shop reads the same, and damaged ones, fuzzed with fixed seeds, read the
/// same or fail with the same reason. `BUTIK_FUZZ_CASES` sets the cases per seed.
@Suite struct StoreDecoderTests {
    static let cases = Int(ProcessInfo.processInfo.environment["BUTIK_FUZZ_CASES"] ?? "") ?? 300

    /// `JSONDecoder` as the store set it up before it had its own reader.
    static func reference() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let milliseconds = try container.decode(Double.self)
            let date = Date(timeIntervalSince1970: milliseconds / 1000)
            guard Ranges.dates.contains(date) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: StoreCoding.outOfRange(milliseconds: milliseconds, Ranges.dates))
            }
            return date
        }
        return decoder
    }

    static let base = Result { try ShopStoreFuzzTests.Base() }

    /// Each journal line's entry JSON.
    static func entries() throws -> [[UInt8]] {
        try base.get().lines.compactMap { line in
            line.dropLast().withUnsafeBytes { raw -> [UInt8]? in
                guard case .valid(let prefixLength) = Sealed.verify(raw),
                      let header = JournalLine.header(raw, prefixLength: prefixLength) else { return nil }
                return Array(raw[header.entryStart..<prefixLength])
            }
        }
    }

    /// The snapshot's model JSON.
    static func model() throws -> [UInt8] {
        let snapshot = try base.get().snapshot
        let start = snapshot.firstRange(of: Array(#""model":"#.utf8))!.upperBound
        let end = snapshot.lastRange(of: Array(#","sum":"#.utf8))!.lowerBound
        return Array(snapshot[start..<end])
    }

    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        /// The reason as the store words it (``DecodingReason``).
        case failure(String)
        /// Not JSON at all: the two readers word that differently.
        case notJSON
    }

    /// Whether our outcome is the reference's. Where `JSONDecoder` calls a number that does not
    /// fit its type "not valid JSON", ours names the field: a failure either way.
    static func agree<T>(_ ours: Outcome<T>, _ theirs: Outcome<T>) -> Bool {
        if case .notJSON = theirs, case .failure = ours { return true }
        return ours == theirs
    }

    static func read<T: Decodable & Equatable>(_ type: T.Type, _ bytes: [UInt8], reference: Bool) -> Outcome<T> {
        do {
            return .value(reference
                ? try StoreDecoderTests.reference().decode(type, from: Data(bytes))
                : try StoreCoding.decoder(for: ShopState.self).decode(type, from: Data(bytes)))
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty
            && (context.debugDescription.contains("not valid JSON") || context.underlyingError != nil) {
            return .notJSON
        } catch {
            return .failure(DecodingProblem(error).english)
        }
    }

    @Test func everyEntryOfARealShopReadsAsJSONDecoderReadsIt() throws {
        let entries = try Self.entries()
        #expect(entries.count == (try Self.base.get().entries))
        for entry in entries {
            let ours = Self.read(Record.self, entry, reference: false)
            #expect(ours == Self.read(Record.self, entry, reference: true), "\(String(decoding: entry, as: UTF8.self))")
            guard case .value(let record) = ours else { continue }
            // And it is what was written.
            #expect(try StoreCoding.encoder().encode(record) == Data(entry))
        }
    }

    @Test func aSnapshotOfARealShopReadsAsJSONDecoderReadsIt() throws {
        let model = try Self.model()
        let ours = Self.read(ShopState.self, model, reference: false)
        #expect(ours == Self.read(ShopState.self, model, reference: true))
        guard case .value(let state) = ours else {
            Issue.record("the snapshot does not read: \(ours)")
            return
        }
        #expect(!state.parcels.isEmpty && !state.customers.isEmpty)
        #expect(try StoreEncoder().encode(state) == [UInt8](model), "the snapshot's model is the state's, written by the store's encoder")
    }

    @Test func theQuickReadersReadParcelsAndCustomersThemselves() throws {
        let state = try StoreCoding.decoder(for: ShopState.self).decode(ShopState.self, from: Data(Self.model()))
        func quick<T: Encodable>(_ value: T, as type: T.Type) throws -> T? {
            let json = [UInt8](try StoreCoding.encoder().encode(value))
            return try json.withUnsafeBytes { raw in
                TapeReader(bytes: raw, tape: try JSONTape(raw), dateRange: Ranges.dates).quickly(type, at: 0)
            }
        }
        let at = Date(timeIntervalSince1970: 1_773_144_000.123)
        var parcels = Array(state.parcels.values)
        var variant = parcels[0]
        for status: ParcelStatus in [.waiting, .returning(since: at), .collected(at: at),
                                     .handedOut(handOut: HandOut(at: at, staff: "kari", verification: .id)),
                                     .handedOut(handOut: HandOut(at: at, staff: "kari", verification: .proxy, proxyName: "Per Ø", proxyID: "pass 12"))] {
            variant.status = status
            (variant.delivery, variant.preAdvised, variant.pickupCode) = (DeliveryID(3), true, PickupCode("0471"))
            parcels.append(variant)
            (variant.delivery, variant.preAdvised, variant.pickupCode) = (nil, nil, nil)
            parcels.append(variant)
        }
        for parcel in parcels { #expect(try quick(parcel, as: Parcel.self) == parcel) }
        var customers = Array(state.customers.values)
        var regular = customers[0]
        (regular.email, regular.note, regular.phones) = ("a@b.no", "Ringer før", ["4790000000", "4512345678"])
        regular.proxies = [Proxy(name: "Per Ødegård", registeredAt: at, registeredBy: "kari")]
        customers.append(regular)
        (regular.channel, regular.language, regular.regularByHand, regular.personalOnly, regular.retiredKeys) = (.messenger, .sv, true, true, [CustomerKey(stored: "JD"), CustomerKey(stored: "MM2")])
        regular.proxies = [Proxy(name: "Per Ødegård", registeredAt: at, registeredBy: "kari", relation: "bror", validUntil: Day(year: 2031, month: 3, day: 1))]
        customers.append(regular)
        for customer in customers { #expect(try quick(customer, as: Customer.self) == customer) }
        // Records of every kind: the common ones read themselves, the others' events through Decodable.
        for entry in try Self.entries() {
            let record = try Self.reference().decode(Record.self, from: Data(entry))
            #expect(try quick(record, as: Record.self) == record)
        }
    }

    /// Values changed, keys removed, kinds swapped (through `Mutation.json`, which also writes
    /// keys out of order): the same value or the same reason from both readers.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func changedValuesReadAsJSONDecoderReadsThem(seed: UInt64) throws {
        let entries = try Self.entries()
        let model = try Self.model()
        var random = SplitMix(state: seed)
        for round in 0..<Self.cases {
            if round % 50 == 0, let changed = Mutation.json(model, &random) {
                let ours = Self.read(ShopState.self, changed, reference: false)
                let theirs = Self.read(ShopState.self, changed, reference: true)
                #expect(Self.agree(ours, theirs), "snapshot, seed \(seed) round \(round): \(ours) / \(theirs)")
                continue
            }
            let entry = entries[Int.random(in: 0..<entries.count, using: &random)]
            guard let changed = Mutation.json(entry, &random) else { continue }
            let ours = Self.read(Record.self, changed, reference: false)
            let theirs = Self.read(Record.self, changed, reference: true)
            #expect(Self.agree(ours, theirs), "seed \(seed) round \(round): \(String(decoding: changed, as: UTF8.self))")
        }
    }

    /// Raw damage (flipped, cut, inserted bytes): never a trap, and whatever `JSONDecoder` reads
    /// this reader reads the same.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func rawDamageNeverTrapsAndReadsNothingElse(seed: UInt64) throws {
        let entries = try Self.entries()
        var random = SplitMix(state: seed &+ 100)
        for round in 0..<Self.cases {
            let entry = entries[Int.random(in: 0..<entries.count, using: &random)]
            let damaged = Array(Mutation.raw(entry, &random).prefix(entry.count + 64))
            let ours = Self.read(Record.self, damaged, reference: false)
            let theirs = Self.read(Record.self, damaged, reference: true)
            if case .value = theirs {
                #expect(ours == theirs, "seed \(seed) round \(round): \(String(decoding: damaged, as: UTF8.self))")
            }
        }
    }

    @Test func stringsReadWithEveryEscape() throws {
        let decoder = StoreCoding.decoder()
        #expect(try decoder.decode(String.self, from: Data(#""a\"b\\c\/d\b\f\n\r\t\u00e5\u00C5\ud83d\ude00""#.utf8))
            == "a\"b\\c/d\u{8}\u{C}\n\r\tåÅ😀")
        #expect(try decoder.decode(String.self, from: Data(#""Ødegård, 京""#.utf8)) == "Ødegård, 京")
        #expect(try decoder.decode([String].self, from: Data(#" [ "x" , "" ] "#.utf8)) == ["x", ""])
        #expect(try decoder.decode(String.self, from: Data(#""\u0000""#.utf8)) == "\u{0}")
        for bad in [#""\ud83d""#, #""\ude00x""#, #""\ud83d\u0041""#, "\"a\u{1}\"", #""\x""#, #""\u12G4""#, #""open"#,
                    #""a" "b""#, ""] {
            #expect(throws: DecodingError.self, "\(bad)") { try decoder.decode(String.self, from: Data(bad.utf8)) }
        }
        #expect(throws: DecodingError.self) { try decoder.decode(String.self, from: Data([0x22, 0xC3, 0x28, 0x22])) }
    }

    @Test func numbersFollowTheJSONGrammar() throws {
        let decoder = StoreCoding.decoder()
        #expect(try decoder.decode([Int].self, from: Data("[0,-0,12,-34,9223372036854775807,-9223372036854775808,5.0,1e2]".utf8))
            == [0, 0, 12, -34, .max, .min, 5, 100])
        #expect(try decoder.decode([Double].self, from: Data("[0.5,-1.25e-3,1E+2,123456789012345680]".utf8))
            == [0.5, -1.25e-3, 100, 123456789012345680])
        for bad in ["01", "1.", ".5", "-", "1e", "1e+", "+1", "0x10", "1,", "NaN", "Infinity", "--1"] {
            #expect(throws: DecodingError.self, "\(bad)") { try decoder.decode(Double.self, from: Data(bad.utf8)) }
        }
        for tooBig in ["9223372036854775808", "1e19", "4.5"] {
            #expect(throws: DecodingError.self, "\(tooBig)") { try decoder.decode(Int.self, from: Data(tooBig.utf8)) }
        }
        #expect(throws: DecodingError.self) { try decoder.decode(Double.self, from: Data("1e400".utf8)) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8)
        #expect(throws: DecodingError.self) { try StoreCoding.decoder().decode([Int].self, from: deep) }
        let open = Data(String(repeating: "{\"a\":[", count: 100_000).utf8)
        #expect(throws: DecodingError.self) { try StoreCoding.decoder().decode([Int].self, from: open) }
    }

    @Test func aDamagedValueIsNamedByItsPath() throws {
        let decoder = StoreCoding.decoder(for: ShopState.self)
        let entry = Data(#"{"at":1773144000000,"event":{"parcels":[1,2,"x"],"type":"handOutUndone"},"staff":"kari"}"#.utf8)
        #expect(throws: DecodingError.self) { try decoder.decode(Record.self, from: entry) }
        do { _ = try decoder.decode(Record.self, from: entry) } catch {
            #expect(DecodingProblem(error) == .wrongType(field: "event.parcels[2]"))
            #expect(DecodingProblem(error).english == "a value has the wrong type (field event.parcels[2])")
        }
        let missing = Data(#"{"at":1773144000000,"event":{"type":"handOutUndone"}}"#.utf8)
        do { _ = try decoder.decode(Record.self, from: missing) } catch {
            #expect(DecodingProblem(error).hasPrefix(#"the field ""#), "\(error)")
        }
    }
}
