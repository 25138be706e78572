import Foundation

/// Who an action's sentence names as its owner. Asked by the inline-actions reader and by
/// table repair, for tables with no owner column.
enum ActionText {
    /// The owner a sentence opens with: "CC to send…", "Clerk to write…", "Force: update…".
    static func ownerSubject(_ s: String) -> String? {
        // Initials ("JN/AC"), or a named body of up to five words with a collective noun
        // after it: "Cabinet Office Transparency Team", "Home Office team".
        if let r = s.range(ofRegex: #"^([A-Z][A-Za-z]{0,3}(?:\s*(?:/|,|&|and)\s*[A-Z][A-Za-z]{0,3})*|(?:the\s+)?[A-Z][a-z]+(?:\s+(?:[A-Z][A-Za-z]+|of|for|and|&)){0,4}(?:\s+(?:team|group|office|staff|officers?|secretariat|panel|unit|leads?))?)\s+(?:to|will)\s+[a-z]"#) {
            let head = String(s[r])
            let subject = head.replacing(regex: #"\s+(to|will)\s+[a-z]$"#, with: "")
            let lower = subject.lowercased()
            if ["it", "this", "that", "there", "members", "we", "they", "he", "she", "all"].contains(lower) { return nil }
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
