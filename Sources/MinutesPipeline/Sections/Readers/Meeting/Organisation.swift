import Foundation
import MinutesModel
import PageLayout

/// The body whose minutes these are, when no letterhead line named it on its own:
/// - a government's name in the heading: "… BOARD OF TRUSTEES OF THE VILLAGE OF BALLSTON SPA, NY",
///   "MINUTES-TOWN OF POUND, VA";
/// - the body named in the opening: "Minutes of the meeting of Hale Parish Council held on …";
/// - the body a title names after its group: "Trustees of The Friends of Hale Library" is
///   the Friends' meeting; "Crete Township Board of Trustees" is the township's;
/// - the title itself, when it is a body's name: "Milburn Parish Council".
/// A committee, panel or board is a meeting's name, not an organisation's.
enum Organisation {
    static let vocabulary = Vocabulary.shared
    static let words = vocabulary.sections
    static let kinds = Vocabulary.alternation(words.governmentKinds)
    /// "Village of Ballston Spa", "TOWN OF POUND, VA": the kind, "of", then capitalised words
    /// and a state's two letters.
    static let government = #"(?i)\b(\#(kinds))\s+of\s+((?-i:[A-Z][\w'’.&-]*)(\s+(?-i:[A-Z][\w'’.&-]*)){0,3})(,\s*(?-i:[A-Z]{2})\b)?"#
    static let organisationWord = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.organisationWords)))\b"#
    static let committeeWord = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.committeeWords + vocabulary.memberGroups)))\b"#
    /// "… meeting of (the) X held on …": X ends at the held verb or the date.
    static let meetingOf = #"(?i)\bmeeting\s+of\s+(the\s+)?(.{4,80}?)\s+(\#(Vocabulary.alternation(vocabulary.heldVerbs)))\b"#
    /// "Board of Trustees of the X", "Trustees of X": the group, then its body.
    static let groupOf = #"(?i)^(.*\b(\#(Vocabulary.alternation(vocabulary.committeeWords + vocabulary.memberGroups))))\s+of\s+(.+)$"#
    static let bodyEnding = #"(?i)^(.{2,40}?\b(\#(Vocabulary.alternation(words.bodyEndings))))\b"#
    /// "CSS Committee Meeting", "PTA Board": a body's initials, then its committee. Not
    /// "meeting", since "AGM Meeting" names a kind of meeting, not a body.
    static let acronymBody = #"^(?:[Tt]he\s+)?([A-Z]{2,6})\s+(?i:\#(Vocabulary.alternation(vocabulary.committeeWords.filter { $0 != "meeting" })))\b"#
    /// The lines of the heading block looked at: the top of the first page.
    static let headingLines = 12

    /// The organisation and the line it was read from, or nil.
    static func find(_ context: SectionContext, title: String?) -> (name: String, line: Line?)? {
        let lines = context.lines
        // The heading block: above the first people list or field, where a letterhead is.
        let firstTaken = context.consumed.min() ?? lines.count
        let top = lines.indices.filter { lines[$0].page == context.firstPage && $0 < firstTaken }.prefix(headingLines).map { lines[$0] }
        let header = context.runningText.filter { $0.page == context.firstPage && $0.box.y0 < context.pageHeight($0.page) * Layout.headerBand }
        // A government's name, anywhere in the heading.
        for l in header + top {
            if let r = l.text.range(ofRegex: government) {
                let name = String(l.text[r]).replacing(regex: #"(?i)^the\s+"#, with: "")
                // "Town of Pound, VA, held": the words stop at the first word in lower case.
                return (name.trimmingCharacters(in: CharacterSet(charactersIn: " ,")), l)
            }
        }
        // "Minutes of the meeting of Hale Parish Council held on …".
        for l in top {
            let next = lines.firstIndex(of: l).flatMap { $0 + 1 < lines.count ? " " + lines[$0 + 1].text : nil } ?? ""
            let text = l.text + next
            if let m = text.range(ofRegex: meetingOf), let body = captured(text[m], meetingOf, group: 2),
               body.first?.isUppercase == true, body.range(ofRegex: organisationWord) != nil, !namesCommittee(body) {
                return (body, l)
            }
        }
        guard let title else { return nil }
        return fromTitle(title).map { ($0, nil) }
    }

    /// The organisation a title names, if any.
    static func fromTitle(_ title: String) -> String? {
        // "Trustees of The Friends of Hale Library": the body after the group.
        if let m = title.range(ofRegex: groupOf), let body = captured(title[m], groupOf, group: 3),
           body.range(ofRegex: organisationWord) != nil, !namesCommittee(body) {
            return body
        }
        // "Crete Township Board of Trustees Meeting": the body before its board.
        if let m = title.range(ofRegex: bodyEnding), let body = captured(title[m], bodyEnding, group: 1),
           body.split(separator: " ").count < title.split(separator: " ").count || title.range(ofRegex: committeeWord) == nil {
            return body
        }
        // "Milburn Parish Council": a body's name, not a committee's, is both.
        if title.range(ofRegex: organisationWord) != nil, !namesCommittee(title),
           HeadingText.isHeadingCase(title), title.split(separator: " ").count <= 6 {
            return title
        }
        // "CSS Committee Meeting": the committee of the body whose initials open the title.
        if let m = title.range(ofRegex: acronymBody), let body = captured(title[m], acronymBody, group: 1) {
            return body
        }
        return nil
    }

    /// Whether a name is a committee's: a committee word outside a body's own name ("Bronx
    /// Community Board" is a body, "Finance Board" a committee).
    static func namesCommittee(_ name: String) -> Bool {
        let multiWord = vocabulary.organisationWords.filter { $0.contains(" ") }
        let masked = multiWord.isEmpty ? name : name.replacing(regex: #"(?i)\b(\#(Vocabulary.alternation(multiWord)))\b"#, with: "BODY")
        return masked.range(ofRegex: committeeWord) != nil
    }

    static func captured(_ text: Substring, _ pattern: String, group: Int) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let s = String(text)
        guard let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)), m.range(at: group).location != NSNotFound,
              let r = Range(m.range(at: group), in: s) else { return nil }
        return String(s[r]).trimmed
    }
}
