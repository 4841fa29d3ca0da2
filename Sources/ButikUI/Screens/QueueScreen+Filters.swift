import ButikDomain
import ButikText

/// Which parcels the queue screen's lower list shows; `s` cycles.
public enum ParcelFilter: CaseIterable, Sendable {
    case all
    case waiting
    case overdue
    /// The parcels in the outbound area for the driver: the returns view.
    case driver

    /// The filter's name, as the summary line shows it; none for every parcel.
    var phrase: Phrase? {
        switch self {
        case .all: nil
        case .waiting: Phrase("queue.filter.waiting")
        case .overdue: Phrase("queue.filter.overdue")
        case .driver: Phrase("queue.filter.driver")
        }
    }
}

/// The filters of the parcel list: `c` cycles the carriers of the layout, `s` the states.
extension QueueScreen {
    var isFiltered: Bool { carrierFilter != nil || stateFilter != .all }

    /// "  [posten · overdue]", "  [overdue]" or "  [posten]" when a filter is on, else nothing.
    func filterSummary(_ context: AppContext) -> String {
        let on = [carrierFilter?.value, stateFilter.phrase.map(context.words.text)].compactMap { $0 }
        return on.isEmpty ? "" : "  " + context.words.text("queue.filter", ["filters": .text(on.joined(separator: " · "))])
    }

    /// During a driver's handover the list is what the driver is to take (of its carrier);
    /// else the filters say.
    func shows(_ parcel: Parcel, _ context: AppContext) -> Bool {
        if let handover { return parcel.status != .waiting && (handover.carrier.map { parcel.carrier == $0 } ?? true) }
        if let carrierFilter, parcel.carrier != carrierFilter { return false }
        switch stateFilter {
        case .all: return true
        case .waiting: return parcel.status == .waiting
        case .overdue: return parcel.status == .waiting && parcel.deadline < context.today
        case .driver: return parcel.status != .waiting
        }
    }

    /// The next carrier after the current one; after the last, all of them again.
    mutating func cycleCarrier(_ context: AppContext) {
        let ids = context.layout.carriers.map(\.id)
        let next = carrierFilter.flatMap { ids.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        carrierFilter = ids.indices.contains(next) ? ids[next] : nil
        selection = ListSelection()
    }

    mutating func cycleState() {
        let all = ParcelFilter.allCases
        stateFilter = all[(all.firstIndex(of: stateFilter)! + 1) % all.count]
        selection = ListSelection()
    }
}
