import MinutesModel
import PageLayout

public struct StripRunningText: Stage {
    public let name = "strip-running-text"
    public init() {}
    public func run(_ doc: inout WorkingDocument) throws {}
}
