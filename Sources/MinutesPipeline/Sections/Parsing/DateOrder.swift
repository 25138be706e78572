import Foundation

/// Which way a document writes numeric dates.
enum DateOrder {
    /// Day-first unless the options or the document say otherwise: a numeric date whose
    /// second part is over 12, or "January 29, 2018" written more than "29 January 2018".
    static func of(_ doc: WorkingDocument) -> DateParsing.Order {
        switch doc.options.dateOrder {
        case .dayFirst: return .dayFirst
        case .monthFirst: return .monthFirst
        case .auto: break
        }
        // Only lines that could hold a date with a year are searched (a digit beside a
        // separator, or four digits; with the line before, for a date broken across two):
        // three patterns over a whole document's text were a tenth of reading a text PDF.
        let texts = doc.lines.map(\.text)
        let dated = texts.map(Self.mayHoldDate)
        var kept: [String] = []
        for (i, t) in texts.enumerated() where dated[i] || (i + 1 < texts.count && dated[i + 1]) {
            if !kept.isEmpty, i > 0, !(dated[i - 1] || dated[i]) { kept.append("\u{1}") }
            kept.append(t)
        }
        let text = kept.joined(separator: "\n")
        var dayFirst = 0, monthFirst = 0
        guard let numeric = RegexCache.shared.regex(#"(?<![\d/.])(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})(?![\d/])"#, caseInsensitive: false) else { return .dayFirst }
        for m in numeric.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let a = Range(m.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
                  let b = Range(m.range(at: 2), in: text).flatMap({ Int(text[$0]) }) else { continue }
            if a > 12 && b <= 12 { dayFirst += 3 }
            if b > 12 && a <= 12 { monthFirst += 3 }
        }
        let m = DateParsing.monthAlt
        monthFirst += text.matches(#"(?i)\b(\#(m))\.?\s+\d{1,2}(st|nd|rd|th)?,\s+\d{4}"#)
        dayFirst += text.matches(#"(?i)\b\d{1,2}(st|nd|rd|th)?\s+(\#(m))\.?,?\s+\d{4}"#)
        return monthFirst > dayFirst ? .monthFirst : .dayFirst
    }

    /// Four digits in a row ("2018"), or a digit beside one of . / - ("3/4/18").
    static func mayHoldDate(_ text: String) -> Bool {
        var run = 0
        var prev: UInt8 = 0
        for b in text.utf8 {
            let digit = b >= 48 && b <= 57
            if digit {
                run += 1
                if run >= 4 { return true }
                if prev == 46 || prev == 47 || prev == 45 { return true }
            } else {
                if run > 0, b == 46 || b == 47 || b == 45 { return true }
                run = 0
            }
            prev = b
        }
        return false
    }
}
