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
    static let status = "store busy"

    /// Under the tab bar while a write waits.
    static let waitingBanner = "Waiting for the store: another program is using it. Esc cancels."
    /// A key or scan while a write waits.
    static let keyRefused = "Waiting for the store to save: keys are not taken until then. Esc cancels."
    /// The waiting write was cancelled with Esc.
    public static let cancelled = "Not saved: cancelled while another program was using the store."
    /// A second write came while the first still waits.
    public static let earlierWriteWaits = "Not saved: an earlier action is still waiting for the store."
    /// The app quit while a write waited.
    public static let quitWhileWaiting = "Not saved: the last action was still waiting for the store "
        + "(another program was using it) when Butik quit."
    /// A read-only store opened again without a fault.
    static let writableAgain = "The store is writable again."
}
