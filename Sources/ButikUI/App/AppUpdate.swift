import ButikDomain
import ButikGrid
import ButikText

extension AppState {
    /// Applies one message; returns what the terminal must do.
    public mutating func update(_ message: AppMessage) -> [AppEffect] {
        let effects = apply(message)
        // F6's list, for the view and the keys that follow, worked out once for what changed.
        if tab == .customers { customers.keepMatches(context) }
        return effects
    }

    private mutating func apply(_ message: AppMessage) -> [AppEffect] {
        switch message {
        case .tick(let now, let clock):
            context.now = now
            self.clock = clock
            if toast?.isExpired(at: clock) == true { toast = nil }
            return []
        case .storeChanged(let shop):
            context.shop = shop
            customers.storeChanged()
            counter.storeChanged()
            return wantedReads
        case .storeNotices(let notices):
            if let said = Phrase.sentences(notices) { say(said, .warning) }
            return []
        case .writeStarted:
            context.shop = ShopState()
            return []
        case .storeFailed(let reason):
            readOnlyReason = reason
            say(Phrase("store.readOnly", ["reason": .phrase(reason)]), .error)
            return [.beep]
        case .storeBusy(let busy):
            storeBusy = busy
            return []
        case .storeReopened(let shop, let reason, let notices):
            context.shop = shop
            readOnlyReason = reason
            if reason == nil {
                say(Phrase.sentences([StoreBusy.writableAgain] + notices) ?? StoreBusy.writableAgain, notices.isEmpty ? .info : .warning)
            }
            return []
        case .storeReadAgain(let shop, let notices):
            let reads = apply(.storeChanged(shop))
            say(Phrase.sentences([StoreBusy.readAgain] + notices) ?? StoreBusy.readAgain, notices.isEmpty ? .info : .warning)
            return reads
        case .backupMade(let path):
            say(Phrase("backup.made", ["path": .text(path)]))
            return []
        case .backupFailed(let reason):
            say(Phrase("backup.failed", ["reason": .phrase(reason)]), .warning)
            return []
        case .scan(let code):
            if storeBusy == .writing { return refuseWhileWriting() }
            let effects = handleScan(code)
            return withReads(effects)
        case .performed(let outcome, let shop):
            context.shop = shop
            switch outcome {
            case .intake(let outcome): intake.performed(outcome, context)
            case .shelves(let outcome): shelves.performed(outcome, context)
            case .counter(let outcome): counter.performed(outcome, context)
            case .queue(let outcome): queue.performed(outcome, context)
            case .customers(let outcome): customers.performed(outcome, context)
            }
            return wantedReads
        case .refused(let command, let reason):
            switch command {
            case .intake(let command): intake.refused(command, reason, context)
            case .shelves(let command): shelves.refused(command, reason, context)
            case .counter(let command): counter.refused(command, reason, context)
            case .queue(let command): queue.refused(command, reason, context)
            case .customers(let command): customers.refused(command, reason, context)
            }
            return [.beep]
        case .importFailed(let path, let reason):
            intake.importFailed(path, reason, context)
            return [.beep]
        case .storiesRead(let tracking, let stories) where intake.lookingUp == tracking:
            intake.storiesRead(stories, of: tracking)
            return []
        case .storiesUnread(let tracking, let reason) where intake.lookingUp == tracking:
            intake.storiesUnread(tracking, reason)
            return []
        case .storiesRead(let tracking, let stories):
            guard !stories.isEmpty else {
                sayUnknown(tracking)
                return []
            }
            counter.show(stories, of: tracking)
            return []
        case .storiesUnread(let tracking, let reason):
            counter.pastUnread(tracking, reason)
            return [.beep]
        case .timelineRead(let customer, let page) where customers.waitsForTimeline(of: customer):
            customers.timelineRead(page)
            return []
        case .timelineUnread(let customer, let reason) where customers.waitsForTimeline(of: customer):
            customers.timelineUnread(reason)
            return [.beep]
        case .timelineRead(let customer, let page):
            counter.recentRead(customer, .read(page.entries), context)
            return []
        case .timelineUnread(let customer, let reason):
            counter.recentRead(customer, .unread(reason), context)
            return []
        case .key(let key):
            // While a write waits, Esc cancels it; Ctrl-C (or a signal) still quits.
            if storeBusy == .writing, key != .interrupt, key != .resize {
                return key == .escape ? [.cancelWrite] : refuseWhileWriting()
            }
            // Handled first: `withReads` is to see the state the key left.
            let effects = handleKey(key)
            return withReads(effects)
        }
    }

    /// What a key or scan led to, then the reads of the past the open screen's view lacks; a
    /// write asks for them once it has landed (``AppMessage/performed(_:_:)``).
    private func withReads(_ effects: [AppEffect]) -> [AppEffect] {
        let writes = effects.contains { if case .perform = $0 { true } else { false } }
        return writes ? effects : effects + wantedReads
    }

    /// The reads of the past the open screen's view needs and lacks: a page of the timeline on
    /// the customer's card, the newest lines on the Counter's card of a customer with no parcels.
    private var wantedReads: [AppEffect] {
        switch tab {
        case .customers:
            customers.wantedTimeline.map { [.lookUpTimeline($0.customer, page: $0.page, pageSize: CustomerCard.pageSize)] } ?? []
        case .counter: counter.wantedRecent(context).map { [.lookUpTimeline($0, page: 1, pageSize: CounterScreen.recentEntries)] } ?? []
        case .intake, .shelves, .queue, .reports: []
        }
    }

    private mutating func refuseWhileWriting() -> [AppEffect] {
        say(StoreBusy.keyRefused, .warning)
        return [.beep]
    }

    /// A scan is validated first: a misread (wrong check digit, bad characters) beeps and says
    /// why. The counter takes scans as searches, or as confirmations during a hand-out; the
    /// shelves take them as parcels to move; elsewhere a scan jumps to the parcel. A number no
    /// parcel in the shop has is looked up in the store's history, for the counter to tell its
    /// past (elsewhere only when the live state still knows it).
    private mutating func handleScan(_ code: String) -> [AppEffect] {
        if burst == .scanOrText, !Self.readsAsScan(code) { return code.flatMap { handleKey(.character($0)) } }
        if tab == .intake, intake.takesScans(context) { return intake.scan(code, context) }
        let parsed: ParsedTracking
        switch Tracking.parse(code) {
        case .success(let value): parsed = value
        case .failure(let error):
            say(Phrase("scan.bad", ["reason": .phrase(error.misreadPhrase)]), .error)
            return [.beep]
        }
        helpVisible = false
        if tab == .shelves { return shelves.scan(parsed, context) }
        if tab == .queue, queue.takesScans { return queue.scan(parsed, context) }
        if tab == .counter, counter.takesScans { return counter.confirm(parsed.number, context) }
        guard let parcel = context.shop.parcelInShop(parsed.number) else {
            guard tab == .counter || context.shop.latestParcel(parsed.number) != nil else {
                sayUnknown(parsed.number)
                return []
            }
            open(.counter)
            counter.search(parsed.number.value, context)
            return [.lookUpStories(parsed.number)]
        }
        open(.counter)
        counter.search(parsed.number.value, context)
        say(Phrase("scan.found", ["tracking": .text(parcel.tracking.value), "status": .phrase(parcel.status.kind.phrase),
                                  "slot": .text(parcel.slot.value), "key": .text(parcel.key.value)]))
        return []
    }

    /// Whether a burst in a field of free text is a scan: it reads as a tracking number of a
    /// known format, or as one misread in its check digit. A name, a note or a code of no known
    /// format is text.
    private static func readsAsScan(_ code: String) -> Bool {
        switch Tracking.parse(code) {
        case .success(let parsed): parsed.format != .unvalidated
        case .failure(.wrongCheckDigit): true
        case .failure: false
        }
    }

    private mutating func sayUnknown(_ number: TrackingNumber) {
        say(Phrase("scan.unknown", ["tracking": .text(number.value)]), .warning)
    }
}
