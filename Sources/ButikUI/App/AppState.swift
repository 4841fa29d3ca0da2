import ButikDomain
import ButikGrid
import ButikText
import Foundation

/// Everything on screen: the shop as read from the store, which tab is open, each screen's own
/// state, and the passing messages. Changed only by ``update(_:)`` (outside this module it can
/// only be read).
public struct AppState: Sendable {
    public internal(set) var context: AppContext
    public internal(set) var staff: StaffID
    /// The store folder, shown in the status line.
    public internal(set) var storeLabel: String
    /// Set when the store refuses writes; the status line says so.
    public internal(set) var readOnlyReason: Phrase?
    /// Set while another program holds the store's lock; the status line says so.
    public internal(set) var storeBusy: StoreBusy?
    public internal(set) var tab: AppTab = .counter
    public internal(set) var helpVisible = false
    /// The first line of the help screen shown.
    public internal(set) var helpScroll = 0
    public internal(set) var toast: Toast?
    /// Monotonic seconds, for toasts.
    public internal(set) var clock: Double

    public internal(set) var counter = CounterScreen()
    public internal(set) var intake = IntakeScreen()
    public internal(set) var shelves = ShelvesScreen()
    public internal(set) var queue = QueueScreen()
    public internal(set) var customers = CustomersScreen()
    public internal(set) var reports = ReportsScreen()

    public init(context: AppContext, staff: StaffID, storeLabel: String, readOnlyReason: Phrase? = nil, clock: Double) {
        self.context = context
        self.staff = staff
        self.storeLabel = storeLabel
        self.readOnlyReason = readOnlyReason
        self.clock = clock
    }

    /// How long a message stays up.
    public static let toastSeconds = 5.0

    /// Shows a passing message.
    mutating func say(_ phrase: Phrase, _ tone: Notice.Tone = .info) {
        toast = Toast(Notice(phrase, tone: tone), expiresAt: clock + AppState.toastSeconds)
    }

    /// Opens `tab`. What was said belongs to the screen and the moment: the passing message and
    /// the notice of the screen left go (Intake's line stays, it is part of its step).
    mutating func open(_ tab: AppTab) {
        guard tab != self.tab else { return }
        toast = nil
        counter.notice = nil
        shelves.notice = nil
        queue.notice = nil
        customers.notice = nil
        customers.cases.notice = nil
        self.tab = tab
    }

    /// The words of the chosen language.
    public var words: Words { context.words }
}

/// What happens to the app.
public enum AppMessage: Sendable {
    /// A key typed by a person (scanner bursts arrive as `.scan`).
    case key(Key)
    /// A complete scan from a barcode scanner.
    case scan(String)
    /// Time passed.
    case tick(now: Date, clock: Double)
    /// The store has new state: another counter wrote, or our write was refused or failed
    /// (having caught up on the store under its lock). What the screens read of the past is
    /// read again.
    case storeChanged(ShopState)
    /// What opening the store found out (damage noted, whether an unconfirmed action was
    /// recorded), to be shown as a warning.
    case storeNotices([Phrase])
    /// A write is under way: the app lets go of its copy of the shop until the store answers
    /// with `.performed` or `.storeChanged`, so the store changes its state in place instead of
    /// copying thousands of parcels and customers.
    case writeStarted
    /// The store stopped taking writes; the reason says what to do.
    case storeFailed(Phrase)
    /// Another program holds the store's lock, or (nil) no longer does.
    case storeBusy(StoreBusy?)
    /// A read-only store was opened again: its state, the reason it is still read-only (nil: it
    /// takes writes again) and what opening it found out.
    case storeReopened(ShopState, readOnlyReason: Phrase?, notices: [Phrase] = [])
    /// Another program wrote the journal anew (an erasure, a purge, a restore) and the store was
    /// opened again at once, taking writes: its state and what opening it found out.
    case storeReadAgain(ShopState, notices: [Phrase] = [])
    /// Today's backup was made in this folder.
    case backupMade(path: String)
    /// Today's backup could not be made; the reason says why.
    case backupFailed(Phrase)
    /// A command is on disk; the state is the store's after it.
    case performed(AppOutcome, ShopState)
    /// A rule refused a command (or the store could not take it); nothing was written.
    case refused(AppCommand, Phrase)
    /// The manifest file at `path` could not be imported at all; the reason names the file.
    case importFailed(path: String, Phrase)
    /// The story of every parcel that ever had the number, newest first (none: never received here).
    case storiesRead(TrackingNumber, [ParcelStory])
    /// The stories of the number could not be read; the reason says why.
    case storiesUnread(TrackingNumber, Phrase)
    /// A page of the customer's timeline, as asked for with ``AppEffect/lookUpTimeline(_:page:pageSize:)``.
    case timelineRead(CustomerID, TimelinePage)
    /// The customer's timeline could not be read; the reason says why.
    case timelineUnread(CustomerID, Phrase)
}

/// What the app asks of the world outside.
public enum AppEffect: Equatable, Sendable {
    case quit
    case beep
    /// Write this to the store, then send `.performed` or `.refused`.
    case perform(AppCommand)
    /// Give up the write that waits for the store's lock, then send `.refused`.
    case cancelWrite
    /// Read and parse this manifest file, then perform ``IntakeScreen/Command/expect(_:problems:)`` with
    /// its rows, or send `.importFailed`.
    case importManifest(path: String)
    /// Read the stories of every parcel that ever had this number from the store, then send
    /// `.storiesRead` or `.storiesUnread`.
    case lookUpStories(TrackingNumber)
    /// Read this page of the customer's timeline (newest first, `pageSize` entries a page) from
    /// the store, then send `.timelineRead` or `.timelineUnread`.
    case lookUpTimeline(CustomerID, page: Int, pageSize: Int)
}
