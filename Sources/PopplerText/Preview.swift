import CPoppler
import Foundation
import PageLayout

extension PDFPage {
    /// Draws the page on white, `top` pixels down the page at the surface's top edge.
    func draw(on surface: OpaquePointer, scale: Double, top: Double) -> Bool {
        guard let cr = cairo_create(surface) else { return false }
        // Scans are often drawn with a transparent background; the surface starts black.
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_translate(cr, 0, -top)
        cairo_scale(cr, scale, scale)
        poppler_page_render(handle, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return true
    }

    /// The page drawn in colour at `dpi` (lowered so the longest side stays within
    /// `maxSide` pixels), for a person to read beside what was extracted. A page with no
    /// colour comes back as grey, a third of the bytes to encode.
    public func preview(dpi: Double, maxSide: Int = 2400) -> ColorImage {
        let (wPt, hPt) = size
        var scale = max(dpi, 1) / 72
        if max(wPt, hPt) * scale > Double(maxSide) { scale = Double(maxSide) / max(wPt, hPt, 1) }
        let width = max(1, Int((wPt * scale).rounded()))
        let height = max(1, Int((hPt * scale).rounded()))
        let blank = ColorImage(width: width, height: height, channels: 1,
                               pixels: [UInt8](repeating: 255, count: width * height), dpi: scale * 72)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return blank }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, draw(on: surface, scale: scale, top: 0) else { return blank }
        guard let data = cairo_image_surface_get_data(surface) else { return blank }
        let stride = Int(cairo_image_surface_get_stride(surface))

        var gray = [UInt8](repeating: 255, count: width * height)
        var rgb: [UInt8] = []
        var colour = false
        for y in 0..<height {
            // RGB24 keeps each pixel as a native-endian 32-bit 0x00RRGGBB word.
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let p = row[x]
                let r = UInt8((p >> 16) & 0xFF), g = UInt8((p >> 8) & 0xFF), b = UInt8(p & 0xFF)
                if !colour, r != g || g != b {
                    // The first coloured pixel: the grey rows so far are copied into RGB.
                    colour = true
                    rgb = [UInt8](repeating: 255, count: width * height * 3)
                    for i in 0..<(y * width + x) { rgb[3 * i] = gray[i]; rgb[3 * i + 1] = gray[i]; rgb[3 * i + 2] = gray[i] }
                }
                if colour {
                    let i = 3 * (y * width + x)
                    rgb[i] = r; rgb[i + 1] = g; rgb[i + 2] = b
                } else {
                    gray[y * width + x] = r
                }
            }
        }
        return colour ? ColorImage(width: width, height: height, channels: 3, pixels: rgb, dpi: scale * 72)
                      : ColorImage(width: width, height: height, channels: 1, pixels: gray, dpi: scale * 72)
    }
}
