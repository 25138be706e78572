import Foundation
import MinutesModel
import MinutesPipeline

/// `NAME.corrections.json` beside an input `NAME.pdf`: a person's fixes from the review
/// page, applied to every conversion of that input so a fix made once survives.
public enum CorrectionsBeside {
    public static func url(for input: URL) -> URL {
        let ext = input.pathExtension
        let stem = ext.isEmpty ? input.lastPathComponent : String(input.lastPathComponent.dropLast(ext.count + 1))
        return input.deletingLastPathComponent().appendingPathComponent(stem + CorrectionsFile.suffix)
    }

    /// The corrections file beside `input`, if there is one; a file that cannot be read is
    /// reported in the minutes' diagnostics rather than stopping the conversion.
    public static func load(for input: URL, into m: inout Minutes) -> CorrectionsFile? {
        let url = url(for: input)
        guard let data = try? Data(contentsOf: url) else { return nil }
        do {
            return try CorrectionsFile.decode(data)
        } catch {
            m.diagnostics.append(Diagnostic(stage: Minutes.correctionsStage, severity: .warning,
                                            message: "\(url.lastPathComponent) not applied: \(describe(error))"))
            return nil
        }
    }

    /// Applies the corrections beside `input` (if any) and resolves corrected owners to attendees.
    @discardableResult
    public static func apply(for input: URL, to m: inout Minutes) -> CorrectionsFile? {
        guard let file = load(for: input, into: &m) else { return nil }
        let outcome = m.apply(file, from: url(for: input).lastPathComponent)
        let people = m.attendees + m.apologies
        for a in outcome.applied where a.field == "owners" {
            guard let path = RecordPath(parsing: a.record), case .list(.actions, let idx) = path.root, m.actions.indices.contains(idx[0]) else { continue }
            m.actions[idx[0]].ownerNames = m.actions[idx[0]].owners.map { ResolveOwners.resolve($0, in: people) }
        }
        return file
    }

    /// Added to the pipeline version a batch stores, so a changed corrections file converts
    /// the input again instead of skipping it as done.
    public static func versionSuffix(for input: URL) -> String {
        guard let data = try? Data(contentsOf: url(for: input)) else { return "" }
        return " corrections=" + String(SHA256.hex(data).prefix(12))
    }

    static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let c) = error { return c.debugDescription }
        if let e = error as? DecodingError { return "not a corrections file (\(e))" }
        return error.localizedDescription
    }
}
