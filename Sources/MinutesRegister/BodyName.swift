import Foundation
import MinutesModel

/// Which body a meeting belongs to, from the meeting alone.
///
/// The rule (docs/register.md, "Bodies"):
/// 1. The organisation and the title are read as words: lower-case, without diacritics, "&"
///    as "and", Welsh body words as their English equivalents. Words that name the meeting or
///    the document rather than the body ("minutes", "meeting", "action log", "ordinary",
///    "annual", "draft", ordinals, dates, numbers, "TB(7)") are dropped.
/// 2. The title's remaining words that the organisation already has are dropped too, so
///    "Parish Council Meeting" of "Milburn Parish Council" is the council itself and
///    "Cabinet" of "Kent County Council" is its cabinet.
/// 3. A title left with only words that name a kind of body ("Board", "Full Council",
///    "Committee") and no organisation is qualified by the file name's distinctive words
///    ("slips-board-minutes-2013-05-02.pdf" gives "slips board"); with nothing else, the
///    file name alone names the body.
/// 4. The key is the organisation's words and the title's words, each sorted, so word order
///    and letter case do not matter: "organisation words | title words".
///
/// Meetings whose keys differ may still be one body; `BodyAliases` joins those where the
/// evidence is unique (an acronym, the same title under an organisation).
struct BodyName: Equatable, Sendable {
    /// The organisation's words, sorted ("council county kent"); empty without one.
    var organisation: [String]
    /// The title's own words, sorted, without those of the organisation.
    var title: [String]
    /// How the name was made: "organisation and title", "title", "title and file name"…
    var basis: String
    /// The name to show: the organisation and title as printed.
    var display: String

    var key: String { organisation.joined(separator: " ") + " | " + title.joined(separator: " ") }

    /// All the words, in key order: what an acronym is compared against.
    var allWords: [String] { organisation + title }

    static func of(_ meeting: Meeting, sourceFile: String) -> BodyName {
        let org = meeting.organisation.map(clean) ?? []
        let orgSet = Set(org)
        var title = (meeting.title.map(clean) ?? []).filter { !orgSet.contains($0) }
        let printed = [meeting.organisation, meeting.title].compactMap { $0.map(Text.collapse) }.map(displayName)
            .filter { !$0.isEmpty }.uniqued(by: { Text.words($0) })
        var display = printed.joined(separator: " — ")
        let basis: String
        if !org.isEmpty {
            basis = title.isEmpty ? "organisation" : "organisation and title"
        } else if !title.isEmpty && !title.allSatisfy(Vocabulary.genericBodyWords.contains) {
            basis = "title"
        } else {
            let fileWords = clean(fileStem(sourceFile)).filter { !title.contains($0) }.uniqued(by: { $0 })
            let fileDisplay = fileWords.joined(separator: " ")
            if title.isEmpty && fileWords.isEmpty {
                basis = "none"
                if display.isEmpty { display = "(unidentified body)" }
            } else if title.isEmpty {
                // The title named only the meeting ("Annual General Meeting"): the file names the body.
                basis = "file name"
                title = fileWords
                display = fileDisplay
            } else if fileWords.isEmpty {
                basis = "generic title"
            } else {
                basis = "title and file name"
                title += fileWords
                display = "\(display) (\(fileDisplay))"
            }
        }
        return BodyName(organisation: Array(orgSet).sorted(), title: Array(Set(title)).sorted(),
                        basis: basis, display: display)
    }

    /// A printed title without what names the meeting: "Minutes of the Transparency Board
    /// Action Log" → "Transparency Board"; "Local Public Data Panel – Twenty-second Meeting"
    /// → "Local Public Data Panel".
    static func displayName(_ printed: String) -> String {
        let parts = printed.components(separatedBy: CharacterSet(charactersIn: "–—:|(")).map { $0.trimmingCharacters(in: .whitespaces) }
        var kept = parts.filter { !clean($0).isEmpty }
        if kept.isEmpty { kept = [printed] }
        var tokens = kept.joined(separator: " – ").split(separator: " ").map(String.init)
        func isMeetingWord(_ t: String) -> Bool { Text.words(t).allSatisfy { Vocabulary.meetingWords.contains($0) || $0.contains(where: \.isNumber) } }
        while let last = tokens.last, tokens.count > 1, isMeetingWord(last) { tokens.removeLast() }
        // Only the words a heading starts with ("Minutes of the", "Draft notes of"): "Open"
        // and "Annual" at the start are often part of the name.
        let leading: Set<String> = ["minutes", "minute", "of", "the", "notes", "note", "meeting", "draft", "confirmed",
                                    "unconfirmed", "agenda", "record", "summary", "signed", "approved"]
        while let first = tokens.first, tokens.count > 1, Text.words(first).allSatisfy(leading.contains) { tokens.removeFirst() }
        return tokens.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " -–,;.)"))
    }

    /// The words of a name that identify a body.
    static func clean(_ s: String) -> [String] {
        Text.words(s).compactMap { w -> String? in
            let word = Vocabulary.bodyWordEquivalents[w] ?? w
            if Vocabulary.meetingWords.contains(word) { return nil }
            // Numbers, dates, "tb7", "2011": which meeting, not which body.
            if word.contains(where: \.isNumber) { return nil }
            if monthNames.contains(word) { return nil }
            return word
        }
    }

    static func fileStem(_ file: String) -> String {
        let name = (file as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension
        return ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
    }

    private static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi", "hydref",
        "tachwedd", "rhagfyr",
    ]
}

/// Joins the keys of meetings that are one body although their own names differ, where one
/// reading only is possible:
/// - a title that is one acronym ("ODUG Action Log") is the body whose words it abbreviates
///   ("Open Data User Group");
/// - a title without an organisation ("Transparency Board") is the body with that title
///   under an organisation ("Cabinet Office — Transparency Board"), or the organisation
///   itself ("Milburn Parish Council" with no title).
/// Two or more candidates: the keys stay apart and the ambiguity is reported.
enum BodyAliases {
    struct Alias: Equatable {
        var target: String
        var reason: String
    }

    /// For each key that joins another: its target and why; and the keys left apart because
    /// several bodies would fit (with the candidates).
    static func resolve(_ names: [String: BodyName]) -> (aliases: [String: Alias], ambiguous: [String: [String]]) {
        var aliases: [String: Alias] = [:]
        var ambiguous: [String: [String]] = [:]
        let keys = names.keys.sorted()
        for key in keys {
            guard let n = names[key], n.organisation.isEmpty else { continue }
            var candidates: [(String, String)] = []
            if n.title.count == 1, let acronym = n.title.first, (2...8).contains(acronym.count) {
                for other in keys where other != key {
                    guard let o = names[other], o.allWords.count >= 2 else { continue }
                    if initials(of: o).contains(acronym) { candidates.append((other, "'\(acronym)' is the initials of \(o.display)")) }
                }
            }
            if candidates.isEmpty && !n.title.isEmpty {
                for other in keys where other != key {
                    guard let o = names[other], !o.organisation.isEmpty else { continue }
                    if o.title == n.title {
                        candidates.append((other, "the same title under the organisation \(o.display)"))
                    } else if o.title.isEmpty && o.organisation == n.title {
                        candidates.append((other, "the title names the organisation \(o.display)"))
                    }
                }
            }
            if candidates.count == 1, let (target, why) = candidates.first {
                aliases[key] = Alias(target: target, reason: why)
            } else if candidates.count > 1 {
                ambiguous[key] = candidates.map(\.0)
            }
        }
        // An alias of an alias goes to the end of the chain (there are no cycles: targets
        // have an organisation or more than one word).
        for (k, a) in aliases {
            var t = a
            var hops = 0
            while let next = aliases[t.target], hops < 4 { t = Alias(target: next.target, reason: t.reason); hops += 1 }
            aliases[k] = t
        }
        return (aliases, ambiguous)
    }

    /// The initials of a body's name in printed order ("Open Data User Group" → "odug"),
    /// with and without the words that name a meeting ("open" is one of those).
    private static func initials(of name: BodyName) -> Set<String> {
        let all = Text.words(name.display).filter { !["and", "of", "the", "for", "a", "an"].contains($0) && !$0.contains(where: \.isNumber) }
        let clean = BodyName.clean(name.display)
        return [String(all.compactMap(\.first)), String(clean.compactMap(\.first))]
    }
}

extension Array {
    func uniqued<K: Hashable>(by key: (Element) -> K) -> [Element] {
        var seen = Set<K>()
        return filter { seen.insert(key($0)).inserted }
    }
}
