import Diagnostics

/// The text for the run's language (``Language/current``): what the workflows of this module write
/// for a person.
func L(_ spanish: String, _ english: String) -> String { Language.current.pick(spanish, english) }
