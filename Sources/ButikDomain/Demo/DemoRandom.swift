/// SplitMix64: a small seeded generator so the demo shop is the same for the same seed.
public struct DemoRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// `count` random decimal digits as ASCII bytes.
    public mutating func digits(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in ASCII.digit(Int.random(in: 0...9, using: &self)) }
    }
}
