import ButikDomain
import ButikStore
import ButikText
import ButikUI
import Foundation

/// What the runtime asks of the store, never waiting for its lock: decide and write a command,
/// catch up, read the past, back up, open again. Each answer says what it means to the app
/// (done, another program holds the lock, refused by a rule, or failed and why); the store's
/// errors are put into words here.
public struct StoreClient {
    private let store: ShopStore

    public init(_ store: ShopStore) {
        self.store = store
    }

    /// The shop as the store last read or wrote it.
    public var shop: ShopState { store.state }
    public var layout: ShopLayout { store.layout }
    /// The number of the journal's last entry the store has read or written.
    public var lastSequence: Int { store.lastSequence }
    /// The store folder, for the status line.
    public var label: String { store.folder.path }
    /// Set when the store refuses writes.
    public var readOnlyReason: Phrase? { store.readOnlyReason?.phrase }
    /// What opening the store found out (damage noted, an unconfirmed action recorded or not).
    public var notices: [Phrase] { store.notices.map(\.phrase) }
    /// Whether the store stopped taking writes only because another program wrote the journal
    /// anew: an erasure's or a purge's rewrite, or a restore, each a new generation of its files
    /// made under the exclusive lock. Opening the store again reads the new files.
    public var journalWrittenAnew: Bool {
        if case .failed(.corrupt(_, _, .replaced)) = store.readOnlyReason { return true }
        return false
    }

    /// How a try at the store went.
    public enum Answer<Value> {
        case done(Value)
        /// Another program holds the lock; nothing was done.
        case busy
        /// A rule refused it; nothing was written.
        case refused(Phrase)
        /// The store failed; the reason says what to do.
        case failed(Phrase)
    }

    /// Why a read, not tried again, gave nothing.
    public struct Failure: Error, Equatable {
        public var reason: Phrase
    }

    /// Decides `command` against the state caught up under the lock, and writes what it decides.
    /// Only a durable write is `done`.
    public func write(_ command: AppCommand, staff: StaffID, now: Date) -> Answer<AppOutcome> {
        answer {
            try store.perform(staff: staff, now: now, waiting: false) { shop, context throws(DomainError) in
                try command.decide(shop, context)
            }
        }
    }

    /// Reads what other programs appended.
    public func catchUp() -> Answer<Void> {
        answer { try store.refresh(waiting: false) }
    }

    /// The stories of every parcel that ever had the number, newest first.
    public func stories(of tracking: TrackingNumber) -> Result<[ParcelStory], Failure> {
        Result { () throws(StoreError) in try store.parcelStories(for: tracking, waiting: false) }
            .mapError { Failure(reason: $0.phrase) }
    }

    /// A page of the customer's timeline, newest first.
    public func timeline(of customer: CustomerID, page: Int, pageSize: Int) -> Result<TimelinePage, Failure> {
        Result { () throws(StoreError) in try store.timeline(of: customer, page: page, pageSize: pageSize, waiting: false) }
            .mapError { Failure(reason: $0.phrase) }
    }

    /// Makes today's backup unless it is made already (nil: nothing was due).
    public func backUpIfDue(now: Date) -> Answer<URL?> {
        answer { try store.backUpIfDue(now: now, waiting: false) }
    }

    /// The store opened again, as a restart would.
    public func reopened() -> Answer<StoreClient> {
        answer { StoreClient(try store.reopened()) }
    }

    /// Reads and parses a manifest file (not the store's, but read for it).
    public func manifest(at path: String) -> Result<ManifestParse, ManifestFile.Failure> {
        Result { () throws(ManifestFile.Failure) in try ManifestFile.read(path, layout: store.layout) }
    }

    /// Writes a snapshot, so the next start is quick; a failure costs only that.
    public func close() {
        try? store.writeSnapshot()
    }

    private func answer<Value>(_ work: () throws -> Value) -> Answer<Value> {
        do {
            return .done(try work())
        } catch StoreError.locked {
            return .busy
        } catch let error as DomainError {
            return .refused(error.phrase)
        } catch let error as StoreError {
            return .failed(error.phrase)
        } catch {
            return .failed(Phrase("cli.unexpected", ["problem": .text("\(error)")]))
        }
    }
}
