extension ShopState {
    /// The drop-off with this tracking number still waiting for the driver.
    public func dropOffWaiting(_ tracking: TrackingNumber) -> DropOff? {
        indexes.waitingDropOffByTracking[tracking].flatMap { records.dropOffs[$0] }
    }

    /// Drop-offs waiting for the driver, oldest first; only `carrier`'s when given.
    public func dropOffsWaiting(carrier: CarrierID? = nil) -> [DropOff] {
        indexes.waitingDropOffByTracking.values.compactMap { records.dropOffs[$0] }
            .filter { carrier == nil || $0.carrier == carrier }
            .sorted { $0.id < $1.id }
    }

    /// Decides to take in a customer's prepaid return parcel for the driver. `carrier` is an
    /// id or name (nil: the shop's first carrier); a number on the shelf or already dropped
    /// off and not yet collected is refused.
    public func dropOff(tracking: ParsedTracking, carrier: CarrierID?, customer: CustomerID?,
                        _ context: Context) throws(DomainError) -> Decision<DropOff> {
        let number = tracking.number
        if let parcel = parcelInShop(number) { throw .alreadyInShop(tracking: number, slot: parcel.slot, key: parcel.key) }
        if let earlier = dropOffWaiting(number) { throw .alreadyDroppedOff(tracking: number, receipt: earlier.receipt) }
        if let customer, records.customers[customer] == nil { throw .unknownCustomer(customer.description) }
        let carrierID = try resolveCarrier(carrier, context.layout).id
        let dropOff = DropOff(id: try DropOffID.minted(from: records.nextDropOffNumber), tracking: number, carrier: carrierID, customer: customer,
                              at: context.now, staff: context.staff)
        return Decision(events: [.droppedOff(dropOff)], outcome: dropOff)
    }
}
