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
    /// Every match of a regular expression, in order.
    func ranges(ofRegex pattern: String, caseInsensitive: Bool = false) -> [Range<String.Index>] {
        guard let r = RegexCache.shared.regex(pattern, caseInsensitive: caseInsensitive) else { return [] }
        return r.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap { Range($0.range, in: self) }
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
    /// How many times a pattern matches.
    func matches(_ pattern: String) -> Int {
        RegexCache.shared.regex(pattern, caseInsensitive: false)?.numberOfMatches(in: self, range: NSRange(startIndex..., in: self)) ?? 0
    }
}
