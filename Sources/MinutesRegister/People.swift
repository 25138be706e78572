import Foundation

/// A name as printed, read into the parts people are matched by.
enum PersonName: Equatable, Sendable {
    /// A first name and a surname ("Cllr John A. Smith OBE" → john, smith).
    case full(first: String, last: String, display: String)
    /// A surname, with or without an initial ("J Smith", "Cllr Smith", "Lord McNally").
    case surname(initial: Character?, last: String, display: String)
    /// One word with no title: a first name or a surname ("Olivia").
    case single(String, display: String)
    /// Initials as printed in owner columns ("AP", "JTe", "AHol").
    case initials(String)
    /// A team, office, role or anything else that is not one person.
    case notPerson

    static func parse(_ printed: String) -> PersonName {
        var text = printed
        // "(DCLG)", "(Chair)", "(from item 5)": what the person is, not who.
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        text = Text.collapse(text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-–.")))
        guard !text.isEmpty else { return .notPerson }
        // "Smith, John": surname first.
        let commaParts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if commaParts.count == 2, !commaParts[1].isEmpty,
           commaParts.allSatisfy({ $0.split(separator: " ").count <= 2 }),
           !Vocabulary.postNominals.contains(Text.fold(commaParts[1]).replacingOccurrences(of: ".", with: "")) {
            text = commaParts[1] + " " + commaParts[0]
        }
        if !text.contains(" "), isInitials(text) { return .initials(text) }
        var tokens = text.split(separator: " ").map { token -> String in
            Text.fold(String(token)).trimmingCharacters(in: CharacterSet(charactersIn: ".,;:'\"“”‘’"))
        }.filter { !$0.isEmpty }
        var displayTokens = text.split(separator: " ").map(String.init)
        if tokens.contains(where: { Vocabulary.notPersonWords.contains($0) || $0.contains(where: \.isNumber) || $0.contains("/") }) {
            return .notPerson
        }
        var titled = false
        while let first = tokens.first, Vocabulary.honorifics.contains(first.replacingOccurrences(of: ".", with: "")) {
            tokens.removeFirst()
            displayTokens.removeFirst()
            titled = true
        }
        while let last = tokens.last, Vocabulary.postNominals.contains(last.replacingOccurrences(of: ".", with: "")) {
            tokens.removeLast()
            displayTokens.removeLast()
        }
        guard !tokens.isEmpty, tokens.count <= 5 else { return .notPerson }
        // A short word with capitals after the first letter is an abbreviation ("CLG", "MoJ").
        if tokens.count == 1, !titled, let only = displayTokens.first, (2...5).contains(only.count),
           only.dropFirst().contains(where: \.isUppercase) {
            return isInitials(only) ? .initials(only) : .notPerson
        }
        let display = displayTokens.joined(separator: " ")
        // "Lord McNally", "Cllr Smith": a surname is shown with the title it was printed with.
        let titledDisplay = text
        let letters = tokens.map { $0.replacingOccurrences(of: ".", with: "") }
        guard let last = letters.last, let first = letters.first, last.count > 1 else { return .notPerson }
        if letters.count == 1 {
            return titled ? .surname(initial: nil, last: last, display: titledDisplay) : .single(last, display: display)
        }
        if letters.dropLast().allSatisfy({ $0.count == 1 }) {
            return .surname(initial: first.first, last: last, display: display)
        }
        return .full(first: first, last: last, display: display)
    }

    /// Two to four capitals, or a capital followed by a capital and up to three small letters
    /// ("AP", "JTE", "AHol", "JTe").
    static func isInitials(_ s: String) -> Bool {
        let chars = Array(s)
        guard (2...5).contains(chars.count), chars.allSatisfy(\.isLetter), chars[0].isUppercase, chars[1].isUppercase else { return false }
        return chars.count <= 4 || chars.dropFirst(2).allSatisfy(\.isLowercase)
    }

    /// The key a full name is one person by, in every body.
    var globalKey: String? {
        if case .full(let f, let l, _) = self { return "\(f) \(l)" }
        return nil
    }
}

/// The people of one body, and how each printed mention resolves to one of them.
///
/// Rule (docs/register.md, "People"): a first name and surname are the same person in
/// every meeting and body where they appear with the same spelling (titles, letters after
/// the name and middle names aside). Within one body, a surname ("Cllr Smith", "J Smith"),
/// a lone word and initials ("JS", "JSm") resolve to the one full name of that body they
/// fit (initials as listed beside the name, or its first letters). Several fits: the
/// mention is reported as ambiguous and linked to no one. No fit: a surname or a lone word
/// is a person of this body alone; initials stay as printed.
struct BodyPeople {
    struct Known {
        var key: String
        var first: String
        var last: String
        var display: String
        var printedInitials: Set<String>
        var derivedInitials: Set<String>
    }

    enum Resolution: Equatable {
        /// A person by key, the name to show if the key is new, and why.
        case person(key: String, display: String, reason: String)
        case ambiguous(candidates: [String])
        case none
    }

    private(set) var known: [String: Known] = [:]

    /// Full names of the body, with the initials printed beside them.
    mutating func add(_ name: PersonName, printedInitials: String?) {
        guard case .full(let first, let last, let display) = name, let key = name.globalKey else { return }
        var k = known[key] ?? Known(key: key, first: first, last: last, display: display, printedInitials: [],
                                    derivedInitials: [])
        if let i = printedInitials?.trimmingCharacters(in: .whitespaces), !i.isEmpty { k.printedInitials.insert(i.lowercased()) }
        let parts = display.split(separator: " ").map { Text.fold(String($0)).replacingOccurrences(of: ".", with: "") }
            .filter { !$0.isEmpty && !Vocabulary.honorifics.contains($0) && !Vocabulary.postNominals.contains($0) }
        k.derivedInitials.insert(String(parts.compactMap(\.first)))
        if let f = first.first, let l = last.first { k.derivedInitials.insert(String([f, l])) }
        known[key] = k
    }

    func resolve(_ name: PersonName, bodyID: Int64) -> Resolution {
        switch name {
        case .notPerson:
            return .none
        case .full(_, _, let display):
            guard let key = name.globalKey else { return .none }
            return .person(key: key, display: display, reason: "the same name")
        case .initials(let printed):
            let lower = printed.lowercased()
            var fits = known.values.filter { $0.printedInitials.contains(lower) }
            var how = "listed with the initials '\(printed)'"
            if fits.isEmpty {
                fits = known.values.filter { $0.derivedInitials.contains(lower) }
                how = "initials '\(printed)' are the name's first letters"
            }
            if fits.isEmpty, printed.count > 2 {
                // "AHol": first initial, then the surname's first letters.
                let first = lower.prefix(1), rest = lower.dropFirst()
                fits = known.values.filter { $0.first.hasPrefix(first) && $0.last.hasPrefix(rest) }
                how = "'\(printed)' is the first initial and the start of the surname"
            }
            return pick(fits, how: how)
        case .surname(let initial, let last, let display):
            let fits = known.values.filter { $0.last == last && (initial == nil || $0.first.first == initial) }
            if fits.isEmpty {
                let key = "body \(bodyID): " + (initial.map { "\($0) " } ?? "") + last
                return .person(key: key, display: display, reason: "a surname no full name of this body has; a person of this body")
            }
            return pick(fits, how: "the only \(initial.map { "\($0). " } ?? "")\(last) of this body")
        case .single(let word, let display):
            var fits = known.values.filter { $0.last == word }
            var how = "the only person of this body with the surname '\(word)'"
            if fits.isEmpty {
                fits = known.values.filter { $0.first == word }
                how = "the only person of this body with the first name '\(word)'"
            }
            if fits.isEmpty {
                return .person(key: "body \(bodyID): \(word)", display: display, reason: "a name no full name of this body has; a person of this body")
            }
            return pick(fits, how: how)
        }
    }

    /// Whether a name the page resolved a printed owner to can be the one printed: initials
    /// that are the name's, its surname or first name, the name itself, or a role ("Chair",
    /// which only the page can resolve). "LGA" resolved to "Dennis Skinner" is not.
    static func fits(_ printed: PersonName, _ resolved: PersonName) -> Bool {
        guard case .full(let first, let last, let display) = resolved else { return false }
        switch printed {
        case .notPerson: return true
        case .full: return printed.globalKey == resolved.globalKey
        case .surname(let initial, let l, _): return l == last && (initial == nil || first.first == initial)
        case .single(let w, _): return w == first || w == last
        case .initials(let s):
            let lower = s.lowercased()
            let letters = display.split(separator: " ").compactMap { Text.fold(String($0)).first }
            if String(letters) == lower || String([first.first, last.first].compactMap { $0 }) == lower { return true }
            return lower.count > 2 && first.hasPrefix(lower.prefix(1)) && last.hasPrefix(lower.dropFirst())
        }
    }

    private func pick(_ fits: [Known], how: String) -> Resolution {
        if fits.count == 1, let k = fits.first { return .person(key: k.key, display: k.display, reason: how) }
        if fits.count > 1 { return .ambiguous(candidates: fits.map(\.display).sorted()) }
        return .none
    }
}
