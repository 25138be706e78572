import Foundation

/// Item numbers: which are top-level, which follow which.
enum Numbering {
    static func numeric(_ n: String) -> Int? { Int(n.filter(\.isNumber)) }

    static func isTopLevel(_ n: String) -> Bool {
        // Councils number minutes through the years: "2691.".
        if n.range(ofRegex: #"^\d{1,4}$"#) != nil { return true }
        if n.range(ofRegex: #"^[A-Z]{0,4}\d{1,4}/\d{2,4}$"#) != nil { return true }
        // NHS and board references: "BD/20/45", "TB/2021/07".
        if n.range(ofRegex: #"^[A-Z]{1,5}/\d{2,4}/\d{1,4}$"#) != nil { return true }
        if n.range(ofRegex: #"^[IVXLC]+$"#) != nil { return true }
        return false
    }

    /// The next top-level number: one more than the last, or a first number of 1–3; parish
    /// references ("24/031") go up within their year.
    static func follows(_ n: String, _ last: String?) -> Bool {
        if let r = Roman.value(n) {
            guard let last, let lr = Roman.value(last) else { return r <= 3 }
            return r == lr + 1 || r == 1
        }
        if n.contains("/") {
            guard let last else { return true }
            guard last.contains("/") else { return false }
            let a = n.split(separator: "/"), b = last.split(separator: "/")
            // Year first ("14/037", "14/038"), number first ("45/23", "46/23") or a board's
            // prefix and year ("BD/20/45", "BD/20/46"): one part goes up, the rest stay. A
            // letter prefix ("FC23/045") stays with the year.
            guard a.count == b.count, a.count >= 2 else { return false }
            let differing = a.indices.filter { a[$0] != b[$0] }
            guard differing.count == 1, let i = differing.first, let x = Int(a[i]), let y = Int(b[i]) else { return false }
            return x > y && x - y <= 5
        }
        guard let v = Int(n) else { return false }
        // Council minutes number items through the year ("84. Apologies"): the first may be any number.
        guard let last, let lv = Int(last) else { return true }
        return v == lv + 1 || v == lv + 2 || v == 1
    }
}

enum Roman {
    static func value(_ s: String) -> Int? {
        guard s.range(ofRegex: #"^[IVXLC]+$"#) != nil else { return nil }
        let map: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0, prev = 0
        for c in s.reversed() {
            let v = map[c] ?? 0
            total += v < prev ? -v : v
            prev = max(prev, v)
        }
        return total
    }
}

/// How a document numbers its items where plain 1, 2, 3 does not cover it: parish minute
/// references that carry the year and month ("16.03.2", "16.03.3"), or a decimal top level
/// ("1.0", "2.0") with sub-items ("2.1") beneath.
struct NumberingScheme: Sendable {
    /// "16.03" when items are numbered 16.03.1, 16.03.2 …
    var referencePrefix: String?
    /// Items numbered 1.0, 2.0 …
    var pointZero = false

    init(numbers: [String]) {
        var prefixes: [String: Int] = [:]
        var threePart = 0
        var pointZeros = Set<Int>()
        let all = Set(numbers)
        for n in numbers {
            let parts = n.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { continue }
            if parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]) {
                threePart += 1
                // "16.03" and "16.3" are one prefix, typed two ways.
                prefixes["\(a).\(b)", default: 0] += 1
            } else if parts.count == 2, parts[1].allSatisfy({ $0 == "0" }), let v = Int(parts[0]) {
                pointZeros.insert(v)
            }
        }
        // One prefix on (nearly) every three-part number, and never an item of its own: a
        // reference scheme, not sub-sub-items under "4.1" (which would have a "4.1" or "4").
        if let (p, c) = prefixes.max(by: { $0.value < $1.value }), c >= 2, Double(c) >= 0.8 * Double(threePart),
           !all.contains(where: { Self.sameNumber($0, p) }), let head = p.split(separator: ".").first,
           !all.contains(where: { Self.sameNumber($0, String(head)) }) {
            referencePrefix = p
        }
        pointZero = pointZeros.contains { pointZeros.contains($0 + 1) }
    }

    private func referenceSequence(_ n: String) -> Int? {
        guard let p = referencePrefix else { return nil }
        let parts = n.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), "\(a).\(b)" == p else { return nil }
        return Int(parts[2])
    }

    /// "16.03" and "16.3", "4" and "04": the same number.
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        let y = b.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        return !x.contains(nil) && x == y
    }

    private func pointZeroValue(_ n: String) -> Int? {
        guard pointZero else { return nil }
        let parts = n.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0 == "0" }) else { return nil }
        return Int(parts[0])
    }

    func isTopLevel(_ n: String) -> Bool {
        if referenceSequence(n) != nil || pointZeroValue(n) != nil { return true }
        // With 1.0, 2.0 as items, a bare "2." is a numbered paragraph.
        if pointZero, Int(n) != nil { return false }
        return Numbering.isTopLevel(n)
    }

    func follows(_ n: String, _ last: String?) -> Bool {
        if let v = referenceSequence(n) {
            guard let last else { return true }
            guard let lv = referenceSequence(last) else { return false }
            return v > lv && v - lv <= 3
        }
        if let v = pointZeroValue(n) {
            guard let last else { return v <= 3 }
            guard let lv = pointZeroValue(last) else { return false }
            return v == lv + 1 || v == lv + 2
        }
        return Numbering.follows(n, last)
    }
}
