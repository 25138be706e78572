import Foundation
import MinutesModel
import PageLayout

/// The items' decisions ("RESOLVED that …", "It was agreed that …", "The Board approved …",
/// read by the items reader) as objects: each with its item, where it is printed, and the
/// motion that made it where one was moved in the same item and says the same thing.
enum MotionDecisions {
    /// Share of a motion's words a decision must hold to be that motion's outcome: below
    /// it, the two are about different things in the same item.
    static let sameWords = 0.5
    /// Characters of a decision looked for on the page to place it.
    static let probeLength = 40

    static func decisions(_ context: SectionContext, motions: [Motion]) -> [Decision] {
        var out: [Decision] = []
        for item in flattened(context.found.items) {
            for text in item.decisions {
                var d = Decision(item: item.number, text: text, page: item.page, box: item.box)
                if let (page, box) = place(text, context: context, near: item.page) {
                    d.page = page
                    d.box = box
                }
                d.motion = motions.indices.first { i in
                    motions[i].item == item.number && overlap(motions[i].text, text) >= sameWords
                }
                out.append(d)
            }
        }
        return out
    }

    static func flattened(_ items: [Item]) -> [Item] {
        items.flatMap { [$0] + flattened($0.children) }
    }

    /// The line the decision's first words are on, from the item's page on.
    static func place(_ text: String, context: SectionContext, near page: Int?) -> (Int, Box)? {
        let probe = String(text.prefix(probeLength)).lowercased()
        guard probe.count >= 8 else { return nil }
        let head = String(probe.prefix(min(probe.count, 20)))
        for l in context.lines where l.page >= (page ?? 0) && l.text.lowercased().includes(head) {
            return (l.page, l.box.array)
        }
        return nil
    }

    /// Share of `a`'s words (three letters or more) that `b` holds.
    static func overlap(_ a: String, _ b: String) -> Double {
        func words(_ s: String) -> Set<String> {
            Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count >= 3 })
        }
        let wa = words(a), wb = words(b)
        guard !wa.isEmpty else { return 0 }
        return Double(wa.intersection(wb).count) / Double(wa.count)
    }
}
