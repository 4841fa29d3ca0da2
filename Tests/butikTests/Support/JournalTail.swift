import Foundation

/// One event of the journal with the fields the proof tests look at, read by the tests on their
/// own (JSONSerialization, not ButikDomain's decoding), so the program is checked against an
/// independent reading.
enum JournalEvent: Equatable {
    case customerAdded(id: Int, key: String, name: String)
    case parcelReceived(id: Int, tracking: String, customer: Int, carrier: String, slot: String, size: String, deadline: String,
                        waiting: Bool)
    case parcelMoved(parcel: Int, to: String)
    case parcelsHandedOut(parcels: [Int], verification: String, proxyName: String?)
    case handOutUndone(parcels: [Int])
    case deadlineExtended(parcel: Int, to: String)
    case parcelReturning(parcel: Int, to: String)
    case queueEntryAdded(id: Int, customer: Int)
    case queueFetchStarted(entry: Int)
    case queueEntryReady(entry: Int)
    case queueEntryClosed(entry: Int, outcome: String)
    case droppedOff(id: Int, tracking: String)
    /// A type the proof workload never makes, or one whose fields are not what it expects.
    case other(String)

    init(_ json: [String: Any]) {
        let type = json["type"] as? String ?? "(no type)"
        let parcel = json["parcel"] as? [String: Any], customer = json["customer"] as? [String: Any]
        let entry = json["entry"] as? [String: Any], dropOff = json["dropOff"] as? [String: Any]
        let parcels = json["parcels"] as? [Int]
        switch type {
        case "customerAdded":
            guard let id = customer?["id"] as? Int, let key = customer?["key"] as? String,
                  let name = customer?["name"] as? String else { self = .other(type); return }
            self = .customerAdded(id: id, key: key, name: name)
        case "parcelReceived":
            guard let id = parcel?["id"] as? Int, let tracking = parcel?["tracking"] as? String,
                  let owner = parcel?["customer"] as? Int, let carrier = parcel?["carrier"] as? String,
                  let slot = parcel?["slot"] as? String,
                  let size = parcel?["size"] as? String, let deadline = parcel?["deadline"] as? String,
                  let status = parcel?["status"] as? [String: Any] else { self = .other(type); return }
            self = .parcelReceived(id: id, tracking: tracking, customer: owner, carrier: carrier, slot: slot, size: size,
                                   deadline: deadline, waiting: status.keys.sorted() == ["waiting"])
        case "parcelMoved", "deadlineExtended", "parcelReturning":
            guard let id = json["parcel"] as? Int, let to = json["to"] as? String else { self = .other(type); return }
            self = type == "parcelMoved" ? .parcelMoved(parcel: id, to: to)
                : type == "deadlineExtended" ? .deadlineExtended(parcel: id, to: to) : .parcelReturning(parcel: id, to: to)
        case "parcelsHandedOut":
            guard let parcels, let how = json["verification"] as? String else { self = .other(type); return }
            self = .parcelsHandedOut(parcels: parcels, verification: how, proxyName: json["proxyName"] as? String)
        case "handOutUndone":
            guard let parcels else { self = .other(type); return }
            self = .handOutUndone(parcels: parcels)
        case "queueEntryAdded":
            guard let id = entry?["id"] as? Int, let owner = entry?["customer"] as? Int else { self = .other(type); return }
            self = .queueEntryAdded(id: id, customer: owner)
        case "queueFetchStarted", "queueEntryReady":
            guard let id = json["entry"] as? Int else { self = .other(type); return }
            self = type == "queueFetchStarted" ? .queueFetchStarted(entry: id) : .queueEntryReady(entry: id)
        case "queueEntryClosed":
            guard let id = json["entry"] as? Int, let outcome = json["outcome"] as? String else { self = .other(type); return }
            self = .queueEntryClosed(entry: id, outcome: outcome)
        case "droppedOff":
            guard let id = dropOff?["id"] as? Int, let tracking = dropOff?["tracking"] as? String else { self = .other(type); return }
            self = .droppedOff(id: id, tracking: tracking)
        default:
            self = .other(type)
        }
    }
}

/// The lines of one write transaction: the last has no `"more":true`.
struct JournalTransaction {
    let firstSeq: Int
    let staff: String
    /// Milliseconds since 1970.
    let at: Int
    let events: [JournalEvent]
}

/// Reads the journal on from where it stopped, following it into each new segment (named by its
/// first entry), whole transactions only: a torn line or an
/// unfinished transaction at the end (a writer that is busy, or was killed) is left for the
/// next read, since the next write cuts it away or finishes it. Notes what is wrong with the
/// lines it does read: a line that does not parse, a gap in sequence numbers, a transaction
/// whose lines disagree on staff or time.
struct JournalTail {
    let store: URL
    /// The segment being read.
    private(set) var url: URL
    /// The byte after the last whole transaction read.
    private(set) var offset: UInt64 = 0
    private(set) var nextSeq = 1
    private(set) var problems: [String] = []

    init(store: URL) {
        self.store = store
        url = Self.segment(in: store, startingAt: 1)
    }

    /// The journal segment starting at entry `seq`.
    static func segment(in store: URL, startingAt seq: Int) -> URL {
        let digits = String(seq)
        return store.appendingPathComponent("journal/" + String(repeating: "0", count: 12 - digits.count) + digits + ".jsonl")
    }

    /// The transactions completed since the last read.
    mutating func read() throws -> [JournalTransaction] {
        var transactions = try readSegment()
        while offset > 0, FileManager.default.fileExists(atPath: Self.segment(in: store, startingAt: nextSeq).path) {
            url = Self.segment(in: store, startingAt: nextSeq)
            offset = 0
            transactions += try readSegment()
        }
        return transactions
    }

    private mutating func readSegment() throws -> [JournalTransaction] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let base = offset
        let bytes = try handle.readToEnd() ?? Data()
        var transactions: [JournalTransaction] = []
        var pending: [(seq: Int, at: Int, staff: String, event: JournalEvent)] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let text = bytes[start..<newline]
            start = bytes.index(after: newline)
            guard let line = try? JSONSerialization.jsonObject(with: text) as? [String: Any],
                  let seq = line["seq"] as? Int, let entry = line["entry"] as? [String: Any],
                  let at = entry["at"] as? Int, let staff = entry["staff"] as? String,
                  let event = entry["event"] as? [String: Any] else {
                let at = base + UInt64(text.startIndex - bytes.startIndex)
                problems.append("the line at byte \(at) is not a journal line: \(String(decoding: text.prefix(120), as: UTF8.self))")
                return transactions
            }
            if line["v"] as? Int != 1 { problems.append("line \(seq) has schema \(line["v"] ?? "none")") }
            pending.append((seq, at, staff, JournalEvent(event)))
            guard line["more"] as? Bool != true else { continue }
            let first = pending[0]
            if pending.map(\.seq) != Array(nextSeq..<(nextSeq + pending.count)) {
                problems.append("lines \(pending.map(\.seq)) follow line \(nextSeq - 1)")
            }
            if Set(pending.map(\.staff)).count != 1 || Set(pending.map(\.at)).count != 1 {
                problems.append("the transaction from line \(first.seq) mixes staff or times")
            }
            transactions.append(JournalTransaction(firstSeq: first.seq, staff: first.staff, at: first.at, events: pending.map(\.event)))
            nextSeq = first.seq + pending.count
            offset = base + UInt64(start - bytes.startIndex)
            pending = []
        }
        return transactions
    }

    /// The last line `snapshot.json` covers, or nil when there is none: a long run says it went
    /// through a snapshot.
    static func snapshotLine(in store: URL) -> Int? {
        guard let data = try? Data(contentsOf: store.appendingPathComponent("snapshot.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return json["seq"] as? Int
    }

    /// Every transaction in the journal, read from its start; an unfinished write at its end
    /// is a problem here.
    static func all(in store: URL) throws -> (transactions: [JournalTransaction], problems: [String]) {
        var tail = JournalTail(store: store)
        let transactions = try tail.read()
        let size = (try FileManager.default.attributesOfItem(atPath: tail.url.path)[.size] as? NSNumber)?.uint64Value ?? 0
        if size != tail.offset { tail.problems.append("the journal ends in \(size - tail.offset) bytes of an unfinished write") }
        return (transactions, tail.problems)
    }
}
