import ButikDomain
import ButikText
import Foundation

/// How long is left to report the damage to one parcel of a damage claim to its carrier
/// (``ShopLayout/damageClaimDeadline(of:)``), as of the context's moment.
struct ClaimCountdown: Equatable, Sendable {
    let tracking: TrackingNumber
    /// The carrier's name.
    let carrier: String
    let deadline: Date
    let left: TimeLeft

    /// The countdowns of a damage claim's parcels the shop knows whose carrier has a rule;
    /// none for another kind.
    static func all(_ kind: CaseKind, _ parcels: [TrackingNumber], _ context: AppContext) -> [ClaimCountdown] {
        guard kind == .claim(.damaged) else { return [] }
        return parcels.compactMap { tracking in
            guard let parcel = context.shop.latestParcel(tracking), let deadline = context.layout.damageClaimDeadline(of: parcel) else { return nil }
            return ClaimCountdown(tracking: tracking, carrier: context.layout.name(of: parcel.carrier), deadline: deadline,
                                  left: TimeLeft(until: deadline, from: context.now))
        }
    }

    /// The hours and minutes left (or passed).
    private var duration: [String: Phrase.Argument] {
        ["hours": .count(abs(left.minutes) / 60), "minutes": .count(abs(left.minutes) % 60)]
    }

    /// "Report the damage to RR… to PostNord by 24.11.2026 13:00: 3 h 20 min left." (or how long ago it passed).
    func sentence(_ context: AppContext) -> Phrase {
        let said = duration.merging(["tracking": .text(tracking.value), "carrier": .text(carrier), "when": .text(context.moment(deadline))]) { $1 }
        return left.hasPassed ? Phrase("customers.case.claimPassed", said) : Phrase("customers.case.claimLeft", said)
    }

    /// "3 h 20 min left" or "passed 1 h 5 min ago", for a column of the case list.
    var short: Phrase {
        left.hasPassed ? Phrase("cases.claim.passed", duration) : Phrase("cases.claim.left", duration)
    }
}
