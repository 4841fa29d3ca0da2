/// How a customer reaches the shop or likes to be reached: the raw values are what JSON and
/// the command line write.
public enum ContactChannel: String, Codable, CaseIterable, Sendable {
    case counter, phone, email, chat, messenger, facebook, instagram, x, trustpilot
}
