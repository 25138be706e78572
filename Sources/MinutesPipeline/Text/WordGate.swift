import Foundation

/// A cheap test before a costly pattern: whether a text holds, in any case, one of the words
/// that every match of the pattern must hold. Most lines and most items hold none of a
/// reader's words, and the test spares them the regular-expression engine, which profiles
/// showed running every reader's patterns over every line and item to find nothing.
///
/// The test must never say no where the pattern could match, so it is built to err open:
/// - each word is tested by its longest run of ASCII letters and digits, which any match
///   holds as written whatever the pattern does with the word's spaces and stops;
/// - a word with no such run, or with other than ASCII in it, leaves the gate open;
/// - a text holding a character that case-folds to ASCII letters ("ß" to "ss", the "ﬁ"
///   ligature to "fi", the Kelvin sign to "k") leaves it open too: a case-insensitive
///   pattern matches those as the letters.
struct WordGate: Sendable {
    /// Every word's run, lower case, one after another; `spans` says where each is.
    private let needles: [UInt8]
    private let spans: [(start: Int, count: Int)]
    /// For each byte: 1 where a run may start there (either case), 2 where a character that
    /// folds to ASCII may (its first byte), 0 elsewhere. One look-up a byte: the test is run
    /// over every line, and lines are mostly bytes that start nothing.
    private let table: [UInt8]
    private let alwaysOpen: Bool

    init(_ words: [String]) {
        var needles: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        var table = [UInt8](repeating: 0, count: 256)
        for lead: UInt8 in [0xC3, 0xC4, 0xC5, 0xC7, 0xE1, 0xE2, 0xEF] { table[Int(lead)] = 2 }
        var open = words.isEmpty
        for word in words {
            let bytes = Array(word.utf8)
            if bytes.contains(where: { $0 >= 0x80 }) { open = true; break }
            let runs = bytes.split(whereSeparator: { !Self.isAlphanumeric($0) })
            guard let longest = runs.max(by: { $0.count < $1.count }), !longest.isEmpty else { open = true; break }
            let run = longest.map(Self.fold)
            spans.append((needles.count, run.count))
            needles += run
            table[Int(run[0])] = 1
            if run[0] >= 97 && run[0] <= 122 { table[Int(run[0] - 32)] = 1 }
        }
        self.needles = needles
        self.spans = spans
        self.table = table
        alwaysOpen = open
    }

    /// False only where no match of the pattern is possible in `text`.
    func mayMatch(_ text: String) -> Bool {
        if alwaysOpen { return true }
        return text.utf8.withContiguousStorageIfAvailable { h in
            table.withUnsafeBufferPointer { table in
                needles.withUnsafeBufferPointer { needles in scan(h, table, needles) }
            }
        } ?? true
    }

    private func scan(_ h: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>, _ needles: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = h.count
        var i = 0
        while i < count {
            let kind = table[Int(h[i])]
            if kind == 1 {
                for span in spans where count - i >= span.count {
                    var j = 0
                    while j < span.count, Self.fold(h[i + j]) == needles[span.start + j] { j += 1 }
                    if j == span.count { return true }
                }
            } else if kind == 2, Self.foldsToASCII(h, at: i) {
                return true
            }
            i += 1
        }
        return false
    }

    @inline(__always) private static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    @inline(__always) private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }

    /// The characters outside ASCII whose case folding or case mapping holds an ASCII letter:
    /// ß, İ, ı, ŉ, ſ, ǰ, ẖ–ẚ, ẞ, the Kelvin sign and the Latin ligatures ﬀ–ﬆ (UTF-8 at `i`).
    private static func foldsToASCII(_ h: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        func at(_ k: Int) -> UInt8 { i + k < h.count ? h[i + k] : 0 }
        switch h[i] {
        case 0xC3: return at(1) == 0x9F
        case 0xC4: return at(1) == 0xB0 || at(1) == 0xB1
        case 0xC5: return at(1) == 0x89 || at(1) == 0xBF
        case 0xC7: return at(1) == 0xB0
        case 0xE1: return at(1) == 0xBA && ((0x96...0x9A).contains(at(2)) || at(2) == 0x9E)
        case 0xE2: return at(1) == 0x84 && at(2) == 0xAA
        case 0xEF: return at(1) == 0xAC && (0x80...0x86).contains(at(2))
        default: return false
        }
    }
}
