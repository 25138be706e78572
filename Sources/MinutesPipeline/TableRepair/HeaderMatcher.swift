import Foundation
import PageLayout

/// Recognises the header row of an action table from the words that name its columns.
public struct HeaderMatcher: Sendable {
    /// Header phrases, lower-case words joined by one space, with the role of the column each names.
    public var phrases: [String: ColumnRole]
    private var longest: Int

    /// The vocabulary's header phrases (`Vocabulary.columnHeaders`).
    public static let builtIn: [String: ColumnRole] = Vocabulary.shared.columnHeaders

    /// Words that may stand alone on a second header line ("Date for / Completion").
    static let continuation = Set(Vocabulary.shared.columnHeaderContinuations)

    /// Headers of a narrow right-hand column that holds only owners.
    static let marginHeaders = Set(Vocabulary.shared.marginColumnHeaders)

    /// Words that join two header phrases into one column's header ("Meeting date & action number").
    static let joiners = Set(Vocabulary.shared.columnHeaderJoiners)

    public init(extra: [String: ColumnRole] = [:]) {
        var all = Self.builtIn
        // An item column holds the item's number and heading, which table repair reads as
        // the discussion column's (the built-in "Item" header names it so): a profile's
        // `item` role is that role, or the column's words would belong to no reader.
        for (k, v) in extra { all[Self.normal(k)] = v == .item ? .discussion : v }
        phrases = all
        longest = all.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    private static let edge: Set<Character> = [":", ";", ",", "|", "*", " ", "\t"]

    static func normal(_ s: String) -> String {
        s.lowercased().trimming(edge).split(separator: " ").joined(separator: " ")
    }

    public struct Match: Sendable {
        public var kind: ActionTable.Kind
        public var columns: [ActionTable.Column]
        /// Lines the header takes, from the matched line on.
        public var lineCount: Int
        /// For a margin header on an item line: the rest of the line, still flow text.
        public var flowWords: [Word]
    }

    public func match(_ lines: [Line], at i: Int, pageWidth: Double) -> Match? {
        let line = lines[i]
        guard line.segments.contains(where: { !$0.words.isEmpty }) else { return nil }
        if let grid = gridMatch(line) {
            var columns = grid
            var count = 1
            // A header cell may wrap onto a second line.
            if i + 1 < lines.count, lines[i + 1].page == line.page,
               lines[i + 1].box.y0 - line.box.y1 < line.box.height * 1.2 {
                let next = lines[i + 1].words.map { Self.normal($0.text) }
                if !next.isEmpty, next.count <= 4, next.allSatisfy({ Self.continuation.contains($0) }) {
                    count = 2
                    for w in lines[i + 1].words {
                        if let k = columns.lastIndex(where: { $0.x0 <= w.box.x0 + 2 }) { columns[k].header += " " + w.text }
                    }
                }
            }
            // "Who  When" heading only the right of the page, no action or discussion column:
            // the text to their left is the minutes' own flow, and an entry marks the
            // sentence beside it, as a lone "ACTION" margin header does.
            let roles = Set(columns.map(\.role))
            if roles.isDisjoint(with: [.action, .discussion, .item]), roles.contains(.owner),
               let first = columns.map(\.x0).min(), first > pageWidth * Layout.marginHeaderStart {
                let margin = [ActionTable.Column(role: .discussion, header: "", x0: -.infinity)] + columns.sorted { $0.x0 < $1.x0 }
                return Match(kind: .margin, columns: margin, lineCount: count, flowWords: [])
            }
            return Match(kind: .grid, columns: columns, lineCount: count, flowWords: [])
        }
        // A lone "ACTION" at the right of the page heads a column of owners.
        if let last = line.segments.last, last.box.x0 > pageWidth * Layout.marginHeaderStart,
           Self.marginHeaders.contains(Self.normal(last.text)) {
            let rest = line.segments.dropLast().flatMap(\.words)
            let columns = [ActionTable.Column(role: .discussion, header: "", x0: -.infinity),
                           ActionTable.Column(role: .owner, header: last.text, x0: last.box.x0)]
            return Match(kind: .margin, columns: columns, lineCount: 1, flowWords: rest)
        }
        return nil
    }

    /// Two or more header phrases across two or more segments, naming an action, owner or
    /// date column, and almost nothing else on the line.
    func gridMatch(_ line: Line) -> [ActionTable.Column]? {
        guard line.segments.count >= 2 else { return nil }
        var columns: [ActionTable.Column] = []
        var matchedWords = 0
        let total = line.segments.reduce(0) { $0 + $1.words.count }
        // Four words in five must be header phrases: a line stops being a candidate at
        // the first miss past that share, which for body text is its first word or two.
        let allowedMisses = Double(total) * 0.2
        var misses = 0
        for seg in line.segments {
            let words = seg.words
            let normal = words.map { Self.normal($0.text) }
            var k = 0
            // A joiner after a phrase of this segment ("Meeting date &"), not yet counted.
            var joiner: Word?
            while k < words.count {
                var found = false
                // Longest phrase first: "date for completion" before "date".
                for n in stride(from: min(longest, words.count - k), through: 1, by: -1) {
                    guard let role = phrases[normal[k..<(k + n)].joined(separator: " ")] else { continue }
                    let text = words[k..<(k + n)].map(\.text).joined(separator: " ")
                    if let j = joiner, let last = columns.last, last.role == role {
                        // "Meeting date & action number": two phrases for one role are one column.
                        columns[columns.count - 1].header += " \(j.text) " + text
                        matchedWords += n + 1
                    } else {
                        if joiner != nil {
                            misses += 1
                            if Double(misses) > allowedMisses { return nil }
                        }
                        columns.append(ActionTable.Column(role: role, header: text, x0: words[k].box.x0))
                        matchedWords += n
                    }
                    joiner = nil
                    k += n
                    found = true
                    break
                }
                if !found {
                    let afterPhrase = k > 0 && joiner == nil && columns.last.map { $0.x0 >= seg.box.x0 } == true
                    if afterPhrase, Self.joiners.contains(normal[k]) {
                        joiner = words[k]
                    } else {
                        if joiner != nil { misses += 1; joiner = nil }
                        misses += 1
                        if Double(misses) > allowedMisses { return nil }
                    }
                    k += 1
                }
            }
            // "Meeting date &" over "action number": the header goes on below.
            if joiner != nil {
                matchedWords += 1
                if let j = joiner { columns[columns.count - 1].header += " " + j.text }
            }
        }
        guard columns.count >= 2, Double(matchedWords) >= Double(total) * 0.8 else { return nil }
        let roles = Set(columns.map(\.role))
        guard roles.count == columns.count || roles.count >= 3 else { return nil }
        guard !roles.intersection([.owner, .due, .status]).isEmpty || roles.contains(.action) && roles.count >= 2 else {
            return nil
        }
        guard roles.contains(.action) || roles.contains(.owner) || roles.contains(.due) else { return nil }
        return columns
    }
}
