import CTesseract
import Foundation

/// Tesseract's orientation and script detection: one `TessBaseAPI` with the legacy "osd"
/// model, freed in `deinit`. The model costs about 32 MB, more than a recognition engine,
/// and is asked only about pages that read badly upright, so the whole process shares one
/// per tessdata folder, one page at a time, rather than each worker loading its own.
final class OrientationDetector: @unchecked Sendable {
    private let api: OpaquePointer
    private let lock = NSLock()

    private static let registryLock = NSLock()
    /// nil once loading failed: without the model pages are simply not turned.
    private nonisolated(unsafe) static var loaded: [String: OrientationDetector?] = [:]

    /// The process's detector for `tessdata` (nil: tesseract's default folder), loaded on
    /// first need; nil when the "osd" model is not installed.
    static func shared(tessdata: String?) -> OrientationDetector? {
        registryLock.lock()
        defer { registryLock.unlock() }
        let key = tessdata ?? ""
        if let known = loaded[key] { return known }
        let made = OrientationDetector(tessdata: tessdata)
        loaded[key] = made
        return made
    }

    private init?(tessdata: String?) {
        guard let api = TessBaseAPICreate() else { return nil }
        let rc = OCREngine.withCStrings(["debug_file"], ["/dev/null"]) { names, values in
            TessBaseAPIInit4(api, tessdata, "osd", OEM_TESSERACT_ONLY, nil, 0, names, values, 1, 0)
        }
        if rc != 0 {
            TessBaseAPIDelete(api)
            return nil
        }
        TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY)
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// Orientation of the text in degrees counter-clockwise (0, 90, 180, 270) with OSD's
    /// confidence margin; nil when OSD finds too little text.
    func detect(_ pix: PixImage) -> (Int, Float)? {
        // OSD classifies a few hundred character blobs; at half of a 300 dpi scan they are
        // still plenty large, and finding them costs a quarter of the time.
        var source = pix
        var resolution = pix.xResolution
        if resolution >= 250, let half = pixScaleAreaMap2(pix.pix) {
            source = PixImage(taking: half)
            resolution /= 2
        }
        lock.lock()
        defer { lock.unlock() }
        TessBaseAPISetImage2(api, source.pix)
        TessBaseAPISetSourceResolution(api, Int32(max(70, resolution)))
        defer { TessBaseAPIClear(api) }
        var degrees: Int32 = 0
        var confidence: Float = 0
        var script: UnsafePointer<CChar>?
        var scriptConfidence: Float = 0
        guard TessBaseAPIDetectOrientationScript(api, &degrees, &confidence, &script, &scriptConfidence) != 0 else {
            return nil
        }
        // The script name points into the model's character set: despite capi.h's comment
        // it is not ours to free (freeing it corrupts the heap).
        _ = script
        return (Int(degrees), confidence)
    }
}
