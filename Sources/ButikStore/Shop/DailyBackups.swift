import ButikDomain
import Foundation

/// The program's own daily backups, kept as `shop.json`'s `backups` settings say.
extension ShopStore {
    /// The folder backups go to unless told otherwise: the settings' folder, relative to the
    /// store folder. (A copy on the same disk guards against damage, not against losing the
    /// disk: see `docs/store.md`.)
    public var defaultBackupFolder: URL { Self.backupFolder(layout.backups, of: folder) }

    /// The backup folder `settings` name for the store in `folder`.
    static func backupFolder(_ settings: BackupSettings, of folder: URL) -> URL {
        settings.folder.hasPrefix("/") ? URL(fileURLWithPath: settings.folder, isDirectory: true)
            : folder.appendingPathComponent(settings.folder, isDirectory: true)
    }

    /// Makes today's backup (the shop's local day) unless the folder has one, then removes the
    /// backups the settings no longer keep. Returns the backup made, if one was. With `waiting`
    /// false, another program's lock throws ``StoreError/locked`` at once.
    public func backUpIfDue(now: Date, waiting: Bool = true) throws -> URL? {
        let parent = defaultBackupFolder
        let calendar = localCalendar
        let made = backups(in: parent)
        if made.contains(where: { calendar.isDate($0.time, inSameDayAs: now) }) { return nil }
        let new = try backup(into: parent, now: now, waiting: waiting)
        let keep = Self.kept(backups(in: parent).map(\.time), settings: layout.backups, calendar: calendar)
        for old in backups(in: parent) where !keep.contains(old.time) {
            try? FileManager.default.removeItem(at: old.folder)
        }
        return new
    }

    /// The times of `times` that the settings keep: the newest of each of the last `daily` days
    /// that have one, and the first of each of the last `monthly` months that have one.
    static func kept(_ times: [Date], settings: BackupSettings, calendar: Calendar) -> Set<Date> {
        let newestFirst = times.sorted(by: >)
        var keep = Set<Date>()
        var days: [DateComponents] = []
        for time in newestFirst {
            let day = calendar.dateComponents([.year, .month, .day], from: time)
            guard !days.contains(day), days.count < settings.daily else { continue }
            days.append(day)
            keep.insert(time)
        }
        var months: [DateComponents] = []
        for time in newestFirst.reversed() {  // oldest first: the first of each month
            let month = calendar.dateComponents([.year, .month], from: time)
            guard !months.contains(month) else { continue }
            months.append(month)
        }
        for month in months.suffix(settings.monthly) {
            if let first = newestFirst.last(where: { calendar.dateComponents([.year, .month], from: $0) == month }) {
                keep.insert(first)
            }
        }
        return keep
    }

    /// The backups in `parent`, by the time in their names; other entries are left alone.
    func backups(in parent: URL) -> [(folder: URL, time: Date)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        let format = backupNameFormat
        return names.compactMap { name in
            guard name.hasPrefix("backup-"), let time = format.date(from: String(name.dropFirst(7))) else { return nil }
            return (parent.appendingPathComponent(name, isDirectory: true), time)
        }
    }

    /// `20261201-093105` in the shop's time zone: how a backup's folder is named after its time.
    var backupNameFormat: DateFormatter { BackupName.format(in: layout.zone) }

    private var localCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = layout.zone
        return calendar
    }
}
