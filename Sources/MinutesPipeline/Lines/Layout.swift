import PageLayout

/// The distances readers compare on a page, each named once with why it is that much: gaps
/// between lines in line heights (a line's box is about its font size tall; single-spaced
/// lines sit a fifth to two fifths of that apart, paragraphs a whole line or more), widths
/// in font sizes (ems), and positions as shares of the page.
enum Layout {
    // MARK: gaps between lines, in line heights (the taller line's, unless said)

    /// Lines of one paragraph sit closer than this: a blank line is about one line height,
    /// and 1.5 line spacing leaves about 0.8, still one paragraph.
    static let paragraphGap = 0.9
    /// A line wrapped mid-paragraph sits at most a line below the one it continues.
    static let wrapGap = 1.0
    /// A field's value run on below its label ("Venue: Council Chamber," / "Town Hall"):
    /// labels sit in table cells with padding, so a little more than a blank line.
    static let fieldValueGap = 1.3
    /// A line set just over another as one unit, a letterhead's name over its office or an
    /// item heading over its second line (the lower line's height): half a blank line more
    /// than a blank line.
    static let stackedGap = 1.5
    /// A people list ends at a gap of two blank lines...
    static let listBreakGap = 2.2
    /// ...unless the next line reads as a person within three: a list split from a column
    /// beside it keeps a row's gap where the other column's entry ran onto a second line.
    static let listRowGap = 3.2
    /// Two lists set side by side end where a gap wider than two blank lines opens.
    static let sideBySideListGap = 2.5

    // MARK: across the line, in ems of the line's font size

    /// Left edges within this start one column: text-layer jitter and a scan's skew move an
    /// edge by half an em.
    static let sameColumn = 0.6
    /// Under a label's value column, a little looser: values are often centred in cells.
    static let valueColumn = 0.8
    /// A line starting a whole em left of a list's entries is the text around it again.
    static let outdent = 1.0
    /// A space between words, in line heights: a word that would fit after the line's last
    /// one with a space between would have been set there (the line was not wrapped).
    static let spaceWidth = 0.3
    /// How close to the page's right margin a wrapped line's end comes: justified and ragged
    /// text stop within half an em of it.
    static let marginSlack = 0.5
    /// A running list's line ending this close to the list's right edge runs on mid-entry.
    static let listEdgeSlack = 2.5
    /// Initials wrapped onto their own row go back to the cell starting within two ems.
    static let cellAlignment = 2.0
    /// A roll call's status cell starts within this of the status header: headers are
    /// centred over their column, two or three ems from the cells' left edges.
    static let statusColumn = 2.5
    /// A gap between two of a line's segments wider than three ems separates runs of text
    /// (a title and a reference or logo text beside it).
    static let runGap = 3.0
    /// Pieces of one title set along a row are within four ems of each other.
    static let titlePieceGap = 4.0
    /// Lines in the same type differ in size by at most a tenth (or a point).
    static let sameSize = 0.1

    // MARK: across the page

    /// The running header, not the footer: in the upper half of the page.
    static let headerBand = 0.5
    /// A margin column of owners' initials stands past this share of the page width.
    static let initialsColumnStart = 0.72
    /// A margin column of action statuses stands past this share: statuses are wider.
    static let statusColumnStart = 0.55
    /// Initials in a margin column start within this many ems of the column's median edge:
    /// they are set flush left, and a scan drifts a couple of ems down a page.
    static let initialsAlignment = 2.5
    /// Statuses in a margin column start within this: flush left, printed from a table.
    static let statusAlignment = 1.5
    /// A lone "ACTION" header right of this share of the page width heads a margin column.
    static let marginHeaderStart = 0.6

    /// The em of a line: its font size, or its height where a scan gave no size.
    static func em(_ l: Line) -> Double { l.fontSize > 0 ? l.fontSize : l.box.height }

    /// The gap from `a`'s bottom to `b`'s top, in the taller line's heights.
    static func gap(_ a: Line, _ b: Line) -> Double {
        let h = max(a.box.height, b.box.height)
        return h > 0 ? (b.box.y0 - a.box.y1) / h : .infinity
    }
}
