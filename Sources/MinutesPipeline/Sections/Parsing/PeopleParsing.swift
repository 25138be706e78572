import Foundation
import MinutesModel

/// Reads one listed person: "Name, Role (XX)", "Name, Role<gap>XX", "Name (Role)",
/// "Chief Constable Alan Pughsley", "Supt Dean Chapple, Head of PIU", or a role alone.
public enum PeopleParsing {
    static let vocabulary = Vocabulary.shared

    public struct Parsed: Equatable {
        public var name: String
        public var role: String?
        public var initials: String?
        /// What the entry says of the person's attendance: "(excused)", "- Here", "(virtual)".
        var note: AttendanceNote? = nil
    }

    static let initialsPattern = #"^[A-Z][A-Za-z]?[A-Z]{0,3}[A-Z]?$|^[A-Z]{2,5}\d?$"#

    public static func isInitials(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: CharacterSet(charactersIn: "() ,.;"))
        guard (2...5).contains(t.count) else { return false }
        return t.range(ofRegex: #"^[A-Z][A-Za-z]?[A-Z]{1,3}$"#) != nil
            && t.filter(\.isUppercase).count >= 2
    }

    /// "Dennis Skinner (LGA)": after a bare name, three or more capitals that neither start
    /// with its first initial nor end with its surname's are the body the person is from.
    /// After a role ("Deputy Chief Constable (DCC)") they shorten the role, and the action
    /// column uses them as the person's initials.
    static func isBodyAcronym(_ s: String, of name: String) -> Bool {
        guard s.count >= 3, s.allSatisfy({ $0.isUppercase }), !name.contains(",") else { return false }
        let words = splitRank(name).1.split(separator: " ").filter { $0.first?.isUppercase == true }
        guard let first = words.first?.first, let last = words.last?.first else { return false }
        return s.first != first && s.last != last
    }

    /// Initials told apart from a colleague's by more letters of the surname: "JTe" for
    /// Jeni Tennison beside "JT" for Jacqui Taylor, "AHol" and "AHop" for Alan Holzer and
    /// Alison Hopkins. Taken only when the capitals are the initials of the name before
    /// them and the small letters go on its surname.
    static func isExtendedInitials(_ s: String, of name: String) -> Bool {
        guard (3...5).contains(s.count), s.range(ofRegex: #"^[A-Z]{2,3}[a-z]{1,2}$"#) != nil else { return false }
        let capitals = String(s.filter(\.isUppercase))
        let words = name.split(separator: " ").filter { $0.first?.isUppercase == true }
        guard String(words.compactMap(\.first)) == capitals, let surname = words.last, let lastCapital = s.lastIndex(where: \.isUppercase) else { return false }
        return surname.hasPrefix(s[lastCapital...])
    }

    /// `segments` are the text runs of one line (a wide gap separates them); a last run of
    /// initials is the person's initials.
    public static func parse(segments rawSegments: [String]) -> Parsed? {
        var segments = rawSegments.map { $0.trimmedNative }.filter { !$0.isEmpty }
        while let f = segments.first, f.count <= 2, f.unicodeScalars.allSatisfy({ !CharacterSet.alphanumerics.contains($0) }) {
            segments.removeFirst()
        }
        guard !segments.isEmpty else { return nil }
        var initials: String?
        if segments.count >= 2, let last = segments.last, isInitials(last) {
            initials = last.trimmingCharacters(in: CharacterSet(charactersIn: "() ,.;"))
            segments.removeLast()
        }
        if segments.count >= 2 {
            // A table row: name in one column, role/capacity in the next.
            let name = segments[0]
            let rest = segments.dropFirst().joined(separator: ", ")
            guard var p = parse(text: name + ", " + rest, initialsKnown: initials != nil) else { return nil }
            if p.initials == nil { p.initials = initials }
            return p
        }
        guard var p = parse(text: segments[0], initialsKnown: initials != nil) else { return nil }
        if p.initials == nil { p.initials = initials }
        return p
    }


    /// `initialsKnown`: the initials stood in their own column, so a parenthesis at the end
    /// ("Essex Police (EP)") is part of the role.
    public static func parse(text raw: String, initialsKnown: Bool = false) -> Parsed? {
        var text = Paragraphs.stripBullet(raw).trimmedNative
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;.:"))
        guard !text.isEmpty, text.count < 160 else { return nil }
        // "Item 11 only - Mike Ellwood (…)": a slip saying for which items someone attended.
        text = text.replacing(regex: itemsOnlySlip, with: "")
        // "also J Haste (Clerk)", "and the Clerk": list words before the entry.
        text = text.replacing(regex: entryOpener, with: "")
        // "R C Love OBE", "R C Love, OBE": honours are no part of the name, nor a person.
        text = text.replacing(regex: trailingHonours, with: "")
        guard !text.isEmpty, !isHonours(text) else { return nil }
        var initials: String?
        // Trailing "(XX)" or a parenthetical role; notes such as "(part of the meeting)" go.
        var parenRole: String?
        var note: AttendanceNote?
        while !initialsKnown, let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmedNative
            text = String(text[..<open]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
            if note == nil, let n = AttendanceNote.read(inner) {
                // "(substitute for Cllr Z)", "(arrived 7.40pm)", "(excused)": how, not who.
                note = n
            } else if isInitials(inner) && !isBodyAcronym(inner, of: text) || isExtendedInitials(inner, of: text), initials == nil {
                initials = inner
            } else if vocabulary.attendanceNotes.contains(where: inner.lowercased().contains) {
                // A note on how someone attended: "(part of the meeting)", "(left at item 5)".
                continue
            } else if parenRole == nil {
                parenRole = inner
            }
        }
        // Sentences after the entry are notes ("... Commissioner. As part of her role...").
        if let dot = text.range(ofRegex: #"\.\s+[A-Z]"#), text[..<dot.lowerBound].contains(",") {
            text = String(text[..<dot.lowerBound])
        }
        var name: String
        var role: String?
        if let comma = text.firstIndex(of: ",") {
            name = String(text[..<comma]).trimmedNative
            role = String(text[text.index(after: comma)...]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            if role?.isEmpty ?? true { role = nil }
        } else if let dash = text.range(ofRegex: #"\s[–—-]\s"#) {
            name = String(text[..<dash.lowerBound])
            role = String(text[dash.upperBound...])
            // "Members of the public – Mr Andy Langton": a label, then the person.
            if PeopleLabel.kind(of: name.lowercased()) != nil || vocabulary.people.publicLabels.contains(name.lowercased()), let r = role {
                (name, role) = (r, name)
            }
        } else {
            name = text
        }
        // "Claire Smith (Secretariat), Ministry of Justice": the bracket after the name is its role.
        if let open = name.lastIndex(of: "("), name.hasSuffix(")"), open > name.startIndex {
            let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmedNative
            name = String(name[..<open]).trimmedNative
            if isInitials(inner), initials == nil { initials = inner } else { role = role.map { "\(inner), \($0)" } ?? inner }
        }
        if let pr = parenRole { role = role.map { "\($0) (\(pr))" } ?? pr }
        // "Cauthorne - Here", "Hall, Absent": a roll call's answer after the name.
        if let r = role, let n = AttendanceNote.answer(r) {
            note = note ?? n
            role = nil
        }
        // "Cllr Hayward in the chair": a note on who chaired, the role.
        if let r = name.range(ofRegex: chairNote) {
            if role == nil { role = String(name[r]).trimmed }
            name = String(name[..<r.lowerBound])
        }
        // "Chief Constable Alan Pughsley": a role written before the name.
        let (rank, bare) = splitRank(name)
        name = bare
        if let rank {
            if role == nil { role = rank }
        } else if role == nil, let (leading, person) = splitLeadingRole(name) {
            role = leading
            name = person
        }
        if role == nil, let m = name.range(ofRegex: #"^(\S.*\s\S*\p{Ll})-(?=\p{Lu})"#),
           case let body = String(name[m.upperBound...]), body.contains(" ") || body.count >= 2 && body.allSatisfy(\.isUppercase) {
            // "Willie Gentry-BOS", "Alex MacCormack-AARP Rep": a body after the name's hyphen is its role.
            role = body
            name = String(name[..<name.index(before: m.upperBound)])
        } else if role == nil, let (person, office) = splitTrailingRole(name) {
            // "Mrs B Molog Honorary Clerk": an office after the name.
            name = person
            role = office
        } else if role == nil, let (office, person) = splitTitleInside(name) {
            // "Member of the Public Mr M Joyce", "Clerk Mrs J Todd": a title inside the entry starts the name.
            name = person
            role = office
        }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
        guard !name.isEmpty, name.rangeOfCharacter(from: .letters) != nil else { return nil }
        guard name.split(separator: " ").count <= 8 else { return nil }
        return Parsed(name: name, role: role.map(cleanRole), initials: initials, note: note)
    }

    static let itemsOnlySlip = #"(?i)^items? [\d\s,&and]+ only\s*[-–—:]\s*"#
    static let entryOpener = #"^(\#(Vocabulary.alternation(vocabulary.people.entryOpeners)))\s+(?=\p{Lu})"#
    static let honours = Vocabulary.alternation(vocabulary.people.honours)
    static let trailingHonours = #"(?:,?\s+(?:\#(honours)))+$"#
    /// Built once, not on every call.
    static let honoursAlone = #"^(?:\#(honours))(?:[\s,]+(?:\#(honours)))*$"#
    static let chairNote = #"(?i)\s+(\#(Vocabulary.alternation(vocabulary.people.chairNotes)))$"#

    /// "OBE", "CBE, DL": honours alone, no person.
    static func isHonours(_ text: String) -> Bool {
        text.range(ofRegex: honoursAlone) != nil
    }

    /// Trailing punctuation goes, but not the full stop of an abbreviation ("Chief Supt.").
    static func cleanRole(_ role: String) -> String {
        var r = role.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))
        if r.hasSuffix("."), let last = r.split(separator: " ").last, last.count > 6 { r.removeLast() }
        return r.trimmedNative
    }

    /// Removes a leading rank or courtesy title; returns the rank as written when it is a rank.
    static func splitRank(_ name: String) -> (String?, String) {
        var rest = name
        var rank: String?
        while let title = vocabulary.title(opening: rest) {
            rest = String(rest.dropFirst(title.written.count)).trimmedNative
            if title.isRank { rank = rank.map { $0 + " " + title.written } ?? title.written }
        }
        // Keep a title if it was all there was.
        return rest.isEmpty ? (nil, name) : (rank, rest)
    }

    /// "Assistant Chief Constable Jo Shiner" → ("Assistant Chief Constable", "Jo Shiner").
    static func splitLeadingRole(_ text: String) -> (String, String)? {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        let lastRole = words.indices.last { vocabulary.isOffice(words, at: $0) }
        // "City Manager Tom Hill": an office, then a full name in mixed case.
        if words.count >= 3, !vocabulary.officeLeadSet.contains(first.lowercased()), let lastRole, lastRole < words.count - 2 {
            let name = words[(lastRole + 1)...]
            // "Clerk J Connelly": initials count as words of the name.
            let initial = #"^\p{Lu}\.?$"#
            if name.count <= 3, name.last?.contains(where: \.isLowercase) == true,
               name.allSatisfy({ $0.first?.isUppercase == true && ($0.contains(where: \.isLowercase) || $0.range(ofRegex: initial) != nil) }) {
                // "Clerk Mrs J Todd": the courtesy title is no part of the name.
                let (rank, bare) = splitRank(name.joined(separator: " "))
                return (words[...lastRole].joined(separator: " "), rank == nil ? bare : name.joined(separator: " "))
            }
        }
        // "Trustee Price-Bush", "Village Clerk O'Connor": offices, then a surname alone.
        if words.count >= 2, let last = words.last, Names.isSurname(last) || last.range(ofRegex: #"^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$"#) != nil,
           !vocabulary.isOffice(words, at: words.count - 1), !vocabulary.isTitle(last),
           vocabulary.isOffice(Array(words.dropLast()), at: words.count - 2),
           words.dropLast().allSatisfy({ vocabulary.officeBeforeSet.contains($0.lowercased()) || vocabulary.officeSet.contains($0.lowercased()) }) {
            return (words.dropLast().joined(separator: " "), last)
        }
        guard words.count >= 4, vocabulary.officeLeadSet.contains(first.lowercased()) else { return nil }
        // The name is the trailing capitalised words after the last role word.
        guard let lastRole, lastRole < words.count - 1 else { return nil }
        let name = words[(lastRole + 1)...]
        guard (1...3).contains(name.count), name.allSatisfy({ $0.first?.isUppercase ?? false }) else { return nil }
        return (words[...lastRole].joined(separator: " "), name.joined(separator: " "))
    }

    /// "B Molog Honorary Clerk" → ("B Molog", "Honorary Clerk"): a name, then words that
    /// are all office words and end in an office.
    static func splitTrailingRole(_ text: String) -> (String, String)? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 3, vocabulary.isOffice(words, at: words.count - 1) else { return nil }
        for j in 2..<words.count {
            let tail = words[j...]
            guard tail.allSatisfy({ vocabulary.officeBeforeSet.contains($0.lowercased()) || vocabulary.officeSet.contains($0.lowercased()) }),
                  tail.first?.first?.isUppercase == true else { continue }
            let name = words[..<j].joined(separator: " ")
            return Names.isBareName(name) ? (name, tail.joined(separator: " ")) : nil
        }
        return nil
    }

    /// Capitalised words that may stand before a title as the office: "Eden District Councillor".
    static let maxOfficeWordsBeforeTitle = 3

    /// "Member of the Public Mr M Joyce" → ("Member of the Public", "M Joyce"): an honorific
    /// after an office starts the name.
    static func splitTitleInside(_ text: String) -> (String, String)? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 3 else { return nil }
        for i in 1..<(words.count - 1) where vocabulary.isHonorific(words[i]) {
            let office = words[..<i].joined(separator: " ")
            let name = words[(i + 1)...].joined(separator: " ")
            // ("Eden District Councillor A Armstrong": a place before the title is its office too.)
            let capitalised = i <= maxOfficeWordsBeforeTitle && words[..<i].allSatisfy { $0.first?.isUppercase == true }
            guard isRoleOnly(office) || capitalised, Names.isBareName(name) || Names.isSurname(name) else { return nil }
            return (office, name)
        }
        return nil
    }

    /// A listed office with no person's name ("Chief Constable", "OPCC CFO").
    public static func isRoleOnly(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        guard !words.isEmpty else { return false }
        return words.indices.contains { vocabulary.isOffice(words, at: $0) }
    }
}
