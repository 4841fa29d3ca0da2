import Foundation

extension ShopLayout {
    /// A carrier's rule for reporting damage found after a parcel arrived (`claims` of a
    /// carrier in the shop file). PostNord Norway: within 4 hours of delivery, or by 09:00 the
    /// next working day when delivered after 13:00:
    /// `{"hours": 4, "lateAfter": "13:00", "nextWorkingDayBy": "09:00"}`.
    public struct ClaimRule: Codable, Equatable, Sendable {
        /// Hours after the arrival within which damage is reported.
        public var hours: Int
        /// A time of day (`13:00`): a parcel arriving after it is reported by ``nextWorkingDayBy``
        /// on the next working day instead. Both or neither.
        public var lateAfter: String?
        public var nextWorkingDayBy: String?

        public init(hours: Int, lateAfter: String? = nil, nextWorkingDayBy: String? = nil) {
            self.hours = hours
            self.lateAfter = lateAfter
            self.nextWorkingDayBy = nextWorkingDayBy
        }

        /// What is wrong with the rule of carrier `id`, one sentence each.
        func problems(carrier id: CarrierID) -> [String] {
            var found: [String] = []
            if !(1...168).contains(hours) { found.append("carrier \(id)'s claims.hours must be 1 to 168, not \(hours)") }
            for (name, time) in [("lateAfter", lateAfter), ("nextWorkingDayBy", nextWorkingDayBy)] {
                if let time, LocalTime.minuteOfDay(time) == nil {
                    found.append("carrier \(id)'s claims.\(name) must be a time like 13:00, not \"\(time)\"")
                }
            }
            if (lateAfter == nil) != (nextWorkingDayBy == nil) {
                found.append("carrier \(id)'s claims need both lateAfter and nextWorkingDayBy, or neither")
            }
            return found
        }
    }

    /// When damage to `parcel` must be reported to its carrier, from its arrival in the shop
    /// (``Parcel/receivedAt``, on the shop's clock); nil when its carrier has no rule.
    public func damageClaimDeadline(of parcel: Parcel) -> Date? {
        guard let rule = carrier(named: parcel.carrier)?.claims else { return nil }
        let arrival = LocalMoment(parcel.receivedAt, in: zone)
        if let after = rule.lateAfter.flatMap(LocalTime.minuteOfDay), let by = rule.nextWorkingDayBy.flatMap(LocalTime.minuteOfDay),
           arrival.minuteOfDay > after {
            return LocalTime.date(arrival.day.nextWorkingDay, minuteOfDay: by, in: zone)
        }
        return parcel.receivedAt.addingTimeInterval(TimeInterval(rule.hours) * 3600)
    }
}

/// How long is left until a deadline, or how long ago it passed, in whole minutes.
public struct TimeLeft: Equatable, Sendable {
    /// Negative once it has passed.
    public var minutes: Int

    public init(until deadline: Date, from now: Date) {
        minutes = Int((deadline.timeIntervalSince(now) / 60).rounded(.down))
    }

    public var hasPassed: Bool { minutes < 0 }
}
