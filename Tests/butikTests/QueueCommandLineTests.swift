import Foundation
import Testing

/// The pickup queue and refused hand-outs, through the real binary.
@Suite struct QueueCommandLineTests {
    struct Slotted: Decodable, Equatable {
        let tracking: String
        let slot: String
    }

    struct Entry: Decodable {
        let id: String
        let key: String
        let kind: String
        let announcedFor: Date?
        let note: String?
        let addedBy: String
        let status: String
        let fetchingBy: String?
        let parcels: [Slotted]
        let slots: [String]
    }

    struct Parcel: Decodable {
        let tracking: String
        let slot: String
    }

    struct Queue: Decodable {
        let queue: [Entry]
        let waiting: [Parcel]
        let returning: [Parcel]
        let dropOffs: [[String: String?]]
    }

    /// Maria (MM) with two parcels, Thomas (TS) with one.
    static func shop() throws -> Butik {
        let butik = Butik()
        for name in ["Maria Mossestad", "Thomas Schjønningsen"] { try butik.run("customer", "add", name) }
        for (code, key) in [("RR123456785SE", "MM"), ("CT797294851NO", "MM"), ("370725380000086508", "TS")] {
            let run = try butik.run("receive", code, "--to", key)
            #expect(run.status == 0, "\(run.stderr)")
        }
        return butik
    }

    @Test func anEntryGoesThroughTheQueueWithItsSlots() throws {
        var butik = try Self.shop()
        defer { butik.cleanUp() }
        let added = try butik.run("queue", "add", "mm", "--note", "red coat", "--json")
        #expect(added.status == 0, "\(added.stderr)")
        let entry = try added.json(Entry.self)
        #expect(entry.id == "Q1")
        #expect(entry.kind == "atCounter")
        #expect(entry.announcedFor == nil)
        #expect(entry.note == "red coat")
        #expect(entry.status == "waiting")
        #expect(entry.addedBy == "maria")
        let queue = try butik.run("queue", "--json").json(Queue.self)
        let slots = queue.waiting.filter { $0.tracking != "370725380000086508" }
        #expect(entry.parcels == slots.map { Slotted(tracking: $0.tracking, slot: $0.slot) }.sorted { $0.tracking > $1.tracking })
        #expect(entry.slots == Array(Set(slots.map(\.slot))).sorted())
        #expect(queue.queue.map(\.key) == ["MM"])
        #expect(queue.returning.isEmpty && queue.dropOffs.isEmpty)

        butik.staff = "per"
        let fetching = try butik.run("queue", "fetch", "MM")
        #expect(fetching.status == 0, "\(fetching.stderr)")
        #expect(fetching.stdout.hasPrefix("MM (Maria Mossestad): at the counter, fetching (per); fetch from "), "\(fetching.stdout)")
        let ready = try butik.run("queue", "ready", "MM", "--json").json(Entry.self)
        #expect(ready.status == "ready")
        #expect(ready.fetchingBy == "per")
        #expect(try butik.run("queue").stdout.contains("ready (per)  at counter"), "a parcel made ready is at the counter")
        let twice = try butik.run("queue", "ready", "MM")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("MM's queue entry is ready, so it cannot be marked ready."), "\(twice.stderr)")
        #expect(try butik.run("queue", "add", "MM").status == 1)

        let done = try butik.run("queue", "done", "MM", "--json").json(Entry.self)
        #expect(done.status == "done")
        #expect(try butik.run("queue", "--json").json(Queue.self).queue.isEmpty)
        let notQueued = try butik.run("queue", "cancel", "MM")
        #expect(notQueued.status == 1)
        #expect(notQueued.stderr.contains("MM is not in the queue."), "\(notQueued.stderr)")
    }

    @Test func announcedCustomersComeInTheQueueByTheirTime() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        // A time as a clerk types it, the same rule as on F5.
        let typed = try butik.run("queue", "add", "MM", "--at", "9.15")
        #expect(typed.stdout.contains("announced for 09:15"), "\(typed.stdout)\(typed.stderr)")
        #expect(try butik.run("queue", "cancel", "MM").status == 0)
        #expect(try butik.run("queue", "add", "MM", "--at", "23:59").status == 0)
        let announced = try butik.run("queue", "add", "TS", "--at", "00:00", "--json")
        #expect(announced.status == 0, "\(announced.stderr)")
        #expect(try announced.json(Entry.self).kind == "announced")
        let queue = try butik.run("queue", "--json").json(Queue.self)
        #expect(queue.queue.map(\.key) == ["TS", "MM"])
        #expect(queue.queue.map(\.slots.count) == [1, queue.queue[1].slots.count])
        let text = try butik.run("queue")
        #expect(text.stdout.hasPrefix("2 in the pickup queue\nTS  Thomas Schjønningsen  announced for 00:00, waiting"), "\(text.stdout)")
        #expect(text.stdout.contains("3 waiting, "), "\(text.stdout)")

        let cancelled = try butik.run("queue", "cancel", "ts")
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(try butik.run("queue", "--json").json(Queue.self).queue.map(\.key) == ["MM"])
    }

    @Test func handingOutEveryWaitingParcelClosesTheEntry() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        #expect(try butik.run("queue", "add", "MM").status == 0)
        #expect(try butik.run("handout", "RR123456785SE").status == 0)
        #expect(try butik.run("queue", "--json").json(Queue.self).queue.map(\.slots.count) == [1], "one parcel still waits")
        #expect(try butik.run("handout", "CT797294851NO").status == 0)
        #expect(try butik.run("queue", "--json").json(Queue.self).queue.isEmpty)
        #expect(try butik.run("check").status == 0)
    }

    @Test func queueWordsAreChecked() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        #expect(try butik.run("queue", "add").status == 2)
        #expect(try butik.run("queue", "add", "MM", "TS").status == 2)
        #expect(try butik.run("queue", "serve", "MM").status == 2)
        #expect(try butik.run("queue", "add", "MM", "--at", "3pm").status == 2)
        #expect(try butik.run("queue", "ready", "MM", "--note", "x").status == 2)
        #expect(try butik.run("queue", "--at", "15:00").status == 2)
        #expect(try butik.run("queue", "add", "NOBODY").status == 1)
        let help = try butik.run("queue", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("butik queue add KEY [--at HH:MM] [--note TEXT] [--json]"), "\(help.stdout)")
        let overview = try butik.run("--help")
        #expect(overview.stdout.contains("  refuse    note a refused hand-out"), "\(overview.stdout)")
    }
}

extension QueueCommandLineTests {
    struct LogEntry: Decodable {
        let kind: String
        let text: String
        let parcels: [String]
        let staff: String
    }

    struct Card: Decodable {
        struct Customer: Decodable { let log: [LogEntry] }
        let customer: Customer
    }

    @Test func aRefusalIsNotedInTheCustomersLog() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let refused = try butik.run("refuse", "mm", "--reason", "ID does not match", "rr123456785se", "--json")
        #expect(refused.status == 0, "\(refused.stderr)")
        let entry = try refused.json(LogEntry.self)
        #expect(entry.kind == "refusal")
        #expect(entry.text == "ID does not match")
        #expect(entry.parcels == ["RR123456785SE"])
        #expect(entry.staff == "maria")
        let all = try butik.run("refuse", "MM", "--reason", "no ID")
        #expect(all.stdout == "Noted in MM's log: hand-out refused (RR123456785SE, CT797294851NO): no ID\n", "\(all.stdout)")

        let card = try butik.run("customer", "show", "MM", "--json").json(Card.self)
        #expect(card.customer.log.map(\.text) == ["ID does not match", "no ID"])
        let shown = try butik.run("customer", "show", "MM")
        #expect(shown.stdout.contains("refusal by maria: no ID"), "\(shown.stdout)")
        #expect(try butik.run("queue", "--json").json(Queue.self).waiting.count == 3, "nothing was handed out")

        let otherParcel = try butik.run("refuse", "MM", "--reason", "x", "370725380000086508")
        #expect(otherParcel.status == 1)
        #expect(otherParcel.stderr.contains("370725380000086508 is not one of MM's parcels."), "\(otherParcel.stderr)")
        #expect(try butik.run("refuse", "MM", "--reason", " ").status == 1)
        #expect(try butik.run("refuse", "NOBODY", "--reason", "x").status == 1)
        #expect(try butik.run("refuse", "MM").status == 2)
        #expect(try butik.run("refuse", "--reason", "x").status == 2)
        #expect(try butik.run("refuse", "--help").stdout.contains("Usage: butik refuse KEY --reason TEXT"))
    }
}
