import Foundation

/// Text as Python sees it: a sequence of code points, compared code point by code point
/// (Swift's `String ==` compares canonical equivalents equal; Python does not).
public struct PyText: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var scalars: [UInt32]

    public init(_ scalars: [UInt32] = []) { self.scalars = scalars }
    public init(_ s: String) { scalars = s.unicodeScalars.map(\.value) }

    public var isEmpty: Bool { scalars.isEmpty }
    /// Python's `len`.
    public var count: Int { scalars.count }

    public var description: String {
        var s = String.UnicodeScalarView()
        for u in scalars { if let c = Unicode.Scalar(u) { s.append(c) } }
        return String(s)
    }

    /// Python's `str.split()`: runs of whitespace separate words, none at either end.
    public func split() -> [PyText] {
        var words: [PyText] = []
        var word: [UInt32] = []
        for u in scalars {
            if PyText.isSpace(u) {
                if !word.isEmpty { words.append(PyText(word)); word.removeAll() }
            } else {
                word.append(u)
            }
        }
        if !word.isEmpty { words.append(PyText(word)) }
        return words
    }

    public func hasPrefix(_ p: PyText) -> Bool { scalars.starts(with: p.scalars) }

    /// Python's `str.strip()`.
    public func strip() -> PyText {
        guard let first = scalars.firstIndex(where: { !PyText.isSpace($0) }),
              let last = scalars.lastIndex(where: { !PyText.isSpace($0) }) else { return PyText() }
        return PyText(Array(scalars[first...last]))
    }

    public static func < (a: PyText, b: PyText) -> Bool { a.scalars.lexicographicallyPrecedes(b.scalars) }

    /// Python's `str.isspace` for one code point (`Py_UNICODE_ISSPACE`): ASCII whitespace with
    /// the four separators 0x1C–0x1F, and the characters Unicode gives bidirectional class
    /// WS, B or S or category Zs.
    static func isSpace(_ u: UInt32) -> Bool {
        switch u {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// A code point Python's `\w` matches in a str pattern: `str.isalnum()` (letters of
    /// categories L*, and anything with a numeric type) or the underscore.
    static func isWord(_ u: UInt32) -> Bool {
        if u < 0x80 {
            return (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || u == 0x5F
        }
        guard let s = Unicode.Scalar(u) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return s.properties.numericType != nil
        }
    }

    /// Python's `str.lower()`: each code point's full lower-case mapping, and capital sigma
    /// as final sigma where it ends a word (Swift's `lowercased()` has no final sigma).
    static func lower(_ text: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.count)
        for (i, u) in text.enumerated() {
            if u < 0x80 {
                out.append(u >= 0x41 && u <= 0x5A ? u + 32 : u)
                continue
            }
            if u == 0x3A3 {
                out.append(finalSigma(text, at: i) ? 0x3C2 : 0x3C3)
                continue
            }
            guard let s = Unicode.Scalar(u) else { out.append(u); continue }
            out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars.map(\.value))
        }
        return out
    }

    /// `\p{cased}\p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})`, as CPython's
    /// `handle_capital_sigma` tests it.
    private static func finalSigma(_ text: [UInt32], at i: Int) -> Bool {
        func props(_ u: UInt32) -> Unicode.Scalar.Properties? { Unicode.Scalar(u)?.properties }
        var j = i - 1
        while j >= 0, props(text[j])?.isCaseIgnorable == true { j -= 1 }
        guard j >= 0, props(text[j])?.isCased == true else { return false }
        j = i + 1
        while j < text.count, props(text[j])?.isCaseIgnorable == true { j += 1 }
        return j == text.count || props(text[j])?.isCased != true
    }
}
