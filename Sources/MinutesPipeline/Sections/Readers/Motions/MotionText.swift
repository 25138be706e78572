import Foundation
import PageLayout

/// The lines of one item as one text, each line's place in it kept: a motion's sentence runs
/// over lines, and its page and box are those of the lines it was read from.
struct MotionText {
    /// The lines joined by "\n" (UTF-16 offsets are what the patterns report).
    let raw: NSString
    /// The same with each "\n" a space: sentences read across line ends.
    let flat: NSString
    /// `flat` as a native string, kept: the patterns take a `String`, and bridging the
    /// NSString back for every pattern copied the item's text each time.
    let flatString: String
    /// Each line's first offset, and its index in the context's lines.
    let starts: [Int]
    let lineIndices: [Int]

    init(lines: [Line], indices: [Int]) {
        var starts: [Int] = []
        var text = ""
        var length = 0
        for (n, i) in indices.enumerated() {
            if n > 0 { text += "\n"; length += 1 }
            starts.append(length)
            // Hyphens and dashes of OCR and Word alike read the same to the patterns.
            let t = lines[i].text
            text += t
            length += t.utf16.count
        }
        raw = text as NSString
        // Byte for byte: NSString's replacing showed in profiles.
        flatString = String(decoding: text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
        flat = flatString as NSString
        self.starts = starts
        lineIndices = indices
    }

    var length: Int { flat.length }

    /// The position in `lineIndices` of the line holding `offset`.
    func line(at offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The context's line indices that `range` covers.
    func lines(covering range: NSRange) -> [Int] {
        guard range.length > 0 else { return [lineIndices[line(at: range.location)]] }
        let a = line(at: range.location), b = line(at: NSMaxRange(range) - 1)
        return Array(lineIndices[a...b])
    }

    func text(_ range: NSRange) -> String {
        guard range.location != NSNotFound, NSMaxRange(range) <= flat.length else { return "" }
        return flat.substring(with: range)
    }

    /// Every match of `pattern` in the flat text.
    /// Every match of `pattern` in `range` (the whole text by default), where the text holds a
    /// word of each gate: none otherwise.
    func matches(_ pattern: String, caseInsensitive: Bool = true, in range: NSRange? = nil, gates: [WordGate] = []) -> [NSTextCheckingResult] {
        guard gates.allSatisfy({ $0.mayMatch(flatString) }),
              let r = RegexCache.shared.regex(pattern, caseInsensitive: caseInsensitive) else { return [] }
        return r.matches(in: flatString, range: range ?? NSRange(location: 0, length: flat.length))
    }
}

/// Where a sentence ends, and the small cleaning a motion's text gets.
enum MotionSentence {
    /// Longest text a motion's sentence is read to: past this it is prose the rules missed
    /// the end of (the longest motions in real minutes run to about 500 characters).
    static let maxTextLength = 700

    /// A full stop before a capital, an opening bracket or quote, or the end: a sentence's end.
    /// "Co. #1" and "$4,862.00" go on.
    static let stop = #"[.!?](?=\s+[\p{Lu}(“"‘'0-9]|\s*$)|;\s+(?=(?:\#(names))\s+seconded)"#
    static let names = #"[\p{Lu}][\p{L}'’\-.]*(?:\s+[\p{Lu}][\p{L}'’\-.]*){0,3}"#

    /// The end of the sentence that starts at `from`, no further than `limit`.
    static func end(in t: MotionText, from: Int, limit: Int) -> Int {
        let cap = min(limit, from + maxTextLength, t.length)
        guard cap > from else { return from }
        let range = NSRange(location: from, length: cap - from)
        if let m = t.matches(stop, caseInsensitive: false, in: range).first { return m.range.location }
        return cap
    }

    /// A motion's text as the truth writes it: no frame punctuation, no closing stop.
    static func clean(_ s: String) -> String {
        var t = s.replacing(regex: #"\s+"#, with: " ").trimmed
        while let f = t.first, ",:;–—-".contains(f) { t = String(t.dropFirst()).trimmed }
        while let l = t.last, ".,;:".contains(l) { t = String(t.dropLast()).trimmed }
        return t
    }

    /// A name as printed, without the brackets around a lot or unit number ("(117)").
    static func name(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:()"))
        return t.isEmpty ? nil : t
    }
}
