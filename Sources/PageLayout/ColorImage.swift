/// A page drawn for people to look at (the review page), as 8-bit grey (`channels` 1) when
/// the page has no colour, else RGB (`channels` 3); row-major, 0 = black.
public struct ColorImage: Sendable {
    public var width: Int
    public var height: Int
    public var channels: Int
    public var pixels: [UInt8]
    /// Resolution the page was drawn at: PDF points = pixels * 72 / dpi.
    public var dpi: Double

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8], dpi: Double) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
        self.dpi = dpi
    }

    public init(gray: GrayImage) {
        self.init(width: gray.width, height: gray.height, channels: 1, pixels: gray.pixels, dpi: gray.dpi)
    }
}
