import ButikDomain
import ButikGrid
import ButikText

/// The parcel list: filters, extending the selected parcel's deadline, and sending
/// every overdue parcel back.
extension QueueScreen {
    /// e: asks how long to keep the selected waiting parcel.
    mutating func openExtend(_ context: AppContext) -> [AppEffect] {
        guard let parcel = selectedParcel(context), parcel.status == .waiting else {
            notice = Notice(Phrase("queue.extend.select"), tone: .error)
            return [.beep]
        }
        notice = nil
        prompt = .extend(parcel.id)
        return []
    }

    /// o: asks before sending every overdue parcel back.
    mutating func openReturnOverdue(_ context: AppContext) -> [AppEffect] {
        guard context.shop.overduePullList(today: context.today, context.layout).count > 0 else {
            notice = Notice(Phrase("queue.return.noneOverdue"))
            return []
        }
        notice = nil
        prompt = .returnOverdue()
        return []
    }

    /// An extension or return of this screen is on disk.
    mutating func parcelsPerformed(_ outcome: Outcome, _ context: AppContext) {
        switch outcome {
        case .deadlineExtended(let parcel):
            notice = Notice(Phrase("queue.extend.done", ["tracking": .text(parcel.tracking.value), "key": .text(parcel.key.value),
                                                              "deadline": .date(parcel.deadline), "due": .text(context.dueText(parcel.deadline))]))
        case .returnCancelled(let parcel):
            notice = Notice(Phrase("queue.backToShelf.done", ["tracking": .text(parcel.tracking.value), "key": .text(parcel.key.value),
                                                                   "slot": .text(parcel.slot.value), "due": .text(context.dueText(parcel.deadline))]))
        case .returnedOverdue(let parcels):
            notice = Notice(Phrase("queue.return.done", ["n": .count(parcels.count), "area": .text(context.layout.outboundID.value)]))
        default:
            returnsPerformed(outcome, context)
        }
    }
}
