import ButikDomain

/// Staff ids in tests as literals (`Record(at: now, staff: "kari", ...)`), taken as written.
extension StaffID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}

/// Carrier ids in tests as literals (`ReceiveRequest(..., carrier: "postnord")`), taken as written.
extension CarrierID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}
