import PageLayout

/// An action table as rebuilt by table repair: its columns and rows, each row's cells
/// holding the lines that fell in them.
public struct ActionTable: Sendable {
    public var columns: [Column] = []
    public var rows: [Row] = []
    public init() {}

    public struct Column: Sendable, Equatable {
        public var role: ColumnRole
        public var header: String
        /// Left edge of the column on the page, in points.
        public var x0: Double
        public init(role: ColumnRole, header: String, x0: Double) {
            self.role = role
            self.header = header
            self.x0 = x0
        }
    }

    public struct Row: Sendable {
        public var cells: [ColumnRole: [Line]] = [:]
        public init() {}
    }
}
