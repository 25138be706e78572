import Foundation
import PageLayout

/// What makes a numbered line an item's heading, and the heading's text.
enum ItemHeadings {
    static let vocabulary = Vocabulary.shared
    static let sentenceVerb = #"\b(\#(Vocabulary.alternation(vocabulary.sentenceVerbs)))\b"#
    static let unfinished = Set(vocabulary.unfinishedHeadingEnds)

    /// A month opening the text, built once (not on every call).
    static let monthFirst = #"(?i)^(\#(DateParsing.monthAlt))\b"#

    /// A first item numbered above 3 ("84. Apologies" in council minutes) needs a marked number
    /// and a heading that is not a date ("28 August 2014").
    static func plausibleFirst(_ n: ItemNumber.Found, line: Line) -> Bool {
        // "1 March 2014 at 7.30pm" is a date, whatever the number.
        if n.rest.range(ofRegex: monthFirst) != nil { return false }
        guard let v = Int(n.number), v > 3 else { return true }
        guard let first = line.words.first?.text, first.hasSuffix(".") || first.hasSuffix(")") else { return false }
        return true
    }

    /// OCR misreads small item numbers ("1." as "ib", "2." as "2s", "4." as "A."). When the line
    /// is OCR text and its first token reads as the number the sequence expects, take it.
    static func ocrNumber(_ l: Line, expected: String) -> ItemNumber.Found? {
        guard let first = l.firstWord, first.confidence != nil, l.words.count >= 2 else { return nil }
        let token = first.text.trimmingCharacters(in: CharacterSet(charactersIn: ".:;,)"))
        guard (1...3).contains(token.count), token.count <= expected.count + 1 else { return nil }
        let lookalikes = vocabulary.digitLookalikes
        // Every character reads as a digit, but for one trailing full stop misread ("2s", "ib").
        let digits = token.count > expected.count && vocabulary.stopLookalikes.contains(token.last ?? " ") ? String(token.dropLast()) : token
        let mapped = String(digits.map { $0.isNumber ? $0 : (lookalikes[$0] ?? "?") })
        guard mapped == expected, token != expected else { return nil }
        // A lone capital letter is a real list marker ("A. Introduction") unless the numbering expects 4 or 5.
        let rest = l.words.dropFirst().map(\.text).joined(separator: " ")
        guard let c = rest.first, c.isUppercase else { return nil }
        return ItemNumber.Found(number: expected, rest: rest)
    }

    /// The heading after the item number's words: the rest of the number's segment, or the
    /// next segment when the number stands alone in its column; a later segment across a
    /// wide gap belongs to another column.
    static func headingSegment(_ l: Line, skipping count: Int = 1) -> String {
        var segments = ArraySlice(l.segments)
        var remaining = count
        while remaining > 0, let first = segments.first {
            if first.words.count <= remaining {
                remaining -= first.words.count
                segments = segments.dropFirst()
            } else {
                return first.words.dropFirst(remaining).map(\.text).joined(separator: " ")
            }
        }
        return segments.first?.text ?? ""
    }

    /// A heading, not a numbered paragraph: "4. HOLDING TO ACCOUNT:", "2. Mobile First",
    /// "2. Minutes of Performance Meeting held on" — but not "1. The Chair reminded the Panel of…".
    static func looksLikeTitle(_ rest: String, line: Line) -> Bool {
        var t = rest.trimmed
        // "Floor re-oil – Simon booked …": the heading is the part before its text.
        if let label = runIn(t) { t = label }
        guard let first = t.first else { return true }
        if !(first.isUppercase || first.isNumber || first == "(" || first == "'" || first == "‘" || first == "i" && t.hasPrefix("i")) { return false }
        // "i) Minutes of last Meeting": judge the sub-item's heading.
        if let sub = t.range(ofRegex: #"^([ivx]{1,4}|[a-z])[).]\s+"#) { t = String(t[sub.upperBound...]) }
        let words = t.split(separator: " ")
        if words.count > 16 && !line.bold { return false }
        if line.bold || HeadingText.isHeadingCase(t) { return true }
        // Short and unpunctuated reads as a heading even in sentence case ("Date of next meeting – 25th May 2017").
        let sentence = t.range(ofRegex: sentenceVerb) != nil
        return words.count <= 10 && !sentence && !(t.hasSuffix(".") && words.count > 4)
    }

    /// "…Meeting held on" over "28 August 2014": a heading cut after a joining word goes on.
    static func titleContinues(_ title: String, _ line: Line, _ next: Line) -> Bool {
        guard next.page == line.page, Paragraphs.closeBelow(line, next), !Paragraphs.startsBullet(next) else { return false }
        let last = title.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return unfinished.contains(last)
    }

    /// A run-in separator: a colon, a spaced dash, or a full stop after a heading in capitals.
    static let runInSplit = #"^([^:–—]{2,60}?)(\s*:-?\s+|\s+[–—-]\s+|\.\s+(?=[A-Z]))"#
    /// A run-in heading is a few words: "Floor re-oil", "Apologies for absence".
    static let maxRunInWords = 7
    /// Text after the separator this long is the item's text, not the heading's second part.
    static let runOnWords = 6

    /// The heading run in before its item's text: "Floor re-oil – Simon booked the floor for
    /// May.", "Apologies for absence: Jess Robinson, Christina McDonagh.", "ADJOURN. There being no
    /// further business …". Nil where what follows the separator is the heading's own second
    /// part ("RECOGNITIONS AND APPOINTMENTS – Boards and Commissions").
    static func runIn(_ title: String) -> String? {
        guard let m = title.range(ofRegex: runInSplit) else { return nil }
        let label = String(title[m]).replacing(regex: #"(\s*:-?\s+|\s+[–—-]\s+|\.\s+)$"#, with: "").trimmed
        let after = String(title[m.upperBound...]).trimmed
        let labelWords = label.split(separator: " ").count
        guard labelWords >= 1, labelWords <= maxRunInWords, label.first?.isUppercase == true, !after.isEmpty,
              label.rangeOfCharacter(from: .decimalDigits) == nil else { return nil }
        // "ADJOURN. There being …": a full stop ends only a heading in capitals ("Mr. Smith" is a name).
        if String(title[m]).trimmed.hasSuffix(".") {
            let letters = label.filter(\.isLetter)
            guard letters.count >= 3, letters.allSatisfy(\.isUppercase) else { return nil }
        }
        let afterWords = after.split(separator: " ").count
        let sentence = after.range(ofRegex: "(?i)" + sentenceVerb) != nil || after.hasSuffix(".") || afterWords >= runOnWords
        return sentence ? label : nil
    }
}
