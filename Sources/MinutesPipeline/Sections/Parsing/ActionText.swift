import Foundation

/// Who an action's sentence names as its owner. Asked by the inline-actions reader and by
/// table repair, for tables with no owner column.
enum ActionText {
    static let vocabulary = Vocabulary.shared
    static let directive = Vocabulary.alternation(vocabulary.ownerDirectives)
    static let joiner = Vocabulary.alternation(vocabulary.bodyNameJoiners)
    static let subject = #"^([A-Z][A-Za-z]{0,3}(?:\s*(?:/|,|&|and)\s*[A-Z][A-Za-z]{0,3})*|(?:the\s+)?[A-Z][a-z]+(?:\s+(?:[A-Z][A-Za-z]+|\#(joiner))){0,4}(?:\s+(?:\#(Vocabulary.alternation(vocabulary.ownerCollectives))))?)\s+(?:\#(directive))\s+[a-z]"#
    static let notOwners = Set(vocabulary.notOwners)

    /// The owner a sentence opens with: "CC to send…", "Clerk to write…", "Force: update…".
    static func ownerSubject(_ s: String) -> String? {
        // Initials ("JN/AC"), or a named body of up to five words with a collective noun
        // after it: "Cabinet Office Transparency Team", "Home Office team".
        if let r = s.range(ofRegex: subject) {
            let head = String(s[r])
            let subject = head.replacing(regex: #"\s+(\#(directive))\s+[a-z]$"#, with: "")
            if notOwners.contains(subject.lowercased()) { return nil }
            return subject.replacing(regex: #"^(?i)the\s+"#, with: "")
        }
        if let r = s.range(ofRegex: #"^([A-Z][A-Za-z/&]+(?:\s+[A-Z][A-Za-z]+){0,2})\s*:\s+\S"#) {
            let head = String(s[r])
            return head.components(separatedBy: ":").first?.trimmed
        }
        return nil
    }

    /// "AB", "SH / VH", "Clerk, Chair": owners alone, as an "ACTION:" line gives them.
    static func isOwnerList(_ s: String) -> Bool {
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == "&" }).map { String($0).trimmed }
        return !parts.isEmpty && parts.count <= 6 && parts.allSatisfy { p in
            PeopleParsing.isInitials(p) || (p.split(separator: " ").count <= 3 && p.first?.isUppercase == true && !p.contains(" to "))
        } && s.split(separator: " ").count <= 6
    }
}
