import CTesseract
import Foundation
import PageLayout

/// One leptonica `PIX`, destroyed in `deinit`. Internal: no C type leaves this target.
final class PixImage {
    let pix: UnsafeMutablePointer<PIX>

    /// Takes ownership of `pix`.
    init(taking pix: UnsafeMutablePointer<PIX>) {
        self.pix = pix
    }

    /// An 8-bit leptonica image holding `image`'s pixels and resolution.
    convenience init?(gray image: GrayImage) {
        guard image.width > 0, image.height > 0, image.pixels.count >= image.width * image.height,
              let pix = pixCreate(Int32(image.width), Int32(image.height), 8) else { return nil }
        self.init(taking: pix)
        let dpi = Int32(image.dpi.rounded())
        pixSetResolution(pix, dpi, dpi)
        let wpl = Int(pixGetWpl(pix))
        guard let data = pixGetData(pix) else { return nil }
        let w = image.width
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let line = UnsafeMutableRawPointer(data + y * wpl).assumingMemoryBound(to: UInt8.self)
                let row = y * w
                for x in 0..<w {
                    line[Self.byteIndex(x)] = src[row + x]
                }
            }
        }
    }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&p)
    }

    /// Leptonica packs 8-bit pixels into 32-bit words, most significant byte first, so on a
    /// little-endian machine pixel x lives at byte x ^ 3 of its line.
    @inline(__always) static func byteIndex(_ x: Int) -> Int {
        #if _endian(little)
        return x ^ 3
        #else
        return x
        #endif
    }

    var width: Int { Int(pixGetWidth(pix)) }
    var height: Int { Int(pixGetHeight(pix)) }
    var depth: Int { Int(pixGetDepth(pix)) }
    var xResolution: Int { Int(pixGetXRes(pix)) }

    /// This image as 8-bit grey (converting colour, colour maps and 1-bit images).
    func toGray8() -> PixImage? {
        if depth == 8, pixGetColormap(pix) == nil { return pixClone(pix).map(PixImage.init(taking:)) }
        var source = self
        // Transparent pixels carry arbitrary colour (often black): blend them onto white.
        if pixGetSpp(pix) == 4, depth == 32, let blended = pixAlphaBlendUniform(pix, 0xFFFF_FF00) {
            source = PixImage(taking: blended)
        }
        return pixConvertTo8(source.pix, 0).map(PixImage.init(taking:))
    }

    /// The pixels as a `GrayImage`; the image must be 8-bit without a colour map.
    func grayImage(dpi: Double) -> GrayImage? {
        guard depth == 8, let data = pixGetData(pix) else { return nil }
        let w = width, h = height, wpl = Int(pixGetWpl(pix))
        var pixels = [UInt8](repeating: 255, count: w * h)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                let line = UnsafeRawPointer(data + y * wpl).assumingMemoryBound(to: UInt8.self)
                let row = y * w
                for x in 0..<w {
                    out[row + x] = line[Self.byteIndex(x)]
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: pixels, dpi: dpi)
    }
}

/// A 1-bit image's black pixels, read row by row for stroke measurements.
struct BinaryRows {
    let width: Int
    let height: Int
    private let words: [UInt32]
    private let wpl: Int

    init?(_ image: PixImage) {
        guard image.depth == 1, let data = pixGetData(image.pix) else { return nil }
        width = image.width
        height = image.height
        wpl = Int(pixGetWpl(image.pix))
        words = Array(UnsafeBufferPointer(start: data, count: wpl * height))
    }

    /// Leptonica 1-bit pixels: 1 = black, most significant bit first in each 32-bit word.
    @inline(__always) func isBlack(_ x: Int, _ y: Int) -> Bool {
        (words[y * wpl + x >> 5] >> (31 - UInt32(x & 31))) & 1 == 1
    }

    /// Horizontal black runs inside a box: mean length of the short ones (vertical stems),
    /// which is the stroke width; long runs are horizontal strokes and rules.
    func stemWidth(x0: Int, y0: Int, x1: Int, y1: Int, maxRun: Int) -> Double? {
        let xa = max(0, x0), xb = min(width, x1), ya = max(0, y0), yb = min(height, y1)
        guard xb > xa, yb > ya else { return nil }
        var total = 0, runs = 0
        for y in ya..<yb {
            var run = 0
            for x in xa..<xb {
                if isBlack(x, y) {
                    run += 1
                } else if run > 0 {
                    if run <= maxRun { total += run; runs += 1 }
                    run = 0
                }
            }
            if run > 0, run <= maxRun { total += run; runs += 1 }
        }
        return runs >= 4 ? Double(total) / Double(runs) : nil
    }

    /// Share of black pixels inside a box.
    func fill(x0: Int, y0: Int, x1: Int, y1: Int) -> Double? {
        let xa = max(0, x0), xb = min(width, x1), ya = max(0, y0), yb = min(height, y1)
        guard xb > xa, yb > ya else { return nil }
        var black = 0
        for y in ya..<yb {
            for x in xa..<xb where isBlack(x, y) { black += 1 }
        }
        return Double(black) / Double((xb - xa) * (yb - ya))
    }
}
