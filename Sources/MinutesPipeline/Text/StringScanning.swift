import Foundation

/// String work done over bytes or native characters: per-word and per-line checks that
/// Foundation's NSString paths made slow on Linux.
extension String {
    /// Trims the given characters from both ends without going through NSString, which
    /// dominated per-word work on Linux.
    func trimming(_ characters: Set<Character>) -> String {
        guard let first = firstIndex(where: { !characters.contains($0) }),
              let last = lastIndex(where: { !characters.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// White space trimmed from both ends.
    var trimmed: String { trimmedNative }

    /// At most 50 characters, for quoting text in a diagnostic.
    var shortened: String { count > 50 ? String(prefix(47)) + "…" : self }

    /// White space trimmed from both ends, natively.
    var trimmedNative: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension Unicode.Scalar {
    /// White space, answered without the Unicode property tables for ASCII, which is
    /// nearly all of a page: the table lookup showed up in profiles of every stage.
    @inline(__always) var isSpaceFast: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }

    /// A letter, digit or other number, as Foundation's `.alphanumerics` has it for text.
    var isAlphanumericFast: Bool {
        if value < 0x80 { return isLetterFast || (0x30...0x39).contains(value) }
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// A letter, with the same ASCII shortcut.
    @inline(__always) var isLetterFast: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return properties.isAlphabetic
    }
}

extension String {
    /// Runs of white space folded to one space, ends trimmed. Works on UTF-8 bytes: ASCII
    /// white space is one byte, and the few non-ASCII spaces are matched by their bytes.
    var collapsingWhitespace: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        let bytes = Array(utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var spaceLength = 0
            if b == 0x20 || (0x09...0x0D).contains(b) {
                spaceLength = 1
            } else if b >= 0xC2 {
                spaceLength = Self.nonASCIISpaceLength(bytes, at: i)
            }
            if spaceLength > 0 {
                pendingSpace = !out.isEmpty
                i += spaceLength
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte length of a non-ASCII white-space character starting at `i`, or 0.
    private static func nonASCIISpaceLength(_ b: [UInt8], at i: Int) -> Int {
        func at(_ k: Int) -> UInt8 { i + k < b.count ? b[i + k] : 0 }
        switch b[i] {
        case 0xC2: return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0                     // NEL, NBSP
        case 0xE1: return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0                      // U+1680
        case 0xE2:
            if at(1) == 0x80, (0x80...0x8A).contains(at(2)) || [0xA8, 0xA9, 0xAF].contains(at(2)) { return 3 }
            return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0                             // U+205F
        case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0                      // U+3000
        default: return 0
        }
    }
}

extension Character {
    @inline(__always) var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}

extension String {
    /// Substring search over UTF-8 bytes. With Foundation imported, `contains(String)`
    /// resolves to NSString's search, which showed up in profiles of per-line checks.
    func includes(_ needle: String) -> Bool {
        // In place where both are native strings: copying them to arrays on every call
        // showed in profiles of the per-line label checks.
        if let found = utf8.withContiguousStorageIfAvailable({ h in
            needle.utf8.withContiguousStorageIfAvailable { n in Self.search(h, n) }
        }), let found { return found }
        return Array(utf8).withUnsafeBufferPointer { h in Array(needle.utf8).withUnsafeBufferPointer { n in Self.search(h, n) } }
    }

    private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = n.first else { return true }
        guard h.count >= n.count else { return false }
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < n.count, h[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }

    /// `includes` ignoring ASCII case; `lowerNeedle` must be lower-case ASCII. A cheap test
    /// before a case-insensitive pattern that needs the word.
    func includesFolded(_ lowerNeedle: String) -> Bool {
        let n = Array(lowerNeedle.utf8)
        guard !n.isEmpty else { return true }
        var found = false
        utf8.withContiguousStorageIfAvailable { h in
            guard h.count >= n.count else { return }
            var i = 0
            let last = h.count - n.count
            while i <= last {
                var k = 0
                while k < n.count, Self.foldASCII(h[i + k]) == n[k] { k += 1 }
                if k == n.count { found = true; return }
                i += 1
            }
        } ?? { found = String(self).lowercased().includes(lowerNeedle) }()
        return found
    }

    @inline(__always) private static func foldASCII(_ b: UInt8) -> UInt8 {
        b >= 65 && b <= 90 ? b | 0x20 : b
    }
}
