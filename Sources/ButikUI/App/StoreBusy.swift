import ButikText

/// Another program holds the store's lock (a long import, a backup, a stuck script). This
/// passes: it never makes the store read-only, and the app never waits for it.
public enum StoreBusy: Sendable, Equatable {
    /// Catching up on other counters' writes has been skipped for a while, so the screen may
    /// not show their latest changes.
    case reading
    /// A write waits for the lock. It is made (and decided) as soon as the lock is free, unless
    /// Esc cancels it; until then keys are refused.
    case writing

    /// The status line's word for it.
    static let status = Phrase("store.busy.status")

    /// Under the tab bar while a write waits.
    static let waitingBanner = Phrase("store.busy.waiting")
    /// A key or scan while a write waits.
    static let keyRefused = Phrase("store.busy.keyRefused")
    /// The waiting write was cancelled with Esc.
    public static let cancelled = Phrase("store.busy.cancelled")
    /// A second write came while the first still waits.
    public static let earlierWriteWaits = Phrase("store.busy.earlierWriteWaits")
    /// The app quit while a write waited.
    public static let quitWhileWaiting = Phrase("store.busy.quitWhileWaiting")
    /// A read-only store opened again without a fault.
    static let writableAgain = Phrase("store.writableAgain")
    /// The store opened again at once after another program wrote the journal anew.
    static let readAgain = Phrase("store.readAgain")
}
