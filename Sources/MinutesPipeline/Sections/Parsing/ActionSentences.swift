import Foundation
import MinutesModel

/// Actions written in running prose: the sentence that sets one, and who owns it.
/// - "Clerk to request this from MCC." / "Action PH/PE to obtain a quote." (an owner, then "to");
/// - "The clerk was asked to write to the district council." (a passive request);
/// - "It was agreed that the Clerk would write to the school." (an agreement naming an owner);
/// - "…, the Clerk to write and inform them." (an owner's clause closing a sentence);
/// - "Look at the insurance, action Mick." / "…, c/f action Jon." (a closing marker);
/// - "Clerk inform the Charity of this." (an office and a task's verb, no "to").
/// The action is the whole sentence, as the minutes wrote it.
enum ActionSentences {
    static let phrases = Vocabulary.shared.actionPhrases
    static let vocabulary = Vocabulary.shared

    struct Found: Equatable {
        var sentence: String
        var owner: String
        /// Where the sentence starts and ends in the paragraph's text (UTF-16 offsets).
        var start: Int
        var end: Int
    }

    /// The people of the meeting by the ways an owner may name them: full name, first name,
    /// surname, initials (lower case).
    struct People {
        var names = Set<String>()
        init(_ people: [Person] = []) {
            for p in people {
                let words = p.name.split(separator: " ").map { $0.lowercased() }
                guard !words.isEmpty else { continue }
                names.insert(words.joined(separator: " "))
                // A first name or surname alone, as written capitalised: not "and" or "of" from a garbled list.
                let written = p.name.split(separator: " ").map(String.init)
                for w in [written.first, written.last].compactMap({ $0 }) where w.count > 1 && w.first?.isUppercase == true
                    && !vocabulary.bodyNameJoiners.contains(w.lowercased()) {
                    names.insert(w.lowercased())
                }
                if let i = p.initials, !i.isEmpty { names.insert(i.lowercased()) }
                // The first name's initial and the surname: "Z. Maiorca", "Z Maiorca".
                if words.count >= 2, let initial = words.first?.first, initial.isLetter, let last = words.last, last.count > 1 {
                    names.insert("\(initial). \(last)")
                    names.insert("\(initial) \(last)")
                }
            }
        }
        func contains(_ s: String) -> Bool { names.contains(s.lowercased()) }
    }

    // MARK: sentences

    /// The sentences of a paragraph, with their UTF-16 ranges. A full stop after a short form
    /// ("Cllr.") or a single capital (an initial: "Z. Maiorca") ends no sentence.
    static func sentences(in text: String) -> [(text: String, start: Int, end: Int)] {
        // Cut by the matches' own string indices, over the scalars (as NSString cuts UTF-16,
        // never rounding to a character): NSString's substrings showed in profiles.
        let scalars = text.unicodeScalars
        var out: [(text: String, start: Int, end: Int)] = []
        var start = 0
        var from = text.startIndex
        for r in text.ranges(ofRegex: #"[.!?]["”’)]?\s+(?=[A-Z(“"0-9])"#) {
            let nsr = NSRange(r, in: text)
            let before = scalars[from..<r.lowerBound]
            let lastWord = lastSpaceSeparatedWord(String(before)).map { String($0).lowercased().trimming(["(", "\"", "“"]) } ?? ""
            if shortForms.contains(lastWord) || (lastWord.count == 1 && lastWord.first?.isLetter == true) { continue }
            // The stop is one ASCII character: one scalar, one UTF-16 unit.
            let end = nsr.location + 1
            out.append((String(scalars[from..<scalars.index(after: r.lowerBound)]).trimmed, start, end))
            start = nsr.location + nsr.length
            from = r.upperBound
        }
        let length = text.utf16.count
        if start < length {
            out.append((String(scalars[from...]).trimmed, start, length))
        }
        return out.filter { !$0.text.isEmpty }
    }
    static let shortForms = Set(phrases.shortForms)

    /// The last run of characters other than spaces, found from the end: splitting the whole
    /// sentence so far at every candidate stop showed in profiles.
    static func lastSpaceSeparatedWord(_ s: String) -> Substring? {
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " { end = s.index(before: end) }
        var start = end
        while start > s.startIndex, s[s.index(before: start)] != " " { start = s.index(before: start) }
        return start < end ? s[start..<end] : nil
    }

    /// Every action sentence of a paragraph.
    static func actions(in paragraph: String, people: People) -> [Found] {
        sentences(in: paragraph).compactMap { s in
            guard let (owner, text) = action(s.text, people: people) else { return nil }
            return Found(sentence: text, owner: owner, start: s.start, end: s.end)
        }
    }

    // MARK: one sentence

    static let requests = Vocabulary.alternation(phrases.requests)
    static let agreedThat = Vocabulary.alternation(phrases.agreedThat)
    static let modals = Vocabulary.alternation(phrases.agreedModals)
    static let markers = Vocabulary.alternation(phrases.trailingMarkers)
    static let bareVerbs = Vocabulary.alternation(phrases.bareTaskVerbs)
    static let obligations = Vocabulary.alternation(phrases.obligations)
    /// Words each pattern below cannot match without: every sentence of every paragraph is
    /// asked, and most hold none (`WordGate`).
    static let requestGate = WordGate(phrases.requests)
    static let obligationGate = WordGate(phrases.obligations)
    static let markerGate = WordGate(phrases.trailingMarkers)
    static let agreedGate = WordGate(phrases.agreedThat)
    /// The patterns below, built once: interpolated where they are used, each call built
    /// a long alternation anew and the regex cache hashed it.
    static let requestPattern = #"^(?:[Tt]he\s+)?(\S+(?:\s+\S+){0,4}?)\s+(?i:\#(requests))\s+[a-z]"#
    static let requestTail = #"\s+(?i:\#(requests))\s+[a-z]$"#
    static let obligationPattern = #"^(.{1,\#(obligedOwnersLength)}?)\s+(?i:\#(obligations))\s+(?!be\b)[a-z]"#
    static let obligationTail = #"\s+(?i:\#(obligations))\s+[a-z]$"#
    static let agreedLead = #"^(?i:\#(agreedThat))\s+"#
    static let agreedOwner = #"^(?:[Tt]he\s+)?(\S+(?:\s+\S+){0,4}?)\s+(?:\#(modals)|\#(bareVerbs))\s"#
    static let markerPattern = #"[,;–-]\s*(?i:\#(markers))\s*:?\s+(\#(markedOwner))(?:\s+to\s+[^.;]*)?[.!]?$"#
    static let markerLead = #"^[,;–-]\s*(?i:\#(markers))\s*:?\s+"#
    static let bareTaskPattern = #"^([A-Z][a-z]+)\s+(?:\#(bareVerbs))\s+\S+\s+\S"#
    /// Longest list of owners before "need to": five names with their commas (`isOwner`'s limit).
    static let obligedOwnersLength = 80
    /// A name or initials as a closing marker gives them: "Mick", "Mags & Karen", "JB/AC".
    static let markedOwner = #"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?(?:\s*(?:/|&|,|and)\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)*"#
    /// Longest owner phrase before "to": "Transparency Board members" is three words.
    static let ownerWords = 5

    /// What a bullet or sub-item's mark (the pattern in `action`) can open with, digits (`\d`) aside:
    /// every sentence is asked, and most open with none.
    static let markOpeners: Set<Unicode.Scalar> = Set("o•●▪◦○Ø*·-(ivxabcdefgh".unicodeScalars)
    /// "to" as the patterns of a leading owner and of an owner's clause need it.
    static let toGate = WordGate(["to"])
    /// "Action" as a label opening a sentence or line needs it.
    static let actionGate = WordGate(["action"])

    /// The owner of a sentence that sets an action, and the sentence without its label.
    static func action(_ raw: String, people: People) -> (owner: String, sentence: String)? {
        var s = raw.trimmed
        // A bullet or sub-item's mark is not part of the sentence.
        if let c = s.unicodeScalars.first, markOpeners.contains(c) || c.properties.numericType == .decimal {
            s = s.replacing(regex: #"^(?:[o•●▪◦○Ø*·-]|\d{1,4}(?:\.\d{1,3})*[.)]?|\(?(?:[ivx]{1,4}|[a-h])[.)])\s+(?=[A-Z])"#, with: "")
        }
        guard s.count >= 8, s.first?.isLetter == true else { return nil }
        // "Action Clerk to contact RJS…": the label without a colon, before an owner and "to".
        if actionGate.mayMatch(s), let r = s.range(ofRegex: #"^(?i:actions?)\s+(?=\S+.{0,60}?\s+to\s+[a-z])"#) {
            let rest = String(s[r.upperBound...])
            if let owner = leadingOwner(rest, people: people, loose: true) { return (owner, rest) }
        }
        if let owner = leadingOwner(s, people: people, loose: false) { return (owner, s) }
        if let owner = request(s, people: people) { return (owner, s) }
        if let owner = obligation(s, people: people) { return (owner, s) }
        if let owner = agreed(s, people: people) { return (owner, s) }
        if let owner = marker(s) { return (owner, s) }
        if let owner = clause(s, people: people) { return (owner, s) }
        if let owner = bareTask(s) { return (owner, s) }
        return nil
    }

    /// "Clerk to request this", "PE/PH to contact", "Cllr Rochford to attend".
    static func leadingOwner(_ s: String, people: People, loose: Bool) -> String? {
        guard toGate.mayMatch(s), let r = s.range(ofRegex: #"^(?:[Tt]he\s+)?(\S+(?:\s+\S+){0,4}?)\s+to\s+(?:then\s+|also\s+)?[a-z]"#) else { return nil }
        let head = String(s[r]).replacing(regex: #"\s+to\s+(?:then\s+|also\s+)?[a-z]$"#, with: "")
        let owner = head.replacing(regex: #"^[Tt]he\s+"#, with: "")
        if isOwner(owner, people: people) { return owner }
        if loose, let o = ActionText.ownerSubject(s) { return o }
        return nil
    }

    /// "The clerk was asked to write…", "Staff was directed to…".
    static func request(_ s: String, people: People) -> String? {
        guard requestGate.mayMatch(s), let r = s.range(ofRegex: requestPattern) else { return nil }
        let owner = String(s[r]).replacing(regex: requestTail, with: "").replacing(regex: #"^[Tt]he\s+"#, with: "")
        return isOwner(owner, people: people) ? owner : nil
    }

    /// "Z. Maiorca, P. Bader, and T. Feinberg need to submit updated applications": the
    /// people named, however many, are obliged to a task. Only the meeting's people (or
    /// initials): "Government needs to promote…" states a need, it hands no one a task. Not
    /// "… need to be aware", which asks for no deed.
    static func obligation(_ s: String, people: People) -> String? {
        guard obligationGate.mayMatch(s), let r = s.range(ofRegex: obligationPattern) else { return nil }
        let owner = String(s[r]).replacing(regex: obligationTail, with: "")
        let parts = owner.replacing(regex: #"\s+(?:and|&)\s+"#, with: "/").split(whereSeparator: { $0 == "/" || $0 == "," })
            .map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !parts.isEmpty, isOwner(owner, people: people),
              parts.allSatisfy({ people.contains($0) || PeopleParsing.isInitials($0) }) else { return nil }
        return owner
    }

    /// "It was agreed that the Clerk would…", "RESOLVED that the Clerk write…".
    static func agreed(_ s: String, people: People) -> String? {
        guard agreedGate.mayMatch(s), let lead = s.range(ofRegex: agreedLead) else { return nil }
        let rest = String(s[lead.upperBound...])
        guard let r = rest.range(ofRegex: agreedOwner) else { return nil }
        let owner = String(rest[r]).trimmed.replacing(regex: #"\s+\S+$"#, with: "").replacing(regex: #"^[Tt]he\s+"#, with: "")
        return isOwner(owner, people: people) ? owner : nil
    }

    /// "Look at the insurance, action Mick.", "…, c/f action Jon.", "…, action Mags to check."
    static func marker(_ s: String) -> String? {
        guard markerGate.mayMatch(s), let r = s.range(ofRegex: markerPattern) else { return nil }
        let tail = String(s[r]).replacing(regex: markerLead, with: "")
        let owner = tail.replacing(regex: #"\s+to\s+.*$"#, with: "").trimmingCharacters(in: CharacterSet(charactersIn: " .!"))
        guard !owner.isEmpty, !vocabulary.notOwners.contains(owner.lowercased()) else { return nil }
        return owner
    }

    /// "…, the Clerk to write and inform them.", "…, Councillor Healey to order Scalpings."
    static func clause(_ s: String, people: People) -> String? {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") }), toGate.mayMatch(s) else { return nil }
        for r in s.ranges(ofRegex: #"[,;]\s+(?:[Tt]he\s+)?(\S+(?:\s+\S+){0,3}?)\s+to\s+[a-z]"#) {
            let owner = String(s[r]).replacing(regex: #"^[,;]\s+"#, with: "").replacing(regex: #"\s+to\s+[a-z]$"#, with: "")
                .replacing(regex: #"^[Tt]he\s+"#, with: "")
            if isOwner(owner, people: people) { return owner }
        }
        return nil
    }

    /// "Clerk inform the Charity of this.": an office, then a task's verb and its object.
    static func bareTask(_ s: String) -> String? {
        // The pattern opens with an ASCII capital; most sentences asked open otherwise.
        guard let c = s.utf8.first, c >= UInt8(ascii: "A"), c <= UInt8(ascii: "Z"), let r = s.range(ofRegex: bareTaskPattern) else { return nil }
        let office = String(s[r]).split(separator: " ").first.map(String.init) ?? ""
        return isOffice(office) ? office : nil
    }

    // MARK: owners

    /// Whether a phrase names who owns an action: initials ("PE/PH"), an office or a body's
    /// team ("Clerk", "Panel members"), a title and a name ("Cllr Randall"), or one of the
    /// meeting's people ("Karen"); several joined by "/", "&", "," or "and".
    static func isOwner(_ phrase: String, people: People) -> Bool {
        let p = phrase.trimmingCharacters(in: CharacterSet(charactersIn: " ,.:;"))
        guard !p.isEmpty, p.count <= 60, !vocabulary.notOwners.contains(p.lowercased()) else { return false }
        let parts = p.replacing(regex: #"\s+(?:and|&)\s+"#, with: "/").split(whereSeparator: { $0 == "/" || $0 == "," || $0 == "&" })
            .map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !parts.isEmpty, parts.count <= 5 else { return false }
        return parts.allSatisfy { isOneOwner($0, people: people) }
    }

    static func isOneOwner(_ part: String, people: People) -> Bool {
        let words = part.split(separator: " ").map(String.init)
        guard !words.isEmpty, words.count <= ownerWords else { return false }
        if words.count == 1, PeopleParsing.isInitials(part) || part.range(ofRegex: #"^[A-Z]{2,5}$"#) != nil { return true }
        if people.contains(part) { return true }
        // "Cllr Randall", "Cllr. Bell", "Councillor Healey", "Mrs Dale".
        if words.count >= 2, words.count <= 4, vocabulary.isHonorific(words[0]),
           words.dropFirst().allSatisfy({ $0.first?.isUppercase == true }) { return true }
        // "Clerk", "City Attorney", "Panel members", "Home Office team".
        // A body ("the Panel to note", "Delegate authority to") decides; it is not handed a task.
        guard let last = words.last?.lowercased(), !vocabulary.meetingBodies.contains(last), !bodies.contains(last),
              isOffice(last) || vocabulary.ownerCollectives.contains(last) else { return false }
        let joiners = Set(vocabulary.bodyNameJoiners)
        return words.dropLast().allSatisfy { $0.first?.isUppercase == true || joiners.contains($0.lowercased()) }
            && (words.count > 1 || words[0].first?.isUppercase == true || isOffice(last))
    }

    /// Bodies as the offices list names them: "council", "authority", "board".
    static let bodies = Set(vocabulary.meetingBodies + vocabulary.organisationWords.map { $0.lowercased() } + ["council", "authority", "board"])

    /// Whether a line opens with an action's owner and "to", after an "Action" label or not:
    /// "Action Clerk to circulate the quote."
    static func opensAction(_ text: String, people: People) -> Bool {
        let t = actionGate.mayMatch(text) ? text.replacing(regex: #"^(?i:actions?)\s+"#, with: "") : text
        return leadingOwner(t, people: people, loose: false) != nil
    }

    static func isOffice(_ word: String) -> Bool {
        var w = word.lowercased().trimming([".", ","])
        if w.hasSuffix("'s") || w.hasSuffix("’s") { w = String(w.dropLast(2)) }
        return vocabulary.offices.contains(w) || vocabulary.officesThatAreSurnames.contains(w)
    }
}
