import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// The vocabulary's own rules, and the layout tests every reader shares.
final class VocabularyAndLayoutTests: XCTestCase {
    let v = Vocabulary.shared

    /// Every people label holds one of the stems the label test looks for first.
    func testEveryPeopleLabelHoldsAStem() {
        for label in v.attendanceLabels + v.absenceLabels + v.attendanceLabelWords + v.presentWords + v.absenceLabelOpeners {
            XCTAssertTrue(v.peopleLabelStems.contains(where: label.contains), "\(label) holds no stem")
        }
    }

    /// English and Welsh are merged; no entry is listed twice.
    func testLanguagesMergeWithoutDuplicates() {
        XCTAssertTrue(v.honorifics.contains("cllr") && v.honorifics.contains("cyng"))
        XCTAssertEqual(v.monthsWithDayAndYear["fehefin"], 6)
        for list in [v.honorifics, v.offices, v.ranks, v.attendanceLabels, v.statusWords] {
            XCTAssertEqual(Set(list).count, list.count)
        }
        XCTAssertTrue(Set(v.offices).isDisjoint(with: v.officesThatAreSurnames))
    }

    /// Entries in capitals match only capitals; others any case. Alternations escape and put
    /// the longest first.
    func testCapitalsAndAlternations() {
        XCTAssertTrue(Vocabulary.matches(entry: "DCI", "DCI"))
        XCTAssertFalse(Vocabulary.matches(entry: "DCI", "Dci"))
        XCTAssertTrue(Vocabulary.matches(entry: "cllr", "CLLR"))
        XCTAssertEqual(v.title(opening: "Det. Insp. Jo Lee")?.written, "Det. Insp.")
        XCTAssertNil(v.title(opening: "Ds Ward"))
        XCTAssertEqual(Vocabulary.alternation(["on", "held on", "a.m."]), #"held on|a\.m\.|on"#)
        XCTAssertEqual(Vocabulary.alternation(["a.m."], optionalDots: true), #"a\.?m\.?"#)
        XCTAssertNotNil("9.30 am".range(ofRegex: #"\d\s*(\#(Vocabulary.alternation(v.timeSuffixes, optionalDots: true)))"#))
    }

    /// Office words: a surname at the end of a name, an office elsewhere.
    func testOfficeWords() {
        XCTAssertTrue(v.isOffice(["Deputy", "Chief", "Constable"], at: 2))
        XCTAssertTrue(v.isOffice(["Special", "Constable"], at: 1))
        XCTAssertFalse(v.isOffice(["Jane", "Constable"], at: 1))
        XCTAssertTrue(v.isOffice(["Clerk", "Ann", "Ross"], at: 0))
        XCTAssertTrue(v.isOffice(["Moran", "Clerk", "Ann", "Ross"], at: 1))
        XCTAssertTrue(v.isOffice(["the", "Mayor"], at: 1))
        XCTAssertTrue(v.isOffice(["Council's"], at: 0))
    }

    func line(_ y: Double, _ cells: [(Double, String)], page: Int = 1) -> Line { makeLine(page: page, y: y, cells) }

    /// One paragraph test: close lines, or a page break; a bullet, number or bold line starts anew.
    func testParagraphContinuation() {
        let a = line(100, [(72, "The hall roof needs repair and")])
        XCTAssertTrue(Paragraphs.continues(a, into: line(113, [(72, "the clerk will get quotes.")])))
        XCTAssertTrue(Paragraphs.continues(a, into: line(118, [(72, "the clerk will get quotes.")])), "1.5 spacing: 0.8 of a line apart")
        XCTAssertFalse(Paragraphs.continues(a, into: line(125, [(72, "A new paragraph after a blank line.")])))
        XCTAssertFalse(Paragraphs.continues(a, into: line(113, [(72, "•"), (90, "a bullet")])))
        XCTAssertFalse(Paragraphs.continues(a, into: line(113, [(72, "2."), (90, "Next item")])))
        XCTAssertTrue(Paragraphs.continues(a, into: line(60, [(72, "carried over the page")], page: 2)))
    }

    /// A line broken where the next word would not fit continues; one stopping short does not.
    func testWrappedLines() {
        let context = SectionContext(lines: [line(100, [(72, "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll")]),
                                             line(112, [(72, "mmmm nnnn")]), line(140, [(72, "short line")]), line(152, [(72, "next")])])
        XCTAssertTrue(context.wraps(context.lines[0], into: context.lines[1]))
        XCTAssertFalse(context.wraps(context.lines[2], into: context.lines[3]))
    }

    /// One margin-column detector: initials or statuses down the right beside prose, at one
    /// edge, enough of them.
    func testMarginColumns() {
        let prose = "the members discussed the new parking scheme"
        let initials = [line(100, [(60, prose), (470, "AW")]), line(130, [(60, prose), (472, "SG/NS")]),
                        line(160, [(60, "nothing at the margin here")]), line(190, [(60, prose), (469, "RT")])]
        let found = RepairTables.initialsColumn.find(initials, widths: [1: 595])
        XCTAssertEqual(found?.entries.map(\.index), [0, 1, 3])
        XCTAssertEqual(found?.x, 470)
        XCTAssertNil(RepairTables.initialsColumn.find(Array(initials.prefix(2)), widths: [1: 595]), "two entries make no column")
        let statuses = (0..<4).map { line(100 + Double($0) * 20, [(60, prose), (400, ["New", "Open", "Closed", "In progress"][$0])]) }
        XCTAssertEqual(StatusLog.statusColumn.find(statuses, widths: [1: 595])?.entries.count, 4)
        XCTAssertNil(RepairTables.initialsColumn.find(statuses, widths: [1: 595]))
        XCTAssertTrue(MarginColumn.isProseWord("scheme,"))
        XCTAssertFalse(MarginColumn.isProseWord("2024"))
    }
}
