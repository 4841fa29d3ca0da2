import ButikDomain

// The words for a parcel's story and a customer's timeline, as the history views say them.
// Named `phrased` beside the domain's English `phrase` strings (which `--json` still writes).

extension ParcelStep.What {
    /// "handed out to proxy Per Hansen (ID note: førerkort …4521)".
    public var phrased: Phrase {
        switch self {
        case .received(let slot, let delivery?, let deadline):
            Phrase("history.step.receivedInDelivery", ["slot": .text(slot.value), "delivery": .text(delivery.description),
                                                        "deadline": .date(deadline)])
        case .received(let slot, nil, let deadline):
            Phrase("history.step.received", ["slot": .text(slot.value), "deadline": .date(deadline)])
        case .moved(let slot): Phrase("history.step.moved", ["slot": .text(slot.value)])
        case .extended(let day): Phrase("history.step.extended", ["deadline": .date(day)])
        case .handedOut(.proxy, let name, let note?):
            Phrase("history.step.handedOutToProxyWithNote", ["name": Self.proxy(name), "note": .text(note)])
        case .handedOut(.proxy, let name, nil):
            Phrase("history.step.handedOutToProxy", ["name": Self.proxy(name)])

        case .handedOut(let verification, _, _):
            Phrase("history.step.handedOut", ["check": .phrase(verification.phrased)])
        case .handOutUndone: Phrase("history.step.handOutUndone")
        case .refused(let reason, let proxy?): Phrase("history.step.refusedProxy", ["reason": .text(reason), "name": .text(proxy)])
        case .refused(let reason, nil): Phrase("history.step.refused", ["reason": .text(reason)])
        case .returning(let area): Phrase("history.step.returning", ["area": .text(area.value)])
        case .returnCancelled(let slot): Phrase("history.step.returnCancelled", ["slot": .text(slot.value)])
        case .collected: Phrase("history.step.collected")
        case .receiptUndone: Phrase("history.step.receiptUndone")
        }
    }

    /// The proxy's name as noted, or "(no name)".
    private static func proxy(_ name: String?) -> Phrase.Argument {
        name.map { .text($0) } ?? .phrase(Phrase("history.noName"))
    }
}

extension Verification {
    /// How identity was checked: "photo ID checked".
    public var phrased: Phrase {
        switch self {
        case .id: Phrase("verification.id")
        case .code: Phrase("verification.code")
        case .known: Phrase("verification.known")
        case .proxy: Phrase("verification.proxy")
        }
    }
}

extension ParcelStory.Status {
    /// Where the parcel is in its life: "handed out".
    public var phrased: Phrase {
        switch self {
        case .waiting: ParcelStatus.Kind.waiting.phrase
        case .returning: ParcelStatus.Kind.returning.phrase
        case .handedOut: ParcelStatus.Kind.handedOut.phrase
        case .collected: ParcelStatus.Kind.collected.phrase
        case .receiptUndone: Phrase("history.status.receiptUndone")
        }
    }
}

extension ParcelStory {
    /// The story's first line: "P1234  Posten/Bring, for JEDS (Janne Eline Dahl Solberg): handed out".
    public func phrasedHeadline(in layout: ShopLayout) -> Phrase {
        Phrase("history.headline", ["id": .text(id.description), "carrier": .text(layout.name(of: carrier)),
                                    "key": .text(key.value), "name": .text(recipientName), "status": .phrase(status.phrased)])
    }

    /// What a look-up of `tracking` found: "RR123456785NO: one parcel had this number."
    public static func phrasedCount(_ count: Int, of tracking: TrackingNumber) -> Phrase {
        Phrase("history.count", ["tracking": .text(tracking.value), "n": .count(count)])
    }
}

extension TimelineEntry.What {
    /// "RR123456785NO handed out to the recipient, photo ID checked".
    public var phrased: Phrase {
        switch self {
        case .parcel(let tracking, let what): Phrase("timeline.parcel", ["tracking": .text(tracking.value), "step": .phrase(what.phrased)])
        case .refused(let reason, let parcels, let proxy) where parcels.isEmpty: ParcelStep.What.refused(reason: reason, proxyName: proxy).phrased
        case .refused(let reason, let parcels, let proxy?):
            Phrase("timeline.refusedParcelsProxy", ["reason": .text(reason), "parcels": .list(parcels.map(\.value)), "name": .text(proxy)])
        case .refused(let reason, let parcels, nil):
            Phrase("timeline.refusedParcels", ["reason": .text(reason), "parcels": .list(parcels.map(\.value))])
        case .proxyAuthorised(let name): Phrase("timeline.proxyAuthorised", ["name": .text(name)])
        case .proxyRevoked(let name): Phrase("timeline.proxyRevoked", ["name": .text(name)])
        case .droppedOff(let tracking, let receipt, let carrier):
            Phrase("timeline.droppedOff", ["tracking": .text(tracking.value), "receipt": .text(receipt), "carrier": .text(carrier.value)])
        case .edited(let note?): Phrase("timeline.editedNote", ["note": .text(note)])
        case .edited(nil): Phrase("timeline.edited")
        case .merged(let from): Phrase("timeline.merged", ["record": .text(from.description)])
        case .contact(_, let channel, let about, let text): about.phrased(channel: channel, text: text)
        case .caseOpened(let id, let kind, let text):
            Phrase("timeline.caseOpened", ["case": .text(id.description), "kind": .phrase(kind.phrase), "text": .text(text)])
        case .caseUpdated(let id, let update): update.phrased(case: id)
        }
    }
}
