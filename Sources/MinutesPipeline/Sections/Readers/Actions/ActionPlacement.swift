import Foundation
import MinutesModel

/// Table and inline actions together, each under its item, without saying the same action
/// twice. Run by the stage once every reader has run.
enum ActionPlacement {
    /// Each action belongs to the last top-level item that starts above it on the page: the
    /// item list is settled by now, the number a table or paragraph happened to show is not.
    static func placed(_ actions: [Action], in items: [Item]) -> [Action] {
        let starts = items.compactMap { it -> (page: Int, y: Double, number: String)? in
            guard let p = it.page, let n = it.number else { return nil }
            return (p, it.box?[1] ?? 0, n)
        }
        guard !starts.isEmpty else { return actions }
        return actions.map { a in
            var a = a
            guard let p = a.page else { return a }
            let y = a.box?[1] ?? 0
            // (Two points of slack: an action on the heading's own line is under that item.)
            if let owner = starts.last(where: { $0.page < p || $0.page == p && $0.y <= y + 2 }) { a.item = owner.number }
            return a
        }
    }

    /// "1.2 DT requested…" → "DT requested…": the paragraph's number is not part of the action.
    static func withoutNumbering(_ action: Action) -> Action {
        var a = action
        a.description = a.description.replacing(regex: #"^(\d{1,3}(\.\d{1,2})+|\d{1,3}[.)]|[a-h][.)]|\([a-h]\)|[ivx]{1,4}[.)])\s+(?=[A-Z])"#, with: "")
        return a
    }

    /// A closing action table often repeats an "Actions" line written under the item: the
    /// two are one action, kept where the table has it and under the inline copy's item.
    static func merge(table: [Action], inline: [Action]) -> [Action] {
        var out = table
        for a in inline {
            if let k = out.firstIndex(where: { similar($0.description, a.description) }) {
                if out[k].owners.isEmpty { out[k].owners = a.owners }
                // A closing action table sits after the last item; the inline copy sits in its item.
                if let item = a.item { out[k].item = item }
                continue
            }
            out.append(a)
        }
        return out.sorted { ($0.page ?? 0, $0.box?[1] ?? 0) < ($1.page ?? 0, $1.box?[1] ?? 0) }
    }

    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        let wa = words(a), wb = words(b)
        guard !wa.isEmpty, !wb.isEmpty else { return false }
        var counts: [String: Int] = [:]
        for w in wa { counts[w, default: 0] += 1 }
        var common = 0
        for w in wb where (counts[w] ?? 0) > 0 { counts[w, default: 0] -= 1; common += 1 }
        let dice = 2.0 * Double(common) / Double(wa.count + wb.count)
        let contained = Double(common) / Double(min(wa.count, wb.count))
        return dice >= 0.7 || (contained >= 0.85 && min(wa.count, wb.count) >= 4)
    }
}
