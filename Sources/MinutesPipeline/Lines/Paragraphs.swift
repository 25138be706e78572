import PageLayout

/// Paragraph and bullet boundaries in a run of lines.
enum Paragraphs {
    static let bullets: Set<Character> = ["•", "●", "▪", "■", "◦", "○", "-", "–", "*", "·", "\u{F0B7}", "\u{F0A7}"]

    static func startsBullet(_ line: Line) -> Bool {
        guard let first = line.words.first?.text.first else { return false }
        return bullets.contains(first) && (line.words.first?.text.count ?? 0) <= 2
    }

    static func stripBullet(_ text: String) -> String {
        var t = Substring(text)
        while let c = t.first, bullets.contains(c) || c == " " { t = t.dropFirst() }
        return String(t)
    }

    /// The bullet or paragraph holding line `i`: up to the bullet or gap that starts it, down
    /// to the next bullet, gap or heading.
    static func around(_ lines: [Line], _ i: Int) -> ClosedRange<Int> {
        func gapBefore(_ k: Int) -> Bool {
            guard k > 0 else { return true }
            let a = lines[k - 1], b = lines[k]
            if a.page != b.page { return false }
            return b.box.y0 - a.box.y1 > max(a.box.height, b.box.height) * 0.9
        }
        var start = i
        while start > 0, !startsBullet(lines[start]), !gapBefore(start), !lines[start - 1].bold, i - start < 8 {
            start -= 1
        }
        var end = i
        while end + 1 < lines.count, !startsBullet(lines[end + 1]), !gapBefore(end + 1), !lines[end + 1].bold,
              ItemNumber.leading(lines[end + 1]) == nil, end - i < 8 {
            end += 1
        }
        return start...end
    }
}
