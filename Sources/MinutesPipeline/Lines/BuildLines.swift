import MinutesModel
import PageLayout

public struct BuildLines: Stage {
    public let name = "build-lines"
    public init() {}
    public func run(_ doc: inout WorkingDocument) throws {}
}
