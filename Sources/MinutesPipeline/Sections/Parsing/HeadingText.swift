import Foundation

/// Headings as text: what makes a line read as a heading, and what a meeting's or an
/// item's heading loses to leave its name.
enum HeadingText {
    static let vocabulary = Vocabulary.shared
    static let smallWords = Set(vocabulary.titleSmallWords)
    static func alt(_ words: [String]) -> String { Vocabulary.alternation(words) }
    static let state = #"(?i)^(\#(alt(vocabulary.documentStates)))\s+"#
    static let recordOf = #"(?i)^(the\s+)?(\#(alt(vocabulary.recordNouns)))\s+(of|from)\s+(the\s+|a\s+)?"#
    static let meetingOf = #"(?i)^(a\s+|the\s+)?((\#(alt(vocabulary.meetingOfKinds)))\s+)?meeting\s+of\s+(the\s+)?(?=\S+\s+\S+)"#
    static let trailingKind = #"(?i)[\s–—-]*(\#(alt(vocabulary.trailingDocumentKinds)))\s*$"#
    static let trailingTail = #"(?i)\s+(\#(alt(vocabulary.titleTails)))\s*$"#
    static let trailingWeekday = #"(?i)\s*\b(\#(alt(vocabulary.weekdays)))\s*$"#
    static let trailingManner = #"(?i)\s*\(?\b(\#(alt(vocabulary.heldVerbs)))\s+(in\s+)?(\#(alt(vocabulary.heldManners)))\)?\s*$"#

    /// A heading or name, not a sentence: short, most words capitalised, no full stop.
    static func isHeadingCase(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init).filter { !smallWords.contains($0.lowercased()) }
        guard !words.isEmpty, words.count <= 14, !text.trimmed.hasSuffix(".") else { return false }
        let caps = words.filter { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }.count
        return Double(caps) / Double(words.count) >= 0.6
    }

    /// "DRAFT Minutes of the Police and Crime Board, 5th June 2019" → "Police and Crime Board";
    /// "Monthly Assurance Meeting May 2016 – Meeting Notes" → "Monthly Assurance Meeting".
    static func cleanTitle(_ raw: String, order: DateParsing.Order) -> String {
        var t = raw
        for d in DateParsing.all(in: t, order: order).reversed() {
            // Cut at the date: what follows is time and place.
            t = String(t[..<d.range.lowerBound])
        }
        t = t.replacing(regex: state, with: "")
        t = t.replacing(regex: recordOf, with: "")
        // "Meeting of the Finance Committee" names the Finance Committee.
        t = t.replacing(regex: meetingOf, with: "")
        // Trailing words come off one after another: "… Committee held on Tuesday", "… Meeting – Minutes".
        var previous = ""
        while previous != t {
            previous = t
            t = t.replacing(regex: trailingKind, with: "")
            t = t.replacing(regex: trailingTail, with: "")
            t = t.replacing(regex: trailingWeekday, with: "")
            // "… meeting held in public", "(held in private)": how it was held, not its name.
            t = t.replacing(regex: trailingManner, with: "")
            t = t.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:–—-|"))
        }
        return t
    }

    static func cleanItemTitle(_ t: String) -> String {
        TextJoin.clean(t).trimmingCharacters(in: CharacterSet(charactersIn: " :;–—-"))
    }
}
