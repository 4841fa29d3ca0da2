import ButikDomain
import ButikText

extension Verb {
    static let receive = Verb(
        name: "receive",
        summary: "take in a parcel and say its key and slot",
        usage: ["TRACKING \(may: to) \(may: phone) \(may: key) \(may: carrier) \(may: size) \(may: code) \(may: force) \(may: again) \(may: json)"],
        details: """
        Validates the tracking number (a wrong check digit is refused unless \(force.name) accepts it on
        purpose), finds the customer by key or by name (creating them when new), assigns a slot and
        a deadline, and writes it to the store before saying so.
        """,
        run: runReceive)

    private static let to = Option.words(
        "--to", "NAME|KEY", help: "the name on the parcel, or the key of a known customer (JEDS); may be left out when an "
            + "imported manifest announced the parcel", takes: "the name on the parcel or a customer's key")
    private static let phone = Option.text("--phone", "P", help: "the recipient's phone (repeatable); tells same-named customers apart",
                                           repeatable: true)
    private static let key = Option.text("--key", "KEY", help: "a chosen key for a new customer")
    private static let carrier = Option.text("--carrier", "C", help: "carrier id or name from the shop file (default: the first one)")
    private static let size = Option<SizeClass>.choice("--size", "S", help: "small (default) or large; large parcels go to large "
                                                           + "slots or the floor")
    private static let code = Option.text("--code", "DIGITS", help: "the pickup code the carrier sent the recipient (4 to 6 "
                                              + "digits); default: the one an imported manifest announced, if any")
    private static let force = Flag(name: "--force", help: "accept a wrong check digit on purpose (the parcel records it)")
    private static let again = Flag(name: "--again", help: "receive a number that was here before and was handed out or returned")
    private static let json = Flag.json("print tracking, key, slot, deadline... as JSON")

    private static func runReceive(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("receive takes exactly one tracking number.") }
        let name = args.value(to)
        let tracking: ParsedTracking
        switch Tracking.parse(args.positionals[0], force: args.has(force)) {
        case .success(let parsed): tracking = parsed
        case .failure(let error):
            if case .wrongCheckDigit = error { throw .refused(Words.english.text(error.phrase) + " (\(force.name) accepts it.)") }
            throw .refused(Words.english.text(error.phrase))
        }
        let store = try session.openStore()
        let received = try session.perform(store) { state, context throws(DomainError) in
            let recipient: Recipient
            if let name, let known = state.customer(withKey: name), !args.gave(key) {
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
            let parcel = received.parcel
            Output.line("\(parcel.tracking)  ->  key \(parcel.key)  slot \(parcel.slot)")
            Output.line("for \(received.customer.name)\(received.isNewCustomer ? " (new customer)" : ""), \(parcel.carrier), keep until \(parcel.deadline)")
            if let code = parcel.pickupCode { Output.line("Pickup code \(code).") }
            if let overflow = received.overflow {
                Output.line(overflow == .large ? "Large parcel: put it on the floor (\(parcel.slot))." : "Shelves are full: put it on the floor (\(parcel.slot)).")
            }
            if parcel.checkDigit == .overridden { Output.line("Accepted with a wrong check digit on purpose.") }
            if let note = received.customer.note { Output.line("Note: \(note)") }
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
    let pickupCode: String?

    init(_ received: Received) {
        let parcel = received.parcel
        tracking = parcel.tracking.value
        key = parcel.key
        slot = parcel.slot.value
        deadline = parcel.deadline
        carrier = parcel.carrier
        customer = received.customer.name
        newCustomer = received.isNewCustomer
        overflow = received.overflow?.rawValue
        checkDigit = parcel.checkDigit.rawValue
        format = parcel.format.rawValue
        pickupCode = parcel.pickupCode
    }
}
