import ButikDomain
import ButikGrid
import ButikText

/// What the driver takes from the outbound area, counted by scanning each item leaving.
public struct HandoverCount: Equatable, Sendable {
    /// The carrier whose driver this is (the queue's carrier filter when the count began);
    /// nil for every carrier's items.
    public var carrier: String?
    public var scanned: [TrackingNumber] = []
    /// Set after Enter with items missing: a second Enter records the handover as it is.
    public var missingShown = false

    /// The count against what the store expects the driver to take.
    func tally(_ context: AppContext) -> HandoverTally {
        context.shop.handoverTally(scanned: scanned, carrierID: carrier)
    }

    func line(_ context: AppContext) -> String {
        let tally = tally(context)
        let whose = carrier.map { " (\(context.layout.carrier(named: $0)?.name ?? $0))" } ?? ""
        guard missingShown else {
            return "Driver handover\(whose): \(tally.counted) of \(tally.expected.count) scanned · Enter checks the count · Esc cancels"
        }
        let missing = tally.missing
        return "Missing \(missing.count): \(missing.map(\.value).joined(separator: ", ")) · Enter records \(tally.counted) of "
            + "\(tally.expected.count) as taken · Esc cancels"
    }
}

/// Returns on the queue screen: `d` takes in a drop-off, `h` counts the driver's handover.
extension QueueScreen {
    /// Scans go to an open drop-off prompt or the handover count.
    var takesScans: Bool { handover != nil || prompt?.purpose == .dropOff }

    mutating func scan(_ tracking: ParsedTracking, _ context: AppContext) -> [AppEffect] {
        if prompt?.purpose == .dropOff {
            prompt = .dropOff(text: tracking.number.value + " ")
            return []
        }
        guard var count = handover else { return [] }
        guard !count.scanned.contains(tracking.number) else { return [] }
        count.scanned.append(tracking.number)
        let tally = count.tally(context)
        if let parcel = tally.waiting.first(where: { $0.tracking == tracking.number }) {
            let refusal = DomainError.waitingForCustomer(tracking: parcel.tracking, key: parcel.key, slot: parcel.slot)
            notice = QueueNotice(text: Words.english.text(refusal.phrase), isProblem: true)
            return [.beep]
        }
        count.missingShown = false
        handover = count
        guard tally.expected.contains(tracking.number) else {
            notice = QueueNotice(text: "\(tracking.number) is not waiting for the driver; keep it here.", isProblem: true)
            return [.beep]
        }
        notice = nil
        return []
    }

    /// Enter during the handover: records it when nothing is missing, else says what is
    /// missing first and records it at the second Enter.
    mutating func checkHandover(_ context: AppContext) -> [AppEffect] {
        guard var count = handover else { return [] }
        guard !count.scanned.isEmpty else {
            notice = QueueNotice(text: "Scan each parcel the driver takes.", isProblem: true)
            return [.beep]
        }
        if count.tally(context).missing.isEmpty || count.missingShown {
            handover = nil
            return [.perform(.handOver(count.scanned, carrier: count.carrier))]
        }
        count.missingShown = true
        handover = count
        return [.beep]
    }

    mutating func submitDropOff(_ text: String, _ context: AppContext) -> [AppEffect] {
        let words = text.split(separator: " ").map(String.init)
        guard let number = words.first, words.count <= 2 else {
            notice = QueueNotice(text: "Scan or type the tracking number, then the carrier.", isProblem: true)
            prompt = .dropOff(text: text)
            return [.beep]
        }
        switch Tracking.parse(number) {
        case .success(let parsed):
            notice = nil
            return [.perform(.dropOff(parsed, carrier: words.count == 2 ? words[1] : nil))]
        case .failure(let error):
            notice = QueueNotice(text: Words.english.text(error.misreadPhrase), isProblem: true)
            prompt = .dropOff(text: text)
            return [.beep]
        }
    }

    mutating func returnsPerformed(_ outcome: AppOutcome, _ context: AppContext) {
        switch outcome {
        case .droppedOff(let dropOff):
            notice = QueueNotice(text: "Receipt \(dropOff.receipt): \(dropOff.tracking) (\(dropOff.carrier)) waits in \(context.layout.outboundID) for the driver.",
                                 isProblem: false)
        case .handedOver(let handover):
            var text = "The driver took \(handover.taken) of \(handover.expected)."
            if !handover.missing.isEmpty { text += " Missing \(handover.missing.count): \(handover.missing.map(\.value).joined(separator: ", "))." }
            if !handover.unknown.isEmpty { text += " Not ours: \(handover.unknown.map(\.value).joined(separator: ", "))." }
            notice = QueueNotice(text: text, isProblem: !handover.isComplete)
        default:
            break
        }
    }
}
