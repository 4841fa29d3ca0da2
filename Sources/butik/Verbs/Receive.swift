import ButikDomain
import ButikText

extension Verb {
    static let receive = Verb(
        name: "receive",
        summary: Phrase("cli.receive.summary"),
        usage: ["TRACKING \(may: to) \(may: phone) \(may: key) \(may: carrier) \(may: size) \(may: code) \(may: force) \(may: again) \(may: json)"],
        details: Phrase("cli.receive.details"),
        run: runReceive)

    private static let to = Option.words("--to", "NAME|KEY", help: Phrase("cli.receive.option.to"), takes: Phrase("cli.receive.takes.to"))
    private static let phone = Option.text("--phone", "P", help: Phrase("cli.receive.option.phone"), repeatable: true)
    private static let key = Option.text("--key", "KEY", help: Phrase("cli.receive.option.key"))
    private static let carrier = Option.carrier(help: Phrase("cli.option.carrier"))
    private static let size = Option<SizeClass>.choice("--size", "S", help: Phrase("cli.receive.option.size"))
    private static let code = Option.text("--code", "DIGITS", help: Phrase("cli.receive.option.code"))
    private static let force = Flag(name: "--force", help: Phrase("cli.receive.option.force"))
    private static let again = Flag(name: "--again", help: Phrase("cli.receive.option.again"))
    private static let json = Flag.json(Phrase("cli.receive.json"))

    private static func runReceive(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage(Phrase("cli.usage.oneTracking", ["verb": .text("receive")])) }
        let name = args.value(to)
        let tracking: ParsedTracking
        switch Tracking.parse(args.positionals[0], force: args.has(force)) {
        case .success(let parsed): tracking = parsed
        case .failure(let error):
            if case .wrongCheckDigit = error { throw .refused(Phrase("cli.receive.forceAccepts", ["problem": .phrase(error.phrase), "option": .text(force.name)])) }
            throw .refused(error.phrase)

        }
        let store = try session.openStore()
        let received = try session.perform(store) { state, context throws(DomainError) in
            let recipient: Recipient
            if let name, let known = state.customer(withKey: CustomerKey(typed: name)), !args.gave(key) {
                recipient = .customer(known.id)
            } else if let name {
                recipient = .person(NewCustomer(name: name, key: args.value(key), phones: args.values(phone)))
            } else if let announced = state.announcedRecipient(tracking.number) {
                recipient = .person(announced)
            } else {
                throw DomainError.recipientMissing(tracking.number)
            }
            let request = ReceiveRequest(tracking: tracking, recipient: recipient, carrier: args.value(carrier),
                                         size: args.value(size) ?? .small, again: args.has(again), pickupCode: args.value(code))
            return try state.receive(request, context)
        }
        if args.has(json) {
            try Output.json(ReceivedView(received))
        } else {
            let parcel = received.parcel, words = session.words
            Output.line(words.text("cli.receive.placed", ["tracking": .text(parcel.tracking.value), "key": .text(parcel.key.value), "slot": .text(parcel.slot.value)]))
            let recipient: [String: Phrase.Argument] = ["name": .text(received.customer.name), "carrier": .text(parcel.carrier.value),
                                                        "deadline": .date(parcel.deadline)]
            Output.line(words.text(received.isNewCustomer ? Phrase("cli.receive.forNewCustomer", recipient) : Phrase("cli.receive.for", recipient)))
            if let code = parcel.pickupCode { Output.line(words.text("cli.receive.pickupCode", ["code": .text(code.digits)])) }
            if let overflow = received.overflow {
                let slot: [String: Phrase.Argument] = ["slot": .text(parcel.slot.value)]
                Output.line(words.text(overflow == .large ? Phrase("cli.receive.largeToFloor", slot) : Phrase("cli.receive.shelvesFull", slot)))
            }
            if parcel.checkDigit == .overridden { Output.line(words.text("cli.receive.overridden")) }
            if let note = received.customer.note { Output.line(words.text("cli.receive.note", ["note": .text(note)])) }
            for open in received.openCases { Output.line(words.text(open.openNotice(key: received.customer.key))) }

        }
        return 0
    }
}

/// `receive --json`.
private struct ReceivedView: Encodable {
    let tracking: String
    let key: String
    let slot: String
    let deadline: Day
    let carrier: String
    let customer: String
    let newCustomer: Bool
    let overflow: String?
    let checkDigit: String
    let format: String
    let pickupCode: PickupCode?
    /// The numbers of the customer's open cases.
    let openCases: [Int]

    init(_ received: Received) {
        let parcel = received.parcel
        tracking = parcel.tracking.value
        key = parcel.key.value
        slot = parcel.slot.value
        deadline = parcel.deadline
        carrier = parcel.carrier.value
        customer = received.customer.name
        newCustomer = received.isNewCustomer
        overflow = received.overflow?.rawValue
        checkDigit = parcel.checkDigit.rawValue
        format = parcel.format.rawValue
        pickupCode = parcel.pickupCode
        openCases = received.openCases.map(\.id.rawValue)
    }
}
