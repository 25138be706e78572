import Foundation
import MinutesModel
import MinutesPipeline

/// Converts in the calling process: for `--dump-stage` (which needs the stages' state)
/// and for callers that embed the library. A crash here is the caller's crash.
public final class InProcessBackend: ConversionBackend, @unchecked Sendable {
    let converter: DocumentConverter
    let inspect: (@Sendable (String, WorkingDocument) -> Void)?

    public init(converter: DocumentConverter, inspect: (@Sendable (String, WorkingDocument) -> Void)? = nil) {
        self.converter = converter
        self.inspect = inspect
    }

    public func convert(_ job: ConversionJob, lane: Int, progress: (ConversionProgress) -> Void) -> ConversionOutcome {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: job.path), options: .mappedIfSafe)
        } catch {
            return .failed(ConversionFailure("cannot read the file (\(DocumentConverter.describe(error)))", kind: .io))
        }
        var minutes: Minutes
        do {
            var last = Date()
            minutes = try withoutActuallyEscaping(progress) { progress in
                try converter.convert(data: data, fileName: job.fileName, sha256: job.sha256) { stage, doc in
                    self.inspect?(stage, doc)
                    let now = Date()
                    progress(.stageDone(stage, seconds: now.timeIntervalSince(last)))
                    last = now
                }
            }
        } catch {
            var reason = error.oneLine
            if reason.hasPrefix(job.fileName + ": ") { reason = String(reason.dropFirst(job.fileName.count + 2)) }
            return .failed(ConversionFailure(reason, kind: .document, mayBeIncomplete: ConversionFailure.couldBeIncomplete(error)))
        }
        do {
            return .converted(try job.finish(&minutes, source: data, password: converter.pipeline.options.password))
        } catch {
            return .failed(ConversionFailure(error.oneLine, kind: .io))
        }
    }

    public func retireIdle(after seconds: Double) {}
    public func laneDone(_ lane: Int) {}
    public func shutdown() {}
}
