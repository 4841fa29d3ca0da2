/// Valid tracking numbers of each carrier's usual kind, for the demo shop (and the benchmarks).
public enum DemoTracking {
    public static func make(carrier: String, using random: inout DemoRandom) -> ParsedTracking {
        let code: [UInt8]
        let format: TrackingFormat
        switch carrier {
        case "posten":
            (code, format) = (sscc(prefix: "370", using: &random), .sscc)
        case "postnord":
            if random.chance(0.3) {
                (code, format) = (s10(using: &random), .s10)
            } else {
                (code, format) = (sscc(prefix: "373", using: &random), .sscc)
            }
        case "dhl":
            let nine = random.digits(9)
            (code, format) = (nine + [DHLExpress.checkDigit(nine[...])], .dhlExpress)
        case "ups":
            let body = Array("1Z".utf8) + Array("A9".utf8) + random.digits(13)
            (code, format) = (body + [UPS.checkDigit(body[2...])], .ups)
        case "amazon":
            (code, format) = (Array("TBA".utf8) + random.digits(12), .amazon)
        default:
            (code, format) = (Array("IB".utf8) + random.digits(10), .unvalidated)
        }
        let status: CheckDigitStatus = [.s10, .sscc, .dhlExpress, .ups].contains(format) ? .verified : .none
        return ParsedTracking(number: TrackingNumber(String(decoding: code, as: UTF8.self)), format: format, checkDigit: status)
    }

    private static func sscc(prefix: String, using random: inout DemoRandom) -> [UInt8] {
        let body = Array(prefix.utf8) + random.digits(17 - prefix.count)
        return body + [GS1.checkDigit(body[...])]
    }

    private static func s10(using random: inout DemoRandom) -> [UInt8] {
        let service = ["RR", "CT", "LX", "UA"].randomElement(using: &random)!
        let country = ["SE", "NO", "CN", "DE", "GB"].randomElement(using: &random)!
        let serial = random.digits(8)
        return Array(service.utf8) + serial + [S10.checkDigit(serial: serial[...])] + Array(country.utf8)
    }
}
