import ButikDomain
import Foundation

extension DomainError: Phrased {
    /// Why the command was refused and what to do, for a person at the counter.
    public var phrase: Phrase {
        switch self {
        case .invalidName(let name):
            Phrase("error.domain.invalidName", ["name": .text(name)])
        case .nameTooLong(let limit):
            Phrase("error.domain.nameTooLong", ["n": .count(limit)])
        case .hiddenCharacter(let text, let hidden, let field):
            // A pasted text can be long: quote enough of it to recognise.
            Phrase("error.domain.hiddenCharacter", ["text": .text(text.count > 60 ? text.prefix(59) + "…" : text),
                                                    "field": .phrase(field.phrase), "character": .phrase(hidden.phrase)])
        case .invalidStaffID(let limit):
            Phrase("error.domain.invalidStaffID", ["limit": .count(limit)])
        case .invalidKey(let key):
            Phrase("error.domain.invalidKey", ["key": .text(key)])
        case .keyTaken(let key, let holder):
            Phrase("error.domain.keyTaken", ["key": .text(key.value), "holder": .text(holder)])
        case .invalidPhone(let phone):
            Phrase("error.domain.invalidPhone", ["phone": .text(phone)])
        case .unknownCustomer(let key):
            Phrase("error.domain.unknownCustomer", ["key": .text(key)])
        case .ambiguousRecipient(let name, let keys):
            Phrase("error.domain.ambiguousRecipient", ["name": .text(name), "keys": .list(keys.map(\.value))])
        case .unknownCarrier(let carrier, let known):
            Phrase("error.domain.unknownCarrier", ["carrier": .text(carrier.value), "known": .list(known.map(\.value))])
        case .alreadyInShop(let tracking, let slot, let key):
            Phrase("error.domain.alreadyInShop", ["tracking": .text(tracking.value), "slot": .text(slot.value), "key": .text(key.value)])
        case .unknownParcel(let text):
            Phrase("error.domain.unknownParcel", ["parcel": .text(text)])
        case .alreadyHandedOut(let tracking, let when, let staff):
            Phrase("error.domain.alreadyHandedOut", ["tracking": .text(tracking.value), "when": .moment(when), "staff": .text(staff.value)])
        case .notWaiting(let tracking, let status):
            Phrase("error.domain.notWaiting", ["tracking": .text(tracking.value), "status": .phrase(status.phrase)])
        case .notReturningToShelf(let tracking, let status):
            Phrase("error.domain.notReturningToShelf", ["tracking": .text(tracking.value), "status": .phrase(status.phrase)])
        case .handOutForSeveralCustomers(let keys):
            Phrase("error.domain.handOutForSeveralCustomers", ["n": .count(keys.count), "keys": .list(keys.map(\.value))])
        case .proxyNameMissing:
            Phrase("error.domain.proxyNameMissing")
        case .invalidProxyID(let limit):
            Phrase("error.domain.invalidProxyID", ["limit": .count(limit)])
        case .invalidProxyName(let limit):
            Phrase("error.domain.invalidProxyName", ["limit": .count(limit)])
        case .proxyAlreadyRegistered(let name, let key):
            Phrase("error.domain.proxyAlreadyRegistered", ["name": .text(name), "key": .text(key.value)])
        case .notAProxy(let name, let key, let registered) where registered.isEmpty:
            Phrase("error.domain.notAProxy.noneRegistered", ["name": .text(name), "key": .text(key.value)])
        case .notAProxy(let name, let key, let registered):
            Phrase("error.domain.notAProxy", ["name": .text(name), "key": .text(key.value), "registered": .list(registered)])
        case .invalidProxyRelation(let limit):
            Phrase("error.domain.invalidProxyRelation", ["limit": .count(limit)])
        case .invalidValidUntil(let day, let earliest, let latest):
            Phrase("error.domain.invalidValidUntil", ["day": .date(day), "earliest": .date(earliest), "latest": .date(latest)])
        case .proxyExpired(let name, let key, let day):
            Phrase("error.domain.proxyExpired", ["name": .text(name), "key": .text(key.value), "day": .date(day)])
        case .invalidEmail(let email):
            Phrase("error.domain.invalidEmail", ["email": .text(email)])
        case .noteTooLong(let limit):
            Phrase("error.domain.noteTooLong", ["limit": .count(limit)])
        case .nothingChanged(let key):
            Phrase("error.domain.nothingChanged", ["key": .text(key.value)])
        case .mergeWithItself(let key):
            Phrase("error.domain.mergeWithItself", ["key": .text(key.value)])
        case .mergeBothQueued(let kept, let merged):
            Phrase("error.domain.mergeBothQueued", ["kept": .text(kept.value), "merged": .text(merged.value)])
        case .personalHandOutOnly(let key):
            Phrase("error.domain.personalHandOutOnly", ["key": .text(key.value)])
        case .notHandedOut(let tracking):
            Phrase("error.domain.notHandedOut", ["tracking": .text(tracking.value)])
        case .undoTooLate(let tracking, let minutes):
            Phrase("error.domain.undoTooLate", ["tracking": .text(tracking.value), "n": .count(minutes)])
        case .unknownSlot(let slot):
            Phrase("error.domain.unknownSlot", ["slot": .text(slot)])
        case .slotFull(let slot, let capacity):
            Phrase("error.domain.slotFull", ["slot": .text(slot.value), "n": .count(capacity)])
        case .tooLargeForSlot(let tracking, let slot):
            Phrase("error.domain.tooLargeForSlot", ["tracking": .text(tracking.value), "slot": .text(slot.value)])
        case .alreadyInSlot(let tracking, let slot):
            Phrase("error.domain.alreadyInSlot", ["tracking": .text(tracking.value), "slot": .text(slot.value)])
        case .extensionNotLater(let tracking, let deadline):
            Phrase("error.domain.extensionNotLater", ["tracking": .text(tracking.value), "deadline": .date(deadline)])
        case .extensionTooLong(let tracking, let carrier, let days, let latest?):
            Phrase("error.domain.extensionTooLong",
                   ["tracking": .text(tracking.value), "carrier": .text(carrier), "days": .count(days), "latest": .date(latest)])
        case .extensionTooLong(let tracking, let carrier, let days, nil):
            Phrase("error.domain.extensionNotPossible", ["tracking": .text(tracking.value), "carrier": .text(carrier), "days": .count(days)])
        case .notReturning(let tracking):
            Phrase("error.domain.notReturning", ["tracking": .text(tracking.value)])
        case .nothingGiven:
            Phrase("error.domain.nothingGiven")
        case .receivedBefore(let tracking, .handedOut, let when):
            Phrase("error.domain.receivedBefore.handedOut", ["tracking": .text(tracking.value), "when": .moment(when)])
        case .receivedBefore(let tracking, .collected, let when):
            Phrase("error.domain.receivedBefore.collected", ["tracking": .text(tracking.value), "when": .moment(when)])
        case .receiptNotUndoable(let tracking, let status):
            Phrase("error.domain.receiptNotUndoable", ["tracking": .text(tracking.value), "status": .phrase(status.phrase)])
        case .receiptUndoTooLate(let tracking, let minutes):
            Phrase("error.domain.receiptUndoTooLate", ["tracking": .text(tracking.value), "n": .count(minutes)])
        case .deliveryOpen(let carrier, let scanned):
            Phrase("error.domain.deliveryOpen", ["carrier": .text(carrier.value), "n": .count(scanned)])
        case .noOpenDelivery:
            Phrase("error.domain.noOpenDelivery")
        case .invalidDeclaredCount(let count):
            Phrase("error.domain.invalidDeclaredCount", ["count": .count(count), "lowest": .count(Ranges.declaredCount.lowerBound),
                                                         "highest": .count(Ranges.declaredCount.upperBound)])
        case .invalidCapacity(let slot, let capacity):
            Phrase("error.domain.invalidCapacity", ["slot": .text(slot.value), "capacity": .count(capacity),
                                                    "lowest": .count(Ranges.slotCapacity.lowerBound),
                                                    "highest": .count(Ranges.slotCapacity.upperBound)])
        case .capacityBelowLoad(let slot, let load):
            Phrase("error.domain.capacityBelowLoad", ["slot": .text(slot.value), "n": .count(load)])
        case .recipientMissing(let tracking):
            Phrase("error.domain.recipientMissing", ["tracking": .text(tracking.value)])
        case .alreadyDroppedOff(let tracking, let receipt):
            Phrase("error.domain.alreadyDroppedOff", ["tracking": .text(tracking.value), "receipt": .text(receipt)])
        case .alreadyQueued(let key, let status):
            Phrase("error.domain.alreadyQueued", ["key": .text(key.value), "status": .phrase(status.phrase)])
        case .notQueued(let key):
            Phrase("error.domain.notQueued", ["key": .text(key.value)])
        case .queueStep(let key, let status, let step):
            Phrase("error.domain.queueStep", ["key": .text(key.value), "status": .phrase(status.phrase), "step": .phrase(step.phrase)])
        case .invalidReason(let limit):
            Phrase("error.domain.invalidReason", ["limit": .count(limit)])
        case .notCustomersParcel(let tracking, let key):
            Phrase("error.domain.notCustomersParcel", ["tracking": .text(tracking.value), "key": .text(key.value)])
        case .invalidPickupCode(let text):
            Phrase("error.domain.invalidPickupCode", ["code": .text(text)])
        case .waitingForCustomer(let tracking, let key, let slot):
            Phrase("error.domain.waitingForCustomer", ["tracking": .text(tracking.value), "key": .text(key.value), "slot": .text(slot.value)])
        case .pickupCodeMissing:
            Phrase("error.domain.pickupCodeMissing")
        case .pickupCodeMismatch(let code, let tracking):
            Phrase("error.domain.pickupCodeMismatch", ["n": .count(tracking.count), "code": .text(code.digits),
                                                       "tracking": .list(tracking.map(\.value))])
        case .numbersExhausted(let kind):
            Phrase("error.domain.numbersExhausted", ["kind": .phrase(kind.phrase), "highest": .count(Ranges.identifier.upperBound)])
        case .clockWrong(let now):
            Phrase("error.domain.clockWrong", ["clock": .text(ISO8601DateFormatter().string(from: now))])
        case .nationalIDInText(let kind):
            Phrase("error.domain.nationalIDInText", ["kind": .phrase(kind.phrase)])
        case .invalidLogText(let limit):
            Phrase("error.domain.invalidLogText", ["limit": .count(limit)])
        case .unknownCase(let text):
            Phrase("error.domain.unknownCase", ["case": .text(text)])
        case .notCustomersCase(let id, let key):
            Phrase("error.domain.notCustomersCase", ["case": .text(id.description), "key": .text(key.value)])
        case .caseResolved(let id):
            Phrase("error.domain.caseResolved", ["case": .text(id.description)])
        case .caseNotResolved(let id):
            Phrase("error.domain.caseNotResolved", ["case": .text(id.description)])
        case .caseUpdateEmpty(let id):
            Phrase("error.domain.caseUpdateEmpty", ["case": .text(id.description)])
        case .followUpNeeded(let status):
            Phrase("error.domain.followUpNeeded", ["status": .phrase(status.phrase)])
        case .followUpInPast(let day):
            Phrase("error.domain.followUpInPast", ["day": .date(day)])
        case .erasureWithParcelsInShop(let key, let parcels):
            Phrase("error.domain.erasureWithParcelsInShop", ["key": .text(key.value), "n": .count(parcels.count), "tracking": .list(parcels.map(\.value))])
        case .erasureWithOpenCases(let key, let cases):
            Phrase("error.domain.erasureWithOpenCases", ["key": .text(key.value), "n": .count(cases.count), "cases": .list(cases.map(\.description))])
        }
    }
}

extension ParcelStatus.Kind {
    /// Where the parcel is in its life, after "it is": "handed out".
    public var phrase: Phrase {
        switch self {
        case .waiting: Phrase("parcel.status.waiting")
        case .handedOut: Phrase("parcel.status.handedOut")
        case .returning: Phrase("parcel.status.returning")
        case .collected: Phrase("parcel.status.collected")
        }
    }
}

extension QueueEntry.Status {
    /// A queue entry's step: "ready".
    public var phrase: Phrase {
        switch self {
        case .waiting: Phrase("queue.status.waiting")
        case .fetching: Phrase("queue.status.fetching")
        case .ready: Phrase("queue.status.ready")
        case .done: Phrase("queue.status.done")
        case .cancelled: Phrase("queue.status.cancelled")
        }
    }
}

extension RecordKind {
    /// The kind of record, as in "no new {kind} can be recorded".
    public var phrase: Phrase {
        switch self {
        case .customer: Phrase("record.customer")
        case .parcel: Phrase("record.parcel")
        case .delivery: Phrase("record.delivery")
        case .dropOff: Phrase("record.dropOff")
        case .queueEntry: Phrase("record.queueEntry")
        case .contact: Phrase("record.contact")
        case .case: Phrase("record.case")
        }
    }
}

extension NationalID.Kind {
    /// The kind of number, after "looks like": "a Norwegian fødselsnummer".
    public var phrase: Phrase {
        switch self {
        case .norwegianBirthNumber: Phrase("nationalID.norwegianBirthNumber")
        case .norwegianDNumber: Phrase("nationalID.norwegianDNumber")
        case .norwegianHNumber: Phrase("nationalID.norwegianHNumber")
        case .swedishPersonalNumber: Phrase("nationalID.swedishPersonalNumber")
        case .swedishCoordinationNumber: Phrase("nationalID.swedishCoordinationNumber")
        }
    }
}

extension TypedText.Field {
    /// What the text was to be: "name".
    public var phrase: Phrase {
        switch self {
        case .name: Phrase("field.name")
        case .staffID: Phrase("field.staffID")
        case .note: Phrase("field.note")
        case .relation: Phrase("field.relation")
        case .text: Phrase("field.text")
        }
    }
}

extension HiddenCharacter {
    /// `a control character (U+001B)`.
    public var phrase: Phrase {
        switch self {
        case .control(let scalar): Phrase("character.control", ["code": .text(TrackingError.codePoint(scalar))])
        case .direction(let scalar): Phrase("character.direction", ["code": .text(TrackingError.codePoint(scalar))])
        case .invisible(let scalar): Phrase("character.invisible", ["code": .text(TrackingError.codePoint(scalar))])
        }
    }
}
