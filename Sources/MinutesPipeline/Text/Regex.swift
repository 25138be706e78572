import Foundation

/// Compiled patterns, kept: `String.range(of:options: .regularExpression)` compiles its
/// pattern on every call, which dominated long documents.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private var compiled: [String: NSRegularExpression] = [:]
    /// The same, by where a pattern's text is stored: the patterns built from vocabulary run
    /// to thousands of characters with curly quotes and dashes, and hashing them (Unicode
    /// normalisation included) on every call showed in profiles. Most calls pass a pattern
    /// held in a `static let`, whose storage stays put; the entry keeps the string, so its
    /// storage cannot be freed and its address given to another.
    private var byStorage: [StorageKey: (pattern: String, regex: NSRegularExpression)] = [:]
    private struct StorageKey: Hashable { var address: UInt; var caseInsensitive: Bool }
    /// A guard on the table's size, should some input make patterns without end (one
    /// pattern per word escaped into it): past this many entries it starts again.
    private static let storageLimit = 4096
    private let lock = NSLock()

    func regex(_ pattern: String, caseInsensitive: Bool) -> NSRegularExpression? {
        // Small strings live inline, not in storage of their own: only longer ones have an address.
        let address = pattern.utf8.count > 15 ? pattern.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } : nil
        lock.lock()
        defer { lock.unlock() }
        if let address, let e = byStorage[StorageKey(address: address, caseInsensitive: caseInsensitive)], e.pattern == pattern {
            return e.regex
        }
        let key = (caseInsensitive ? "i:" : "s:") + pattern
        if let known = compiled[key] { return known }
        let r = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        compiled[key] = r
        // Kept by storage the first time a pattern is seen: a pattern built anew on each call
        // would only churn the table.
        if let address, let r {
            if byStorage.count >= Self.storageLimit { byStorage.removeAll(keepingCapacity: true) }
            byStorage[StorageKey(address: address, caseInsensitive: caseInsensitive)] = (pattern, r)
        }
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
