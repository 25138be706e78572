import MinutesModel
import PageLayout

public struct ClassifySections: Stage {
    public let name = "classify-sections"
    public init() {}
    public func run(_ doc: inout WorkingDocument) throws {}
}
