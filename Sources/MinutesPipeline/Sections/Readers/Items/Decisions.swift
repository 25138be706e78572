import Foundation

/// What an item's text says the meeting decided: "RESOLVED that …", "It was agreed that …",
/// "The Board approved …", "AGREED: …". Asked by the items reader of each item's text.
enum Decisions {
    static let vocabulary = Vocabulary.shared
    /// One of these is in every sentence the decision pattern takes; most text has none.
    static let decisionStems = vocabulary.decisionVerbs.map { $0.lowercased() }
    /// The stems as a `WordGate`: a test that spares most text its lower-casing.
    static let stemGate = WordGate(decisionStems)
    static let verbs = Vocabulary.alternation(vocabulary.decisionVerbs)
    /// "RESOLVED", "It was agreed", "The Board approved", "agreed that", "Approved: …".
    static let decision = #"\b(\#(Vocabulary.alternation(vocabulary.decisionMarks)))\b"#
        + #"|(?i)\b(\#(Vocabulary.alternation(vocabulary.decisionSubjects))) (\#(verbs))\b"#
        + #"|(?i)\b(\#(verbs)) (that|to)\b|(?i)^(\#(verbs))\b"#

    static func sentences(in text: String) -> [String] {
        guard stemGate.mayMatch(text) else { return [] }
        let lower = text.lowercased()
        guard decisionStems.contains(where: { lower.includes($0) }) else { return [] }
        let sentences = text.components(separatedBy: ". ")
        return sentences.filter { s in
            guard stemGate.mayMatch(s) else { return false }
            let l = s.lowercased()
            return decisionStems.contains(where: { l.includes($0) }) && s.range(ofRegex: decision) != nil
        }.map { $0.trimmed.hasSuffix(".") ? $0.trimmed : $0.trimmed + "." }.prefix(12).map { $0 }
    }
}
