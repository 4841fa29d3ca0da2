import ButikDomain
import ButikGrid
import Foundation

/// How the screens list moments of the past (a parcel's steps, a customer's timeline): when,
/// who, and what happened, the text wrapped under itself.
enum HistoryRows {
    /// Staff ids are short; a long one is cut so the text keeps its room.
    static func staffWidth(_ staff: some Sequence<StaffID>) -> Int {
        min(12, staff.map(\.value.displayWidth).max() ?? 0)
    }

    /// The rows of one moment: `margin`, the moment, the staff member padded to `staffWidth`,
    /// then `text`, which goes on under itself where it is wider than `width` leaves.
    static func rows(at: Date, staff: StaffID, staffWidth: Int, _ text: String, width: Int, margin: String = "  ",
                     _ context: AppContext) -> [String] {
        let lead = margin + context.moment(at) + "  " + staff.value.padded(toWidth: staffWidth) + "  "
        let indent = String(repeating: " ", count: lead.displayWidth)
        return lines(text, width: width - lead.displayWidth).enumerated().map { ($0.offset == 0 ? lead : indent) + $0.element }
    }

    /// Text that fits stays as it is; only longer text is wrapped (which joins words with one space).
    static func lines(_ text: String, width: Int) -> [String] {
        text.displayWidth <= width ? [text] : text.wrapped(toWidth: max(1, width))
    }
}
