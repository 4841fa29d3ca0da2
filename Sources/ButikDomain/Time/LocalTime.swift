import Foundation

/// Wall-clock text in the shop's time zone, for messages and screens.
public enum LocalTime {
    /// `2026-11-23 14:05`.
    public static func dayAndMinute(_ date: Date, in zone: TimeZone) -> String {
        "\(Day(date, in: zone)) \(minute(date, in: zone))"
    }

    /// `14:05`.
    public static func minute(_ date: Date, in zone: TimeZone) -> String {
        let m = LocalMoment(date, in: zone).minuteOfDay
        return String(format: "%02d:%02d", m / 60, m % 60)
    }

    /// The minutes since midnight of `HH:MM` (00:00-23:59), or nil.
    public static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        return h * 60 + m
    }

    /// The moment `minuteOfDay` minutes after midnight of `day` in `zone`.
    public static func date(_ day: Day, minuteOfDay: Int, in zone: TimeZone) -> Date {
        let local = Double(day.ordinal * 86_400 + minuteOfDay * 60)
        let guess = Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))))
        return Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: guess)))
    }
}

/// A minute on the shop's wall clock: a day and the minutes since its midnight. Refusals carry
/// it instead of a `Date`, so that they can be put into words without the time zone.
public struct LocalMoment: Equatable, Sendable {
    public var day: Day
    /// 0-1439.
    public var minuteOfDay: Int

    public init(day: Day, minuteOfDay: Int) {
        self.day = day
        self.minuteOfDay = minuteOfDay
    }

    public init(_ date: Date, in zone: TimeZone) {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let minutes = Int((local / 60).rounded(.down))
        self.init(day: Day(date, in: zone), minuteOfDay: ((minutes % 1440) + 1440) % 1440)
    }
}
