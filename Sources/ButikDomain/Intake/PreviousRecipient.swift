extension ShopState {
    /// Whom to suggest when a number that was handed out comes back: the customer its newest
    /// parcel went to. The live state holds recent parcels; `stories`, the number's past from
    /// the history (``History``, newest first), holds older ones. Nil when that parcel was not
    /// handed out (it went back to the sender) or its customer is gone.
    public func previousRecipient(of number: TrackingNumber, stories: [ParcelStory] = []) -> Customer? {
        if let parcel = latestParcel(number) {
            guard case .handedOut = parcel.status else { return nil }
            return records.customers[parcel.customer]
        }
        guard let story = stories.filter({ $0.tracking == number }).max(by: { $0.id < $1.id }), story.status == .handedOut else { return nil }
        return records.customers[story.customer]
    }
}
