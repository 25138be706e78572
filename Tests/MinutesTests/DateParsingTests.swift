import MinutesPipeline
import XCTest

final class DateParsingTests: XCTestCase {
    func iso(_ s: String, _ order: DateParsing.Order = .dayFirst, ref: String? = nil) -> String? {
        DateParsing.first(in: s, order: order, reference: ref)?.iso
    }

    func testUKNumericDatesAreDayFirst() {
        XCTAssertEqual(iso("11.09.14"), "2014-09-11")
        XCTAssertEqual(iso("27/09/2017"), "2017-09-27")
        XCTAssertEqual(iso("due 3-4-2018"), "2018-04-03")
        XCTAssertEqual(iso("2017-09-27"), "2017-09-27")
    }

    func testMonthFirstWhenTheDocumentIsUSStyle() {
        XCTAssertEqual(iso("1/29/18", .monthFirst), "2018-01-29")
        XCTAssertEqual(iso("January 29, 2018"), "2018-01-29")
        // A day over 12 settles the order whatever the setting.
        XCTAssertEqual(iso("29/01/2018", .monthFirst), "2018-01-29")
    }

    func testOrdinalsSuperscriptsAndWeekdays() {
        XCTAssertEqual(iso("27th April 2017, 09:30"), "2017-04-27")
        XCTAssertEqual(iso("Date of next meeting – 25 th May 2017"), "2017-05-25")
        XCTAssertEqual(iso("Thursday 29 September 2014 9:00am"), "2014-09-29")
        XCTAssertEqual(iso("Wednesday, 7 June 2017, 1000hrs"), "2017-06-07")
        XCTAssertEqual(iso("30 Oct 2014"), "2014-10-30")
        // A superscript "th" read by OCR as a quote mark, before a comma.
        XCTAssertEqual(iso("April 25‘, 2024"), "2024-04-25")
    }

    /// Welsh minutes: ordinal endings, mutated month names, and "Mawrth" as Tuesday.
    func testWelshDates() {
        XCTAssertEqual(iso("CYFARFOD 9fed MAI 2018"), "2018-05-09")
        XCTAssertEqual(iso("a gynhaliwyd ar yr 11eg Ebrill 2018, fel ag y maent"), "2018-04-11")
        XCTAssertEqual(iso("Dydd Mawrth 1af o Fehefin 2021"), "2021-06-01")
        XCTAssertEqual(iso("Nos Fawrth 23ain Tachwedd 2021 am 7pm"), "2021-11-23")
        XCTAssertNil(iso("Dydd Mawrth"))
        XCTAssertNil(iso("5 Mawrth"))
    }

    func testMonthOnlyDates() {
        XCTAssertEqual(iso("May 2017"), "2017-05")
        XCTAssertEqual(iso("Oct 2017"), "2017-10")
    }

    func testActionLogDueForms() {
        XCTAssertEqual(iso("Mar-24"), "2024-03")
        XCTAssertEqual(iso("Sep 24"), "2024-09")
        XCTAssertEqual(iso("w/c 4 March 2024"), "2024-03-04")
        XCTAssertEqual(iso("End of May 2024"), "2024-05")
        XCTAssertEqual(DateParsing.monthOnly(in: "June", reference: "2017-04-27")?.iso, "2017-06")
        XCTAssertEqual(DateParsing.monthOnly(in: "end of January", reference: "2017-11-02")?.iso, "2018-01")
        XCTAssertNil(DateParsing.monthOnly(in: "Ongoing", reference: "2017-04-27"))
        XCTAssertNil(iso("Q1 2024/25"), "a quarter is not a date")
    }

    func testYearInferredFromMeetingDate() {
        let f = DateParsing.first(in: "by 25th May", reference: "2017-04-27")
        XCTAssertEqual(f?.iso, "2017-05-25")
        XCTAssertEqual(f?.yearInferred, true)
        // Early next year for a meeting late in the year.
        XCTAssertEqual(iso("4 January", ref: "2016-11-20"), "2017-01-04")
        XCTAssertNil(iso("25th May"), "no year and no meeting date: no guess")
    }

    func testNotDates() {
        XCTAssertNil(iso("71/14: CC to send OPCC a breakdown"))
        XCTAssertNil(iso("2 Planning Commissioners"))
        XCTAssertNil(iso("31/02/2017"), "no 31st of February")
    }

    func testTimes() {
        XCTAssertEqual(DateParsing.times(in: "09:30 – 12:00").start, "09:30")
        XCTAssertEqual(DateParsing.times(in: "09:30 – 12:00").end, "12:00")
        XCTAssertEqual(DateParsing.times(in: "9:00am, PCC's Conference Room").start, "09:00")
        XCTAssertEqual(DateParsing.times(in: "1000hrs").start, "10:00")
        XCTAssertEqual(DateParsing.times(in: "@ 10.30").start, "10:30")
        XCTAssertEqual(DateParsing.times(in: "7:00 p.m.").start, "19:00")
        XCTAssertEqual(DateParsing.times(in: "2pm to 4.30pm").end, "16:30")
        XCTAssertNil(DateParsing.times(in: "item 12 of 2017").start)
    }
}

/// A date's range points into the text it was found in, whatever OCR's quote marks for a
/// superscript ordinal were normalised to while reading it.
final class DateRangeTests: XCTestCase {
    func testRangesPointIntoTheOriginalTextAfterAQuoteOrdinal() {
        for text in ["Held on 27’ April 2017 in the Annex", "Held on 27’’ April 2017 in the Annex", "Held on 27\" April 2017 in the Annex"] {
            guard let d = DateParsing.first(in: text) else { XCTFail("no date in \(text)"); continue }
            XCTAssertEqual(d.iso, "2017-04-27")
            XCTAssertEqual(String(text[d.range]).hasSuffix("April 2017"), true, "range '\(text[d.range])' in \(text)")
            XCTAssertEqual(String(text[d.range]).hasPrefix("27"), true, "range '\(text[d.range])' in \(text)")
            XCTAssertEqual(String(text[d.range.upperBound...]), " in the Annex")
        }
    }
}
