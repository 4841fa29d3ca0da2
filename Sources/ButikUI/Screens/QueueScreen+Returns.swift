import ButikDomain
import ButikGrid
import ButikText

/// What the driver takes from the outbound area, counted by scanning each item leaving.
public struct HandoverCount: Equatable, Sendable {
    /// The carrier whose driver this is (the queue's carrier filter when the count began);
    /// nil for every carrier's items.
    public var carrier: CarrierID?
    public var scanned: [TrackingNumber] = []
    /// Set after Enter with items missing: a second Enter records the handover as it is.
    public var missingShown = false

    /// The count against what the store expects the driver to take.
    func tally(_ context: AppContext) -> HandoverTally {
        context.shop.handoverTally(scanned: scanned, carrierID: carrier)
    }

    func line(_ context: AppContext) -> String {
        let words = context.words
        let tally = tally(context)
        guard missingShown else {
            let counted: [String: Phrase.Argument] = ["n": .count(tally.counted), "of": .count(tally.expected.count)]
            return carrier.map {
                words.text("queue.handover.carrier", counted.merging(["carrier": .text(context.layout.name(of: $0))]) { $1 })
            } ?? words.text("queue.handover.count", counted)
        }
        let missing = tally.missing
        return words.text("queue.handover.missing", ["n": .count(missing.count), "numbers": .list(missing.map(\.value)),
                                                     "counted": .count(tally.counted), "of": .count(tally.expected.count)])
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
            notice = Notice(refusal.phrase, tone: .error)
            return [.beep]
        }
        count.missingShown = false
        handover = count
        guard tally.expected.contains(tracking.number) else {
            notice = Notice(Phrase("queue.handover.notForDriver", ["tracking": .text(tracking.number.value)]), tone: .error)
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
            notice = Notice(Phrase("queue.handover.scanEach"), tone: .error)
            return [.beep]
        }
        if count.tally(context).missing.isEmpty || count.missingShown {
            handover = nil
            return [.perform(.queue(.handOver(count.scanned, carrier: count.carrier)))]
        }
        count.missingShown = true
        handover = count
        return [.beep]
    }

    mutating func submitDropOff(_ text: String, _ context: AppContext) -> [AppEffect] {
        let words = text.split(separator: " ").map(String.init)
        guard let number = words.first, words.count <= 2 else {
            notice = Notice(Phrase("queue.dropOff.typeNumber"), tone: .error)
            prompt = .dropOff(text: text)
            return [.beep]
        }
        switch Tracking.parse(number) {
        case .success(let parsed):
            notice = nil
            return [.perform(.queue(.dropOff(parsed, carrier: words.count == 2 ? CarrierID(typed: words[1]) : nil)))]
        case .failure(let error):
            notice = Notice(error.misreadPhrase, tone: .error)
            prompt = .dropOff(text: text)
            return [.beep]
        }
    }

    mutating func returnsPerformed(_ outcome: Outcome, _ context: AppContext) {
        switch outcome {
        case .droppedOff(let dropOff):
            notice = Notice(Phrase("queue.dropOff.receipt", ["receipt": .text(dropOff.receipt), "tracking": .text(dropOff.tracking.value),
                                                                  "carrier": .text(dropOff.carrier.value), "area": .text(context.layout.outboundID.value)]))
        case .handedOver(let handover):
            var phrases = [Phrase("queue.handover.took", ["taken": .count(handover.taken), "expected": .count(handover.expected)])]
            if !handover.missing.isEmpty {
                phrases.append(Phrase("queue.handover.tookMissing", ["n": .count(handover.missing.count), "numbers": .list(handover.missing.map(\.value))]))
            }
            if !handover.unknown.isEmpty { phrases.append(Phrase("queue.handover.notOurs", ["numbers": .list(handover.unknown.map(\.value))])) }
            notice = Notice(phrases: phrases, tone: handover.isComplete ? .info : .error)
        default:
            break
        }
    }
}
