import PageLayout

/// An action table as rebuilt by table repair: its columns, and the lines it spans.
public struct ActionTable: Sendable {
    public enum Kind: String, Sendable {
        /// A grid: item/discussion, action, owner, date... columns side by side.
        case grid
        /// A narrow right-hand column of owner initials beside the paragraphs that set actions.
        case margin
    }

    public var kind: Kind
    public var columns: [Column]
    public var firstPage: Int
    public var lastPage: Int
    /// Each table line split into its columns, for `--dump-stage repair-tables`.
    public var rows: [[ColumnRole: String]] = []

    public init(kind: Kind, columns: [Column], firstPage: Int, lastPage: Int) {
        self.kind = kind
        self.columns = columns
        self.firstPage = firstPage
        self.lastPage = lastPage
    }

    public struct Column: Sendable, Equatable {
        public var role: ColumnRole
        public var header: String
        /// Left edge in points: a word starting at or right of it (and left of the next
        /// column's edge) belongs to this column. The first column reaches the page edge.
        public var x0: Double
        public init(role: ColumnRole, header: String, x0: Double) {
            self.role = role
            self.header = header
            self.x0 = x0
        }
    }
}

public enum ColumnLayout {
    /// `slack`: how far left of a column edge a word may start and still belong to it. A
    /// scanned page drifts a few points with skew and deskew; a text layer does not.
    public static func role(atX x: Double, _ columns: [ActionTable.Column], slack: Double = 1.5) -> ColumnRole {
        var role = columns.first?.role ?? .discussion
        for c in columns where x >= c.x0 - slack { role = c.role }
        return role
    }

    /// Splits a line's words between columns.
    public static func split(_ line: Line, _ columns: [ActionTable.Column]) -> [ColumnRole: [Word]] {
        var cells: [ColumnRole: [Word]] = [:]
        for w in line.words {
            cells[role(atX: w.box.x0, columns, slack: w.confidence == nil ? 1.5 : 6), default: []].append(w)
        }
        return cells
    }

    /// True when a word runs across a column edge: full-width text, so not table content.
    public static func crosses(_ line: Line, _ columns: [ActionTable.Column]) -> Bool {
        let edges = columns.dropFirst().map(\.x0)
        return line.words.contains { w in edges.contains { e in w.box.x0 < e - 3 && w.box.x1 > e + 4 } }
    }
}
