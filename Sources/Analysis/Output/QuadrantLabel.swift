import Diagnostics


extension KeyDrivers.Quadrant {
    /// The quadrant as the report and `analyze drivers` name it.
    public var label: String {
        switch self {
        case .improve: return L("mejorar (prioridad)", "improve (priority)")
        case .maintain: return L("mantener (fortaleza)", "maintain (strength)")
        case .monitor: return L("vigilar", "monitor")
        case .surplus: return L("posible exceso", "possible surplus")
        }
    }
}
