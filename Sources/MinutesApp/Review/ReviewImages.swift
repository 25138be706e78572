import Foundation
import MinutesModel
import MinutesPipeline
import PageLayout
import PopplerText
import TesseractOCR

/// One page of the source drawn for the review page, encoded, with the page's size in the
/// PDF points every box is measured in.
public struct ReviewPageImage: Sendable {
    public var number: Int
    public var widthPoints: Double
    public var heightPoints: Double
    public var data: Data
    public var mimeType: String

    public init(number: Int, widthPoints: Double, heightPoints: Double, data: Data, mimeType: String) {
        self.number = number
        self.widthPoints = widthPoints
        self.heightPoints = heightPoints
        self.data = data
        self.mimeType = mimeType
    }
}

/// How the pages are drawn: resolution and encoding. 110 dpi keeps 8-point table text
/// legible at a screen's width while a text page stays near 100 KB as JPEG.
public struct ReviewImageOptions: Sendable {
    public var dpi: Double = 110
    public var format: PreviewEncoder.Format = .jpeg
    public var quality: Int = 70
    /// The longest side in pixels, whatever the page size (an A0 plan stays a few MB).
    public var maxSide: Int = 2400

    public init(dpi: Double = 110, format: PreviewEncoder.Format = .jpeg, quality: Int = 70) {
        self.dpi = dpi
        self.format = format
        self.quality = quality
    }
}

public enum ReviewImages {
    /// Every page of the source (a PDF, or a PNG/JPEG/TIFF image), drawn and encoded. Pages
    /// OCR turned upright are turned the same way, so their boxes fall on their words.
    public static func render(source data: Data, fileName: String, password: String? = nil,
                              diagnostics: [Diagnostic] = [], options: ReviewImageOptions = ReviewImageOptions()) throws -> [ReviewPageImage] {
        let turns = quarterTurns(diagnostics)
        switch InputKind.sniff(data) {
        case .pdf:
            let pdf: PDFDocument
            do {
                pdf = try PDFDocument(data: data, fileName: fileName, password: password)
            } catch let e as PDFError {
                throw ConversionError.unreadable(file: fileName, reason: e.reason)
            }
            return try (1...max(1, pdf.pageCount)).compactMap { n -> ReviewPageImage? in
                guard n <= pdf.pageCount, let page = try? pdf.page(n) else { return nil }
                var (w, h) = page.size
                let image = turned(page.preview(dpi: options.dpi, maxSide: options.maxSide), turns[n] ?? 0)
                if (turns[n] ?? 0) % 2 == 1 { swap(&w, &h) }
                return ReviewPageImage(number: n, widthPoints: w, heightPoints: h,
                                       data: try PreviewEncoder.encode(image, as: options.format, quality: options.quality),
                                       mimeType: options.format.mimeType)
            }
        case .png, .jpeg, .tiff:
            // Points as the pipeline counted them: pixels * 72 / the file's resolution.
            return try PreviewEncoder.pages(fromImageFile: data, dpi: options.dpi).enumerated().map { i, raw in
                let image = turned(raw, turns[i + 1] ?? 0)
                return ReviewPageImage(number: i + 1, widthPoints: Double(image.width) * 72 / image.dpi,
                                       heightPoints: Double(image.height) * 72 / image.dpi,
                                       data: try PreviewEncoder.encode(image, as: options.format, quality: options.quality),
                                       mimeType: options.format.mimeType)
            }
        case nil:
            throw ConversionError.unsupported(file: fileName, what: "not a PDF or image")
        }
    }

    /// Quarter turns clockwise OCR gave each page (extract-text's "rotated … (OSD …)" notes).
    static func quarterTurns(_ diagnostics: [Diagnostic]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for d in diagnostics where d.stage == "extract-text" {
            guard let page = d.page, d.message.hasPrefix("rotated ") else { continue }
            if d.message.hasPrefix("rotated 180°") { out[page] = 2; continue }
            let digits = d.message.dropFirst("rotated ".count).prefix { $0.isNumber }
            if let deg = Int(digits), d.message.contains("clockwise") { out[page] = (deg / 90) % 4 }
        }
        return out
    }

    /// The image turned clockwise by quarter turns.
    static func turned(_ image: ColorImage, _ turns: Int) -> ColorImage {
        let t = ((turns % 4) + 4) % 4
        guard t != 0 else { return image }
        let w = image.width, h = image.height, c = image.channels
        let (nw, nh) = t == 2 ? (w, h) : (h, w)
        var out = [UInt8](repeating: 255, count: nw * nh * c)
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<h {
                for x in 0..<w {
                    let (nx, ny): (Int, Int)
                    switch t {
                    case 1: (nx, ny) = (h - 1 - y, x)
                    case 2: (nx, ny) = (w - 1 - x, h - 1 - y)
                    default: (nx, ny) = (y, w - 1 - x)
                    }
                    let s = (y * w + x) * c, d = (ny * nw + nx) * c
                    for k in 0..<c { out[d + k] = src[s + k] }
                }
            }
        }
        return ColorImage(width: nw, height: nh, channels: c, pixels: out, dpi: image.dpi)
    }
}
