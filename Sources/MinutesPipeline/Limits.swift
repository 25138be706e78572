import Foundation
import TesseractOCR

/// Caps on what one input may cost, each checked before the work it bounds, with defaults
/// well above any real minutes and a command-line option to raise each.
public struct InputLimits: Sendable, Equatable, Codable {
    /// Pages in one document (PDF pages, image frames). The longest real board packs run
    /// to a few hundred pages; `--max-pages`.
    public var maxPages = 2000
    /// Pixels in one image page, and in one PDF page drawn for OCR (drawn at a lower
    /// resolution to fit). An A0 sheet at 300 dpi is 139 megapixels; `--max-megapixels`.
    public var maxMegapixels = 150.0
    /// Seconds tesseract may spend on one page before it stops with what it has read; a
    /// 300 dpi A4 page takes 2–5 s. `--max-ocr-seconds`.
    public var maxOCRSecondsPerPage = 120.0
    /// Bytes in one input file, checked before it is read; `--max-input-mb`.
    public var maxInputBytes: Int64 = 1 << 30

    public init() {}

    public var maxPixels: Int { Int(min(maxMegapixels * 1_000_000, Double(Int.max / 2))) }

    var image: ImageLimits { ImageLimits(maxPixels: maxPixels, maxFrames: maxPages) }

    /// Why a document of `pages` pages is refused, or nil.
    func pageRefusal(_ pages: Int) -> String? {
        pages > maxPages ? "\(pages) pages, over the limit of \(maxPages) (--max-pages raises it)" : nil
    }

    /// Why a file of `bytes` bytes is refused before it is read, or nil.
    public func sizeRefusal(_ bytes: Int64) -> String? {
        guard bytes > maxInputBytes else { return nil }
        return String(format: "%.0f MB, over the input limit of %.0f MB (--max-input-mb raises it)",
                      Double(bytes) / 1_048_576, Double(maxInputBytes) / 1_048_576)
    }
}
