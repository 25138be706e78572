import MinutesModel
import PageLayout

public struct EmitMinutes: Stage {
    public let name = "emit-minutes"
    public init() {}
    public func run(_ doc: inout WorkingDocument) throws {}
}
