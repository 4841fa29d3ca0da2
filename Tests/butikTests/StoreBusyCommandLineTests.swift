import Foundation
import Testing

/// A verb while another program holds the store's lock: it waits a bounded five seconds, then
/// says the store is busy and exits 3, having written nothing and made nothing read-only.
@Suite struct StoreBusyCommandLineTests {
    /// Takes the store's lock from this process, as a long import or a backup would.
    static func takeLock(_ store: URL, _ operation: Int32) throws -> Int32 {
        let fd = open(store.appendingPathComponent("lock").path, O_RDWR | O_CLOEXEC)
        try #require(fd >= 0)
        try #require(flock(fd, operation | LOCK_NB) == 0)
        return fd
    }

    @Test(arguments: [("reading", LOCK_SH), ("writing", LOCK_EX)])
    func aVerbSaysBusyAndTheNextOneWorks(_ other: String, _ operation: Int32) throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Ada Lovelace").status == 0)
        let journal = butik.store.appendingPathComponent("journal.jsonl")
        let before = try Data(contentsOf: journal)

        let fd = try Self.takeLock(butik.store, operation)
        let busy = try butik.run("receive", "RR987654326SE", "--to", "Grace Hopper")
        close(fd)  // let go
        #expect(busy.status == 3, "another program \(other): \(busy.stderr)")
        #expect(busy.stderr.contains("The store is busy: another program has held"), "\(busy.stderr)")
        #expect(try Data(contentsOf: journal) == before)

        let again = try butik.run("receive", "RR987654326SE", "--to", "Grace Hopper")
        #expect(again.status == 0, "\(again.stderr)")
        let check = try butik.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
