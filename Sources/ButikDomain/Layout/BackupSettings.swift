/// Where the program keeps its own daily backups and how many (`"backups"` in the shop file).
///
/// Of the backups in the folder, the newest of each of the last `daily` days are kept, and the
/// first of each of the last `monthly` months; the rest are removed after each daily backup.
public struct BackupSettings: Codable, Equatable, Sendable {
    /// The folder, relative to the store folder or absolute; `backups` when the file leaves it out.
    public var folder: String
    public var daily: Int
    public var monthly: Int

    public init(folder: String = "backups", daily: Int = 14, monthly: Int = 12) {
        self.folder = folder
        self.daily = daily
        self.monthly = monthly
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(folder: try c.decodeIfPresent(String.self, forKey: .folder) ?? "backups",
                  daily: try c.decodeIfPresent(Int.self, forKey: .daily) ?? 14,
                  monthly: try c.decodeIfPresent(Int.self, forKey: .monthly) ?? 12)
    }

    /// What is wrong with the settings, one sentence each.
    var problems: [String] {
        var found: [String] = []
        if folder.isEmpty { found.append("backups.folder must name a folder") }
        if !(1...366).contains(daily) { found.append("backups.daily must be 1 to 366, not \(daily)") }
        if !(0...120).contains(monthly) { found.append("backups.monthly must be 0 to 120, not \(monthly)") }
        return found
    }
}
