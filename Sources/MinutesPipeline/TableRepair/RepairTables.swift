import Foundation
import MinutesModel
import PageLayout

/// Finds action tables, assigns words to columns, follows rows across page breaks, splits
/// cells holding several actions, and leaves the discussion column in the text flow.
public struct RepairTables: Stage {
    public let name = "repair-tables"
    public init() {}

    public func run(_ doc: inout WorkingDocument) throws {
        let widths = Dictionary(doc.pages.map { ($0.number, $0.width) }, uniquingKeysWith: { a, _ in a })
        let matcher = HeaderMatcher(extra: doc.options.columnHeaders)
        var lines = doc.lines
        let labelled = lines.indices.contains { matcher.match(lines, at: $0, pageWidth: widths[lines[$0].page] ?? 595) != nil }
        if !labelled, let column = Self.unlabelledMarginColumn(lines, widths: widths) {
            // No header names it, so mark where it starts with one, as a header would.
            lines.insert(column.header, at: column.before)
            doc.note(name, .info, page: column.header.page, "a right-hand column of initials with no heading read as an action column")
        }
        var flow: [Line] = []
        var actions: [Action] = []
        if !labelled, let log = StatusLog.detect(lines, widths: widths) {
            let read = StatusLog.read(lines[log.range], statusX: log.statusX)
            actions += read
            let first = lines[log.range.lowerBound].page, last = lines[log.range.upperBound - 1].page
            doc.note(name, .info, page: first,
                     "action log with a status column and no header row over pages \(first)–\(last): \(read.count) action(s)")
            lines.removeSubrange(log.range)
        }
        var i = 0
        // Items seen so far in the flow, so a table that starts mid-item knows its item.
        var currentItem: String?
        while i < lines.count {
            let line = lines[i]
            guard let header = matcher.match(lines, at: i, pageWidth: widths[line.page] ?? 595) else {
                if let n = ItemNumber.leading(line) { currentItem = n.number }
                flow.append(line)
                i += 1
                continue
            }
            var columns = Self.refine(header.columns, kind: header.kind, lines: lines, after: i + header.lineCount)
            if header.kind == .grid { columns = Self.normalise(columns) }
            if !header.flowWords.isEmpty {
                let kept = Line(page: line.page, segments: BuildLines.segments(header.flowWords))
                if let n = ItemNumber.leading(kept) { currentItem = n.number }
                flow.append(kept)
            }
            var j = i + header.lineCount
            var body: [Line] = []
            while j < lines.count {
                let l = lines[j]
                if let again = matcher.match(lines, at: j, pageWidth: widths[l.page] ?? 595), again.kind == header.kind {
                    // The header repeated at the top of a page is not a row.
                    if header.kind == .grid { j += again.lineCount; continue }
                    break
                }
                // Body text may run into a margin column now and then; only a grid ends at full-width text.
                if header.kind == .grid, ColumnLayout.crosses(l, columns) { break }
                body.append(l)
                j += 1
            }
            var table = ActionTable(kind: header.kind, columns: columns, firstPage: line.page,
                                    lastPage: body.last?.page ?? line.page)
            let result = TableReader(columns: columns, kind: header.kind, startItem: currentItem).read(body)
            table.rows = body.map { l in ColumnLayout.split(l, columns).mapValues { $0.map(\.text).joined(separator: " ") } }
            doc.tables.append(table)
            var read = result.actions
            if !columns.contains(where: { $0.role == .owner }) {
                // An action log with no owner column names the owner in the sentence: "Home Office team to share…".
                for k in read.indices where read[k].owners.isEmpty {
                    if let subject = ActionText.ownerSubject(read[k].description) { read[k].owners = [subject] }
                }
            }
            actions += read
            flow += result.flow
            if let last = result.lastItem { currentItem = last }
            let desc = columns.map { "\($0.role.rawValue)" + ($0.header.isEmpty ? "" : " '\($0.header)'") }.joined(separator: " | ")
            doc.note(name, .info, page: line.page,
                     "\(header.kind == .grid ? "action table" : "margin action column") [\(desc)] over pages \(table.firstPage)–\(table.lastPage): \(result.actions.count) action(s)"
                     + (columns.contains(where: { $0.role == .owner }) ? "" : "; no owner column, owners taken from each action's wording"))
            for w in result.warnings { doc.note(name, .warning, page: w.page, w.message) }
            i = j
        }
        doc.lines = flow
        doc.tableActions = actions
    }

    /// A right-hand column of owner initials with no heading: at least three lines end, far
    /// right, in a run of initials ("AW", "SG/NS") at about the same x, beside body text.
    static let initialsColumn = MarginColumn(
        startsPast: Layout.initialsColumnStart, alignment: Layout.initialsAlignment, minimumEntries: 3, proseWords: 4,
        isEntry: { last in
            last.words.allSatisfy({ isInitialsGroup($0.text) || ["/", "&", ","].contains($0.text) })
                && last.words.contains(where: { isInitialsGroup($0.text) })
        })

    static func unlabelledMarginColumn(_ lines: [Line], widths: [Int: Double]) -> (header: Line, before: Int)? {
        guard let column = initialsColumn.find(lines, widths: widths), let first = column.entries.first else { return nil }
        let near = column.entries, median = column.x
        // Initials on line after line are a list of people (name … initials), not actions set
        // here and there beside the discussion.
        let adjacent = zip(near, near.dropFirst()).filter { $1.index == $0.index + 1 }.count
        guard adjacent * 2 < near.count else { return nil }
        // A header-like line for the matcher: the word "Action" at the column's left edge.
        let l = lines[first.index]
        let x = near.map(\.x).min() ?? median
        let word = Word(text: "Action", box: Rect(x0: x, y0: l.box.y0 - 0.5, x1: x + 30, y1: l.box.y0), fontSize: l.fontSize)
        return (Line(page: l.page, segments: [Segment(words: [word])]), first.index)
    }

    /// "AW", "SG/NS", "RS&SG": initials alone or joined.
    static func isInitialsGroup(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "&" || $0 == "," })
        return !parts.isEmpty && parts.allSatisfy { PeopleParsing.isInitials(String($0)) }
    }

    /// Item/number columns hold the item's number and its discussion; a table with no
    /// discussion or action column keeps its actions in the unlabelled first column.
    static func normalise(_ columns: [ActionTable.Column]) -> [ActionTable.Column] {
        var cols = columns.sorted { $0.x0 < $1.x0 }
        let roles = Set(cols.map(\.role))
        if let first = cols.first, ![.discussion, .action, .ref].contains(first.role) {
            cols.insert(ActionTable.Column(role: roles.contains(.action) ? .discussion : .action, header: "", x0: -.infinity), at: 0)
        }
        // A "Ref" column first and no action column: the next unnamed text is the action.
        if !cols.contains(where: { $0.role == .action }), let d = cols.firstIndex(where: { $0.role == .discussion }) {
            cols[d].role = .action
        }
        cols[0].x0 = -.infinity
        return cols
    }

    /// Moves each column edge to where the column's text really starts: headers are often
    /// centred over left-aligned text. Only lines that fit the header's columns vote.
    static func refine(_ columns: [ActionTable.Column], kind: ActionTable.Kind, lines: [Line], after start: Int) -> [ActionTable.Column] {
        var cols = columns.sorted { $0.x0 < $1.x0 }
        guard cols.count >= 2 else { return cols }
        let sample = lines[start..<min(lines.count, start + 60)].filter { !ColumnLayout.crosses($0, cols) }
        for k in 1..<cols.count {
            let headerX = cols[k].x0
            let previousEnd = cols[k - 1].x0.isFinite ? cols[k - 1].x0 + 10 : -Double.infinity
            var starts: [Double] = []
            for l in sample {
                for seg in l.segments where seg.box.x0 <= headerX + 3 && seg.box.x0 >= max(previousEnd, headerX - (kind == .margin ? 20 : 45)) {
                    // A margin column holds initials; other text there is body text running long.
                    if kind == .margin, !seg.words.allSatisfy({ isInitialsGroup($0.text) || $0.text == "/" || $0.text == "&" }) { continue }
                    starts.append(seg.box.x0)
                }
            }
            if let m = starts.min(), starts.count >= 1 { cols[k].x0 = min(headerX, m) }
        }
        return cols
    }
}

/// Reads actions out of the lines of one table.
struct TableReader {
    var columns: [ActionTable.Column]
    var kind: ActionTable.Kind
    var startItem: String?

    struct Result {
        var actions: [Action] = []
        var flow: [Line] = []
        var lastItem: String?
        var warnings: [(page: Int, message: String)] = []
    }

    // OCR often loses the dash after the ref ("9/17  Andy Prophet"), so it is optional.
    static let refPattern = try! NSRegularExpression(pattern: #"^\(?(\d{1,4}\s?/\s?\d{2,4})\)?(?:\s*(?:[–—:-]|\.(?=\s))\s*|\s+(?=[A-Za-z]))"#)

    /// One action being read: the lines of its band.
    struct Band {
        var ref: String?
        var item: String?
        var action: [Word] = []
        var owner: [Word] = []
        var due: [Word] = []
        var status: [Word] = []
        var refWords: [Word] = []
        var discussion: [Line] = []
        var page: Int
        var boxes: [Rect] = []
        var hasFields: Bool { !owner.isEmpty || !due.isEmpty || !status.isEmpty }
    }

    static let noiseEdge: Set<Character> = ["_", "|", "¦", "‘", "’", "“", "”", "\"", "'", "`", "~"]

    static func denoise(_ words: [Word]) -> [Word] {
        words.compactMap { w in
            let t = w.text.trimming(noiseEdge)
            // Owner separators ("SH / VH", "CC & DCC") are punctuation that carries meaning.
            guard t.unicodeScalars.contains(where: \.isAlphanumericFast) || ["/", "&", ",", "+"].contains(t) else { return nil }
            var out = w
            out.text = t
            return out
        }
    }

    /// An item number that opens a new table row ("2.", "4a"), not a sub-heading ("ii)").
    static func isRowNumber(_ n: String) -> Bool {
        n.range(ofRegex: #"^\d{1,3}[a-z]?$"#) != nil
    }

    /// Words that leave an owner cell open for its next line: "RK /", "OP, NF and".
    static let ownerJoiners: Set<String> = ["/", "&", ",", "+", "and"]

    /// A line's action text that starts a new row rather than wrapping the open one: it opens
    /// with a capital, as an action does ("Review the plan"; a wrapped line goes on "fund
    /// before…"), and the open row's owner cell does not end on a joiner waiting for more.
    static func opensRow(_ action: [Word], after band: Band) -> Bool {
        guard let first = action.first?.text.first, first.isUppercase, !band.action.isEmpty else { return false }
        if let last = band.owner.last?.text.lowercased(),
           ownerJoiners.contains(last) || ownerJoiners.contains(where: { $0.count == 1 && last.hasSuffix($0) }) { return false }
        return true
    }

    func read(_ body: [Line]) -> Result {
        kind == .grid ? readGrid(body) : readMargin(body)
    }

    private func readGrid(_ body: [Line]) -> Result {
        var result = Result()
        var item = startItem
        var bands: [Band] = []
        var open: Band?
        var previous: (page: Int, hadAction: Bool, hadFields: Bool)?

        func close() {
            if let b = open, !b.action.isEmpty || b.hasFields { bands.append(b) }
            open = nil
        }

        for line in body {
            var cells = ColumnLayout.split(line, columns)
            let discussion = cells[.discussion] ?? []
            var newRow = false
            if !discussion.isEmpty {
                let kept = Line(page: line.page, segments: BuildLines.segments(discussion))
                let leading = ItemNumber.leading(kept)
                newRow = leading.map { Self.isRowNumber($0.number) } == true
                // A row number: "2.", "4a" that carries on from the last one, not "28 August" or "67/16".
                if let n = leading, Self.isRowNumber(n.number),
                   item.map({ Numbering.follows(n.number.filter(\.isNumber), $0.filter(\.isNumber)) || n.number.filter(\.isNumber) == $0.filter(\.isNumber) }) ?? true,
                   n.rest.isEmpty || n.rest.first?.isUppercase == true || n.rest.first == "i" {
                    item = n.number
                }
                result.flow.append(kept)
            }
            // Ruling lines and specks read by OCR as "|", "_" or "—" are not cell text.
            let actionWords = Self.denoise(cells[.action] ?? [])
            for role in [ColumnRole.owner, .due, .status, .ref] { cells[role] = cells[role].map(Self.denoise) }
            let fields = (cells[.owner] ?? []) + (cells[.due] ?? []) + (cells[.status] ?? [])
            let refWords = cells[.ref] ?? []
            let newPage = previous.map { $0.page != line.page } ?? false
            let actionText = actionWords.map(\.text).joined(separator: " ")
            let startsWithRef = Self.refPattern.firstMatch(in: actionText, range: NSRange(actionText.startIndex..., in: actionText)) != nil
            let resumesAfterGap = !actionWords.isEmpty && previous.map { !$0.hadAction && $0.page == line.page } ?? false

            var startNew = false
            if startsWithRef || !refWords.isEmpty || newRow {
                startNew = true
            } else if !fields.isEmpty, let b = open, b.hasFields, !(previous?.hadFields ?? false), !newPage {
                startNew = true
            } else if resumesAfterGap, let b = open, !b.action.isEmpty {
                startNew = true
            } else if !fields.isEmpty, let p = previous, p.hadFields, p.hadAction, !newPage,
                      let b = open, Self.opensRow(actionWords, after: b) {
                // A table with no ruled lines: row under row, each a line with its own
                // action and owner or date, and no blank line between them.
                startNew = true
            }
            if startNew { close() }
            if open == nil, !actionWords.isEmpty || !fields.isEmpty || !refWords.isEmpty {
                open = Band(item: item, page: line.page)
            }
            if var b = open {
                b.action += actionWords
                b.owner += cells[.owner] ?? []
                b.due += cells[.due] ?? []
                b.status += cells[.status] ?? []
                b.refWords += refWords
                // The box is where the action starts: a row continued overleaf has no one box.
                if line.page == b.page, !actionWords.isEmpty || !fields.isEmpty {
                    b.boxes.append(Rect.enclosing((actionWords + fields).map(\.box)) ?? line.box)
                }
                open = b
            }
            previous = (line.page, !actionWords.isEmpty, !fields.isEmpty)
        }
        close()
        result.lastItem = item
        for b in bands {
            var text = b.action.map(\.text).joined(separator: " ")
            var ref: String? = b.refWords.isEmpty ? nil : b.refWords.map(\.text).joined(separator: " ")
            if let m = Self.refPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let r = Range(m.range(at: 1), in: text), let whole = Range(m.range, in: text) {
                ref = ref ?? text[r].replacingOccurrences(of: " ", with: "")
                text = String(text[whole.upperBound...])
            }
            text = TextJoin.clean(text)
            // "Meeting date & action number" holding only a date: when the action was set, no reference.
            var setOn: String?
            if let r = ref, r.range(ofRegex: #"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$"#) != nil { setOn = r; ref = nil }
            guard !text.isEmpty else {
                result.warnings.append((b.page, "table row with owner/date but no action text skipped"))
                continue
            }
            result.actions.append(Action(
                ref: ref, item: b.item, description: text,
                owners: b.owner.isEmpty ? [] : [b.owner.map(\.text).joined(separator: " ")],
                dueText: b.due.isEmpty ? nil : b.due.map(\.text).joined(separator: " "),
                status: b.status.isEmpty ? nil : TextJoin.clean(b.status.map(\.text).joined(separator: " ")),
                setOn: setOn, page: b.page, box: Rect.enclosing(b.boxes)?.array))
        }
        return result
    }

    /// A margin column: each owner entry marks the paragraph or bullet beside it as an action.
    private func readMargin(_ body: [Line]) -> Result {
        var result = Result()
        var item = startItem
        var flowLines: [Line] = []
        var anchors: [(index: Int, owner: [Word], item: String?, page: Int)] = []
        var lastOwnerLine: Line?
        // A "When" column beside the owners: each entry's date, by its anchor's index.
        var dues: [Int: [Word]] = [:]
        for line in body {
            let cells = ColumnLayout.split(line, columns)
            let discussion = cells[.discussion] ?? []
            let owner = cells[.owner] ?? []
            defer {
                if let due = cells[.due], !due.isEmpty, !anchors.isEmpty { dues[anchors.count - 1, default: []] += Self.denoise(due) }
            }
            var kept: Line?
            if !discussion.isEmpty {
                let k = Line(page: line.page, segments: BuildLines.segments(discussion))
                if let n = ItemNumber.leading(k), k.box.x0 < (line.box.x0 + 5) { item = n.number }
                flowLines.append(k)
                kept = k
            }
            if !owner.isEmpty {
                let ownerLine = Line(page: line.page, segments: BuildLines.segments(owner))
                let words = Self.isWordEntry(owner)
                if words, let last = lastOwnerLine, anchors.count > 0, last.page == line.page,
                   ownerLine.box.y0 - last.box.y1 < Self.entryWrapGap * max(last.box.height, 1),
                   !(kept.map(Paragraphs.startsBullet) ?? false) {
                    // An entry in words that wraps ("Clerk to / include on / PC agenda") goes
                    // on in the line right under it, with no gap: one entry, not several.
                    anchors[anchors.count - 1].owner += owner
                } else if kept != nil {
                    // Initials that wrap under the previous entry belong to it.
                    if !words, let last = anchors.last, last.index == flowLines.count - 2, !(kept.map(Paragraphs.startsBullet) ?? false) {
                        anchors[anchors.count - 1].owner += owner
                    } else {
                        anchors.append((flowLines.count - 1, owner, item, line.page))
                    }
                } else if words {
                    // A name or task beside no text of its own marks the paragraph that follows.
                    anchors.append((flowLines.count, owner, item, line.page))
                } else if var last = anchors.popLast() {
                    last.owner += owner
                    anchors.append(last)
                }
                lastOwnerLine = words ? ownerLine : nil
            } else {
                lastOwnerLine = nil
            }
        }
        // Two owners beside one paragraph mark two actions: each takes the lines from its own
        // line down to the next owner's line (the first also takes the lines above it).
        let bounded = anchors.map { min($0.index, max(flowLines.count - 1, 0)) }
        let ranges = bounded.map { flowLines.isEmpty ? 0...0 : Paragraphs.around(flowLines, $0) }
        for (k, a) in anchors.enumerated() where !flowLines.isEmpty || !a.owner.isEmpty {
            let owners = a.owner.map(\.text).joined(separator: " ")
            // "Clerk to include on PC agenda": the entry is the whole action.
            if Self.isWordEntry(a.owner), owners.contains(" "), let lead = ActionSentences.leadingOwner(owners, people: ActionSentences.People(), loose: true) {
                result.actions.append(Action(item: a.item, description: owners, owners: [lead], page: a.page,
                                             box: Rect.enclosing(a.owner.map(\.box))?.array))
                continue
            }
            guard !flowLines.isEmpty else { continue }
            var range = ranges[k]
            if k + 1 < anchors.count, ranges[k + 1] == range { range = range.lowerBound...(bounded[k + 1] - 1) }
            if k > 0, ranges[k - 1] == ranges[k] { range = bounded[k]...range.upperBound }
            guard range.lowerBound <= range.upperBound else { continue }
            let lines = Array(flowLines[range])
            var text = TextJoin.clean(Paragraphs.stripBullet(lines.map(\.text).joined(separator: " ")))
            // A name in the column ("Cllr. Kirt"): the action is the sentence that names them
            // doing it, in the paragraph or the lines under it before the next entry.
            if Self.isWordEntry(a.owner) {
                let searchEnd = min(flowLines.count - 1, k + 1 < anchors.count ? max(range.upperBound, bounded[k + 1] - 1) : range.upperBound + Self.nameSearchLines)
                let near = flowLines[range.lowerBound...max(range.lowerBound, searchEnd)].map(\.text).joined(separator: " ")
                if let sentence = Self.sentence(naming: owners, in: near) { text = sentence }
            }
            guard !text.isEmpty else { continue }
            let due = dues[k].map { $0.map(\.text).joined(separator: " ") }
            result.actions.append(Action(item: a.item, description: text, owners: [owners], dueText: due,
                                         page: lines.first?.page,
                                         box: Rect.enclosing(lines.filter { $0.page == lines.first?.page }.map(\.box) + a.owner.map(\.box))?.array))
        }
        result.flow = flowLines
        result.lastItem = item
        return result
    }

    /// An entry in words ("Cllr. Kirt", "Clerk to include…"), not initials ("CC", "CoS", "SG/NS").
    static func isWordEntry(_ words: [Word]) -> Bool {
        words.contains { w in !RepairTables.isInitialsGroup(w.text) && !["/", "&", ","].contains(w.text) && w.text.contains(where: \.isLowercase) }
    }

    /// How close under an owner entry its next line sits, in line heights, to wrap on.
    static let entryWrapGap = 0.9
    /// How many lines under the paragraph beside a name the sentence naming them may stand.
    static let nameSearchLines = 8

    /// The sentence, from the name on, in which `name` ("Cllr. Kirt", "Cllr Bell") is the
    /// subject of a verb: "…and Cllr. Bell undertook to obtain valuations." → "Cllr. Bell
    /// undertook to obtain valuations."
    static func sentence(naming name: String, in text: String) -> String? {
        let words = name.split(separator: " ").map { NSRegularExpression.escapedPattern(for: $0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
        guard !words.isEmpty else { return nil }
        // The name then a verb, not a joining word: "Cllr Bell and the clerk attended" names two.
        let pattern = #"\b"# + words.joined(separator: #"\.?\s+"#) + #"\.?\s+(?!(?:and|or|with|of|&)\s)[a-z][^.!?]*(?:[.!?](?=\s|$)|$)"#
        guard let r = text.range(ofRegex: pattern) else { return nil }
        return TextJoin.clean(String(text[r]))
    }
}
