import Foundation

extension ShopState {
    /// The delivery `staff` has open, if any.
    public func openDelivery(of staff: StaffID) -> Delivery? {
        records.openDeliveries.values.filter { $0.staff == staff }.min { $0.id < $1.id }
    }

    /// How many parcels a delivery has received so far.
    public func receivedCount(in delivery: DeliveryID) -> Int { indexes.receivedInDelivery[delivery]?.count ?? 0 }

    /// Parcels received in a delivery so far, in order (undone receipts are gone from state).
    public func parcelsReceived(in delivery: DeliveryID) -> [Parcel] {
        (indexes.receivedInDelivery[delivery] ?? []).compactMap { records.parcels[$0] }
    }

    /// Decides to start scanning in a delivery; one open delivery per staff member.
    public func startDelivery(carrier: CarrierID, declared: Int?, _ context: Context) throws(DomainError) -> Decision<Delivery> {
        if let open = openDelivery(of: context.staff) {
            throw .deliveryOpen(carrier: open.carrier, scanned: receivedCount(in: open.id))
        }
        if let declared, !Ranges.declaredCount.contains(declared) { throw .invalidDeclaredCount(declared) }
        guard let known = context.layout.carrier(named: carrier) else {
            throw .unknownCarrier(carrier, known: context.layout.carriers.map(\.id))
        }
        let delivery = Delivery(id: try DeliveryID.minted(from: records.nextDeliveryNumber), carrier: known.id, declared: declared,
                                startedAt: context.now, staff: context.staff)
        return Decision(events: [.deliveryStarted(delivery)], outcome: delivery)
    }

    /// Decides to end the staff member's open delivery, with its summary for the journal.
    public func endDelivery(_ context: Context) throws(DomainError) -> Decision<DeliverySummary> {
        guard let open = openDelivery(of: context.staff) else { throw .noOpenDelivery }
        let received = parcelsReceived(in: open.id)
        var perCarrier: [CarrierID: Int] = [:]
        for parcel in received { perCarrier[parcel.carrier, default: 0] += 1 }
        let summary = DeliverySummary(
            delivery: open.id, carrier: open.carrier, declared: open.declared, scanned: received.count,
            perCarrier: perCarrier, overflow: received.filter { $0.slot == context.layout.overflowID }.count,
            unexpected: received.filter { $0.preAdvised != true }.count)
        return Decision(events: [.deliveryEnded(summary)], outcome: summary)
    }

    /// How long after receiving a parcel its receipt can still be undone.
    public static let receiptUndoWindow: TimeInterval = 30 * 60

    /// Decides to take back a receipt made by mistake: only a parcel still waiting where it
    /// was put, received at most ``receiptUndoWindow`` ago.
    public func undoReceipt(_ id: ParcelID, _ context: Context) throws(DomainError) -> Decision<Parcel> {
        let parcel = try existing(id)
        guard parcel.status == .waiting else {
            throw .receiptNotUndoable(tracking: parcel.tracking, status: parcel.status.kind)
        }
        guard context.now.timeIntervalSince(parcel.receivedAt) <= ShopState.receiptUndoWindow else {
            throw .receiptUndoTooLate(tracking: parcel.tracking, minutes: Int(ShopState.receiptUndoWindow / 60))
        }
        return Decision(events: [.receiptUndone(parcel: id)], outcome: parcel)
    }

    /// Decides to change a slot's capacity (never below the parcels in it now).
    public func setCapacity(of slotID: SlotID, to capacity: Int, _ context: Context) throws(DomainError) -> Decision<Int> {
        guard let slot = context.layout.slots.first(where: { $0.id == slotID }) else { throw .unknownSlot(slotID.value) }
        guard Ranges.slotCapacity.contains(capacity) else { throw .invalidCapacity(slot: slotID, capacity: capacity) }
        guard load(of: slot.id) <= capacity else { throw .capacityBelowLoad(slot: slotID, load: load(of: slot.id)) }
        return Decision(events: [.slotCapacityChanged(slot: slotID, capacity: capacity)], outcome: capacity)
    }
}
