import BusinessDays
import Cases
import Foundation
import Table
import Testing

/// Business-day arithmetic and legal deadlines, with the dates worked out by hand on the 2024–2026
/// calendars (reference `pqrsl.md` §1.5 and §2).
@Suite struct DeadlineTests {
    static func d(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    let calendar = BusinessCalendar.standard

    @Test("2024: the 18 holidays of the year, by hand from the rules (Easter 2024-03-31)")
    func year2024() {
        #expect(ColombianCalendar.easter(2024) == Self.d("2024-03-31"))
        // Fixed: 01-01, 05-01, 07-20 (Sat), 08-07, 12-08 (Sun), 12-25. Moved: Reyes 01-06 Sat → 01-08; San José
        // 03-19 Tue → 03-25; San Pedro 06-29 Sat → 07-01; Asunción 08-15 Thu → 08-19; Raza 10-12 Sat → 10-14;
        // Todos los Santos 11-01 Fri → 11-04; Cartagena 11-11 Mon. Easter: Jueves 03-28, Viernes 03-29,
        // Ascensión 03-31+39 = 05-09 Thu → 05-13, Corpus +60 = 05-30 → 06-03, Sagrado Corazón +68 = 06-07 → 06-10.
        #expect(ColombianCalendar.holidays(2024).map(\.date.iso) == [
            "2024-01-01", "2024-01-08", "2024-03-25", "2024-03-28", "2024-03-29", "2024-05-01", "2024-05-13", "2024-06-03",
            "2024-06-10", "2024-07-01", "2024-07-20", "2024-08-07", "2024-08-19", "2024-10-14", "2024-11-04", "2024-11-11",
            "2024-12-08", "2024-12-25"])
    }

    @Test("2026: Chiquinquirá (9 July, a Thursday) is observed Monday 13 July; 14 July 2025 was an ordinary Monday")
    func law2578() {
        #expect(calendar.reason(Self.d("2026-07-13")) == "Nuestra Señora del Rosario de Chiquinquirá")
        #expect(!calendar.isBusinessDay(Self.d("2026-07-13")))
        #expect(calendar.isBusinessDay(Self.d("2025-07-14")))
        #expect(ColombianCalendar.holidays(2026).count == 19)
    }

    @Test("a petición filed Tue 2025-04-15: 15 business days across Semana Santa → Fri 2025-05-09, reminder Wed 2025-05-07")
    func peticionAcrossEaster() {
        // Days after 04-15: 16, (17, 18 Jueves/Viernes Santo), 21, 22, 23, 24, 25, 28, 29, 30, (05-01 Trabajo), 02, 05,
        // 06, 07, 08, 09 → the 15th is 05-09. Two business days before: 05-07. 2 × 15 = 30 → 2025-05-30.
        let t = Deadline(received: Self.d("2025-04-15"), termDays: 15, calendar: calendar)
        #expect(t.effectiveReceipt == Self.d("2025-04-15"))
        #expect(t.deadline == Self.d("2025-05-09") && t.reminder == Self.d("2025-05-07"))
        #expect(t.maximumExtension == Self.d("2025-05-30"))
    }

    @Test("a queja filed Fri 2025-06-27: Mon 30 June is a holiday (twice) → due Mon 2025-07-21; reminder Thu 07-17")
    func quejaAcrossJune30() {
        // 07-01 … 07-04 (4), 07-07 … 07-11 (9), 07-14 … 07-18 (14), 07-20 is a Sunday holiday, 07-21 (15).
        let t = Deadline(received: Self.d("2025-06-27"), termDays: 15, calendar: calendar)
        #expect(t.deadline == Self.d("2025-07-21") && t.reminder == Self.d("2025-07-17"))
        #expect(t.maximumExtension == Self.d("2025-08-12"))
    }

    @Test("filed on a Saturday: received the next business day; a documents petition has 10 days")
    func weekendFiling() {
        // Sat 2025-11-15 → Mon 11-17 is Independencia de Cartagena → Tue 11-18. Ten business days after it:
        // 19, 20, 21, 24, 25, 26, 27, 28, 12-01, 12-02 → 2025-12-02.
        let t = Deadline(received: Self.d("2025-11-15"), termDays: PQRSType.peticionDocumentos.termDays, calendar: calendar)
        #expect(t.effectiveReceipt == Self.d("2025-11-18"))
        #expect(t.deadline == Self.d("2025-12-02"))
        #expect(calendar.businessDays(from: Self.d("2025-11-18"), to: Self.d("2025-12-02")) == 10)
        #expect(calendar.businessDays(from: Self.d("2025-12-02"), to: Self.d("2025-11-18")) == -10)
    }

    @Test("an override file closes a day (the term moves) and is part of the calendar's version; bad lines are located")
    func overrides() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("ajustes.csv").path
        try "fecha,accion,nombre\n2025-05-02,cierre,Cierre por inventario\n".write(toFile: file, atomically: true, encoding: .utf8)
        let closed = try BusinessCalendar(overrides: file)
        #expect(!closed.isBusinessDay(Self.d("2025-05-02")) && closed.reason(Self.d("2025-05-02")) == "Cierre por inventario")
        // The petición of 2025-04-15 loses 05-02 and is due a business day later, Mon 05-12.
        #expect(Deadline(received: Self.d("2025-04-15"), termDays: 15, calendar: closed).deadline == Self.d("2025-05-12"))
        #expect(closed.version.hasPrefix(ColombianCalendar.rulesVersion + "+") && closed.version != BusinessCalendar.standard.version)
        try "fecha,accion,nombre\n2025-02-30,cierre,x\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: CalendarError.badDate(path: file, line: 2, text: "2025-02-30")) { try BusinessCalendar(overrides: file) }
    }

    @Test("an override file saved on Windows (CRLF) or with CR ends closes the same day (it was ignored whole)")
    func windowsLineEnds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("ajustes.csv").path
        for end in ["\r\n", "\r"] {
            try "fecha,accion,nombre\(end)2025-05-02,cierre,Cierre por inventario\(end)2025-05-05,cierre,Otro\(end)".write(toFile: file, atomically: true, encoding: .utf8)
            let closed = try BusinessCalendar(overrides: file)
            #expect(closed.reason(Self.d("2025-05-02")) == "Cierre por inventario")
            #expect(!closed.isBusinessDay(Self.d("2025-05-05")))
            // 15 business days from 2025-04-15 without 05-02 and 05-05 (counted by hand): Tue 05-13.
            #expect(Deadline(received: Self.d("2025-04-15"), termDays: 15, calendar: closed).deadline == Self.d("2025-05-13"))
            try "fecha,accion,nombre\(end)2025-05-02,cierre,x\(end)2025-02-30,cierre,x\(end)".write(toFile: file, atomically: true, encoding: .utf8)
            #expect(throws: CalendarError.badDate(path: file, line: 3, text: "2025-02-30")) { try BusinessCalendar(overrides: file) }
        }
    }
}

/// Issue 22: an override file saved by a Spanish-locale Excel («;», Windows-1252) was «no se pudo leer».
@Suite struct CalendarExcelFileTests {
    @Test("«;» as separator and Windows-1252 bytes read as their letters")
    func excelOverrides() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("ajustes.csv").path
        // «Día de integración» in Windows-1252: í = 0xED, ó = 0xF3.
        let bytes = Array("fecha;accion;nombre\r\n2026-12-24;cierre;D".utf8) + [0xED] + Array("a de integraci".utf8) + [0xF3] + Array("n\r\n".utf8)
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        let calendar = try BusinessCalendar(overrides: file)
        let day = CivilDate(parsing: "2026-12-24")!
        #expect(!calendar.isBusinessDay(day) && calendar.reason(day) == "Día de integración")
    }
}

/// Issue 22: a catalogue saved on Windows loaded empty and then said «los válidos son: ».
@Suite struct CatalogLineEndTests {
    @Test("the default catalogue written with CRLF ends reads the same as with LF")
    func crlfCatalogue() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("catalogo.csv").path
        let crlf = Catalog.defaultText.split(separator: "\n").joined(separator: "\r\n") + "\r\n"
        try crlf.write(toFile: file, atomically: true, encoding: .utf8)
        let catalog = try Catalog(path: file)
        for list in [Catalog.List.service, .attribute, .ssfType] {
            #expect(catalog.codes(list) == Catalog.standard.codes(list))
        }
        // The default text's service list, counted by hand: eight services.
        #expect(catalog.codes(.service).count == 8)
        #expect(catalog.owner(type: .consulta, service: "salud") == "secretaria-general")
    }
}
