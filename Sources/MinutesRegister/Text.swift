import Foundation

/// Text as the register compares it: lower-case, without diacritics, split into words.
enum Text {
    /// Lower-case, diacritics removed, "&" read as "and", typographic quotes made plain.
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
    }

    /// Runs of letters and digits, folded (apostrophes inside a word kept: "o'neill"; "&" is
    /// the word "and"). ASCII is lower-cased byte by byte; only words with other letters go
    /// through Foundation's folding, which is slow enough to matter over a thousand files.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        var ascii = true
        var pendingApostrophe = false
        func flush() {
            guard !current.isEmpty else { return }
            let w = String(decoding: current, as: UTF8.self)
            out.append(ascii ? w : fold(w))
            current.removeAll(keepingCapacity: true)
            ascii = true
        }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if pendingApostrophe { current.append(UInt8(ascii: "'")); pendingApostrophe = false }
                    current.append(b)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if pendingApostrophe { current.append(UInt8(ascii: "'")); pendingApostrophe = false }
                    current.append(b + 32)
                case UInt8(ascii: "'"):
                    pendingApostrophe = !current.isEmpty
                case UInt8(ascii: "&"):
                    pendingApostrophe = false
                    flush()
                    out.append("and")
                default:
                    pendingApostrophe = false
                    flush()
                }
            } else if v == 0x2019 || v == 0x2018 {
                pendingApostrophe = !current.isEmpty
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingApostrophe { current.append(UInt8(ascii: "'")); pendingApostrophe = false }
                current.append(contentsOf: Array(String(scalar).utf8))
                ascii = false
            } else {
                pendingApostrophe = false
                flush()
            }
        }
        flush()
        return out
    }

    /// A light English stemmer: enough that "PCSOs"/"PCSO", "circulated"/"circulate",
    /// "quotes"/"quote" and "fencing"/"fence" compare equal, without a dictionary.
    static func stem(_ w: String) -> String {
        guard w.count > 3, w.allSatisfy({ $0.isLetter }) else { return w }
        var s = w
        for (suffix, replacement) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")] {
            if s.hasSuffix(suffix) && s.count - suffix.count >= 3 {
                s = String(s.dropLast(suffix.count)) + replacement
                break
            }
        }
        // "circulat" and "circulate" both end here, as do "fenc(e)" and "fencing".
        if s.hasSuffix("e") && s.count > 3 { s.removeLast() }
        return s
    }

    /// The content words of a description, stemmed, without stop words.
    static func contentWords(_ s: String) -> [String] {
        words(s).filter { !Vocabulary.stopWords.contains($0) && ($0.count > 1 || $0.first?.isNumber == true) }.map(stem)
    }

    /// Whether `phrase` (one or more words) occurs in `words` as whole words.
    static func contains(_ words: [String], phrase: [String]) -> Int? {
        guard !phrase.isEmpty, words.count >= phrase.count else { return nil }
        for i in 0...(words.count - phrase.count) where Array(words[i..<(i + phrase.count)]) == phrase {
            return i
        }
        return nil
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Dates as the register orders and compares them.
enum Dates {
    /// A calendar date in `YYYY-MM-DD`, or nil.
    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// A date printed as an action-log row's origin: "19/05/2011", "19.05.11", "2011-05-19".
    /// Numeric dates are read day first unless the day cannot be a month ("05/19/2011").
    static func parseNumeric(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = t.split(whereSeparator: { "/.-".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
              t.count <= 10 else { return nil }
        let n = parts.compactMap { Int($0) }
        guard n.count == 3 else { return nil }
        if parts[0].count == 4 { return iso(n[0], n[1], n[2]) }
        let year = parts[2].count == 2 ? 2000 + n[2] - (n[2] > 50 ? 100 : 0) : n[2]
        if n[1] > 12 && n[0] <= 12 { return iso(year, n[0], n[1]) }
        return iso(year, n[1], n[0])
    }

    /// The first `YYYY-MM-DD` (or `YYYY_MM_DD`, `YYYYMMDD`, `DD-MM-YYYY`) date in a file name.
    static func inFileName(_ name: String) -> String? {
        let patterns = [#"(19|20)\d\d[-_.](0[1-9]|1[0-2])[-_.](0[1-9]|[12]\d|3[01])"#,
                        #"(0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.](19|20)\d\d"#,
                        #"(?<!\d)(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"#]
        for (i, p) in patterns.enumerated() {
            guard let r = name.range(of: p, options: .regularExpression) else { continue }
            let digits = name[r].filter(\.isNumber).map { Int(String($0)) ?? 0 }
            func num(_ a: Int, _ b: Int) -> Int { digits[a..<b].reduce(0) { $0 * 10 + $1 } }
            switch i {
            case 1: return iso(num(4, 8), num(2, 4), num(0, 2))
            default: return iso(num(0, 4), num(4, 6), num(6, 8))
            }
        }
        return nil
    }

    /// The last day a due date allows: "2024-05" is due by 2024-05-31.
    static func dueEnd(_ due: String?) -> String? {
        guard let due else { return nil }
        let p = due.split(separator: "-").compactMap { Int($0) }
        switch p.count {
        case 3: return iso(p[0], p[1], p[2])
        case 2:
            guard (1...12).contains(p[1]) else { return nil }
            let leap = (p[0] % 4 == 0 && p[0] % 100 != 0) || p[0] % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][p[1] - 1]
            return iso(p[0], p[1], days)
        case 1: return iso(p[0], 12, 31)
        default: return nil
        }
    }
}
