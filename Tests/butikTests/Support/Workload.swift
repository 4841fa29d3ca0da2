@testable import ButikDomain  // DemoRandom, a seeded generator
import Foundation

/// One thing a counter does through the binary: as the ``Workload`` picks it, and as
/// ``ReferenceShop`` names a journal transaction, so the two can be compared.
enum Action: Hashable, CustomStringConvertible {
    case addCustomer(name: String)
    /// `to` is a known customer's key, or the name of a new one.
    case receive(tracking: String, to: String)
    /// `verified` is id, code, known or proxy.
    case handout(tracking: String, verified: String)
    case undoHandout(tracking: String)
    case move(tracking: String, to: String)
    /// `to` is the new deadline, YYYY-MM-DD.
    case extend(tracking: String, to: String)
    /// `step` is add, fetch, ready or done.
    case queue(step: String, key: String)
    case dropoff(tracking: String)
    /// `butik return`.
    case giveBack(tracking: String)

    /// The words after `butik`.
    var arguments: [String] {
        switch self {
        case .addCustomer(let name): ["customer", "add", name]
        case .receive(let tracking, let to): ["receive", tracking, "--to", to]
        case .handout(let tracking, "proxy"):
            ["handout", tracking, "--verified", "proxy", "--proxy-name", "Ola Fullmektig", "--proxy-id", "pass …4521"]
        case .handout(let tracking, let how): ["handout", tracking, "--verified", how]
        case .undoHandout(let tracking): ["handout", tracking, "--undo"]
        case .move(let tracking, let slot): ["move", tracking, slot]
        case .extend(let tracking, let day): ["extend", tracking, "--to", day]
        case .queue(let step, let key): ["queue", step, key]
        case .dropoff(let tracking): ["dropoff", tracking]
        case .giveBack(let tracking): ["return", tracking]
        }
    }

    /// The verb, for counts per kind.
    var kind: String {
        switch self {
        case .queue(let step, _): "queue \(step)"
        case .undoHandout: "undo"
        default: arguments[0]
        }
    }

    var description: String { arguments.joined(separator: " ") }

    /// The actions of `these` left over when each of `those` takes away one equal to it:
    /// acknowledged actions missing from the journal, or journal entries nobody was told of.
    static func surplus(_ these: [Action], over those: [Action]) -> [Action] {
        var left = Dictionary(those.map { ($0, 1) }, uniquingKeysWith: +)
        return these.filter { action in
            guard let count = left[action], count > 0 else { return true }
            left[action] = count - 1
            return false
        }
    }
}

/// A counter's mixed workload: picks the next action against what the reference model knows
/// of the store, so it is mostly one the store accepts. The same seed and the same states give
/// the same actions.
struct Workload {
    private var random: DemoRandom
    /// Marks this workload's new names and tracking numbers apart from another's.
    private let label: String
    private var serial: Int
    private var names = 0
    /// Keys of customers whose parcels and queue entries this workload leaves alone.
    private let reserved: Set<String>

    /// Tracking numbers come from serials `firstSerial` on, one per receive or drop-off.
    init(seed: UInt64, label: String, firstSerial: Int, reserved: Set<String> = []) {
        random = DemoRandom(seed: seed)
        self.label = label
        serial = firstSerial
        self.reserved = reserved
    }

    /// The seed in `BUTIK_PROOF_SEED`, else `fallback`.
    static func seed(_ fallback: UInt64) -> UInt64 {
        UInt64(ProcessInfo.processInfo.environment["BUTIK_PROOF_SEED"] ?? "") ?? fallback
    }

    /// A number in `range`, from this workload's generator.
    mutating func number(in range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }

    /// The next action; `now` decides which hand-outs are recent enough to undo.
    mutating func next(_ shop: ReferenceShop, now: Date) -> Action {
        let customers = shop.customers.filter { !reserved.contains($0.value.key) }.sorted { $0.key < $1.key }
        let inShop = shop.inShop.filter { !reserved.contains(shop.customers[$0.customer]?.key ?? "") }
        let waiting = inShop.filter { $0.status == .waiting }
        let recent = Int((now.timeIntervalSince1970 - 300) * 1000)
        let undoable = shop.parcels.values.filter { parcel in
            guard case .handedOut(let at) = parcel.status else { return false }
            return at > recent && shop.inShop(parcel.tracking) == nil && !reserved.contains(shop.customers[parcel.customer]?.key ?? "")
        }.sorted { $0.id < $1.id }
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<28: break
        case 28..<33: return .addCustomer(name: newName())
        case 33..<45 where !waiting.isEmpty:
            // Not on the pickup code: the workload's parcels have none.
            return .handout(tracking: pick(waiting).tracking, verified: pick(["id", "known", "proxy"]))
        case 45..<48 where !undoable.isEmpty: return .undoHandout(tracking: pick(undoable).tracking)
        case 48..<58 where !waiting.isEmpty:
            let parcel = pick(waiting)
            var targets = shop.layout.slots
                .filter { $0.id != parcel.slot && $0.size == parcel.size && shop.waitingLoad($0.id) < $0.capacity }.map(\.id)
            if parcel.slot != shop.layout.overflow, targets.isEmpty || random.next() % 8 == 0 { targets = [shop.layout.overflow] }
            if !targets.isEmpty { return .move(tracking: parcel.tracking, to: pick(targets)) }
        case 58..<66 where waiting.contains { $0.deadline < $0.latest }:
            let parcel = pick(waiting.filter { $0.deadline < $0.latest })
            return .extend(tracking: parcel.tracking,
                           to: min(Workload.day(parcel.deadline, plus: Int.random(in: 1...5, using: &random)), parcel.latest))
        case 66..<82 where !customers.isEmpty:
            // Mostly a step for somebody in the queue, so entries go all the way to done.
            let queued = customers.filter { shop.openEntry(of: $0.key) != nil }
            let (id, customer) = pick(queued.isEmpty || random.next() % 3 == 0 ? customers : queued)
            guard let (_, entry) = shop.openEntry(of: id) else { return .queue(step: "add", key: customer.key) }
            let step = switch entry.status {
            case "waiting": random.next() % 3 == 0 ? "ready" : "fetch"
            case "fetching": "ready"
            default: "done"
            }
            return .queue(step: step, key: customer.key)
        case 82..<90:
            serial += 1
            return .dropoff(tracking: Butik.s10(serial))
        case 90..<100 where !waiting.isEmpty: return .giveBack(tracking: pick(waiting).tracking)
        default: break
        }
        serial += 1
        let to = customers.isEmpty || random.next() % 3 == 0 ? newName() : pick(customers).value.key
        return .receive(tracking: Butik.s10(serial), to: to)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    private mutating func newName() -> String {
        names += 1
        let first = ["Kari", "Ola", "Åse", "Per", "Siv", "Tor", "Ingrid", "Jørn", "Liv", "Mats"]
        let last = ["Nordmann", "Berg", "Hansen", "Ødegård", "Lie", "Dahl", "Moe", "Haugen"]
        return "\(pick(first)) \(pick(last)) \(label)\(names)"
    }

    /// The day `days` after an ISO day (YYYY-MM-DD).
    static func day(_ iso: String, plus days: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: iso) else { return iso }
        return formatter.string(from: date.addingTimeInterval(Double(days) * 86_400))
    }
}
