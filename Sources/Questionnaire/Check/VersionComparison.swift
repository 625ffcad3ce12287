import Diagnostics

/// Compares a questionnaire with its previous published version: a version number reused with
/// another text, and changes that break the data collected so far (a question whose type changed, a
/// code whose label means something else) or that the analyst must know (codes or questions added
/// or removed).
public enum VersionComparison {
    public static func compare(current: QuestionnaireFile, currentHash: String, file: String, text: String,
                               previous: QuestionnaireFile, previousHash: String) -> [QuestionnaireDiagnostic] {
        var sink = DiagnosticSink(file: file, lines: TextLines.split(text).map(String.init))
        let header = current.headerPosition
        if current.id != previous.id {
            sink.warning("DSL-100", at: header, "el id cambió de «\(previous.id ?? "—")» a «\(current.id ?? "—")»: ¿es el mismo cuestionario?",
                         "the id changed from «\(previous.id ?? "—")» to «\(current.id ?? "—")»: is it the same questionnaire?")
        }
        if current.version == previous.version && currentHash != previousHash {
            sink.error("DSL-101", at: current.versionPosition ?? header, width: "versión".count, "la versión \(current.version ?? "—") ya se publicó con otro texto: cambie el número de versión",
                       "version \(current.version ?? "—") was already published with another text: change the version number")
        }
        for old in previous.items {
            guard let new = current.item(old.id) else {
                sink.warning("DSL-102", at: header, "la pregunta «\(old.id)» ya no está: sus datos anteriores quedan sin continuación",
                             "question «\(old.id)» is gone: its earlier data has no continuation")
                continue
            }
            if old.type.keyword != new.type.keyword {
                sink.error("DSL-103", at: new.position, width: new.id.count, "«\(new.id)» cambió de tipo (\(old.type.keyword) → \(new.type.keyword)): use un id nuevo",
                           "«\(new.id)» changed type (\(old.type.keyword) → \(new.type.keyword)): use a new id")
            }
            let oldList = listName(old.type).flatMap { previous.list($0) }, newList = listName(new.type).flatMap { current.list($0) }
            if let oldList, let newList {
                for option in newList.options {
                    if let before = oldList.options.first(where: { $0.code == option.code }) {
                        if String(Suggestion.fold(before.label)) != String(Suggestion.fold(option.label)) {
                            sink.error("DSL-104", at: option.position, "en «\(new.id)», el código \(option.code) era «\(before.label)» y ahora es «\(option.label)»: los datos ya recogidos cambiarían de significado",
                                       "in «\(new.id)», code \(option.code) was «\(before.label)» and is now «\(option.label)»: data already collected would change meaning")
                        }
                    } else {
                        sink.warning("DSL-105", at: option.position, "«\(new.id)» tiene un código nuevo, \(option.code) «\(option.label)»",
                                     "«\(new.id)» has a new code, \(option.code) «\(option.label)»")
                    }
                }
                for option in oldList.options where !newList.options.contains(where: { $0.code == option.code }) {
                    sink.warning("DSL-105", at: new.position, width: new.id.count, "«\(new.id)» ya no tiene el código \(option.code) «\(option.label)»",
                                 "«\(new.id)» no longer has code \(option.code) «\(option.label)»")
                }
            }
        }
        for new in current.items where previous.item(new.id) == nil {
            sink.add(.info, "DSL-106", at: new.position, width: new.id.count, "pregunta nueva: «\(new.id)»", "new question: «\(new.id)»")
        }
        return sink.all
    }

    static func listName(_ type: ItemType) -> String? {
        switch type {
        case .single(let l), .multiple(let l), .grid(let l): return l
        default: return nil
        }
    }
}
