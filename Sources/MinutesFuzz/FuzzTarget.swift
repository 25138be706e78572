import Foundation
import MinutesApp
import MinutesPipeline
import PopplerText
import TesseractOCR

/// The bytes a fuzzer makes, through what a hostile input reaches: content sniffing, the
/// whole text pipeline (poppler's parser and text layout), page drawing (poppler's image
/// decoders and cairo) and image headers and decoding (leptonica, libpng, libjpeg, libtiff).
/// OCR itself is left out: seconds a page would leave the fuzzer almost no inputs a minute.
enum FuzzEntry {
    static let pipeline: Pipeline = {
        var options = PipelineOptions()
        options.ocr = .never
        options.limits.maxPages = 50
        options.limits.maxMegapixels = 4
        return Pipeline.standard(options: options)
    }()

    static func run(_ data: Data) {
        _ = try? DocumentConverter(pipeline: pipeline).convert(data: data, fileName: "fuzz.bin")
        switch InputKind.sniff(data) {
        case .pdf:
            guard let pdf = try? PDFDocument(data: data, fileName: "fuzz.bin") else { return }
            for n in 1...min(pdf.pageCount, 3) {
                // Small drawings: the decoders run in full whatever the resolution.
                if let page = try? pdf.page(n) { _ = page.render(dpi: 18, maxPixels: 1_000_000) }
            }
        case .png, .jpeg, .tiff:
            guard let source = try? ImageSource(data: data, limits: ImageLimits(maxPixels: 4_000_000, maxFrames: 20)) else { return }
            for i in 0..<min(source.pageCount, 3) { _ = try? source.page(i) }
        case nil:
            return
        }
    }
}

#if MINUTES_LIBFUZZER
// Built by scripts/fuzz.sh with address sanitizer and libFuzzer's coverage: libFuzzer drives the entry.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let rc = LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            FuzzEntry.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        }
        exit(rc)
    }
}
#else
/// Without libFuzzer: runs each file given through the same entry (replaying findings).
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                continue
            }
            FuzzEntry.run(data)
            print("\(path): ok")
        }
    }
}
#endif
