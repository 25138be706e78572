import Foundation

/// Whether a piece of a people list is a person's name, and how names compare.
enum Names {
    /// "James Graham – KCC", "Harry Rayner – MEM (Chair)": a name, a dash, where they are from.
    static func isNameDashBody(_ s: String) -> Bool {
        guard let dash = s.range(ofRegex: #"\s[–—-]\s"#) else { return false }
        return isBareName(String(s[..<dash.lowerBound]))
    }

    /// An entry of a list of people: a name, a surname, or either after an office
    /// ("Mayor Lee", "City Manager Tom Hill").
    static func isListedName(_ s: String) -> Bool {
        if isBareName(s) || isSurname(s) { return true }
        if case let (rank?, rest) = PeopleParsing.splitRank(s), !rank.isEmpty, isSurname(rest) || isBareName(rest) { return true }
        guard let (_, name) = PeopleParsing.splitLeadingRole(s) else { return false }
        return isBareName(name) || isSurname(name)
    }

    /// One capitalised word that is no office: a surname in a list of surnames.
    static func isSurname(_ s: String) -> Bool {
        // "O’Hare", "McDonagh", "VanDeinse-Perez": a capital, then letters with some in lower case.
        s.range(ofRegex: #"^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$"#) != nil && !PeopleParsing.isRoleOnly(s)
    }

    static let headcount: String = {
        let v = Vocabulary.shared
        return #"(?i)^(\d+|\#(Vocabulary.alternation(v.countWords)))\s+(other\s+)?(\#(Vocabulary.alternation(v.countedPeople, spaces: #"\s+"#)))\b"#
    }()

    /// "2 members of the public", "three residents": a count of people, not a person.
    static func isHeadcount(_ s: String) -> Bool {
        s.range(ofRegex: headcount) != nil
    }

    /// A person's name alone, perhaps with initials: "Alan Caudwell (AC)", "Cllr J Smith".
    static func isBareName(_ s: String) -> Bool {
        var t = s.replacing(regex: #"\s*\([A-Z][A-Za-z]{1,4}\)$"#, with: "").trimmed
        t = t.replacing(regex: #"^(?i)and\s+"#, with: "")
        let untitled = PeopleParsing.splitRank(t).1
        // "Cllr Mrs Clarke": after a title, a surname alone is a name.
        let titled = untitled != t
        t = untitled
        let words = t.split(separator: " ")
        guard ((titled ? 1 : 2)...4).contains(words.count), !PeopleParsing.isRoleOnly(t) else { return false }
        // Initials run together ("EP WK") are not a name: a name has a word in mixed case.
        let mixed = words.contains { $0.count >= 2 && $0.contains(where: \.isLowercase) }
        return mixed && words.allSatisfy { $0.first?.isUppercase == true } && !t.contains(",")
    }

    /// Welsh lists join their last two names with "a" or "a'r" ("Owen Williams a'r
    /// Cynghorydd Sir Joseph Davies"): read as "and" between a name's end and a capital.
    /// "R Healey & M Armstrong": "&" joins two names as "and" does.
    static func englishAnd(_ text: String) -> String {
        var t = text
        for j in Vocabulary.shared.people.listJoiners where t.includes(" \(j) ") { t = t.replacingOccurrences(of: " \(j) ", with: " and ") }
        guard Vocabulary.shared.nameJoiners.contains(where: { t.includes(" \($0) ") }) else { return t }
        return t.replacing(regex: joiners, with: " and ")
    }

    static let joiners = #"(?<=\p{Ll}) (?:\#(Vocabulary.alternation(Vocabulary.shared.nameJoiners))) (?=\p{Lu})"#

    /// A name as compared between lists: lower case, letters and single spaces.
    static func key(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: " ")
    }
}
