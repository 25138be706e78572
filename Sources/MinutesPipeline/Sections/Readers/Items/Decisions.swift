import Foundation

/// What an item's text says the meeting decided: "RESOLVED that …", "It was agreed that …",
/// "The Board approved …", "AGREED: …". Asked by the items reader of each item's text.
enum Decisions {
    /// One of these is in every sentence the decision pattern takes; most text has none.
    static let decisionStems = ["agreed", "approved", "resolved", "decided"]

    static func sentences(in text: String) -> [String] {
        let lower = text.lowercased()
        guard decisionStems.contains(where: { lower.includes($0) }) else { return [] }
        let sentences = text.components(separatedBy: ". ")
        return sentences.filter { s in
            let l = s.lowercased()
            return decisionStems.contains(where: { l.includes($0) }) && s.range(ofRegex: #"\bRESOLVED\b|\bAGREED\b|(?i)\b(was|were|board|committee|council|panel|members|it was) (agreed|approved|resolved|decided)\b|(?i)\bagreed (that|to)\b|(?i)^(agreed|approved|resolved)\b"#) != nil
        }.map { $0.trimmed.hasSuffix(".") ? $0.trimmed : $0.trimmed + "." }.prefix(12).map { $0 }
    }
}
