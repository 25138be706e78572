/// A port of Python's `difflib.SequenceMatcher` with `isjunk=None, autojunk=False`: the
/// measure `score.py` uses for text similarity. Scores only agree with the reference to the
/// last digit if the matching blocks are found in the same order with the same tie-breaks,
/// so this follows `find_longest_match` and `get_matching_blocks` step by step.
public struct SequenceMatcher<Element: Hashable> {
    public let a: [Element]
    public let b: [Element]
    /// Where each element of `b` occurs, in ascending order (difflib's `b2j`). With no junk
    /// and no autojunk every element is kept.
    private let b2j: [Element: [Int]]

    public struct Block: Equatable, Sendable {
        public var a: Int
        public var b: Int
        public var size: Int
    }

    public enum Tag: String, Sendable { case equal, replace, delete, insert }

    public struct Opcode: Equatable, Sendable {
        public var tag: Tag
        public var a: Range<Int>
        public var b: Range<Int>
    }

    public init(_ a: [Element], _ b: [Element]) {
        self.a = a
        self.b = b
        var index: [Element: [Int]] = [:]
        for (j, e) in b.enumerated() { index[e, default: []].append(j) }
        b2j = index
    }

    /// The longest matching block in `a[alo..<ahi]`, `b[blo..<bhi]`; of equally long ones,
    /// the one starting earliest in `a`, then earliest in `b` (difflib's tie-break).
    public func findLongestMatch(_ alo: Int, _ ahi: Int, _ blo: Int, _ bhi: Int) -> Block {
        var besti = alo, bestj = blo, bestsize = 0
        // j2len[j + 1]: length of the match ending at a[i - 1], b[j] (difflib's dict, kept
        // in an array; `touched` lists the entries to clear before the next row).
        var prev = [Int](repeating: 0, count: b.count + 1)
        var cur = prev
        var prevTouched: [Int] = [], curTouched: [Int] = []
        if alo < ahi {
            for i in alo..<ahi {
                if let js = b2j[a[i]] {
                    for j in js {
                        if j < blo { continue }
                        if j >= bhi { break }
                        let k = prev[j] + 1
                        cur[j + 1] = k
                        curTouched.append(j + 1)
                        if k > bestsize {
                            besti = i - k + 1
                            bestj = j - k + 1
                            bestsize = k
                        }
                    }
                }
                for t in prevTouched { prev[t] = 0 }
                swap(&prev, &cur)
                swap(&prevTouched, &curTouched)
                curTouched.removeAll(keepingCapacity: true)
            }
        }
        // difflib then extends the match over elements the loop above skipped: popular ones
        // (none without autojunk) and junk (none without isjunk). Only the first two of its
        // four loops can apply, and they find nothing to add; kept so the port reads like it.
        while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
            besti -= 1; bestj -= 1; bestsize += 1
        }
        while besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize] {
            bestsize += 1
        }
        return Block(a: besti, b: bestj, size: bestsize)
    }

    /// Non-adjacent matching blocks in order, ending with the sentinel `(len(a), len(b), 0)`.
    public func matchingBlocks() -> [Block] {
        var queue = [(0, a.count, 0, b.count)]
        var blocks: [Block] = []
        while let (alo, ahi, blo, bhi) = queue.popLast() {
            let m = findLongestMatch(alo, ahi, blo, bhi)
            guard m.size > 0 else { continue }
            blocks.append(m)
            if alo < m.a && blo < m.b { queue.append((alo, m.a, blo, m.b)) }
            if m.a + m.size < ahi && m.b + m.size < bhi { queue.append((m.a + m.size, ahi, m.b + m.size, bhi)) }
        }
        blocks.sort { ($0.a, $0.b, $0.size) < ($1.a, $1.b, $1.size) }
        var merged: [Block] = []
        var current = Block(a: 0, b: 0, size: 0)
        for block in blocks {
            if current.a + current.size == block.a && current.b + current.size == block.b {
                current.size += block.size
            } else {
                if current.size > 0 { merged.append(current) }
                current = block
            }
        }
        if current.size > 0 { merged.append(current) }
        merged.append(Block(a: a.count, b: b.count, size: 0))
        return merged
    }

    /// How to turn `a` into `b`: difflib's `get_opcodes`.
    public func opcodes() -> [Opcode] {
        var i = 0, j = 0
        var out: [Opcode] = []
        for m in matchingBlocks() {
            let tag: Tag? = i < m.a && j < m.b ? .replace : i < m.a ? .delete : j < m.b ? .insert : nil
            if let tag { out.append(Opcode(tag: tag, a: i..<m.a, b: j..<m.b)) }
            i = m.a + m.size
            j = m.b + m.size
            if m.size > 0 { out.append(Opcode(tag: .equal, a: m.a..<i, b: m.b..<j)) }
        }
        return out
    }

    /// `2 * matches / (len(a) + len(b))`, 1 when both are empty.
    public func ratio() -> Double {
        let matches = matchingBlocks().reduce(0) { $0 + $1.size }
        let length = a.count + b.count
        return length > 0 ? 2.0 * Double(matches) / Double(length) : 1.0
    }
}
