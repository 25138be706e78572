import Foundation

/// The size of an image file's pages, read from its headers without decoding a pixel, so
/// that a decompression bomb (a few kilobytes of PNG that inflate to 100,000 × 100,000
/// pixels, a TIFF of 10,000 frames) is refused before anything is allocated for it.
public struct ImageHeader: Equatable, Sendable {
    public enum Format: String, Sendable { case png, jpeg, tiff }

    public struct Frame: Equatable, Sendable {
        public var width: Int
        public var height: Int
        /// Saturates rather than overflow: a header may claim anything.
        public var pixels: Int {
            let (p, overflow) = width.multipliedReportingOverflow(by: height)
            return overflow ? Int.max : p
        }

        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }

    public var format: Format
    /// Every page (TIFF directory) found, up to the frame limit given to `read` plus one.
    public var frames: [Frame]

    /// Reads the headers; nil when the bytes are none of the three formats, or when the
    /// header is too damaged to give a size (the decoder then says what is wrong).
    /// Stops counting TIFF directories past `maxFrames`, so a chain of millions costs nothing.
    public static func read(_ data: Data, maxFrames: Int) -> ImageHeader? {
        data.withUnsafeBytes { raw -> ImageHeader? in
            let b = raw.bindMemory(to: UInt8.self)
            if b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(b) }
            if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 { return jpeg(b) }
            if b.count >= 8, (b[0] == 0x49 && b[1] == 0x49) || (b[0] == 0x4D && b[1] == 0x4D) {
                return tiff(b, maxFrames: max(1, maxFrames))
            }
            return nil
        }
    }

    /// PNG: the first chunk is IHDR, width and height big-endian at bytes 16 and 20.
    private static func png(_ b: UnsafeBufferPointer<UInt8>) -> ImageHeader? {
        guard b[12] == 0x49, b[13] == 0x48, b[14] == 0x44, b[15] == 0x52 else { return nil }
        let w = Int(be32(b, 16)), h = Int(be32(b, 20))
        return ImageHeader(format: .png, frames: [Frame(width: w, height: h)])
    }

    /// JPEG: walk the marker segments to the first start-of-frame (SOF0–SOF15 but DHT,
    /// JPG and DAC), which holds height then width.
    private static func jpeg(_ b: UnsafeBufferPointer<UInt8>) -> ImageHeader? {
        var i = 2
        while i + 3 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }  // no length
            if marker == 0xD9 || marker == 0xDA { return nil }  // end of image, or scan before any frame
            let length = Int(be16(b, i + 2))
            guard length >= 2 else { return nil }
            let isSOF = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isSOF {
                guard i + 8 < b.count else { return nil }
                let h = Int(be16(b, i + 5)), w = Int(be16(b, i + 7))
                return ImageHeader(format: .jpeg, frames: [Frame(width: w, height: h)])
            }
            i += 2 + length
        }
        return nil
    }

    /// TIFF (and BigTIFF): follow the chain of image directories, taking ImageWidth (256)
    /// and ImageLength (257) from each. A directory pointing back into the chain ends it.
    private static func tiff(_ b: UnsafeBufferPointer<UInt8>, maxFrames: Int) -> ImageHeader? {
        let little = b[0] == 0x49
        func u16(_ o: Int) -> Int? { o >= 0 && o + 2 <= b.count ? Int(little ? le16(b, o) : be16(b, o)) : nil }
        func u32(_ o: Int) -> Int? { o >= 0 && o + 4 <= b.count ? Int(little ? le32(b, o) : be32(b, o)) : nil }
        func u64(_ o: Int) -> Int? {
            guard let lo = u32(little ? o : o + 4), let hi = u32(little ? o + 4 : o) else { return nil }
            return hi > 0x7FFF ? nil : hi << 32 | lo
        }
        guard let magic = u16(2), magic == 42 || magic == 43 else { return nil }
        let big = magic == 43
        let entrySize = big ? 20 : 12
        var offset = (big ? u64(8) : u32(4)) ?? 0
        var seen = Set<Int>()
        var frames: [Frame] = []
        while offset > 0, frames.count <= maxFrames, seen.insert(offset).inserted {
            guard let count = big ? u64(offset) : u16(offset), count < 10_000 else { break }
            let first = offset + (big ? 8 : 2)
            var width = 0, height = 0
            for e in 0..<count {
                let at = first + e * entrySize
                guard let tag = u16(at), let type = u16(at + 2) else { break }
                guard tag == 256 || tag == 257 else { continue }
                // SHORT (3) or LONG (4) / LONG8 (16), the value held in the entry itself.
                let valueAt = at + (big ? 12 : 8)
                let value = type == 3 ? u16(valueAt) : type == 16 ? u64(valueAt) : u32(valueAt)
                if tag == 256 { width = value ?? 0 } else { height = value ?? 0 }
            }
            frames.append(Frame(width: width, height: height))
            let next = first + count * entrySize
            offset = (big ? u64(next) : u32(next)) ?? 0
        }
        return frames.isEmpty ? nil : ImageHeader(format: .tiff, frames: frames)
    }

    private static func be16(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt32 { UInt32(b[o]) << 8 | UInt32(b[o + 1]) }
    private static func le16(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt32 { UInt32(b[o + 1]) << 8 | UInt32(b[o]) }
    private static func be32(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt32 { be16(b, o) << 16 | be16(b, o + 2) }
    private static func le32(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt32 { le16(b, o + 2) << 16 | le16(b, o) }
}

/// What an image input may cost: checked against its headers before any pixel is decoded.
public struct ImageLimits: Sendable, Equatable {
    /// Pixels in one page (width × height).
    public var maxPixels: Int
    /// Pages (TIFF frames) in one file.
    public var maxFrames: Int

    public init(maxPixels: Int, maxFrames: Int) {
        self.maxPixels = maxPixels
        self.maxFrames = maxFrames
    }

    /// Why the image is refused, or nil when it is within the limits.
    func refusal(_ header: ImageHeader) -> String? {
        if header.frames.count > maxFrames {
            return "the \(header.format.rawValue.uppercased()) has more than \(maxFrames) pages (the limit; --max-pages raises it)"
        }
        for (i, f) in header.frames.enumerated() where f.pixels > maxPixels {
            let page = header.frames.count > 1 ? "page \(i + 1) is " : ""
            return "\(page)\(f.width) × \(f.height) pixels, over the limit of \(Self.megapixels(maxPixels)) megapixels (--max-megapixels raises it)"
        }
        return nil
    }

    static func megapixels(_ pixels: Int) -> String {
        let mp = Double(pixels) / 1_000_000
        return mp == mp.rounded() ? String(Int(mp)) : String(format: "%.1f", mp)
    }
}
