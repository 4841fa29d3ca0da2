/// What a burst of keys as fast as a scanner's, ending in Enter, is in a screen's mode: a scan,
/// or text typed quickly or pasted (a name, the note of an ID, a reason), which is never lost
/// as a scan.
public enum Burst: Sendable, Equatable {
    /// A scan: the mode has no field, or one for codes and numbers.
    case scan
    /// Typing, Enter and all: the mode's field takes free text and a scan means nothing there.
    case text
    /// A field of free text that takes scans too (a search, a recipient's name): a burst that
    /// reads as a tracking number of a known format (or one misread in its check digit) is a
    /// scan; anything else is put into the field as typed, without its Enter.
    case scanOrText
}
