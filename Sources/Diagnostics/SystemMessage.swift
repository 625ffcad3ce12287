import Foundation

/// What the operating system said when a file could not be read or written, in the person's
/// language: a full disk, a missing permission, a folder where a file was expected. Foundation's own
/// texts are English and sometimes only «NSCocoaErrorDomain error 512».
public enum SystemMessage {
    /// The text of an `errno` value.
    public static func text(_ code: Int32) -> String {
        switch code {
        case ENOENT: return L("el archivo o la carpeta no existe", "the file or folder does not exist")
        case EACCES, EPERM: return L("no tiene permiso para hacerlo", "permission denied")
        case EISDIR: return L("es una carpeta, no un archivo", "it is a folder, not a file")
        case ENOTDIR: return L("una parte de la ruta no es una carpeta", "part of the path is not a folder")
        case ENOSPC: return L("el disco está lleno", "the disk is full")
        case EDQUOT: return L("se acabó la cuota de disco", "the disk quota is used up")
        case EROFS: return L("el disco es de solo lectura", "the disk is read-only")
        case ENAMETOOLONG: return L("el nombre es demasiado largo", "the name is too long")
        case EMFILE, ENFILE: return L("hay demasiados archivos abiertos", "too many open files")
        case EIO: return L("error de entrada y salida del disco", "disk input/output error")
        case EEXIST: return L("ya existe", "it already exists")
        default: return String(cString: strerror(code))
        }
    }

    /// The text of an error from Foundation: its POSIX cause when it has one, else the Cocoa code's
    /// meaning.
    public static func text(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return text(Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return text(Int32(underlying.code))
        }
        switch ns.code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return text(ENOENT)
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return text(EACCES)
        case NSFileWriteOutOfSpaceError: return text(ENOSPC)
        case NSFileWriteVolumeReadOnlyError: return text(EROFS)
        case NSFileWriteFileExistsError: return text(EEXIST)
        case NSFileReadTooLargeError: return L("el archivo es demasiado grande", "the file is too large")
        default: return L("el sistema no pudo hacerlo (código \(ns.code))", "the system could not do it (code \(ns.code))")
        }
    }
}
