import Diagnostics
import Store

/// A staff account of the web pages: an encuestador (`/encuestador`), a supervisor (`/campo`, and the PQRSL
/// desk), an auxiliar (the PQRSL desk, `/casos`) or an aprendiz (the desk's verification calls), with a
/// code of letters, digits, «_» and «-» and a password of 10 characters or more, kept only as its
/// PBKDF2 derivation (``Password``).
public enum StaffAccount {
    public static let roles = ["encuestador", "supervisor", "auxiliar", "aprendiz"]
    public static let minimumPassword = 10

    /// Why an account was refused.
    public enum Problem: Diagnostic, Equatable {
        case role(String)
        case code(String)
        case shortPassword

        public var code: String {
            switch self {
            case .role: return "WEB-001"
            case .code: return "WEB-002"
            case .shortPassword: return "WEB-003"
            }
        }

        public var location: SourceLocation? { nil }
        public var exitStatus: ExitStatus { .usage }

        public func message(_ language: Language) -> String {
            switch self {
            case .role(let role):
                return language.pick("el rol debe ser encuestador, supervisor, auxiliar o aprendiz, no «\(role)»", "the role must be encuestador, supervisor, auxiliar or aprendiz, not «\(role)»")
            case .code:
                return language.pick("el código lleva solo letras, números, «_» y «-»", "the code takes only letters, digits, «_» and «-»")
            case .shortPassword:
                return language.pick("la contraseña debe tener al menos \(StaffAccount.minimumPassword) caracteres",
                                     "the password must have at least \(StaffAccount.minimumPassword) characters")
            }
        }
    }

    /// Checks the role and code (before a password is asked for).
    public static func check(code: String, role: String) throws(Problem) {
        guard roles.contains(role) else { throw .role(role) }
        guard !code.isEmpty, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { throw .code(code) }
    }

    /// Creates the account or replaces its role and password; `name` (how the interview script names
    /// the person) is kept when nil.
    public static func save(code: String, role: String, password: String, name: String? = nil, in store: any WebStore, actor: String) throws {
        try check(code: code, role: role)
        guard password.count >= minimumPassword else { throw Problem.shortPassword }
        let stored = Password.store(password)
        let name = name?.trimmingCharacters(in: .whitespaces)
        try store.saveWebUser(.init(code: code, role: role, salt: stored.salt, hash: stored.hash, iterations: stored.iterations,
                                    name: name?.isEmpty == false ? name : nil), actor: actor)
    }
}
