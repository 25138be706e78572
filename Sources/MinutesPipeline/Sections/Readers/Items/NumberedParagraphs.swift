import Foundation
import MinutesModel
import PageLayout

/// Minutes written as numbered paragraphs with no headings ("1. KK presented a proposal…",
/// "2. KK advised the group…"): when headed items are missing, or are a few of the run that
/// happened to read like headings, a run of 1, 2, 3 at one indent is the item list. The
/// titles are left empty, and said so: the page gives none. Part of the items reader: it
/// replaces the headed items it finds among the paragraphs.
enum NumberedParagraphs {
    static func read(_ context: SectionContext, into out: inout SectionFindings) {
        let lines = context.lines
        guard out.items.count <= 2 else { return }
        var starts: [(index: Int, number: Int)] = []
        for i in lines.indices where !context.consumed.contains(i) {
            guard let n = context.numbers[i], let v = Int(n.number), !n.rest.isEmpty,
                  let first = lines[i].words.first?.text, first.hasSuffix(".") || first.hasSuffix(")") else { continue }
            if let last = starts.last {
                guard v == last.number + 1, abs(lines[i].box.x0 - lines[last.index].box.x0) <= Layout.sameColumn * Layout.em(lines[i]) else { continue }
            } else {
                guard v == 1 else { continue }
            }
            starts.append((i, v))
        }
        guard starts.count >= 2, starts.count >= 2 * out.items.count,
              starts.contains(where: { lines[$0.index].words.count >= 5 }) else { return }
        // Headed items found among the paragraphs give way to the whole run.
        let runNumbers = Set(starts.map { String($0.number) })
        guard out.items.allSatisfy({ $0.number.map(runNumbers.contains) ?? false }) else { return }
        var headed: [String: String] = [:]
        for it in out.items { if let n = it.number, let t = it.title { headed[n] = t } }
        out.items = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].index : lines.count
            let body = (start.index..<end).filter { !context.consumed.contains($0) }.map { lines[$0] }
            let text = TextJoin.clean(([context.numbers[start.index]?.rest ?? ""] + body.dropFirst().map(\.text)).joined(separator: " "))
            let l = lines[start.index]
            // A paragraph that opens like a heading keeps it ("2. Finance Update").
            let title = headed[String(start.number)].flatMap { t in text.hasPrefix(t) && t.split(separator: " ").count <= 6 ? t : nil }
            out.items.append(Item(number: String(start.number), title: title, text: text, decisions: Decisions.sentences(in: text),
                                  page: l.page, box: l.box.array))
        }
        out.note(.warning, "no item headings: \(starts.count) numbered paragraphs taken as items, without titles")
    }
}
