import ButikDomain
import ButikGrid
import ButikText

extension AppState {
    /// Enter on the queue screen: the counter opens with the selected customer's hand-out.
    mutating func handOutFromQueue() -> [AppEffect] {
        guard let customer = queue.customerForHandOut(context) else {
            queue.notice = Notice(Phrase("queue.handOut.select"), tone: .error)
            return [.beep]
        }
        return startHandOut(for: customer)
    }

    /// Opens the counter with `customer` found and selected, and starts their hand-out there.
    mutating func startHandOut(for customer: CustomerID) -> [AppEffect] {
        guard let known = context.shop.customers[customer] else { return [.beep] }
        open(.counter)
        counter.handOut = nil
        counter.search(known.key.value, context)
        if let index = counter.hits(context).firstIndex(of: .customer(customer)) { counter.selection.index = index }
        return counter.startHandOut(context)
    }
}
