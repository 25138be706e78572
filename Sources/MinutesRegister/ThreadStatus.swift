import Foundation

/// Where an action thread stands after a meeting.
public enum ThreadStatus: String, Sendable, CaseIterable, Codable {
    /// Set at the meeting where the thread was first seen, not reported on since.
    case open
    /// Reported on again at a later meeting and still not closed.
    case carriedForward = "carried forward"
    case done
    /// Closed without being done: withdrawn, cancelled, no longer required.
    case dropped

    public var isClosed: Bool { self == .done || self == .dropped }

    /// What a status cell or an update's text says, if it says it closes the action.
    /// "Complete", "Completed – letter sent", "Done" → done; "Withdrawn", "No longer
    /// required" → dropped; "Not complete", "not yet done" → nil (still open). Phrases are
    /// matched as whole words (`Vocabulary.doneStatus`, `droppedStatus`).
    static func closing(in text: String?) -> ThreadStatus? {
        guard let text, !text.isEmpty else { return nil }
        let words = Text.words(text)
        func found(_ phrases: [[String]]) -> Bool {
            for pw in phrases {
                guard let at = Text.contains(words, phrase: pw) else { continue }
                // "not complete", "not yet complete", "incomplete", "partially done".
                let before = words[max(0, at - 2)..<at]
                if before.contains(where: Vocabulary.negations.contains) { continue }
                return true
            }
            return false
        }
        if found(droppedPhrases) { return .dropped }
        if found(donePhrases) { return .done }
        return nil
    }

    private static let donePhrases = Vocabulary.doneStatus.map(Text.words)
    private static let droppedPhrases = Vocabulary.droppedStatus.map(Text.words)
}

/// A ref as an identifier: upper-case, no spaces, without "Action"/"No."/"#" before it.
enum ActionRef {
    static func normalise(_ ref: String?) -> String? {
        guard var r = ref?.trimmingCharacters(in: .whitespacesAndNewlines), !r.isEmpty else { return nil }
        r = r.uppercased()
        for prefix in ["ACTION POINT", "ACTION", "ACT.", "NO.", "NO ", "#", "REF"] where r.hasPrefix(prefix) && r.count > prefix.count {
            r = String(r.dropFirst(prefix.count))
            break
        }
        r = r.filter { !$0.isWhitespace }.trimmingCharacters(in: CharacterSet(charactersIn: ".:)"))
        return r.isEmpty ? nil : r
    }

    /// A ref that cannot be a per-meeting sequence number: it has a letter ("A12", "TB7/3"),
    /// or it is a number larger than the meeting's count of actions (a running number).
    static func isDistinctive(_ ref: String, actionsInMeeting: Int) -> Bool {
        if ref.contains(where: \.isLetter) { return true }
        if let n = Int(ref) { return n > actionsInMeeting }
        return false
    }
}
