import ButikDomain

/// Which parcels the queue screen's lower list shows; `s` cycles.
public enum ParcelFilter: String, CaseIterable, Sendable {
    case all
    case waiting
    case overdue
    case driver = "for the driver"
}

/// The filters of the parcel list: `c` cycles the carriers of the layout, `s` the states.
extension QueueScreen {
    var isFiltered: Bool { carrierFilter != nil || stateFilter != .all }

    /// "  [posten · overdue]" when a filter is on, else nothing.
    var filterSummary: String {
        guard isFiltered else { return "" }
        return "  [" + [carrierFilter ?? "all carriers", stateFilter.rawValue].joined(separator: " · ") + "]"
    }

    func shows(_ parcel: Parcel, _ context: AppContext) -> Bool {
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
