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
final class Similarity {
    /// A description's words as ids in the body's vocabulary, sorted, with their total weight.
    struct Words: Sendable {
        fileprivate var ids: [Int32]
        fileprivate var total: Double
        var isEmpty: Bool { ids.isEmpty }
    }

    private var index: [String: Int32] = [:]
    private var vocabulary: [String] = []
    private var weights: [Double] = []
    private var documents = 0

    /// Counts the words of every description of the body once.
    init<S: Sequence>(corpus: S) where S.Element == Set<String> {
        var df: [Int] = []
        for words in corpus {
            documents += 1
            for w in words {
                if let i = index[w] { df[Int(i)] += 1 } else {
                    index[w] = Int32(vocabulary.count)
                    vocabulary.append(w)
                    df.append(1)
                }
            }
        }
        weights = df.map { Self.weight(documents: documents, using: $0) }
    }

    convenience init() { self.init(corpus: [Set<String>]()) }

    private static func weight(documents: Int, using n: Int) -> Double {
        log(1 + Double(max(documents, 1)) / Double(max(n, 1)))
    }

    func weight(_ word: String) -> Double {
        index[word].map { weights[Int($0)] } ?? Self.weight(documents: documents, using: 0)
    }

    /// A word set ready to compare; words the body's actions never use weigh the most.
    func prepare(_ words: Set<String>) -> Words {
        var ids: [Int32] = []
        var total = 0.0
        for w in words {
            let id: Int32
            if let i = index[w] { id = i } else {
                id = Int32(vocabulary.count)
                index[w] = id
                vocabulary.append(w)
                weights.append(Self.weight(documents: documents, using: 0))
            }
            ids.append(id)
            total += weights[Int(id)]
        }
        return Words(ids: ids.sorted(), total: total)
    }

    /// The weighted Dice coefficient of two prepared word sets.
    func score(_ a: Words, _ b: Words) -> Double {
        guard !a.ids.isEmpty, !b.ids.isEmpty, a.total + b.total > 0 else { return 0 }
        var i = 0, j = 0
        var shared = 0.0
        while i < a.ids.count && j < b.ids.count {
            let x = a.ids[i], y = b.ids[j]
            if x == y { shared += weights[Int(x)]; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return 2 * shared / (a.total + b.total)
    }

    /// The words two sets share, heaviest first (for the reason a match gives).
    func shared(_ a: Words, _ b: Words) -> [String] {
        Set(a.ids).intersection(b.ids).sorted { (weights[Int($0)], vocabulary[Int($1)]) > (weights[Int($1)], vocabulary[Int($0)]) }
            .map { vocabulary[Int($0)] }
    }

    /// The weighted Dice coefficient of two word sets, and the shared words by weight.
    func compare(_ a: Set<String>, _ b: Set<String>) -> (score: Double, shared: [String]) {
        let pa = prepare(a), pb = prepare(b)
        return (score(pa, pb), shared(pa, pb))
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
