import MinutesModel
import PageLayout

public struct ResolveOwners: Stage {
    public let name = "resolve-owners"
    public init() {}
    public func run(_ doc: inout WorkingDocument) throws {}
}
