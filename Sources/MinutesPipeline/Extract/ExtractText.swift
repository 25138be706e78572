import Foundation
import MinutesModel
import PageLayout
import PopplerText

/// Words with boxes and fonts from every page's text layer.
public struct ExtractText: Stage {
    public let name = "extract-text"
    public init() {}

    public func run(_ doc: inout WorkingDocument) throws {
        switch doc.input.kind {
        case .pdf:
            try extractPDF(&doc)
        case .png, .jpeg, .tiff:
            throw ConversionError.unsupported(file: doc.input.fileName,
                                              what: "\(doc.input.kind.rawValue.uppercased()) image; OCR is not available in this build")
        }
    }

    private func extractPDF(_ doc: inout WorkingDocument) throws {
        let pdf: PDFDocument
        do {
            pdf = try PDFDocument(data: doc.input.data, fileName: doc.input.fileName, password: doc.options.password)
        } catch let e as PDFError {
            throw ConversionError.unreadable(file: doc.input.fileName, reason: Self.reason(e))
        }
        doc.pageCount = pdf.pageCount
        doc.producer = pdf.producer ?? pdf.creator
        var pages: [Page] = []
        pages.reserveCapacity(pdf.pageCount)
        var unusable: [Int] = []
        for n in 1...pdf.pageCount {
            let page: Page
            do {
                page = try pdf.page(n).layout()
            } catch {
                doc.note(name, .error, page: n, "page could not be read; skipped")
                continue
            }
            if TextLayerQuality.isUsable(page) {
                pages.append(page)
            } else {
                unusable.append(n)
                pages.append(Page(number: n, width: page.width, height: page.height, words: [], source: .textLayer))
            }
        }
        for n in unusable {
            doc.note(name, .warning, page: n, "page has no usable text layer (no text, or unreadable glyphs) and OCR is not available")
        }
        if unusable.count == pdf.pageCount {
            throw ConversionError.noText(file: doc.input.fileName, page: nil)
        }
        doc.pages = pages
        doc.method = .text
    }

    static func reason(_ e: PDFError) -> String {
        switch e {
        case .encrypted: return "encrypted: needs a password (--password)"
        case .wrongPassword: return "encrypted: the password given does not open it"
        case .damaged(_, let r): return "damaged PDF: \(r)"
        case .noPages: return "the PDF has no pages"
        case .pageUnreadable(_, let p): return "page \(p) could not be read"
        }
    }
}

/// Decides whether a page's text layer can be trusted, or the page needs OCR.
public enum TextLayerQuality {
    public static func isUsable(_ page: Page) -> Bool {
        var letters = 0, total = 0, vowels = 0, oddGlyphs = 0
        for w in page.words {
            for s in w.text.unicodeScalars {
                total += 1
                if s.properties.isAlphabetic {
                    letters += 1
                    if "aeiouAEIOU".unicodeScalars.contains(s) { vowels += 1 }
                }
                // Private-use and control code points mean a font with no Unicode mapping.
                if (0xE000...0xF8FF).contains(s.value) || s.value < 0x20 || s.value == 0xFFFD { oddGlyphs += 1 }
            }
        }
        guard letters >= 20 else { return false }
        if Double(oddGlyphs) > 0.1 * Double(total) { return false }
        // Shifted glyph maps read as consonant soup: English text is about 38% vowels.
        let vowelShare = Double(vowels) / Double(letters)
        return vowelShare > 0.2 && Double(letters) / Double(total) > 0.5
    }
}
