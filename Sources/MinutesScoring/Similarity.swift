import Foundation

/// The text measures of `score.py`, ported one function to one function so the two agree
/// to the last digit: normalisation, SequenceMatcher ratio, word Dice, the action measure,
/// names without honorifics, and the greedy one-to-one matching.
public enum Similarity {
    /// `norm`: NFKC, Python's lower(), curly quotes and en/em dashes made plain, every run of
    /// characters other than `\w` and `/` one space, spaces trimmed.
    public static func norm(_ s: String?) -> PyText {
        guard let s else { return PyText() }
        let lowered = PyText.lower(s.precomposedStringWithCompatibilityMapping.unicodeScalars.map(\.value))
        var out: [UInt32] = []
        out.reserveCapacity(lowered.count)
        var gap = false
        for var u in lowered {
            switch u {
            case 0x2019, 0x2018: u = 0x27
            case 0x2013, 0x2014: u = 0x2D
            default: break
            }
            if PyText.isWord(u) || u == 0x2F {
                if gap && !out.isEmpty { out.append(0x20) }
                gap = false
                out.append(u)
            } else {
                gap = true
            }
        }
        return PyText(out)
    }

    /// `norm(x)` for any JSON value: Python's `str(x)` first, None as empty.
    public static func norm(_ v: JSONValue?) -> PyText {
        guard let v, !v.isNull else { return PyText() }
        return norm(v.pythonString)
    }

    /// `sim`: difflib's ratio of the normalised texts; 1 when both are empty, 0 when one is.
    public static func sim(_ a: PyText, _ b: PyText) -> Double {
        let x = norm(a.description), y = norm(b.description)
        if x.isEmpty && y.isEmpty { return 1.0 }
        if x.isEmpty || y.isEmpty { return 0.0 }
        return SequenceMatcher(x.scalars, y.scalars).ratio()
    }

    public static func sim(_ a: JSONValue?, _ b: JSONValue?) -> Double {
        sim(rawText(a), rawText(b))
    }

    /// `token_sim`: Dice overlap of the two word multisets.
    public static func tokenSim(_ a: PyText, _ b: PyText) -> Double {
        let ta = norm(a.description).split(), tb = norm(b.description).split()
        if ta.isEmpty && tb.isEmpty { return 1.0 }
        if ta.isEmpty || tb.isEmpty { return 0.0 }
        let common = heldCount(of: tb, in: ta)
        return 2.0 * Double(common) / Double(ta.count + tb.count)
    }

    /// `action_sim`: word overlap, or the share of the truth's words the output holds when the
    /// output is the paragraph around the action (at most four times as long).
    public static func actionSim(_ truth: JSONValue?, _ out: JSONValue?) -> Double {
        let t = rawText(truth), o = rawText(out)
        let dice = tokenSim(t, o)
        let ta = norm(t.description).split(), tb = norm(o.description).split()
        if ta.count < 3 || tb.count > 4 * ta.count { return dice }
        let held = heldCount(of: ta, in: tb)
        return max(dice, Double(held) / Double(ta.count))
    }

    /// How many of `words` (with repeats) the multiset `pool` holds.
    private static func heldCount(of words: [PyText], in pool: [PyText]) -> Int {
        var counts: [PyText: Int] = [:]
        for w in pool { counts[w, default: 0] += 1 }
        var held = 0
        for w in words {
            if let n = counts[w], n > 0 {
                counts[w] = n - 1
                held += 1
            }
        }
        return held
    }

    /// Python's `str(x)` of a JSON value before normalisation; None as empty.
    static func rawText(_ v: JSONValue?) -> PyText {
        guard let v, !v.isNull else { return PyText() }
        return PyText(v.pythonString)
    }

    /// Honorifics and ranks `score.py` strips before comparing names, in its order: the
    /// first that fits (with a word after it) is taken, then the next, as its regex does.
    static let honorifics: [[PyText]] = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "cllr", "councillor", "councilmember",
        "commissioner", "mayor", "chief supt", "supt", "superintendent", "det ch insp", "det", "ch insp", "insp",
        "inspector", "sgt", "sergeant", "pc", "rev", "revd", "the rt hon", "rt hon", "hon",
    ].map { $0.split(separator: " ").map { PyText(String($0)) } }

    /// `person_name`: the normalised name without leading honorifics ("Supt Dean Chapple" is
    /// Dean Chapple). An honorific must be followed by a space, so "Mayor" alone stays.
    public static func personName(_ name: JSONValue?) -> PyText {
        let words = norm(name).split()
        var start = 0
        strip: while start < words.count {
            for h in honorifics where start + h.count < words.count && Array(words[start..<(start + h.count)]) == h {
                start += h.count
                continue strip
            }
            break
        }
        return PyText(Array(words[start...].map(\.scalars).joined(separator: [0x20])))
    }

    /// `surname`: the last word of the name without honorifics.
    public static func surname(_ name: JSONValue?) -> PyText {
        personName(name).split().last ?? PyText()
    }

    /// `match`: greedy one-to-one matching, best pairs first; of equal scores the pair with
    /// the higher truth index, then the higher output index, goes first (Python's reverse
    /// sort of `(s, i, j)`).
    public static func match<T, O>(_ truth: [T], _ out: [O], threshold: Double,
                                   _ score: (T, O) -> Double) -> [(i: Int, j: Int, s: Double)] {
        var pairs: [(s: Double, i: Int, j: Int)] = []
        for (i, t) in truth.enumerated() {
            for (j, o) in out.enumerated() {
                let s = score(t, o)
                if s >= threshold { pairs.append((s, i, j)) }
            }
        }
        pairs.sort { ($0.s, $0.i, $0.j) > ($1.s, $1.i, $1.j) }
        var usedT = Set<Int>(), usedO = Set<Int>()
        var result: [(i: Int, j: Int, s: Double)] = []
        for p in pairs where !usedT.contains(p.i) && !usedO.contains(p.j) {
            usedT.insert(p.i)
            usedO.insert(p.j)
            result.append((p.i, p.j, p.s))
        }
        return result
    }

    /// `f1`: 1 when both sides are empty, 0 when one is.
    public static func f1(_ matched: Int, _ truth: Int, _ out: Int) -> Double {
        if truth == 0 && out == 0 { return 1.0 }
        if truth == 0 || out == 0 { return 0.0 }
        let p = Double(matched) / Double(out), r = Double(matched) / Double(truth)
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r)
    }
}
