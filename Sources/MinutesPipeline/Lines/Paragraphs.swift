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

    /// `b` sits close enough under `a` to be the same paragraph (or runs on over a page
    /// break): the one spacing test for paragraphs.
    static func closeBelow(_ a: Line, _ b: Line) -> Bool {
        a.page != b.page || Layout.gap(a, b) <= Layout.paragraphGap
    }

    /// `b` continues `a`'s paragraph: close below it, and no bullet, item number or bold
    /// heading of its own.
    static func continues(_ a: Line, into b: Line) -> Bool {
        !startsBullet(b) && ItemNumber.leading(b) == nil && !b.bold && closeBelow(a, b)
    }

    /// The bullet or paragraph holding line `i`: up to the bullet or gap that starts it, down
    /// to the next bullet, gap or heading.
    static func around(_ lines: [Line], _ i: Int) -> ClosedRange<Int> {
        func gapBefore(_ k: Int) -> Bool {
            guard k > 0 else { return true }
            return !closeBelow(lines[k - 1], lines[k])
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
