import CTesseract
import Foundation
import PageLayout

/// Page images for people (the review page), encoded through leptonica: JPEG and WebP
/// keep a page of text to a small fraction of a PNG's size.
public enum PreviewEncoder {
    public enum Format: String, Sendable, CaseIterable {
        case jpeg, webp, png

        public var mimeType: String { "image/" + rawValue }
    }

    /// The image encoded; `quality` (1–100) is ignored for PNG.
    public static func encode(_ image: ColorImage, as format: Format, quality: Int = 75) throws -> Data {
        Leptonica.quiet()
        guard let pix = pix(image) else { throw ImageFileError.unreadable(reason: "empty image") }
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        let q = Int32(min(100, max(1, quality)))
        let status: Int32
        switch format {
        case .jpeg: status = pixWriteMemJpeg(&bytes, &size, pix.pix, q, 0)
        case .webp: status = pixWriteMemWebP(&bytes, &size, pix.pix, q, 0)
        case .png: status = pixWriteMemPng(&bytes, &size, pix.pix, 0)
        }
        guard status == 0, let bytes else { throw ImageFileError.unreadable(reason: "\(format.rawValue) could not be encoded") }
        defer { lept_free(bytes) }
        return Data(bytes: bytes, count: size)
    }

    /// Every page of an image file (PNG, JPEG, TIFF) in grey at no more than `dpi`, with the
    /// resolution it ends at (PDF points = pixels * 72 / dpi, as the pipeline counts them).
    public static func pages(fromImageFile data: Data, dpi: Double) throws -> [ColorImage] {
        try ImageFile.pages(from: data).map { page in
            let scale = min(1, dpi / page.dpi)
            guard scale < 0.99, let pix = PixImage(gray: page),
                  let scaled = pixScale(pix.pix, Float(scale), Float(scale)) else { return ColorImage(gray: page) }
            let small = PixImage(taking: scaled)
            guard let gray = small.toGray8()?.grayImage(dpi: page.dpi * Double(small.width) / Double(page.width)) else {
                return ColorImage(gray: page)
            }
            return ColorImage(gray: gray)
        }
    }

    private static func pix(_ image: ColorImage) -> PixImage? {
        guard image.width > 0, image.height > 0, image.pixels.count >= image.width * image.height * image.channels else { return nil }
        if image.channels == 1 {
            return PixImage(gray: GrayImage(width: image.width, height: image.height, pixels: image.pixels, dpi: image.dpi))
        }
        guard let raw = pixCreate(Int32(image.width), Int32(image.height), 32) else { return nil }
        let pix = PixImage(taking: raw)
        let dpi = Int32(image.dpi.rounded())
        pixSetResolution(raw, dpi, dpi)
        guard let data = pixGetData(raw) else { return nil }
        let wpl = Int(pixGetWpl(raw))
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let line = data + y * wpl
                var i = y * image.width * 3
                for x in 0..<image.width {
                    // Leptonica's 32-bit pixel is 0xRRGGBBAA in a native word.
                    line[x] = UInt32(src[i]) << 24 | UInt32(src[i + 1]) << 16 | UInt32(src[i + 2]) << 8 | 0xFF
                    i += 3
                }
            }
        }
        return pix
    }
}
