import ButikGrid

/// Tells a keyboard-wedge barcode scanner's burst from human typing.
///
/// A scanner types each character 1–50 ms after the last and ends with Enter (or Tab);
/// people need 100–300 ms per key. So characters arriving within `maxGap` of each other
/// are held back; when the burst ends in Enter/Tab and is at least `minLength` long it is
/// a scan, otherwise the held keys are released as typing, in their original order.
/// A repeat of the same code starting within `blanking` of the previous scan's end is
/// one trigger read twice and is dropped.
///
/// Keys the terminal marks `queued` (waiting to be read while the app was busy) continue a
/// burst whatever their read times, so a pause of the app mid-scan does not split the scan.
///
/// Because any character might start a scan, a typed character is released only when the
/// next key shows the gap was human, or when the app calls `expire(at:)` once `deadline`
/// has passed. Pure value type: time comes only from the events and the caller.
public struct ScanDetector: Sendable {
    public struct Settings: Sendable, Equatable {
        /// Longest gap between two characters of one scan, in seconds.
        public var maxGap: Double
        /// Fewest characters a scan has (the terminator not counted).
        public var minLength: Int
        /// After a scan, how long the same code is ignored, in seconds.
        public var blanking: Double
        /// Most characters held: a key held down repeats fast too, and is released as
        /// typing at this length.
        public var maxLength: Int

        public init(maxGap: Double = 0.05, minLength: Int = 6, blanking: Double = 0.3, maxLength: Int = 64) {
            self.maxGap = maxGap
            self.minLength = minLength
            self.blanking = blanking
            self.maxLength = maxLength
        }
    }

    /// What to do after an event.
    public enum Output: Hashable, Sendable {
        /// Handle these keys as typed, oldest first. They may be earlier held keys; the
        /// event's own key is among them unless it is now held as a possible scan start.
        case typing([Key])
        /// Nothing to handle now: the key is held as part of a possible scan (or ended a
        /// repeated scan that was dropped).
        case swallowed
        /// A scan completed; the code is exactly as typed (any prefix characters included).
        case scan(String)
    }

    public var settings: Settings
    private var held: [Character] = []
    private var burstStart = 0.0
    private var lastTime = 0.0
    private var lastScan: (code: String, end: Double)?

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// When held keys should be released if no key comes first (nil: none held).
    public var deadline: Double? {
        held.isEmpty ? nil : lastTime + settings.maxGap
    }

    /// Decides what one key event means.
    public mutating func feed(_ event: KeyEvent) -> Output {
        // A key that was waiting to be read came while the app was busy: no gap can be told,
        // so it goes on with the burst (a person cannot type a whole code in such a pause).
        let continuesBurst = !held.isEmpty && (event.queued || event.time - lastTime <= settings.maxGap)
        switch event.key {
        case .character(let character):
            if held.isEmpty || continuesBurst, held.count < settings.maxLength {
                hold(character, at: event.time)
                return .swallowed
            }
            let released = release()
            hold(character, at: event.time)
            return .typing(released)
        case .enter, .tab:
            guard continuesBurst, held.count >= settings.minLength else {
                return .typing(release() + [event.key])
            }
            let code = String(held)
            let repeated = lastScan.map { $0.code == code && burstStart - $0.end < settings.blanking } ?? false
            held = []
            lastScan = (code, event.time)
            return repeated ? .swallowed : .scan(code)
        default:
            return .typing(release() + [event.key])
        }
    }

    /// Releases held keys as typing once `time` is past `deadline`; otherwise returns none.
    public mutating func expire(at time: Double) -> [Key] {
        guard let deadline, time > deadline else { return [] }
        return release()
    }

    private mutating func hold(_ character: Character, at time: Double) {
        if held.isEmpty { burstStart = time }
        held.append(character)
        lastTime = time
    }

    private mutating func release() -> [Key] {
        defer { held = [] }
        return held.map(Key.character)
    }
}
