import CTesseract
import Foundation
import PageLayout

/// Why an image file could not be read.
public enum ImageFileError: Error, Equatable, CustomStringConvertible {
    case unreadable(reason: String)

    public var description: String {
        switch self {
        case .unreadable(let r): return "image could not be read: \(r)"
        }
    }
}

/// PNG, JPEG and (multi-page) TIFF images read in memory through leptonica.
public enum ImageFile {
    /// Resolution assumed when a file states none, or one no scanner makes.
    public static let defaultDPI = 300.0

    /// Every page of the image as 8-bit grey, with the resolution the file states.
    public static func pages(from data: Data) throws -> [GrayImage] {
        Leptonica.quiet()
        guard !data.isEmpty else { throw ImageFileError.unreadable(reason: "no data") }
        let pixes: [PixImage] = try data.withUnsafeBytes { raw -> [PixImage] in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
            var format: Int32 = 0
            // findFileFormatBuffer reads a fixed-size header; short buffers are not images anyway.
            if raw.count >= 12 { findFileFormatBuffer(base, &format) }
            if Self.isTIFF(format) {
                guard let pixa = pixaReadMemMultipageTiff(base, raw.count) else {
                    throw ImageFileError.unreadable(reason: "TIFF could not be decoded")
                }
                var p: UnsafeMutablePointer<PIXA>? = pixa
                defer { pixaDestroy(&p) }
                var out: [PixImage] = []
                for i in 0..<pixaGetCount(pixa) {
                    if let pix = pixaGetPix(pixa, i, Int32(L_COPY)) { out.append(PixImage(taking: pix)) }
                }
                return out
            }
            guard let pix = pixReadMem(base, raw.count) else {
                throw ImageFileError.unreadable(reason: "not a PNG, JPEG or TIFF image leptonica can decode")
            }
            return [PixImage(taking: pix)]
        }
        guard !pixes.isEmpty else { throw ImageFileError.unreadable(reason: "the image has no pages") }
        return try pixes.enumerated().map { i, pix in
            let stated = Double(pix.xResolution)
            let dpi = (72...2400).contains(stated) ? stated : defaultDPI
            guard let gray = pix.toGray8(), let image = gray.grayImage(dpi: dpi) else {
                throw ImageFileError.unreadable(reason: "page \(i + 1): unsupported pixel format (\(pix.depth) bits)")
            }
            return image
        }
    }

    /// The image as an 8-bit grey PNG with its resolution, in memory.
    public static func png(_ image: GrayImage) throws -> Data {
        guard let pix = PixImage(gray: image) else { throw ImageFileError.unreadable(reason: "empty image") }
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMemPng(&bytes, &size, pix.pix, 0) == 0, let bytes else {
            throw ImageFileError.unreadable(reason: "PNG could not be encoded")
        }
        defer { lept_free(bytes) }
        return Data(bytes: bytes, count: size)
    }

    private static func isTIFF(_ format: Int32) -> Bool {
        [IFF_TIFF, IFF_TIFF_PACKBITS, IFF_TIFF_RLE, IFF_TIFF_G3, IFF_TIFF_G4, IFF_TIFF_LZW, IFF_TIFF_ZIP, IFF_TIFF_JPEG]
            .map { Int32($0) }.contains(format)
    }
}

enum Leptonica {
    private static let silenced: Void = {
        // Leptonica reports every decode failure on stderr; ours are typed errors instead.
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
    }()

    static func quiet() { _ = silenced }
}
