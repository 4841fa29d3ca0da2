import Foundation
import Testing
import ButikDomain
@testable import ButikStore
@testable import ButikText
import ButikRuntime

/// Every error a person can meet is put into words in every language, with nothing left unfilled.
@Suite struct DescribeTests {
    static let rr = TrackingNumber("RR123456785SE")
    static let a2 = SlotID("A2")
    static let moment = LocalMoment(day: Day(year: 2026, month: 11, day: 24)!, minuteOfDay: 9 * 60 + 5)

    /// One sample of every case; ``index(_:)`` makes a new case fail to compile until it has one here.
    static let domainErrors: [DomainError] = [
        .invalidName("12"), .nameTooLong(limit: 80), .nameTooLong(limit: 1),
        .hiddenCharacter("Kari\u{202E}", .direction("\u{202E}"), in: .name),
        .hiddenCharacter(String(repeating: "x", count: 70) + "\u{1B}", .control("\u{1B}"), in: .staffID),
        .hiddenCharacter("a\u{200B}b", .invisible("\u{200B}"), in: .name),
        .invalidStaffID(limit: 40), .invalidKey("J"), .keyTaken(key: "JEDS", holder: "Jens Erik Dahl Solberg"),
        .invalidPhone("ring meg"), .unknownCustomer("XYZ"), .ambiguousRecipient(name: "Kari Nordmann", keys: ["KN", "KN2"]),
        .unknownCarrier("fedex", known: ["PostNord", "DHL"]), .alreadyInShop(tracking: rr, slot: a2, key: "AMØ"),
        .unknownParcel("P9"), .alreadyHandedOut(tracking: rr, when: moment, staff: "per"),
        .notWaiting(tracking: rr, status: .waiting), .notWaiting(tracking: rr, status: .handedOut),
        .notWaiting(tracking: rr, status: .returning), .notWaiting(tracking: rr, status: .collected),
        .notReturningToShelf(tracking: rr, status: .waiting), .notReturningToShelf(tracking: rr, status: .collected),
        .proxyNameMissing, .invalidProxyID(limit: 40), .invalidProxyName(limit: 80),
        .proxyAlreadyRegistered(name: "Ola Nordmann", key: "KN"), .notAProxy(name: "Ola", key: "KN", registered: []),
        .notAProxy(name: "Ola", key: "KN", registered: ["Per Hansen", "Åse Ødegård"]), .notHandedOut(tracking: rr),
        .undoTooLate(tracking: rr, minutes: 10), .undoTooLate(tracking: rr, minutes: 1), .unknownSlot("B7"),
        .slotFull(slot: a2, capacity: 6), .slotFull(slot: a2, capacity: 1), .tooLargeForSlot(tracking: rr, slot: a2),
        .alreadyInSlot(tracking: rr, slot: a2), .extensionNotLater(tracking: rr, deadline: moment.day), .notReturning(tracking: rr),
        .nothingGiven, .receivedBefore(tracking: rr, left: .handedOut, when: moment),
        .receivedBefore(tracking: rr, left: .collected, when: moment), .receiptNotUndoable(tracking: rr, status: .returning),
        .receiptUndoTooLate(tracking: rr, minutes: 30), .deliveryOpen(carrier: "PostNord", scanned: 1),
        .deliveryOpen(carrier: "PostNord", scanned: 12), .noOpenDelivery, .invalidDeclaredCount(0),
        .invalidCapacity(slot: a2, capacity: 0), .capacityBelowLoad(slot: a2, load: 3), .capacityBelowLoad(slot: a2, load: 1),
        .recipientMissing(rr), .alreadyDroppedOff(tracking: rr, receipt: "R0001"), .alreadyQueued(key: "MM", status: .waiting),
        .alreadyQueued(key: "MM", status: .fetching), .notQueued(key: "MM"), .queueStep(key: "MM", status: .ready, step: .ready),
        .queueStep(key: "MM", status: .done, step: .fetching), .queueStep(key: "MM", status: .cancelled, step: .ready),
        .invalidReason(limit: 200), .notCustomersParcel(tracking: rr, key: "MM"), .invalidPickupCode("12x4"),
        .numbersExhausted(.customer), .numbersExhausted(.parcel), .numbersExhausted(.delivery), .numbersExhausted(.dropOff),
        .numbersExhausted(.queueEntry), .clockWrong(Date(timeIntervalSince1970: 0)),
        .handOutForSeveralCustomers(keys: ["MM", "PH"]),
        .extensionTooLong(tracking: rr, carrier: "Posten", maxHoldDays: 14, latest: moment.day),
        .extensionTooLong(tracking: rr, carrier: "Posten", maxHoldDays: 14, latest: nil),
        .pickupCodeMissing, .pickupCodeMismatch(code: PickupCode("4711")!, tracking: [rr]), .waitingForCustomer(tracking: rr, key: "JEDS", slot: a2),
        .pickupCodeMismatch(code: PickupCode("4711")!, tracking: [rr, TrackingNumber("CT797294851NO")]),
        .invalidProxyRelation(limit: 40), .invalidValidUntil(moment.day.adding(days: 2000), earliest: moment.day, latest: moment.day.adding(days: 1826)),
        .proxyExpired(name: "Per Hansen", key: "MM", day: moment.day), .personalHandOutOnly(key: "MM"), .invalidEmail("kari@"),
        .noteTooLong(limit: 500), .nothingChanged(key: "MM"), .mergeWithItself(key: "MM"), .mergeBothQueued(kept: "MM", merged: "MM2"),
    ]

    static let trackingErrors: [TrackingError] = [
        .empty, .invalidCharacters("\"-\""), .invalidCharacters("\"!\"", more: 1), .invalidCharacters("\"!\"", more: 12), .badLength(5), .badLength(1),
    ] + TrackingFormat.allCases.map { .wrongCheckDigit(format: $0, number: "RR123456784SE", expected: "5", found: "4") }

    static let manifestErrors: [ManifestError] = [
        .notUTF8(line: 3), .empty, .noHeader(line: 1), .missingColumns([.name]), .missingColumns([.tracking, .name]),
        .unterminatedQuote(line: 7),
    ]

    static let manifestReasons: [ManifestProblem.Reason] = [
        .badTracking(.empty), .badTracking(.badLength(3)), .emptyName, .badPhone("12"), .unknownCarrier("fedex", known: []),
        .unknownCarrier("fedex", known: ["PostNord"]), .badHoldDays("x"), .badPickupCode("1"), .duplicateTracking(rr, firstLine: 2),
    ]

    static var everyPhrase: [Phrase] {
        let domain: [Phrase] = domainErrors.map(\.phrase)
        let tracking: [Phrase] = trackingErrors.flatMap { [$0.phrase, $0.misreadPhrase] }
        let manifest: [Phrase] = manifestErrors.map(\.phrase) + manifestReasons.map { ManifestProblem(line: 4, reason: $0).phrase }
        let files: [ManifestFile.Failure] = [.unreadable(path: "a.csv", reason: "No such file"), .notAManifest(path: "a.csv", .empty)]
        let store: [Phrase] = files.map(\.phrase)
            + [LayoutError(path: "shop.json", problems: ["there are no shelves"]).phrase, ShopFileMissing(path: "shop.json").phrase]
        return domain + tracking + manifest + store + storeValues
    }

    /// A sample of every case of the store's reasons and notices.
    static var storeValues: [Phrase] {
        let io = StoreError.io(operation: .write, path: "/srv/j", errno: 28)
        let decoding: [DecodingProblem] = [.invalid(detail: "x", field: ""), .invalid(detail: "x", field: "at"), .missingField("at"),
                                           .wrongType(field: ""), .wrongType(field: "at"), .missingValue(field: ""), .missingValue(field: "at"), .other("x")]
        let damage: [Damage] = [.checksumMismatch, .empty, .noChecksum, .notAJournalLine, .noNewline, .noNewlineBeforeMore, .unfinishedTransaction,
            .endsUnfinishedTransaction(.noNewline), .tornBefore(.noNewline, next: "2.jsonl"), .sequence(found: 3, expected: 2),
            .sequence(found: 1, expected: 2), .newerEntry(version: 9), .startsTwice(entry: 5, twin: "5.jsonl"), .startsLate(entry: 5),
            .misnamed(named: 5, next: 4), .noEntry(next: "6.jsonl"), .cutNewFile, .lostBehindSnapshot, .noJournalFile,
            .endsBeforeSnapshot(end: 3, snapshot: 5), .replaced, .shorter(size: 1, read: 2), .unexpectedSize(size: 1, expected: 2),
            .entryMoved(entry: 3), .fewerEntries(found: 1, read: 2), .twoJournals(folder: "journal"), .unreadableNote(note: "damage.json"),
            .unreadable(io), .incomplete, .notASnapshot, .contentUndecodable, .backupEnds(entry: 3), .backupUnreadable(io), .notABackup,
            .unsoundBackup(io), .historyFile("x"), .historyZone(file: "UTC", shop: "Europe/Oslo"), .historyAhead(entry: 5, end: 3),
            .historyOtherJournal(entry: 5), .repairBeyondBackup, .repairEntryNotInBackup(entry: 3), .repairEndDiffers,
            .repairGap(first: 3, last: 4), .repairDiffers(entry: 3), .repairUnfinished, .snapshotIgnored(.empty), .newerFile(version: 9, supported: 1),
            .renamedAside, .unopenable(errno: 13), .failed(io), .snapshotMisplaced(entry: 3, offset: 10, file: "1.jsonl", end: 12),
            .snapshotDiffers(entry: 3), .unfinishedBeforeMore(file: "1.jsonl", first: 3, last: 4), .snapshotBeyondJournal(entry: 3),
            .snapshotUncompared(entry: 3)] + decoding.flatMap { [Damage.undecodable($0), .modelUndecodable($0)] }
        let unconfirmed = [UnconfirmedSave(error: io, cause: .notCutBack(errno: 5), noted: true),
                           UnconfirmedSave(error: io, cause: .segmentNotRemoved(name: "7.jsonl"), noted: false)]
        let unencodable: [Unencodable] = [.entry(index: 1, of: 2, detail: "x"), .entryReadBack(index: 1, of: 2, problem: .other("x")),
            .model(detail: "x"), .note(name: "damage.json", detail: "x"), .noteNotAnObject(name: "damage.json"),
            .historySpill(detail: "x"), .historyTooLarge, .historyBucketWithoutFile, .historyHeader(detail: "x"), .historyHeaderTooLong]
        let readOnly: [ReadOnlyReason] = [.failed(io), .mayNotWrite(path: "/srv/j", errno: 13), .lockMissing(path: "/srv/lock"), .noLock,
            .notMigrated(io), .saveFailed(io, cutFailed: nil), .saveFailed(io, cutFailed: 5), .restored(from: "/b"), .repaired(from: "/b")]
            + unconfirmed.map { .saveUnconfirmed($0) }
        let errors: [StoreError] = [.locked(path: "/srv/lock", seconds: 5), .corrupt(file: "1.jsonl", line: 2, reason: .empty),
            .corrupt(file: "1.jsonl", line: nil, reason: .empty), .newerSchema(file: "s", found: 2, supported: 1)]
            + ["chmod", "close", "create", "createFolder", "fdatasync", "fsync", "link", "lock", "open", "openFolder", "read", "readFolder",
               "remove", "rename", "seek", "stat", "truncate", "write"].map { .io(operation: FileOperation(rawValue: $0)!, path: "/srv/j", errno: 28) }
            + readOnly.map { .readOnly(reason: $0) } + unencodable.map { .encoding(reason: $0) } + unconfirmed.map { .unconfirmed(reason: $0) }
        let moment = Date(timeIntervalSince1970: 1_764_000_000)
        let notices: [StoreNotice] = [.snapshotIgnored(path: "s", .empty), .snapshotMisplaced(path: "s", entry: 3, offset: 9, file: "1.jsonl"),
            .snapshotNotContinued(path: "s"), .tornLine(line: 3, file: "1.jsonl", .noNewline), .snapshotFoundDamage(io),
            .snapshotUnwritten(path: "s", io), .damageGone(path: "d"), .damageNoteStays(path: "d", io), .damageUnnoted(path: "d", io),
            .unconfirmedNoteDamaged(path: "u", .incomplete), .unconfirmedSettled(at: moment, first: 3, last: 3, recorded: true),
            .unconfirmedSettled(at: moment, first: 3, last: 4, recorded: false), .noteStays(path: "u", io),
            .migrated(folder: "journal", backup: "backups/x"), .strayParcels(count: 1, file: "shop.json", slots: ["A9 (1)"]),
            .strayParcels(count: 2, file: "shop.json", slots: ["A9 (2)"]), .historyIgnored(path: "h", .historyFile("x")),
            .historyUnreadable(path: "h", .historyFile("x")), .historyUnwritten(path: "h", io), .checkedWithoutLock(io), .noSnapshot,
            .noJournal, .unfinishedLine(file: "1.jsonl", line: 3, .noNewline), .unfinishedTransaction(file: "1.jsonl", first: 3, last: 4)]
        return damage.map(\.phrase) + errors.map(\.phrase) + notices.map(\.phrase)
    }

    @Test func everyDomainErrorCaseHasASample() {
        #expect(Set(Self.domainErrors.map(Self.index)) == Set(0..<Self.domainErrorCases))
    }

    @Test(arguments: Language.allCases)
    func everyErrorIsPutIntoWordsWithNothingLeftOpen(_ language: Language) {
        let words = Words.shipped(language)
        for phrase in Self.everyPhrase {
            let text = words.text(phrase)
            #expect(!text.contains("{") && !text.contains("}"), "\(language): \(text)")
            #expect(words.catalog.entries[phrase.key] != nil, "\(language) lacks \(phrase.key)")
            if case .plural = words.catalog.entries[phrase.key] {
                let counted = if case .count = phrase.arguments["n"] { true } else { false }
                #expect(counted, "\(phrase.key) has plural forms but the phrase gives no count n")
            }
            for case .phrase(let inner) in phrase.arguments.values {
                #expect(words.catalog.entries[inner.key] != nil, "\(language) lacks \(inner.key)")
            }
        }
    }

    @Test func englishReadsAsBefore() {
        let english = Words.english
        #expect(english.describe(DomainError.slotFull(slot: Self.a2, capacity: 6))
            == "Slot A2 is full (6 parcels). Choose another slot or the floor.")
        #expect(english.describe(DomainError.slotFull(slot: Self.a2, capacity: 1))
            == "Slot A2 is full (1 parcel). Choose another slot or the floor.")
        #expect(english.describe(DomainError.alreadyHandedOut(tracking: Self.rr, when: Self.moment, staff: "per"))
            == "RR123456785SE was already handed out 24.11.2026 09:05 by per.")
        #expect(english.describe(DomainError.hiddenCharacter("Kari\u{202E}", .direction("\u{202E}"), in: .name))
            == "\"Kari\u{202E}\" cannot be a name: it holds an invisible direction control (U+202E). Leave that character out.")
        #expect(english.describe(DomainError.numbersExhausted(.dropOff)).hasPrefix(
            "Every drop-off number up to 999999999999 is used, so no new drop-off can be recorded."))
        #expect(english.describe(DomainError.clockWrong(Date(timeIntervalSince1970: 0)))
            == "The computer's clock says 1970-01-01T00:00:00Z. Every action is recorded with its time, so set the clock right first; nothing was saved.")
        #expect(english.describe(ManifestError.missingColumns([.tracking, .name])) == "The header row has no columns "
            + "\"tracking\"/\"sporingsnummer\"/\"kolli\", \"name\"/\"recipient\"/\"mottaker\"/\"namn\". "
            + "Every manifest needs a tracking column and a name column.")
        #expect(english.text(ManifestProblem(line: 4, reason: .badTracking(.badLength(3))).phrase)
            == "Line 4: bad tracking number. A tracking number has 6 to 35 letters and digits; this code has 3.")
        #expect(english.describe(ManifestFile.Failure.notAManifest(path: "a.csv", .empty)) == "a.csv: The file is empty. Nothing was imported.")
        #expect(english.describe(TrackingError.invalidCharacters("\"!\", \"#\"", more: 12))
            == "The code has characters a tracking number cannot have: \"!\", \"#\" and 12 more.")
    }

    @Test func norwegianAndSwedishSpeakTheCarriersWords() {
        let refusal = DomainError.alreadyHandedOut(tracking: Self.rr, when: Self.moment, staff: "per")
        #expect(Words.shipped(.nb).describe(refusal) == "RR123456785SE ble allerede levert ut 24.11.2026 09:05 av per.")
        #expect(Words.shipped(.sv).describe(refusal) == "RR123456785SE lämnades redan ut 24.11.2026 09:05 av per.")
        #expect(Words.shipped(.nb).describe(DomainError.slotFull(slot: Self.a2, capacity: 1)).contains("(1 pakke)"))
        #expect(Words.shipped(.nb).describe(DomainError.slotFull(slot: Self.a2, capacity: 6)).contains("(6 pakker)"))
        #expect(Words.shipped(.sv).describe(DomainError.deliveryOpen(carrier: "PostNord", scanned: 1)).contains("(1 skannad)"))
        #expect(Words.shipped(.sv).describe(DomainError.deliveryOpen(carrier: "PostNord", scanned: 3)).contains("(3 skannade)"))
        #expect(Words.shipped(.nb).describe(DomainError.invalidPickupCode("1")).contains("hentekode"))
        #expect(Words.shipped(.sv).describe(DomainError.invalidPickupCode("1")).contains("avin"))
        #expect(Words.shipped(.nb).describe(DomainError.pickupCodeMismatch(code: PickupCode("4711")!, tracking: [Self.rr]))
            == "1 pakke har ikke hentekoden 4711 (RR123456785SE) og ble ikke levert ut: den krever en annen kontroll, for eksempel legitimasjon.")
        #expect(Words.shipped(.sv).describe(DomainError.pickupCodeMissing).contains("utlämning på kod"))
    }

    static let domainErrorCases = 61

    /// The case's place in ``DomainError``; exhaustive, so a new case must be added here and sampled.
    static func index(_ error: DomainError) -> Int {
        switch error {
        case .invalidName: 0
        case .nameTooLong: 1
        case .hiddenCharacter: 2
        case .invalidStaffID: 3
        case .invalidKey: 4
        case .keyTaken: 5
        case .invalidPhone: 6
        case .unknownCustomer: 7
        case .ambiguousRecipient: 8
        case .unknownCarrier: 9
        case .alreadyInShop: 10
        case .unknownParcel: 11
        case .alreadyHandedOut: 12
        case .notWaiting: 13
        case .proxyNameMissing: 14
        case .invalidProxyID: 15
        case .invalidProxyName: 16
        case .proxyAlreadyRegistered: 17
        case .notAProxy: 18
        case .notHandedOut: 19
        case .undoTooLate: 20
        case .unknownSlot: 21
        case .slotFull: 22
        case .tooLargeForSlot: 23
        case .alreadyInSlot: 24
        case .extensionNotLater: 25
        case .notReturning: 26
        case .nothingGiven: 27
        case .receivedBefore: 28
        case .receiptNotUndoable: 29
        case .receiptUndoTooLate: 30
        case .deliveryOpen: 31
        case .noOpenDelivery: 32
        case .invalidDeclaredCount: 33
        case .invalidCapacity: 34
        case .capacityBelowLoad: 35
        case .recipientMissing: 36
        case .alreadyDroppedOff: 37
        case .alreadyQueued: 38
        case .notQueued: 39
        case .queueStep: 40
        case .invalidReason: 41
        case .notCustomersParcel: 42
        case .invalidPickupCode: 43
        case .numbersExhausted: 44
        case .clockWrong: 45
        case .handOutForSeveralCustomers: 46
        case .extensionTooLong: 47
        case .pickupCodeMissing: 48
        case .pickupCodeMismatch: 49
        case .waitingForCustomer: 50
        case .notReturningToShelf: 51
        case .invalidProxyRelation: 52
        case .invalidValidUntil: 53
        case .proxyExpired: 54
        case .personalHandOutOnly: 55
        case .invalidEmail: 56
        case .noteTooLong: 57
        case .nothingChanged: 58
        case .mergeWithItself: 59
        case .mergeBothQueued: 60
        }
    }
}
