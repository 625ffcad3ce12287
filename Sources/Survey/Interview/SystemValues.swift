import Questionnaire
import Store

/// What the system values piped into a question's text read in an interview, the same on every
/// channel: `{_encuestador}` the interviewer's name, `{_modo}` the mode, `{_muestra.campo}` the sample
/// file's column for this case (and `{_radicado}` its `radicado` column, for PQRSL verification calls).
public enum SystemValues {
    public static func of(interviewer: String?, mode: Mode, unit: SampleUnit?) -> [String: String] {
        var values: [String: String] = ["_modo": mode.label]
        if let interviewer { values["_encuestador"] = interviewer }
        for (field, value) in unit?.contact ?? [:] { values[QuestionnaireFile.samplePrefix + field] = value }
        if let radicado = unit?.contact["radicado"] { values["_radicado"] = radicado }
        return values
    }
}
