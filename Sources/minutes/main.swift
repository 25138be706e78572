import Foundation
import PopplerText
let url = URL(fileURLWithPath: CommandLine.arguments[1])
let doc = try PDFDocument(data: try Data(contentsOf: url), fileName: url.lastPathComponent)
for i in 1...doc.pageCount {
  let p = try doc.page(i).layout()
  for w in p.words.prefix(40) { print(i, w.text, w.box.x0, w.box.y0, w.fontSize, w.bold) }
}
