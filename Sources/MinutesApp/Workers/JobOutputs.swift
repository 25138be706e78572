import Foundation
import MinutesModel

extension ConversionJob {
    /// What follows a conversion wherever it ran (worker or in process): the corrections
    /// exported from the input's review page, then the outputs in every format asked for.
    func finish(_ minutes: inout Minutes, source: Data, password: String?) throws -> ConvertedDocument {
        let corrections = CorrectionsBeside.apply(for: URL(fileURLWithPath: path), to: &minutes)
        let formats = Set(formats.compactMap(OutputFormat.init(rawValue:)))
        let outputs = try BatchRunner.writeOutputs(minutes, base: base, outDir: URL(fileURLWithPath: outDir),
                                                   formats: formats, source: source, password: password,
                                                   corrections: corrections)
        return ConvertedDocument(pages: minutes.source.pages, outputs: outputs,
                                 actions: ActionRegister.rows(minutes, sourceFile: sourceFile),
                                 document: returnDocument ? try minutes.jsonData() : nil)
    }
}
