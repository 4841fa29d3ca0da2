/// Who did something: the id a member of staff works under (`--staff`, `$BUTIK_STAFF`, `$USER`),
/// recorded with every event.
///
/// Made from what a person gave by ``TypedText/staffID(_:)``, which tidies its spaces and
/// refuses an empty, too long or hidden-character id. Coded as one JSON string; read from the
/// store as written (``init(stored:)``).
public struct StaffID: Hashable, Comparable, Sendable, CustomStringConvertible, StoredAsText {
    /// The id's text: `"kari"`.
    public let value: String

    /// An id as the store wrote it, not checked.
    public init(stored value: String) { self.value = value }

    public var description: String { value }

    public static func < (lhs: StaffID, rhs: StaffID) -> Bool { lhs.value < rhs.value }
}
