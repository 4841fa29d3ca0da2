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

    /// The minutes since midnight of a time as a clerk types it (00:00-23:59): `9:15`, `09:15`,
    /// `9.15`, `0915` or `915`, spaces around it ignored; nil for anything else.
    public static func minuteOfDay(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.allSatisfy({ $0.isASCIIDigit || $0 == ":" || $0 == "." }) else { return nil }
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "." }
        let hours: Substring, minutes: Substring
        switch parts.count {
        case 1 where (3...4).contains(trimmed.count): (hours, minutes) = (trimmed.dropLast(2), trimmed.suffix(2))
        case 2 where (1...2).contains(parts[0].count) && parts[1].count == 2: (hours, minutes) = (parts[0], parts[1])
        default: return nil
        }
        guard let h = Int(hours), let m = Int(minutes), h < 24, m < 60 else { return nil }
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
