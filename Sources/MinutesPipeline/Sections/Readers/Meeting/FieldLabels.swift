import Foundation
import PageLayout

/// What a field label names.
enum FieldKind: Sendable { case title, date, time, venue, chair, attendees, apologies, ignore }

/// A label at the start of a line and the value beside it: "Venue: School Library",
/// "Date & time:", "Present; David Thomas (DT), …", or a first segment that is a known label
/// ("Venue   PCC Conference Room").
struct FieldLabel: Sendable {
    var kind: FieldKind
    var label: String
    var value: String
    /// Where the value starts, for the lines that continue it below.
    var valueX: Double?
}

/// Field labels, read once per line for every reader that asks.
enum FieldLabels {
    static let labelEdge: Set<Character> = [" ", ":", "-", "–"]

    /// At most `limit` runs of spaces in the first 80 bytes, and no more bytes: a label is a
    /// few words, and most lines asked are sentences.
    static func isShort(_ text: String, words limit: Int) -> Bool {
        var gaps = 0, count = 0
        var inGap = false
        for b in text.utf8 {
            count += 1
            if count > 80 { return false }
            if b == 32 {
                if !inGap { gaps += 1; inGap = true }
                if gaps > limit { return false }
            } else {
                inGap = false
            }
        }
        return true
    }

    static let collectiveLabels = Set(Vocabulary.shared.collectiveLabels)

    static func kind(_ label: String) -> FieldKind? {
        // Leading or trailing spaces count as a gap: one word of slack.
        guard isShort(label, words: 7) else { return nil }
        var l = label.lowercased().trimming(labelEdge)
        if l.includes("  ") { l = l.collapsingWhitespace }
        if let kind = Vocabulary.shared.fieldLabels[l] { return kind }
        if let people = PeopleLabel.kind(of: l) {
            return people == .apologies ? .apologies : .attendees
        }
        return nil
    }

    static func label(_ original: Line) -> FieldLabel? {
        var line = original
        // "o Commissioners Present: …" — a bullet before the label.
        if let w = line.words.first, w.text.count <= 2, Paragraphs.startsBullet(line) || w.text == "o", line.words.count > 1 {
            var segs = line.segments
            segs[0].words.removeFirst()
            if segs[0].words.isEmpty { segs.removeFirst() }
            line = Line(page: line.page, segments: segs)
        }
        guard let first = line.segments.first else { return nil }
        let text = first.text
        if let people = peopleLabelBeforeStop(line) { return people }
        // (A byte scan first: most lines have no colon, and walking their characters showed in profiles.)
        if text.utf8.contains(UInt8(ascii: ":")), let colon = text.firstIndex(of: ":") {
            let label = String(text[..<colon])
            guard label.split(separator: " ").count <= 5 else { return nil }
            var value = String(text[text.index(after: colon)...]).trimmingCharacters(in: CharacterSet(charactersIn: " -–"))
            let others = line.segments.dropFirst().map(\.text)
            value = ([value] + others).filter { !$0.isEmpty }.joined(separator: "  ")
            // "Panel: Professor Sir Nigel Shadbolt (Chairman), Baroness Stowell (DCLG), …": the
            // body's name over a running list of people is who attended, not a title.
            let collective = collectiveLabels.contains(label.trimmed.lowercased()) && value.filter { $0 == "," }.count >= 2
            guard let kind = collective ? .attendees : Self.kind(label) else { return nil }
            let valueX = value.isEmpty ? nil : (line.segments.count > 1 && String(text[text.index(after: colon)...]).trimmed.isEmpty
                                                   ? line.segments[1].box.x0 : first.words.dropFirst(label.split(separator: " ").count).first?.box.x0)
            return FieldLabel(kind: kind, label: label, value: value, valueX: valueX)
        }
        if let kind = Self.kind(text), line.segments.count >= 2 || PeopleLabel.kind(of: text.lowercased()) != nil {
            let value = line.segments.dropFirst().map(\.text).joined(separator: "  ")
            return FieldLabel(kind: kind, label: text, value: value, valueX: line.segments.count > 1 ? line.segments[1].box.x0 : nil)
        }
        return nil
    }

    /// "Present; David Thomas (DT), …", "Apologies – Tamsyn Imison": a semicolon or a dash
    /// typed where a people label takes its colon. Only people labels: elsewhere a dash
    /// after a first word is ordinary text.
    static func peopleLabelBeforeStop(_ line: Line) -> FieldLabel? {
        guard let first = line.segments.first else { return nil }
        let words = first.words
        guard let stop = words.prefix(5).firstIndex(where: { w in
            w.text == "-" || w.text == "–" || w.text.hasSuffix(";") || (w.text.hasSuffix(":") == false && w.text.hasSuffix("–"))
        }) else { return nil }
        var labelWords = words[...stop].map(\.text)
        let last = labelWords.removeLast()
        let tail = last.trimmingCharacters(in: CharacterSet(charactersIn: ";–-"))
        if !tail.isEmpty { labelWords.append(tail) }
        let label = labelWords.joined(separator: " ")
        guard !label.isEmpty, !label.contains(":"), let kind = Self.kind(label), kind == .attendees || kind == .apologies else { return nil }
        let rest = words[(stop + 1)...].map(\.text).joined(separator: " ")
        let value = ([rest] + line.segments.dropFirst().map(\.text)).filter { !$0.isEmpty }.joined(separator: "  ")
        let valueX = words.count > stop + 1 ? words[stop + 1].box.x0 : (line.segments.count > 1 ? line.segments[1].box.x0 : nil)
        return FieldLabel(kind: kind, label: label, value: value, valueX: valueX)
    }

    static let inlineLabels = #"(?i)(?<=^|\s)(\#(Vocabulary.alternation(Vocabulary.shared.inlineFieldLabels)))\s*:\s*"#

    /// "12 October 2021  Time: 6.00pm  Venue: School Library" after "Date:": the labels
    /// set along one line, each with its own value.
    static func fieldsWithin(kind: FieldKind, value: String) -> [(FieldKind, String)] {
        guard value.contains(":") else { return [(kind, value)] }
        var out: [(FieldKind, String)] = []
        var current = kind
        var from = value.startIndex
        for r in value.ranges(ofRegex: inlineLabels) {
            let label = value[r].trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            guard let next = Self.kind(label) else { continue }
            out.append((current, String(value[from..<r.lowerBound]).trimmed))
            current = next
            from = r.upperBound
        }
        out.append((current, String(value[from...]).trimmed))
        return out.filter { !$0.1.isEmpty || $0.0 == kind }
    }
}
