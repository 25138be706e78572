import Foundation

/// How alike two action descriptions are, from 0 (no content word shared) to 1 (the same
/// content words).
///
/// Definition (docs/register.md, "Similar descriptions"): each description is reduced to its
/// content words (lower-case, diacritics removed, stop words dropped, a light stemmer so
/// "PCSOs"/"PCSO" and "circulated"/"circulate" agree), without the words of its own owners
/// (an owner is compared as an owner, not as text). Each word weighs log(1 + N / n), where N
/// is the number of actions the body has and n the number that use the word, so the words
/// every action of the body shares ("transparency", "team") count little and the word that
/// names the matter ("PCSO", "Highways") counts much. The similarity is the weighted Dice
/// coefficient: twice the weight of the shared words over the weight of both sets.
struct Similarity: Sendable {
    private var documentFrequency: [String: Int] = [:]
    private var documents = 0

    init() {}

    /// Counts the words of every description of the body once.
    init<S: Sequence>(corpus: S) where S.Element == Set<String> {
        for words in corpus {
            documents += 1
            for w in words { documentFrequency[w, default: 0] += 1 }
        }
    }

    func weight(_ word: String) -> Double {
        let n = Double(documentFrequency[word] ?? 0)
        return log(1 + Double(max(documents, 1)) / max(n, 1))
    }

    /// The weighted Dice coefficient of two word sets, and the shared words by weight.
    func compare(_ a: Set<String>, _ b: Set<String>) -> (score: Double, shared: [String]) {
        guard !a.isEmpty, !b.isEmpty else { return (0, []) }
        let shared = a.intersection(b)
        let wa = a.reduce(0) { $0 + weight($1) }, wb = b.reduce(0) { $0 + weight($1) }
        let ws = shared.reduce(0) { $0 + weight($1) }
        let score = wa + wb > 0 ? 2 * ws / (wa + wb) : 0
        return (score, shared.sorted { (weight($0), $1) > (weight($1), $0) })
    }

    /// The content words of a description without the words of its owners.
    static func words(_ description: String, owners: [String] = []) -> Set<String> {
        let ownerWords = Set(owners.flatMap { Text.contentWords($0) })
        let words = Set(Text.contentWords(description))
        let without = words.subtracting(ownerWords)
        // A description that is all owner ("Clerk") keeps its words.
        return without.isEmpty ? words : without
    }
}
