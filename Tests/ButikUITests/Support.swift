import ButikDomain
import ButikGrid
import ButikText
@testable import ButikUI

/// The screen's ``Screen/plainText``.
func snapshot(_ screen: Screen) -> String { screen.plainText }

/// A blank screen of the given size.
func blank(_ width: Int, _ height: Int) -> Screen {
    Screen(size: Size(width: width, height: height))
}

extension AppState {
    /// The passing message as it reads on screen.
    var toastText: String? { toast.map { $0.notice.text(words) } }

    /// Shows `text` as a passing message, as if a catalog said it (through an entry that is
    /// its argument alone).
    mutating func say(text: String, _ tone: Notice.Tone = .info) {
        say(Phrase("error.store.decoding.other", ["detail": .text(text)]), tone)
    }
}

/// Keys in tests as literals (`state.customer(withKey: "KN")`), taken as written.
extension CustomerKey: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}

/// Staff ids in tests as literals (`Context(..., staff: "kari")`), taken as written.
extension StaffID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}

/// Carrier ids in tests as literals (`ReceiveRequest(..., carrier: "postnord")`), taken as written.
extension CarrierID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}
