import Cases
import Mail
import Testing

/// The catalogue's `responsable` lines and the addresses found in a petitioner's contact line.
@Suite struct CatalogPeopleTests {
    @Test("responsable lines: «Nombre <correo>» or a bare address, several per owner; a line without an address is refused with its number")
    func people() throws {
        let catalog = try Catalog(text: Catalog.defaultText + "\nresponsable,salud,Luisa Marín <luisa.marin@confa.co>\nresponsable,salud,camilo@confa.co\n", source: "c.csv")
        #expect(catalog.people["salud"] == [.init(name: "Luisa Marín", email: "luisa.marin@confa.co"), .init(name: "camilo@confa.co", email: "camilo@confa.co")])
        #expect(catalog.ownerName("salud") == "Luisa Marín, camilo@confa.co" && catalog.ownerName("vivienda") == "Vivienda")
        let lines = Catalog.defaultText.split(separator: "\n").count
        #expect(throws: CaseError.badCatalogLine(path: "c.csv", line: lines + 1, text: "responsable,salud,Luisa Marín")) {
            try Catalog(text: Catalog.defaultText + "\nresponsable,salud,Luisa Marín\n", source: "c.csv")
        }
    }

    @Test("an address in a contact line: the first plausible one, without the punctuation around it")
    func addresses() {
        #expect(EmailAddress.first(in: "Ana Ríos, ana.rios@gmail.com, 3001234567") == "ana.rios@gmail.com")
        #expect(EmailAddress.first(in: "Luis Mora <luis@confa.co>.") == "luis@confa.co")
        #expect(EmailAddress.first(in: "Rita Paz, 3004445566, @rita en redes") == nil)
        #expect(!EmailAddress.isPlausible("ana@gmail") && !EmailAddress.isPlausible("ana rios@gmail.com") && EmailAddress.isPlausible("a.b@c.co"))
    }
}
