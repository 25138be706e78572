import Foundation
import MinutesModel
import PageLayout

/// Minutes that number nothing: their headed sections are the items, each with number null.
/// A heading is a short phrase that opens a block and is set apart from the body:
/// - by weight, capitals or size: "Perfunctory Business" in bold, "NEW BUSINESS";
/// - as a run-in label before its text: "ROLL CALL: Present were …", "OLD BUSINESS — None";
/// - as the outer entry of an outline, its text indented beneath it;
/// - where nothing else sets headings apart, as a label opening a paragraph: "Minutes: The
///   minutes were approved."
/// A report by an office-holder ("SUPERVISOR — Nothing to report"), a people list's or a
/// vote's label, a sentence and the minutes' own title block are not headings. Part of the
/// items reader: it runs only where no numbered item was found.
enum HeadedSections {
    static let words = Vocabulary.shared.sections
    static let notHeadings = Set(words.notHeadings)
    static let reportingOffices = Set(words.reportingOffices)
    static let notHeadingOpening = #"(?i)^(\#(Vocabulary.alternation(words.notHeadingOpenings)))\b"#
    static let sentenceVerb = #"(?i)\b(\#(Vocabulary.alternation(Vocabulary.shared.sentenceVerbs)))\b"#
    /// "LABEL: text", "LABEL – text", "LABEL — text".
    static let runInSplit = #"^([^:–—]{3,60}?)\s*(:|\s[–—-]\s)\s*"#
    /// A heading is a phrase, not a sentence: at most this many words.
    static let maxHeadingWords = 10
    /// A heading set over two lines has a few more words on its second.
    static let maxSecondLineWords = 6
    /// A run-in label is a few words: "ROLL CALL", "Treasurers Report".
    static let maxRunInWords = 6
    /// An outline's heading is a short phrase: "Perfunctory Business", "New Business".
    static let maxOutlineWords = 5
    /// Fewer headings than this are a title or a stray bold line, not the minutes' sections.
    static let minimumHeadings = 2
    /// A line a point or more larger than the body text is set apart by size.
    static let largerBy = 1.0
    /// The text under an outline's heading starts at least an em further right.
    static let outlineIndent = 1.0
    /// The title block is near the top of the first page: a date line lower down is text.
    static let titleBlockShare = 0.4

    /// How a heading is set apart.
    enum Style { case typeface, capitals, outline, paragraphLabel }

    struct Heading {
        var index: Int
        var title: String
        var style: Style
        var runIn: Bool
        /// Lines the heading took beyond its first (a heading set over two lines).
        var extra = 0
        /// The heading runs into its text with no mark between: "NEW BUSINESS Jimmy …".
        var prefix = false
    }

    static func read(_ context: SectionContext, into out: inout SectionFindings) {
        guard out.items.isEmpty else { return }
        let lines = context.lines
        let body = bodyStyle(context)
        var headings: [Heading] = []
        var i = 0
        while i < lines.count {
            if !context.consumed.contains(i), !isTitleBlock(i, context), let h = heading(i, context, body: body) {
                headings.append(h)
                i += 1 + h.extra
            } else {
                i += 1
            }
        }
        // A label opening a paragraph is a heading only where nothing else sets headings apart.
        let styled = headings.filter { $0.style != .paragraphLabel }
        let items = styled.count >= minimumHeadings ? styled : headings
        guard items.count >= minimumHeadings else { return }
        for (k, h) in items.enumerated() {
            let end = k + 1 < items.count ? items[k + 1].index : lines.count
            let l = lines[h.index]
            var text = (h.index + 1 + h.extra..<end).filter { !context.consumed.contains($0) }.map { lines[$0].text }
            if h.prefix {
                text.insert(String(Paragraphs.stripBullet(l.text).trimmed.dropFirst(h.title.count)).trimmed, at: 0)
            } else if h.runIn, let m = l.text.range(ofRegex: runInSplit) {
                text.insert(String(l.text[m.upperBound...]), at: 0)
            }
            let joined = TextJoin.clean(text.joined(separator: " "))
            out.items.append(Item(number: nil, title: h.title, text: joined, decisions: Decisions.sentences(in: joined),
                                  page: l.page, box: l.box.array))
        }
        out.note(.info, "no numbered items: \(items.count) headed sections taken as items, without numbers")
    }

    /// Whether the body text is bold (then bold sets nothing apart) and its usual size.
    static func bodyStyle(_ context: SectionContext) -> (bold: Bool, size: Double) {
        let lines = context.lines.filter { $0.text.count > 40 }
        let bold = lines.filter(\.bold).count * 2 > lines.count
        let sizes = lines.map(\.fontSize).sorted()
        return (bold, sizes.isEmpty ? 0 : sizes[sizes.count / 2])
    }

    /// The minutes' own title block: the meeting's title and body, and what is printed above
    /// the meeting's date near the top of the first page (a letterhead), are no heading.
    static func isTitleBlock(_ i: Int, _ context: SectionContext) -> Bool {
        let l = context.lines[i]
        let key = normalised(l.text)
        let meeting = context.found.meeting
        // The title again, alone or with its document word ("Commission Meeting Minutes").
        let documentWords = Set((Vocabulary.shared.documentKinds + Vocabulary.shared.recordNouns).map(normalised))
        for name in [meeting.title, meeting.organisation].compactMap({ $0 }).map(normalised) where !name.isEmpty {
            if key == name || key.contains(name) && documentWords.contains(key.replacingOccurrences(of: name, with: "")) { return true }
        }
        if let source = meeting.provenance[MeetingField.date.rawValue], source.page == l.page, l.page == context.firstPage,
           let box = source.box, box.count == 4, box[3] < context.pageHeight(l.page) * titleBlockShare, l.box.y0 <= box[3] {
            return true
        }
        return false
    }

    static func normalised(_ s: String) -> String {
        s.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// The heading a line is, if any.
    static func heading(_ i: Int, _ context: SectionContext, body: (bold: Bool, size: Double)) -> Heading? {
        let lines = context.lines
        let l = lines[i]
        let raw = Paragraphs.stripBullet(l.text).trimmed
        guard let first = raw.first, first.isUppercase, !isExcluded(raw) else { return nil }
        if let label = runInLabel(raw), isCapitals(label), !hasDate(label, context) {
            return Heading(index: i, title: label, style: .capitals, runIn: true)
        }
        // "NEW BUSINESS Jimmy Hanus was introduced …": capitals running straight into the text.
        if let label = capitalsPrefix(raw), opensParagraph(i, context), !isExcluded(label) {
            return Heading(index: i, title: label, style: .capitals, runIn: true, extra: 0, prefix: true)
        }
        let title = raw.trimmingCharacters(in: CharacterSet(charactersIn: " :–—-"))
        let count = title.split(separator: " ").count
        if isPhrase(title, words: maxHeadingWords + maxSecondLineWords), !Paragraphs.startsBullet(l), !hasDate(title, context) {
            let set = (l.bold && !body.bold) || (body.size > 0 && l.fontSize >= body.size + largerBy)
            if set {
                // A heading set over two lines in the same type: "… Policy for a Public" / "Data Corporation (PDC)".
                if i + 1 < lines.count, lines[i + 1].bold == l.bold, lines[i + 1].page == l.page,
                   Layout.gap(l, lines[i + 1]) < Layout.paragraphGap,
                   abs(lines[i + 1].box.x0 - l.box.x0) <= Layout.sameColumn * Layout.em(l),
                   isPhrase(title + " " + lines[i + 1].text.trimmed, words: maxHeadingWords + maxSecondLineWords) {
                    return Heading(index: i, title: title + " " + lines[i + 1].text.trimmed, style: .typeface, runIn: false, extra: 1)
                }
                if count <= maxHeadingWords { return Heading(index: i, title: title, style: .typeface, runIn: false) }
            }
            if isCapitals(title), count <= maxHeadingWords { return Heading(index: i, title: title, style: .capitals, runIn: false) }
        }
        // The outer entry of an outline: a short phrase with the text beneath indented.
        if count <= maxOutlineWords, isPhrase(title, words: maxOutlineWords), HeadingText.isHeadingCase(title),
           title.rangeOfCharacter(from: .decimalDigits) == nil, i + 1 < lines.count, lines[i + 1].page == l.page,
           textStart(lines[i + 1]) >= textStart(l) + outlineIndent * Layout.em(l) {
            return Heading(index: i, title: title, style: .outline, runIn: false)
        }
        // "Minutes: The minutes were approved." opening a paragraph.
        if let label = runInLabel(raw), HeadingText.isHeadingCase(label), label.rangeOfCharacter(from: .decimalDigits) == nil,
           context.labels[i].map({ $0.kind == .ignore }) ?? true, opensParagraph(i, context) {
            return Heading(index: i, title: label, style: .paragraphLabel, runIn: true)
        }
        return nil
    }

    /// A short phrase, not a sentence.
    static func isPhrase(_ t: String, words limit: Int) -> Bool {
        let count = t.split(separator: " ").count
        return count >= 1 && count <= limit && t.count >= 3 && t.range(ofRegex: "[A-Za-z]{2}") != nil
            && !t.hasSuffix(".") && !t.hasSuffix(",") && !t.hasSuffix(";") && t.range(ofRegex: sentenceVerb) == nil
    }

    /// Lines that look like headings but close a section, label a list or a vote, or name an
    /// office-holder's report or a signature.
    static func isExcluded(_ raw: String) -> Bool {
        let label = runInLabel(raw) ?? raw.trimmingCharacters(in: CharacterSet(charactersIn: " :–—-"))
        let key = label.lowercased()
        if notHeadings.contains(key) || key.range(ofRegex: notHeadingOpening) != nil { return true }
        let parts = key.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let last = parts.last, let first = parts.first else { return true }
        // "HIGHWAY COMMISSIONER", "COURTNEY MEADE, CLERK", "TRUSTEE GRADY".
        return reportingOffices.contains(last) || parts.count <= 2 && reportingOffices.contains(first)
    }

    /// The label of a run-in heading, "ROLL CALL" in "ROLL CALL: Present were …".
    static func runInLabel(_ raw: String) -> String? {
        guard let m = raw.range(ofRegex: runInSplit), m.upperBound < raw.endIndex else { return nil }
        let label = String(raw[m]).replacing(regex: #"\s*(:|\s[–—-]\s)\s*$"#, with: "").trimmed
        let count = label.split(separator: " ").count
        guard count <= maxRunInWords, label.filter(\.isLetter).count >= 4 else { return nil }
        return label
    }

    /// A date in a heading makes it a date line ("Monday 5 May 2024"), not a section.
    static func hasDate(_ t: String, _ context: SectionContext) -> Bool {
        DateParsing.first(in: t, order: context.dateOrder)?.iso.count == 10
    }

    /// Words in capitals that open a line and run straight into its text: "CORRESPONDENCE
    /// Donation request …". Enough letters that an acronym ("MCC agreed …") is not one.
    static let minimumPrefixLetters = 6
    static func capitalsPrefix(_ raw: String) -> String? {
        let words = raw.split(separator: " ")
        var taken: [Substring] = []
        for w in words {
            let letters = w.filter(\.isLetter)
            if letters.isEmpty, w.allSatisfy({ "&/".contains($0) }) { taken.append(w); continue }
            guard letters.count >= 2, letters.allSatisfy(\.isUppercase) else { break }
            taken.append(w)
        }
        guard !taken.isEmpty, taken.count < words.count, taken.count <= maxRunInWords,
              let next = words[taken.count].first, next.isLetter,
              taken.joined().filter(\.isLetter).count >= minimumPrefixLetters else { return nil }
        return taken.joined(separator: " ")
    }

    /// Where a line's words start, past a bullet.
    static func textStart(_ l: Line) -> Double {
        l.words.first { $0.text.contains(where: \.isLetter) }?.box.x0 ?? l.box.x0
    }

    /// The line starts its paragraph: after a blank line, at the top of a page, or after a
    /// sentence's end.
    static func opensParagraph(_ i: Int, _ context: SectionContext) -> Bool {
        guard i > 0 else { return true }
        let above = context.lines[i - 1], l = context.lines[i]
        return above.page != l.page || Layout.gap(above, l) >= Layout.paragraphGap
    }

    /// Written in capitals: every letter upper case, and enough of them to tell.
    static func isCapitals(_ s: String) -> Bool {
        let letters = s.filter(\.isLetter)
        return letters.count >= 3 && letters.allSatisfy { $0.isUppercase }
    }
}
