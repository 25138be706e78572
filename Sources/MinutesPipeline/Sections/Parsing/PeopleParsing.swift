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
        var initials: String?
        // Trailing "(XX)" or a parenthetical role; notes such as "(part of the meeting)" go.
        var parenRole: String?
        while !initialsKnown, let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmedNative
            text = String(text[..<open]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
            if isInitials(inner) && !isBodyAcronym(inner, of: text) || isExtendedInitials(inner, of: text), initials == nil {
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
        } else {
            name = text
        }
        if let pr = parenRole { role = role.map { "\($0) (\(pr))" } ?? pr }
        // "Chief Constable Alan Pughsley": a role written before the name.
        let (rank, bare) = splitRank(name)
        name = bare
        if let rank {
            if role == nil { role = rank }
        } else if role == nil, let (leading, person) = splitLeadingRole(name) {
            role = leading
            name = person
        }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
        guard !name.isEmpty, name.rangeOfCharacter(from: .letters) != nil else { return nil }
        guard name.split(separator: " ").count <= 8 else { return nil }
        return Parsed(name: name, role: role.map(cleanRole), initials: initials)
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
            if name.count <= 3, name.allSatisfy({ $0.first?.isUppercase == true && $0.contains(where: \.isLowercase) }) {
                return (words[...lastRole].joined(separator: " "), name.joined(separator: " "))
            }
        }
        guard words.count >= 4, vocabulary.officeLeadSet.contains(first.lowercased()) else { return nil }
        // The name is the trailing capitalised words after the last role word.
        guard let lastRole, lastRole < words.count - 1 else { return nil }
        let name = words[(lastRole + 1)...]
        guard (1...3).contains(name.count), name.allSatisfy({ $0.first?.isUppercase ?? false }) else { return nil }
        return (words[...lastRole].joined(separator: " "), name.joined(separator: " "))
    }

    /// A listed office with no person's name ("Chief Constable", "OPCC CFO").
    public static func isRoleOnly(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        guard !words.isEmpty else { return false }
        return words.indices.contains { vocabulary.isOffice(words, at: $0) }
    }
}
