import ButikDomain
import ButikGrid

/// The parcel list: filters, extending the selected parcel's deadline, and sending
/// every overdue parcel back.
extension QueueScreen {
    /// e: asks how long to keep the selected waiting parcel.
    mutating func openExtend(_ context: AppContext) -> [AppEffect] {
        guard let parcel = selectedParcel(context), parcel.status == .waiting else {
            notice = QueueNotice(text: "Select a waiting parcel in the list below (Tab) to extend.", isProblem: true)
            return [.beep]
        }
        notice = nil
        prompt = .extend(parcel, context)
        return []
    }

    /// o: asks before sending every overdue parcel back.
    mutating func openReturnOverdue(_ context: AppContext) -> [AppEffect] {
        let pull = context.shop.overduePullList(today: context.today, context.layout)
        guard pull.count > 0 else {
            notice = QueueNotice(text: "No parcel is overdue.", isProblem: false)
            return []
        }
        notice = nil
        prompt = .returnOverdue(pull, to: context.layout.outboundID)
        return []
    }

    /// An extension or return of this screen is on disk.
    mutating func parcelsPerformed(_ outcome: AppOutcome, _ context: AppContext) {
        switch outcome {
        case .deadlineExtended(let parcel):
            notice = QueueNotice(text: "\(parcel.tracking) (\(parcel.key)) is kept until \(parcel.deadline) (\(context.dueText(parcel.deadline))).",
                                 isProblem: false)
        case .returnedOverdue(let parcels):
            notice = QueueNotice(text: "\(parcels.count) overdue parcel\(parcels.count == 1 ? "" : "s") marked for return: put them in \(context.layout.outboundID).",
                                 isProblem: false)
        default:
            returnsPerformed(outcome, context)
        }
    }
}
