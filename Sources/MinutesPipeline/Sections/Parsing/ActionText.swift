import Foundation

/// Who an action's sentence names as its owner. Asked by the inline-actions reader and by
/// table repair, for tables with no owner column.
enum ActionText {
    static let vocabulary = Vocabulary.shared
    static let directive = Vocabulary.alternation(vocabulary.ownerDirectives)
    static let joiner = Vocabulary.alternation(vocabulary.bodyNameJoiners)
    static let subject = #"^([A-Z][A-Za-z]{0,3}(?:\s*(?:/|,|&|and)\s*[A-Z][A-Za-z]{0,3})*|(?:the\s+)?[A-Z][a-z]+(?:\s+(?:[A-Z][A-Za-z]+|\#(joiner))){0,4}(?:\s+(?:\#(Vocabulary.alternation(vocabulary.ownerCollectives))))?)\s+(?:\#(directive))\s+[a-z]"#
    static let notOwners = Set(vocabulary.notOwners)

    /// The directive after an owner, built once.
    static let directiveTail = #"\s+(\#(directive))\s+[a-z]$"#

    /// The owner a sentence opens with: "CC to send…", "Clerk to write…", "Force: update…".
    static func ownerSubject(_ s: String) -> String? {
        // Initials ("JN/AC"), or a named body of up to five words with a collective noun
        // after it: "Cabinet Office Transparency Team", "Home Office team".
        if let r = s.range(ofRegex: subject) {
            let head = String(s[r])
            let subject = head.replacing(regex: directiveTail, with: "")
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

    /// The owner in brackets closing an action: "(Olivia Burman)", "(Panel and Olivia
    /// Burman)", "(Secretariat to set up calls…)", "(Tim Allen - short paper…)". Names or an
    /// office only: "(ESRC)" or "(see annex)" close many a sentence and own nothing.
    static func bracketedOwner(_ text: String) -> String? {
        guard let r = text.range(ofRegex: #"\(([^()]{2,160})\)\s*[.;]?\s*$"#) else { return nil }
        var inner = String(text[r]).trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "().; "))
        if let cut = inner.range(ofRegex: #"\s+(to\s+[a-z]|[-–—:]\s).*$"#) { inner = String(inner[..<cut.lowerBound]) }
        let parts = inner.replacing(regex: #"\s+(?:and|&)\s+"#, with: "/").split(whereSeparator: { $0 == "/" || $0 == "," })
            .map { String($0).trimmed }
        guard !parts.isEmpty, parts.count <= 6 else { return nil }
        let ok = parts.allSatisfy { p in
            let words = p.split(separator: " ")
            guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return false }
            // One word: an office or a body's team ("Secretariat", "Panel"), not an acronym.
            if words.count == 1 {
                let w = p.lowercased()
                return !PeopleParsing.isInitials(p) && p.dropFirst().contains(where: \.isLowercase)
                    && (ActionSentences.isOffice(w) || vocabulary.ownerCollectives.contains(w) || vocabulary.meetingBodies.contains(w))
            }
            return words.allSatisfy { $0.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" } }
        }
        return ok ? inner : nil
    }

    /// "Daniel - organise posters", "Innes/George – buy cutlery": an owner of one to three
    /// capitalised words, a dash, and the task in lower case.
    static func ownerDash(_ text: String) -> (owner: String, task: String)? {
        guard let r = text.range(ofRegex: #"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?(?:\s*(?:/|&|\+|,|and)\s*[A-Za-z][\w'’.-]*){0,4}\s+[-–—]\s+(?=[a-z])"#) else { return nil }
        let owner = String(text[r]).trimmingCharacters(in: CharacterSet(charactersIn: " -–—"))
        guard !notOwners.contains(owner.lowercased()) else { return nil }
        return (owner, String(text[r.upperBound...]).trimmed)
    }
}
