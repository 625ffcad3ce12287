import Diagnostics
import Table

extension MonthlyReport {
    /// The report as an Excel workbook, one sheet per table: «Resumen» (the CSV's section, key and
    /// value, as text), and with counts and ages as numbers «Canal y tipo» (channels down, types
    /// across), «Servicio», «Atributo», «Tipo SSF», «Oportunidad» (answers and answers on time by type,
    /// service and channel) and «Abiertos» (one row per open case: type, owner, age, deadline, status).
    public func workbook(catalog: Catalog) -> [XLSXWriter.Sheet] {
        let (header, rows) = pivot()
        var pivotColumns = [Column.texts(header[0], rows.map { $0[0] })]
        for (j, name) in header.enumerated().dropFirst() { pivotColumns.append(Column.integers(name, rows.map { Int($0[j])! })) }
        func counts(_ list: [Count], _ kind: Catalog.List, _ title: String) -> Table {
            Table([Column.texts(title, list.map { catalog.name($0.key[0], in: kind) }), Column.integers(L("casos", "cases"), list.map(\.count))])
        }
        let open = Table([
            Column.texts("radicado", self.open.map(\.radicado)),
            Column.texts(L("tipo", "type"), self.open.map { PQRSType(rawValue: $0.type)?.label ?? $0.type }),
            Column.texts(L("responsable", "owner"), self.open.map { catalog.name($0.owner, in: .service) }),
            Column.integers(L("días hábiles", "business days"), self.open.map(\.ageDays)),
            Column.texts(L("vence", "due"), self.open.map(\.deadline)),
            Column.texts(L("estado", "status"), self.open.map(\.urgency.rawValue)),
        ])
        return [XLSXWriter.Sheet(name: L("Resumen", "Summary"), table: summaryTable),
                XLSXWriter.Sheet(name: L("Canal y tipo", "Channel and type"), table: Table(pivotColumns)),
                XLSXWriter.Sheet(name: L("Servicio", "Service"), table: counts(byService, .service, L("servicio", "service"))),
                XLSXWriter.Sheet(name: L("Atributo", "Attribute"), table: counts(byAttribute, .attribute, L("atributo", "attribute"))),
                XLSXWriter.Sheet(name: L("Tipo SSF", "SSF type"), table: counts(bySSFType, .ssfType, L("tipo SSF", "SSF type"))),
                XLSXWriter.Sheet(name: L("Oportunidad", "Timeliness"), table: Table([
                    Column.texts(L("por", "by"), timeliness.map { Self.timelinessRow($0, catalog: catalog)[0] }),
                    Column.texts(L("valor", "value"), timeliness.map { Self.timelinessRow($0, catalog: catalog)[1] }),
                    Column.integers(L("respondidos", "answered"), timeliness.map(\.answered)),
                    Column.integers(L("a tiempo", "on time"), timeliness.map(\.onTime)),
                ])),
                XLSXWriter.Sheet(name: L("Abiertos", "Open"), table: open)]
    }
}
