import CTesseract
import Foundation
import PageLayout

/// Why an image file could not be read.
public enum ImageFileError: Error, Equatable, CustomStringConvertible {
    case unreadable(reason: String)
    /// Over a limit, found from the headers before anything was decoded.
    case tooLarge(reason: String)

    public var description: String {
        switch self {
        case .unreadable(let r): return "image could not be read: \(r)"
        case .tooLarge(let r): return "image refused: \(r)"
        }
    }
}

/// PNG, JPEG and (multi-page) TIFF images read in memory through leptonica.
public enum ImageFile {
    /// Resolution assumed when a file states none, or one no scanner makes.
    public static let defaultDPI = 300.0

    /// Every page of the image as 8-bit grey, with the resolution the file states.
    public static func pages(from data: Data, limits: ImageLimits? = nil) throws -> [GrayImage] {
        let source = try ImageSource(data: data, limits: limits)
        return try (0..<source.pageCount).map { try source.page($0) }
    }
}

/// An image file whose headers have been checked against the limits; its pages are
/// decoded one at a time, when asked for, so a many-page TIFF never holds every page.
public final class ImageSource: @unchecked Sendable {
    private let data: Data
    private let isTIFF: Bool
    /// Page sizes from the headers (pixels); nil where the headers gave none.
    public let frames: [ImageHeader.Frame]

    public init(data: Data, limits: ImageLimits? = nil) throws {
        Leptonica.quiet()
        guard !data.isEmpty else { throw ImageFileError.unreadable(reason: "no data") }
        var header = ImageHeader.read(data, maxFrames: limits?.maxFrames ?? 100_000)
        if header == nil, limits != nil {
            // A header our reader could not follow (junk between JPEG segments, which
            // libjpeg skips): leptonica's own header reader, which decodes no pixels either.
            header = Self.leptonicaHeader(data)
            if header == nil { throw ImageFileError.unreadable(reason: "no image header found") }
        }
        if let header, let limits, let why = limits.refusal(header) { throw ImageFileError.tooLarge(reason: why) }
        self.data = data
        var format: Int32 = 0
        // findFileFormatBuffer reads a fixed-size header; short buffers are not images anyway.
        if data.count >= 12 {
            data.withUnsafeBytes { raw in
                if let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) { findFileFormatBuffer(base, &format) }
            }
        }
        isTIFF = Self.isTIFF(format)
        if isTIFF, let header {
            frames = header.frames
        } else if isTIFF {
            throw ImageFileError.unreadable(reason: "TIFF could not be decoded")
        } else {
            frames = header?.frames.prefix(1).map { $0 } ?? [ImageHeader.Frame(width: 0, height: 0)]
        }
    }

    public var pageCount: Int { frames.count }

    private static func leptonicaHeader(_ data: Data) -> ImageHeader? {
        data.withUnsafeBytes { raw -> ImageHeader? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            var format: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0
            guard pixReadHeaderMem(base, raw.count, &format, &w, &h, &bps, &spp, &cmap) == 0 else { return nil }
            return ImageHeader(format: format == Int32(IFF_PNG) ? .png : isTIFF(format) ? .tiff : .jpeg, frames: [ImageHeader.Frame(width: Int(w), height: Int(h))])
        }
    }

    /// Page `index` (0-based) as 8-bit grey, with the resolution the file states.
    public func page(_ index: Int) throws -> GrayImage {
        let pix: PixImage? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            let p = isTIFF ? pixReadMemTiff(base, raw.count, Int32(index)) : pixReadMem(base, raw.count)
            return p.map(PixImage.init(taking:))
        }
        guard let pix else {
            throw ImageFileError.unreadable(reason: isTIFF ? "TIFF page \(index + 1) could not be decoded"
                                                           : "not a PNG, JPEG or TIFF image leptonica can decode")
        }
        let stated = Double(pix.xResolution)
        let dpi = (72...2400).contains(stated) ? stated : ImageFile.defaultDPI
        guard let gray = pix.toGray8(), let image = gray.grayImage(dpi: dpi) else {
            let page = frames.count > 1 ? "page \(index + 1): " : ""
            throw ImageFileError.unreadable(reason: "\(page)unsupported pixel format (\(pix.depth) bits)")
        }
        return image
    }

    fileprivate static func isTIFF(_ format: Int32) -> Bool {
        [IFF_TIFF, IFF_TIFF_PACKBITS, IFF_TIFF_RLE, IFF_TIFF_G3, IFF_TIFF_G4, IFF_TIFF_LZW, IFF_TIFF_ZIP, IFF_TIFF_JPEG]
            .map { Int32($0) }.contains(format)
    }
}

extension ImageFile {
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

}

enum Leptonica {
    private static let silenced: Void = {
        // Leptonica reports every decode failure on stderr; ours are typed errors instead.
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
    }()

    static func quiet() { _ = silenced }
}
