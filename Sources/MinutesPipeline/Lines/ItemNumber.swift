import Foundation
import PageLayout

/// An item number at the start of a line: "1.", "4a", "i)", "24/031", "III.", "2.1".
public enum ItemNumber {
    public struct Found: Equatable, Sendable {
        public var number: String
        /// The rest of the line after the number.
        public var rest: String
        /// How many words the number took: "Item 3 –" is three.
        public var words: Int = 1
    }

    static let pattern = try! NSRegularExpression(
        pattern: #"^(?:item\s+)?(\d{1,4}(?:\.\d{1,2})*[a-z]?|[a-z]{0,4}\d{1,4}/\d{2,4}|[a-z]{1,5}/\d{2,4}/\d{1,4}|[ivxlc]{1,6}|[A-Z])([.):]?)$"#,
        options: [.caseInsensitive])

    public static func parse(_ token: String) -> String? {
        let t = token.trimmedNative
        guard !t.isEmpty, t.count <= 10 else { return nil }
        // Without a digit or closing mark the pattern could match only a bare letter or
        // roman numeral, which is refused below anyway; most words stop here.
        let hasDigit = t.contains(where: \.isASCIIDigit)
        guard hasDigit || t.last.map({ $0 == "." || $0 == ")" || $0 == ":" }) == true else { return nil }
        // Without a digit only a marked letter ("A.") or roman numeral ("iv)") can match: a
        // sentence's last word ("meeting.") stops here.
        if !hasDigit, t.dropLast().count > 1, !t.dropLast().allSatisfy({ "ivxlcIVXLC".contains($0) }) { return nil }
        let range = NSRange(t.startIndex..., in: t)
        guard let m = pattern.firstMatch(in: t, range: range), let r = Range(m.range(at: 1), in: t) else { return nil }
        let core = String(t[r])
        let punct = Range(m.range(at: 2), in: t).map { String(t[$0]) } ?? ""
        // A bare roman numeral or letter must be marked ("iii)", "A.") to count.
        if core.range(ofRegex: #"^[ivxlcA-Za-z]+$"#) != nil, punct.isEmpty { return nil }
        // Four digits are a minute number only when marked ("2691."): unmarked, a year.
        if core.range(ofRegex: #"^[0-9]"#) != nil, core.count > 3, !core.contains("/"), !core.contains("."),
           core.count > 4 || punct != "." { return nil }
        // A letter prefix is a committee's reference ("FC23/045"), in capitals.
        if core.contains("/"), core.first?.isLetter == true, !core.prefix(while: \.isLetter).allSatisfy(\.isUppercase) { return nil }
        return core
    }

    /// Words that may stand before an item number: "Item 3", "Minute 45/23", "Agenda item 2".
    static let lead = Set(Vocabulary.shared.itemNumberLeads)
    static let dashes: Set<String> = ["–", "—", "-", ":", "|"]

    /// The number heading a line, when the line's first segment is only a number or starts with one.
    public static func leading(_ line: Line) -> Found? {
        guard let first = line.segments.first(where: { !$0.words.isEmpty })?.words.first else { return nil }
        if let n = parse(first.text) {
            let words = line.words
            var k = 1
            // "3 – Finance": the dash between number and heading is neither.
            while k < words.count, k <= 2, dashes.contains(words[k].text) { k += 1 }
            return Found(number: n, rest: words.dropFirst(k).map(\.text).joined(separator: " "), words: k)
        }
        guard lead.contains(first.text.lowercased().trimming([".", ":"])) else { return nil }
        let words = line.words
        var k = 1
        // "Agenda item 2": the agenda word needs a second lead word.
        if Vocabulary.shared.agendaWords.contains(first.text.lowercased()) {
            guard words.count > 2, lead.contains(words[1].text.lowercased()) else { return nil }
            k = 2
        }
        guard k < words.count, let n = parse(words[k].text) ?? parseAfterLead(words[k].text) else { return nil }
        k += 1
        while k < words.count, k <= 4, dashes.contains(words[k].text) { k += 1 }
        return Found(number: n, rest: words.dropFirst(k).map(\.text).joined(separator: " "), words: k)
    }

    /// After "Item" a bare letter or number is a number: "Item A", "Item 4".
    private static func parseAfterLead(_ token: String) -> String? {
        let t = token.trimming([".", ":", ")", "–", "-"])
        guard !t.isEmpty, t.count <= 3, t.allSatisfy({ $0.isASCIIDigit || $0.isUppercase }) else { return nil }
        return t
    }
}
