import ButikDomain

/// Keys in tests as literals (`.keyTaken(key: "JEDS", ...)`), taken as written.
extension CustomerKey: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}

/// Staff ids in tests as literals (`Context(..., staff: "kari")`), taken as written.
extension StaffID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}

/// Carrier ids in tests as literals (`ReceiveRequest(..., carrier: "postnord")`), taken as written.
extension CarrierID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}
