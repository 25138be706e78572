import Foundation

/// Compiled patterns, kept: `String.range(of:options: .regularExpression)` compiles its
/// pattern on every call, which dominated long documents.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private var compiled: [String: NSRegularExpression] = [:]
    private let lock = NSLock()

    func regex(_ pattern: String, caseInsensitive: Bool) -> NSRegularExpression? {
        let key = (caseInsensitive ? "i:" : "s:") + pattern
        lock.lock()
        defer { lock.unlock() }
        if let r = compiled[key] { return r }
        let r = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        compiled[key] = r
        return r
    }
}

extension String {
    /// The first match of a regular expression, compiled once per pattern.
    func range(ofRegex pattern: String, caseInsensitive: Bool = false) -> Range<String.Index>? {
        guard let r = RegexCache.shared.regex(pattern, caseInsensitive: caseInsensitive),
              let m = r.firstMatch(in: self, range: NSRange(startIndex..., in: self)) else { return nil }
        return Range(m.range, in: self)
    }
}

extension String {
    /// Every match replaced by a template ("$1"), with the pattern compiled once.
    func replacing(regex pattern: String, with template: String, caseInsensitive: Bool = false) -> String {
        guard let r = RegexCache.shared.regex(pattern, caseInsensitive: caseInsensitive) else { return self }
        return r.stringByReplacingMatches(in: self, range: NSRange(startIndex..., in: self), withTemplate: template)
    }
}

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
    /// White space trimmed from both ends, natively.
    var trimmedNative: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
