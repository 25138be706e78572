import MinutesModel
import PageLayout

public struct RepairTables: Stage {
    public let name = "repair-tables"
    public init() {}
    public func run(_ doc: inout WorkingDocument) throws {}
}
