import Foundation
import MinutesModel
import MinutesPipeline

/// Converts one input file into minutes. Errors are typed and name the file.
public struct DocumentConverter: Sendable {
    public var pipeline: Pipeline

    public init(pipeline: Pipeline = .standard()) {
        self.pipeline = pipeline
    }

    public func convert(fileAt url: URL, displayName: String? = nil,
                        inspect: ((String, WorkingDocument) -> Void)? = nil) throws -> Minutes {
        let name = displayName ?? url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ConversionError.unreadable(file: name, reason: "cannot read the file (\(Self.describe(error)))")
        }
        var minutes = try convert(data: data, fileName: name, inspect: inspect)
        CorrectionsBeside.apply(for: url, to: &minutes)
        return minutes
    }

    public func convert(data: Data, fileName: String, sha256: String? = nil,
                        inspect: ((String, WorkingDocument) -> Void)? = nil) throws -> Minutes {
        let input = try InputDocument(fileName: fileName, data: data, sha256: sha256)
        return try pipeline.run(input, inspect: inspect)
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}

public extension Error {
    /// One line for the user: typed errors say the file and what is wrong.
    var oneLine: String {
        let text = String(describing: self)
        return text.replacingOccurrences(of: "\n", with: " ")
    }
}
