/// Joins text broken over lines: hyphenated words rejoined, white space folded.
public enum TextJoin {
    public static func clean(_ s: String) -> String {
        // Most text has no broken word; the check spares a regex pass over it.
        let t = s.includes("- ") ? s.replacing(regex: #"(\p{Ll})- (\p{Ll})"#, with: "$1$2") : s
        return t.collapsingWhitespace.trimming(Self.edgePunctuation)
    }

    private static let edgePunctuation: Set<Character> = [" ", "–", "-", ":", ";"]
}
