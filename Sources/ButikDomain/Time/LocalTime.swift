import Foundation

/// Wall-clock text in the shop's time zone, for messages and screens.
public enum LocalTime {
    /// `2026-11-23 14:05`.
    public static func dayAndMinute(_ date: Date, in zone: TimeZone) -> String {
        "\(Day(date, in: zone)) \(minute(date, in: zone))"
    }

    /// `14:05`.
    public static func minute(_ date: Date, in zone: TimeZone) -> String {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let minutes = Int((local / 60).rounded(.down)) % 1440
        let m = (minutes + 1440) % 1440
        return String(format: "%02d:%02d", m / 60, m % 60)
    }
}
