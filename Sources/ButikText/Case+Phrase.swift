import ButikDomain

extension CaseStatus {
    /// A case's status: "waiting for the carrier".
    public var phrase: Phrase {
        switch self {
        case .open: Phrase("case.status.open")
        case .waitingForCarrier: Phrase("case.status.waitingForCarrier")
        case .waitingForCustomer: Phrase("case.status.waitingForCustomer")
        case .resolved: Phrase("case.status.resolved")
        }
    }
}

extension CaseKind {
    /// A kind of case: "claim: damaged".
    public var phrase: Phrase {
        switch self {
        case .claim(.damaged): Phrase("case.kind.claimDamaged")
        case .claim(.missing): Phrase("case.kind.claimMissing")
        case .claim(.late): Phrase("case.kind.claimLate")
        case .deliveryBooking: Phrase("case.kind.deliveryBooking")
        case .redirect: Phrase("case.kind.redirect")
        case .extension: Phrase("case.kind.extension")
        case .question: Phrase("case.kind.question")
        case .complaint: Phrase("case.kind.complaint")
        }
    }

    /// The kind in one word, as intake names an open case: "claim".
    public var shortPhrase: Phrase {
        switch self {
        case .claim: Phrase("case.kind.claim")
        default: phrase
        }
    }
}

extension Case {
    /// "JEDS has an open case: claim, #12", as intake says it when a parcel of theirs arrives.
    public func openNotice(key: CustomerKey) -> Phrase {
        Phrase("intake.openCase", ["key": .text(key.value), "kind": .phrase(kind.shortPhrase), "case": .text(id.description)])
    }
}

extension ContactChannel {
    /// A channel's name: "Messenger".
    public var phrase: Phrase {
        switch self {
        case .counter: Phrase("contact.channel.counter")
        case .phone: Phrase("contact.channel.phone")
        case .email: Phrase("contact.channel.email")
        case .chat: Phrase("contact.channel.chat")
        case .messenger: Phrase("contact.channel.messenger")
        case .facebook: Phrase("contact.channel.facebook")
        case .instagram: Phrase("contact.channel.instagram")
        case .x: Phrase("contact.channel.x")
        case .trustpilot: Phrase("contact.channel.trustpilot")
        }
    }
}

extension Contact.About {
    /// A contact in a line: "Messenger about RR123456785NO: asks when it comes".
    public func phrased(channel: ContactChannel, text: String) -> Phrase {
        let said: [String: Phrase.Argument] = ["channel": .phrase(channel.phrase), "text": .text(text)]
        return switch self {
        case .parcel(let tracking): Phrase("timeline.contactParcel", said.merging(["tracking": .text(tracking.value)]) { $1 })
        case .case(let id): Phrase("timeline.contactCase", said.merging(["case": .text(id.description)]) { $1 })
        case .question: Phrase("timeline.contact", said)
        }
    }
}

extension CaseUpdate {
    /// What changed, in a line: "case #12, now waiting for the carrier, follow-up 04.12.2026: asked PostNord".
    public func phrased(case id: CaseID) -> Phrase {
        var changes: [Phrase] = []
        if let status { changes.append(Phrase("case.change.status", ["status": .phrase(status.phrase)])) }
        if let owner { changes.append(Phrase("case.change.owner", ["owner": .text(owner.value)])) }
        if let followUp { changes.append(Phrase("case.change.followUp", ["day": .date(followUp)])) }
        if !addedParcels.isEmpty { changes.append(Phrase("case.change.parcels", ["parcels": .list(addedParcels.map(\.value))])) }
        let number: Phrase.Argument = .text(id.description)
        guard let first = changes.first else { return Phrase("timeline.caseNote", ["case": number, "text": .text(text ?? "")]) }
        let all = changes.dropFirst().reduce(first) { Phrase("case.change.and", ["first": .phrase($0), "next": .phrase($1)]) }
        guard let text else { return Phrase("timeline.caseUpdated", ["case": number, "changes": .phrase(all)]) }
        return Phrase("timeline.caseUpdatedText", ["case": number, "changes": .phrase(all), "text": .text(text)])
    }
}
