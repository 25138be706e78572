import Foundation

/// Dates and times as minutes write them, to ISO 8601.
public enum DateParsing {
    public enum Order: Sendable { case dayFirst, monthFirst }

    public struct Found: Equatable, Sendable {
        /// YYYY-MM-DD, or YYYY-MM for a month-only date.
        public var iso: String
        public var range: Range<String.Index>
        /// The year was not written and came from the reference date.
        public var yearInferred: Bool
    }

    static let months: [String: Int] = Vocabulary.shared.months
    /// Month names longest first, so "june" is tried before "jun".
    static let monthAlt = Vocabulary.alternation(Array(months.keys))
    /// "25th", and OCR's reading of a superscript "th" as a quote mark ("April 25‘, 2024").
    static let ordinal = #"(?:\s?(?:st|nd|rd|th)|["'”’‘“]{1,2})?"#

    static let dayMonthYear = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})\#(ordinal)\.?(?:\s+of)?\s+(\#(monthAlt))\.?,?(?:\s+('?\d{4}|'\d{2})\b)?"#, options: .caseInsensitive)
    static let monthDayYear = try! NSRegularExpression(
        pattern: #"\b(\#(monthAlt))\.?\s+(\d{1,2})\#(ordinal)(?!\w)\s?,?(?:\s+(\d{4})\b)?"#, options: .caseInsensitive)
    static let numeric = try! NSRegularExpression(
        pattern: #"(?<![\d/.])(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?![\d/])"#)
    static let shortMonthYear = try! NSRegularExpression(
        pattern: #"\b(\#(monthAlt))[-/'’ ]\s?(\d{2})\b(?![/.:-]\d)"#, options: .caseInsensitive)
    /// Welsh minutes ("9fed Mai 2018", "11eg Ebrill 2018", "o Fehefin"): month names with
    /// their mutated forms, ordinal endings, and only with a day and a year, since "Mawrth"
    /// is also Tuesday.
    static let welshMonths: [String: Int] = Vocabulary.shared.monthsWithDayAndYear
    static let welshDayMonthYear = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})(?:\#(Vocabulary.alternation(Vocabulary.shared.ordinalEndings)))?\s+(?:o\s+)?(\#(Vocabulary.alternation(Array(welshMonths.keys))))\s*,?\s+(\d{4})\b"#,
        options: .caseInsensitive)
    static let monthYear = try! NSRegularExpression(
        pattern: #"\b(\#(monthAlt))\.?,?[\s/-]\s?(\d{4})\b"#, options: .caseInsensitive)

    /// The first date in `text`. `reference` (YYYY-MM-DD) supplies a missing year; a date
    /// with no year that would fall well before the reference is taken as next year's.
    public static func first(in text: String, order: Order = .dayFirst, reference: String? = nil) -> Found? {
        all(in: text, order: order, reference: reference).first
    }

    public static func all(in rawText: String, order: Order = .dayFirst, reference: String? = nil) -> [Found] {
        // OCR reads a superscript ordinal as a quote mark: 27" April, 30’ October. Each mark
        // becomes a space, one UTF-16 unit for one, so a match's range holds in `rawText`
        // too: the ranges returned point into the text the caller gave.
        let text = blankingQuoteOrdinals(rawText)
        var found: [Found] = []
        let ns = NSRange(text.startIndex..., in: text)
        func str(_ m: NSTextCheckingResult, _ i: Int) -> String? {
            guard m.range(at: i).location != NSNotFound, let r = Range(m.range(at: i), in: text) else { return nil }
            return String(text[r])
        }
        func overlaps(_ r: Range<String.Index>) -> Bool { found.contains { $0.range.overlaps(r) } }

        for m in dayMonthYear.matches(in: text, range: ns) {
            guard let r = Range(m.range, in: rawText), let d = str(m, 1).flatMap(Int.init),
                  let mon = str(m, 2).flatMap({ months[$0.lowercased()] }) else { continue }
            let y = str(m, 3).flatMap { year($0) }
            if let f = make(y, mon, d, r, reference) { found.append(f) }
        }
        if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            for m in welshDayMonthYear.matches(in: text, range: ns) {
                guard let r = Range(m.range, in: rawText), !overlaps(r), let d = str(m, 1).flatMap(Int.init),
                      let mon = str(m, 2).flatMap({ welshMonths[$0.lowercased()] }), let y = str(m, 3).flatMap({ year($0) }),
                      let f = make(y, mon, d, r, reference) else { continue }
                found.append(f)
            }
        }
        for m in monthDayYear.matches(in: text, range: ns) {
            guard let r = Range(m.range, in: rawText), !overlaps(r), let mon = str(m, 1).flatMap({ months[$0.lowercased()] }),
                  let d = str(m, 2).flatMap(Int.init) else { continue }
            // "May 2017" is a month, not the 20th of May.
            if let dd = str(m, 2), dd.count > 2 { continue }
            let y = str(m, 3).flatMap { year($0) }
            if y == nil, str(m, 2).map({ Int($0) ?? 0 > 31 }) ?? false { continue }
            if let f = make(y, mon, d, r, reference) { found.append(f) }
        }
        for m in numeric.matches(in: text, range: ns) {
            guard let r = Range(m.range, in: rawText), !overlaps(r),
                  let a = str(m, 1).flatMap(Int.init), let b = str(m, 3).flatMap(Int.init), let c = str(m, 4) else { continue }
            if let aa = str(m, 1), aa.count == 4 {
                // ISO order, 2017-09-27.
                if let f = make(a, b, Int(c) ?? 0, r, nil) { found.append(f) }
                continue
            }
            guard let y = year(c) else { continue }
            var (day, month) = order == .dayFirst ? (a, b) : (b, a)
            if month > 12, day <= 12 { swap(&day, &month) }
            if let f = make(y, month, day, r, nil) { found.append(f) }
        }
        // Action logs write "Mar-24", "Sep 24", "Oct/2024".
        for m in shortMonthYear.matches(in: text, range: ns) {
            guard let r = Range(m.range, in: rawText), !overlaps(r), let mon = str(m, 1).flatMap({ months[$0.lowercased()] }),
                  let y = str(m, 2).flatMap({ year($0) }) else { continue }
            found.append(Found(iso: String(format: "%04d-%02d", y, mon), range: r, yearInferred: false))
        }
        for m in monthYear.matches(in: text, range: ns) {
            guard let r = Range(m.range, in: rawText), !overlaps(r), let mon = str(m, 1).flatMap({ months[$0.lowercased()] }),
                  let y = str(m, 2).flatMap(Int.init), (1900...2100).contains(y) else { continue }
            found.append(Found(iso: String(format: "%04d-%02d", y, mon), range: r, yearInferred: false))
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Quote marks read for a superscript ordinal ("27’ April") as spaces of the same UTF-16
    /// length.
    static func blankingQuoteOrdinals(_ raw: String) -> String {
        guard raw.utf8.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 >= 0x80 }) else { return raw }
        let runs = raw.ranges(ofRegex: #"(?<=\d)["'”’“]{1,2}(?=\s+[A-Za-z])"#)
        guard !runs.isEmpty else { return raw }
        var t = raw
        for r in runs.reversed() { t.replaceSubrange(r, with: String(repeating: " ", count: raw[r].utf16.count)) }
        return t
    }

    /// A due date given as a month alone ("June", "end of March"): the next such month on or
    /// after the reference date, as YYYY-MM, marked as having an inferred year.
    /// "May", "Nov", "september": a month's name or short form, and nothing else.
    static func isMonthName(_ word: String) -> Bool {
        monthAlt.split(separator: "|").contains { $0 == word.lowercased().trimming(["."]) }
    }

    public static func monthOnly(in text: String, reference: String?) -> Found? {
        guard let ref = reference, let ry = Int(ref.prefix(4)), let rm = Int(ref.dropFirst(5).prefix(2)),
              let m = RegexCache.shared.regex(#"^(?:(?:\#(Vocabulary.alternation(Vocabulary.shared.monthQualifiers)))\s+)?(\#(monthAlt))\.?(?:\s*\([^)]*\)?)?\??$"#, caseInsensitive: true)?
                .firstMatch(in: text.trimmedNative, range: NSRange(location: 0, length: (text.trimmedNative as NSString).length)) else { return nil }
        let t = text.trimmedNative
        guard let r = Range(m.range(at: 1), in: t), let mon = months[t[r].lowercased()] else { return nil }
        let y = mon < rm ? ry + 1 : ry
        return Found(iso: String(format: "%04d-%02d", y, mon), range: text.startIndex..<text.endIndex, yearInferred: true)
    }

    static func year(_ s: String) -> Int? {
        let digits = s.filter(\.isNumber)
        guard let v = Int(digits) else { return nil }
        if digits.count == 2 { return 2000 + v > 2060 ? 1900 + v : 2000 + v }
        return (1900...2100).contains(v) ? v : nil
    }

    static func make(_ y: Int?, _ m: Int, _ d: Int, _ r: Range<String.Index>, _ reference: String?) -> Found? {
        guard (1...12).contains(m), (1...31).contains(d) else { return nil }
        var inferred = false
        var year = y
        if year == nil {
            guard let ref = reference, let ry = Int(ref.prefix(4)) else { return nil }
            year = ry
            inferred = true
            let refMonth = Int(ref.dropFirst(5).prefix(2)) ?? 1
            // Due dates come after the meeting: "4 January" in a December meeting is next year.
            if m < refMonth - 2 { year = ry + 1 }
        }
        guard let yy = year, isValid(yy, m, d) else { return nil }
        return Found(iso: String(format: "%04d-%02d-%02d", yy, m, d), range: r, yearInferred: inferred)
    }

    static func isValid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    // MARK: times

    static let timePattern = try! NSRegularExpression(
        pattern: #"(?<![\d/.])(\d{1,2})(?:([:.])(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|hrs|hours|h)?(?![\d/])"#, options: .caseInsensitive)

    /// Start and end times in a text: "09:30 – 12:00", "9:00am", "1000hrs", "@ 10.30", "2pm to 4pm".
    public static func times(in text: String) -> (start: String?, end: String?) {
        var out: [String] = []
        let compact = text.replacing(regex: #"(?i)\b(\d{2})(\d{2})\s*(hrs|hours|h)\b"#, with: "$1:$2")
        let ns = NSRange(compact.startIndex..., in: compact)
        for m in timePattern.matches(in: compact, range: ns) {
            func g(_ i: Int) -> String? {
                guard m.range(at: i).location != NSNotFound, let r = Range(m.range(at: i), in: compact) else { return nil }
                return String(compact[r])
            }
            guard var h = g(1).flatMap(Int.init) else { continue }
            let minutes = g(3).flatMap(Int.init)
            let suffix = g(4)?.lowercased().replacingOccurrences(of: ".", with: "")
            // A bare number is a time only with minutes or am/pm.
            if minutes == nil && (suffix == nil || suffix == "h") { continue }
            if g(2) == "." && suffix == nil {
                // "10.30" is a time, "27.04" next to a year is a date: dates were found apart.
                if let r = Range(m.range, in: compact), compact[r.upperBound...].hasPrefix(".") { continue }
            }
            if suffix == "pm", h < 12 { h += 12 }
            if suffix == "am", h == 12 { h = 0 }
            guard (0...23).contains(h), (0...59).contains(minutes ?? 0) else { continue }
            out.append(String(format: "%02d:%02d", h, minutes ?? 0))
            if out.count == 2 { break }
        }
        return (out.first, out.count > 1 ? out[1] : nil)
    }
}
