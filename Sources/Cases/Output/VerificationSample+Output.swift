import Diagnostics
import Store
import Table

extension CaseDesk {
    /// The month's verification sample: drawn and saved with the cases it changes (procedure step 30),
    /// or the one drawn before (`drawn` false): a month is drawn once.
    public func monthlySample(in store: any CaseStore, month: String, seed: UInt64, on day: CivilDate, clock: Clock = .system,
                              actor: String) throws -> (sample: VerificationSampleRecord, drawn: Bool) {
        if let existing = try store.sample(month: month) { return (existing, false) }
        let (sample, changes) = try draw(try store.pqrsCases(), month: month, seed: seed, on: day, at: clock.timestamp, actor: actor)
        try store.saveSample(sample, changes: changes)
        return (sample, true)
    }
}

extension VerificationSampleRecord {
    /// What was drawn (`drawnNow`), or when it had been, with the seed and fingerprint that reproduce it.
    public func report(drawnNow: Bool) -> String {
        guard drawnNow else {
            return L("La muestra de \(month) ya se sorteó el \(drawnAt.prefix(10)) (semilla \(seed), \(algorithm)): \(selected.count) de \(population) casos, huella \(populationSHA256.prefix(16))….",
                     "The sample of \(month) was drawn on \(drawnAt.prefix(10)) (seed \(seed), \(algorithm)): \(selected.count) of \(population) cases, fingerprint \(populationSHA256.prefix(16))….")
        }
        var lines = [L("Muestra de verificación de \(month): \(selected.count) de \(population) reclamos sobre subsidios (semilla \(seed), \(algorithm), huella \(populationSHA256.prefix(16))…).",
                       "Verification sample of \(month): \(selected.count) of \(population) claims about subsidies (seed \(seed), \(algorithm), fingerprint \(populationSHA256.prefix(16))…).")]
        if !selected.isEmpty {
            let shown = selected.prefix(10).joined(separator: ", ") + (selected.count > 10 ? ", …" : "")
            lines.append(L("Por llamar, en este orden: \(shown)", "To call, in this order: \(shown)"))
            if selected.count > 10 {
                lines.append(L("(la lista completa, en «sondeo cases export»: verificacion = pendiente)", "(the whole list in «sondeo cases export»: verificacion = pendiente)"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
