import ButikDomain
import ButikGrid
import ButikText

/// What the driver takes from the outbound area, counted by scanning each item leaving.
public struct HandoverCount: Equatable, Sendable {
    public var scanned: [TrackingNumber] = []
    /// Set after Enter with items missing: a second Enter records the handover as it is.
    public var missingShown = false

    /// Returning parcels and drop-offs the store expects the driver to take.
    static func expected(_ context: AppContext) -> [TrackingNumber] {
        context.shop.parcelsInShop.filter { $0.status != .waiting }.map(\.tracking)
            + context.shop.dropOffsWaiting().map(\.tracking)
    }

    func missing(_ context: AppContext) -> [TrackingNumber] {
        HandoverCount.expected(context).filter { !scanned.contains($0) }
    }

    func line(_ context: AppContext) -> String {
        let expected = HandoverCount.expected(context)
        let counted = scanned.filter(expected.contains).count
        guard missingShown else {
            return "Driver handover: \(counted) of \(expected.count) scanned · Enter checks the count · Esc cancels"
        }
        let missing = missing(context)
        return "Missing \(missing.count): \(missing.map(\.value).joined(separator: ", ")) · Enter records anyway · Esc cancels"
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
        count.missingShown = false
        handover = count
        guard HandoverCount.expected(context).contains(tracking.number) else {
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
        if count.missing(context).isEmpty || count.missingShown {
            handover = nil
            return [.perform(.handOver(count.scanned))]
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
            var text = "The driver took \(handover.parcels.count + handover.dropOffs.count)."
            if !handover.missing.isEmpty { text += " Missing \(handover.missing.count): \(handover.missing.map(\.value).joined(separator: ", "))." }
            if !handover.unknown.isEmpty { text += " Not ours: \(handover.unknown.map(\.value).joined(separator: ", "))." }
            notice = QueueNotice(text: text, isProblem: !handover.isComplete)
        default:
            break
        }
    }
}
