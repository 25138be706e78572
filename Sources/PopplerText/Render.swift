import CPoppler
import Foundation
import PageLayout

extension PDFPage {
    /// Enough rows for a few hundred pixel lines of an A4 page at 300 dpi.
    public static let defaultBandBytes = 8 << 20

    /// The page drawn onto a white cairo image surface in memory, as 8-bit grey for OCR.
    /// A page so large that `dpi` would exceed `maxSide` pixels a side or `maxPixels` in
    /// all is drawn at a lower resolution; the returned image's `dpi` is the one actually
    /// used, so points stay `pixels * 72 / dpi`.
    public func render(dpi: Double, maxSide: Int = 12000, maxPixels: Int = 150_000_000,
                       bandBytes: Int = PDFPage.defaultBandBytes) -> GrayImage {
        let (wPt, hPt) = (max(size.width, 1), max(size.height, 1))
        var scale = max(dpi, 1) / 72
        let longest = max(wPt, hPt) * scale
        if longest > Double(maxSide) { scale = Double(maxSide) / max(wPt, hPt) }
        let area = wPt * hPt * scale * scale
        if area > Double(max(1, maxPixels)) { scale *= (Double(max(1, maxPixels)) / area).squareRoot() }
        let width = max(1, Int((wPt * scale).rounded()))
        let height = max(1, Int((hPt * scale).rounded()))
        // Made only on failure: a 300 dpi page is 9 MB a copy.
        var blank: GrayImage {
            GrayImage(width: width, height: height, pixels: [UInt8](repeating: 255, count: width * height), dpi: scale * 72)
        }

        // The page is drawn a band at a time: a whole A4 page at 300 dpi is a 35 MB colour
        // surface on top of poppler's own decoded copy of a scan's image, where a band of
        // `bandBytes` is a few megabytes. Each band draws the page again (clipped), which
        // costs a few percent of OCR time.
        let bandRows = max(64, min(height, bandBytes / max(1, width * 4)))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(bandRows)) else {
            return blank
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return blank }
        var pixels = [UInt8](repeating: 255, count: width * height)
        var top = 0
        while top < height {
            let rows = min(bandRows, height - top)
            guard draw(on: surface, scale: scale, top: Double(top)) else { return blank }

            guard let data = cairo_image_surface_get_data(surface) else { return blank }
            let stride = Int(cairo_image_surface_get_stride(surface))
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<rows {
                    // RGB24 keeps each pixel as a native-endian 32-bit 0x00RRGGBB word.
                    let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                    let base = (top + y) * width
                    for x in 0..<width {
                        let p = row[x]
                        let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                        out[base + x] = UInt8((r * 77 + g * 150 + b * 29) >> 8)
                    }
                }
            }
            top += rows
        }
        return GrayImage(width: width, height: height, pixels: pixels, dpi: scale * 72)
    }

    /// Share of the page area covered by its largest embedded image (0–1): near 1 for a
    /// scanned page, whatever text layer a scanner's own OCR may have laid over it.
    public var largestImageCoverage: Double {
        let (w, h) = size
        guard w > 0, h > 0, let list = poppler_page_get_image_mapping(handle) else { return 0 }
        defer { poppler_page_free_image_mapping(list) }
        var best = 0.0
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let raw = n.pointee.data {
                let a = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                let iw = max(0, min(a.x2, w) - max(a.x1, 0))
                let ih = max(0, min(a.y2, h) - max(a.y1, 0))
                best = max(best, iw * ih / (w * h))
            }
            node = n.pointee.next
        }
        return best
    }
}
