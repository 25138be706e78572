import Foundation
import MinutesModel
import PageLayout

/// Motions recorded as labelled fields, one or more to a line:
/// "Motion: to close nominations / Moved: 123 / Seconded: 122 / Carried unanimously",
/// "Proposed: Cllr A, Seconded: Cllr B", and Granicus / Legistar vote blocks
/// "RESULT: APPROVED [UNANIMOUS] / MOVER: … / SECONDER: … / AYES: … / NAYS: … / ABSENT: …".
/// Without a "Motion:" field, what was moved is the paragraph above the block.
enum MotionBlocks {
    /// Lines of the paragraph above a block taken as its motion: a longer run is prose the
    /// block follows, not the motion's own text.
    static let maxTextLines = 6

    struct Field { var label: MotionLabel; var key: String; var value: String }

    /// The fields a line holds when it opens with a label; nil for any other line.
    static func fields(_ text: String) -> [Field]? {
        // Every label takes its colon; asked of every line of every item, most have none.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return nil }
        let ns = text as NSString
        guard let r = RegexCache.shared.regex(MotionPatterns.label, caseInsensitive: true) else { return nil }
        let ms = r.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard let first = ms.first, ns.substring(to: first.range.location).trimmed.isEmpty else { return nil }
        var out: [Field] = []
        for (k, m) in ms.enumerated() {
            let key = ns.substring(with: m.range(at: 1)).lowercased().replacing(regex: #"\s+"#, with: " ")
            let from = NSMaxRange(m.range)
            let to = k + 1 < ms.count ? ms[k + 1].range.location : ns.length
            let value = to > from ? ns.substring(with: NSRange(location: from, length: to - from)) : ""
            guard let label = MotionPatterns.labels.first(where: { $0.1.contains(key) })?.0 else { continue }
            out.append(Field(label: label, key: key, value: value.trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))))
        }
        return out
    }

    static func candidates(in t: MotionText, lines: [Line]) -> [MotionsReader.Candidate] {
        var out: [MotionsReader.Candidate] = []
        var k = 0
        let n = t.lineIndices.count
        while k < n {
            guard let first = fields(lines[t.lineIndices[k]].text) else { k += 1; continue }
            var block = first
            var last = k
            while last + 1 < n, let more = fields(lines[t.lineIndices[last + 1]].text) {
                block += more
                last += 1
            }
            let labels = Set(block.map(\.label))
            let moved = labels.contains(.mover) || labels.contains(.seconder)
            guard moved || labels.contains(.result) && labels.contains(.votes) else { k = last + 1; continue }
            // "Seconded: Dev. For 4, against 1. Carried.": the name ends at its sentence, the rest is the vote.
            let mover = block.first { $0.label == .mover }.map { nameAndRest($0.value) }
            let seconder = block.first { $0.label == .seconder }.map { nameAndRest($0.value) }
            var outcomeText = (block.filter { $0.label == .result }.map(\.value) + [mover?.rest, seconder?.rest].compactMap { $0 })
                .filter { !$0.isEmpty }.joined(separator: ". ")
            let votes = block.filter { $0.label == .votes }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
            // A vote that wraps ("For 5, against 2," over "abstentions 0. Carried.") goes on to the next line.
            let wrapsOn = !(mover?.rest ?? "").isEmpty || !(seconder?.rest ?? "").isEmpty
            if wrapsOn, last + 1 < n, !lines[t.lineIndices[last]].text.trimmed.hasSuffix("."),
               fields(lines[t.lineIndices[last + 1]].text) == nil {
                last += 1
                outcomeText += " " + lines[t.lineIndices[last]].text
            } else if last + 1 < n, lines[t.lineIndices[last + 1]].text.range(ofRegex: MotionPatterns.outcomeLine, caseInsensitive: true) != nil {
                last += 1
                outcomeText += ". " + lines[t.lineIndices[last]].text
            }
            var outcome = MotionOutcome.read(outcomeText)
            if !votes.isEmpty {
                MotionOutcome.readLabelledVotes(votes, into: &outcome)
                let byVote = Dictionary(grouping: outcome.votes, by: \.vote).mapValues(\.count)
                if outcome.votesFor == nil, !outcome.votes.isEmpty {
                    outcome.votesFor = byVote[.yes] ?? 0
                    outcome.votesAgainst = byVote[.no] ?? 0
                    outcome.abstentions = byVote[.abstain] ?? 0
                }
            }
            var start = t.starts[k]
            var text = block.first(where: { $0.label == .text })?.value ?? ""
            if text.isEmpty, let above = paragraph(above: k, in: t, lines: lines) {
                text = above.text
                start = t.starts[above.from]
            }
            text = MotionSentence.clean(text)
            let endLine = last
            k = last + 1
            guard !text.isEmpty else { continue }
            let motion = Motion(text: text, mover: mover.flatMap { MotionSentence.name($0.name) },
                                seconder: seconder.flatMap { MotionSentence.name($0.name) })
            let end = endLine + 1 < n ? t.starts[endLine + 1] - 1 : t.length
            out.append(MotionsReader.Candidate(start: start, textEnd: end, motion: motion, stated: outcome))
        }
        return out
    }

    /// A labelled name up to the end of its sentence ("Dev. For 4, …" → "Dev"), and what follows;
    /// a full stop after an honorific or an initial ("Cllr. Dean", "J. Ode") is no sentence's end.
    static func nameAndRest(_ value: String) -> (name: String, rest: String) {
        for r in value.ranges(ofRegex: #"\.\s+(?=\p{Lu})"#) {
            let before = value[..<r.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            if before.count <= 1 || Vocabulary.shared.isHonorific(before) { continue }
            return (String(value[..<r.lowerBound]), String(value[r.upperBound...]).trimmed)
        }
        return (value, "")
    }

    /// The paragraph right above line `k` (the item's heading, without its number, when that
    /// is all there is).
    static func paragraph(above k: Int, in t: MotionText, lines: [Line]) -> (text: String, from: Int)? {
        guard k > 0 else { return nil }
        var from = k - 1
        // Up the paragraph to its first line; the item's heading only when nothing else is
        // above the block.
        while from > 0, k - from < maxTextLines, ItemNumber.leading(lines[t.lineIndices[from]]) == nil, !lines[t.lineIndices[from]].bold {
            let above = lines[t.lineIndices[from - 1]]
            guard fields(above.text) == nil, Paragraphs.closeBelow(above, lines[t.lineIndices[from]]),
                  ItemNumber.leading(above) == nil, !above.bold else { break }
            from -= 1
        }
        guard fields(lines[t.lineIndices[from]].text) == nil else { return nil }
        let text = (from..<k).map { i -> String in
            let l = lines[t.lineIndices[i]]
            return ItemNumber.leading(l)?.rest ?? l.text
        }.joined(separator: " ")
        return (text, from)
    }
}
