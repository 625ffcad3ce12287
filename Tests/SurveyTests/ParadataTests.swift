import Foundation
import Questionnaire
import Testing
@testable import Survey

/// Paradata: the device read from real browsers' User-Agent strings, and page times that add up.
@Suite struct ParadataTests {
    @Test("User-Agent strings of real browsers: phones, tablets and desktops")
    func devices() {
        // As the browsers send them (Safari on iOS 17, Chrome on Android 14, Safari on iPadOS, Chrome on an Android tablet, Chrome on Windows, Firefox on Linux).
        #expect(Paradata.deviceKind(userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1") == "celular")
        #expect(Paradata.deviceKind(userAgent: "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36") == "celular")
        #expect(Paradata.deviceKind(userAgent: "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1") == "tableta")
        #expect(Paradata.deviceKind(userAgent: "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36") == "tableta")
        #expect(Paradata.deviceKind(userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36") == "computador")
        #expect(Paradata.deviceKind(userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0") == "computador")
    }

    @Test("a page's seconds add up over its showings; a negative span or one over a day is not counted")
    func pageTimes() {
        var responses = Responses()
        Paradata.add(seconds: 12.4, page: 0, to: &responses)
        Paradata.add(seconds: 7.6, page: 0, to: &responses)
        Paradata.add(seconds: -3, page: 1, to: &responses)
        Paradata.add(seconds: 90_000, page: 1, to: &responses)
        #expect(responses["_seg_p1"] == .number(20) && responses["_seg_p2"] == nil)
        #expect(Paradata.seconds(from: "2026-12-06T14:00:00.000Z", to: "2026-12-06T14:07:30.250Z") == 450)
    }
}
