import Foundation
import MinutesModel
import PageLayout

/// Apologies given in a sentence of an item's text, when no list gave them:
/// - "…and apologies received from Councillors Arwel Davies, Gwenfil Evans and William Loynton.";
/// - "Apologies were received and accepted from Cllr White and Cllr Black.";
/// - Welsh: "derbyniwyd ymddiheuriadau gan y Cynghorwyr Arwel Davies … a William Loynton."
struct ApologySentenceReader: SectionReader {
    static let vocabulary = Vocabulary.shared
    /// The noun and, right after it or a few words on, the word before the names.
    static let opening = #"(?i)\b(\#(PeopleEntries.nouns))\b[^.:;]{0,40}?\b(\#(PeopleEntries.from))\s"#
    /// The nouns as a `WordGate`: most lines hold none.
    static let nounGate = WordGate(vocabulary.apologyNouns)
    /// Short forms whose full stop ends no sentence: "Cllr.", "Mrs.", "Cyng.".
    static let abbreviation = #"\b(\#(Vocabulary.alternation(vocabulary.abbreviations)))\."#

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        guard context.found.apologies.isEmpty else { return out }
        let lines = context.lines
        for i in lines.indices where lines[i].page <= context.firstPage + 1 {
            guard Self.nounGate.mayMatch(lines[i].text), let r = lines[i].text.range(ofRegex: Self.opening) else { continue }
            // Titles lose their full stops first: the sentence's own ends the list.
            let (text, k) = context.sentence(from: i, after: r.upperBound, extraLines: 3) {
                $0.replacing(regex: Self.abbreviation, with: "$1")
            }
            let people = PeopleEntries.people(value: "Apologies from " + text, lines: [], group: "Apologies", page: lines[i].page,
                                              valueLines: Array(lines[i..<k]), in: context)
            guard !people.isEmpty else { continue }
            out.apologies = people
            out.note(.info, page: lines[i].page, "apologies read from a sentence: \"\(text.shortened)\"")
            return out
        }
        return out
    }
}
