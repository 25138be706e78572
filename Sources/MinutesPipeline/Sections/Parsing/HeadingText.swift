import Foundation

/// Headings as text: what makes a line read as a heading, and what a meeting's or an
/// item's heading loses to leave its name.
enum HeadingText {
    /// A heading or name, not a sentence: short, most words capitalised, no full stop.
    static func isHeadingCase(_ text: String) -> Bool {
        let small: Set<String> = ["of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&", "–", "-", "with", "by"]
        let words = text.split(separator: " ").map(String.init).filter { !small.contains($0.lowercased()) }
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
        t = t.replacing(regex: #"(?i)^(draft|approved|confirmed|unconfirmed)\s+"#, with: "")
        t = t.replacing(regex: #"(?i)^(the\s+)?(minutes|notes|record|action notes)\s+(of|from)\s+(the\s+|a\s+)?"#, with: "")
        // "Meeting of the Finance Committee" names the Finance Committee.
        t = t.replacing(regex: #"(?i)^(a\s+|the\s+)?(ordinary\s+|extraordinary\s+|special\s+)?meeting\s+of\s+(the\s+)?(?=\S+\s+\S+)"#, with: "")
        // Trailing words come off one after another: "… Committee held on Tuesday", "… Meeting – Minutes".
        var previous = ""
        while previous != t {
            previous = t
            t = t.replacing(regex: #"(?i)[\s–—-]*(meeting notes|minutes|notes|agenda)\s*$"#, with: "")
            t = t.replacing(regex: #"(?i)\s+(held on|held at|held in|held|on|at|in|as of|as at|as|of|dated|from|for)\s*$"#, with: "")
            t = t.replacing(regex: #"(?i)\s*\b(mon|tues|wednes|thurs|fri|satur|sun)day\s*$"#, with: "")
            // "… meeting held in public", "(held in private)": how it was held, not its name.
            t = t.replacing(regex: #"(?i)\s*\(?\bheld\s+(in\s+)?(public|private|virtually|remotely|online|in person)\)?\s*$"#, with: "")
            t = t.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:–—-|"))
        }
        return t
    }

    static func cleanItemTitle(_ t: String) -> String {
        TextJoin.clean(t).trimmingCharacters(in: CharacterSet(charactersIn: " :;–—-"))
    }
}
