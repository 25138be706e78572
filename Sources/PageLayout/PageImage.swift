/// An 8-bit greyscale page image in memory, as rendered from a PDF page or read from an
/// image file; what OCR reads. Row-major, `width` bytes per row, 0 = black.
public struct GrayImage: Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]
    /// Resolution the image was made or scanned at; PDF points = pixels * 72 / dpi.
    public var dpi: Double

    public init(width: Int, height: Int, pixels: [UInt8], dpi: Double) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.dpi = dpi
    }
}
