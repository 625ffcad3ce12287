/// Approximate coordinates (latitude, longitude in degrees) of the municipal seats of Caldas's 27
/// municipalities, for the schematic bubble map of «¿Dónde está?». They place each town to within a few
/// kilometres, which is what a bubble chart needs; they are not survey data.
enum CaldasMunicipalities {
    static let seats: [String: (latitude: Double, longitude: Double)] = [
        "Aguadas": (5.609, -75.456), "Anserma": (5.239, -75.785), "Aranzazu": (5.271, -75.490),
        "Belalcázar": (4.993, -75.812), "Chinchiná": (4.983, -75.604), "Filadelfia": (5.296, -75.562),
        "La Dorada": (5.454, -74.665), "La Merced": (5.397, -75.546), "Manizales": (5.070, -75.514),
        "Manzanares": (5.252, -75.156), "Marmato": (5.474, -75.600), "Marquetalia": (5.297, -75.055),
        "Marulanda": (5.284, -75.260), "Neira": (5.166, -75.519), "Norcasia": (5.575, -74.889),
        "Pácora": (5.527, -75.459), "Palestina": (5.019, -75.624), "Pensilvania": (5.383, -75.160),
        "Riosucio": (5.422, -75.703), "Risaralda": (5.165, -75.767), "Salamina": (5.404, -75.487),
        "Samaná": (5.413, -74.992), "San José": (5.082, -75.791), "Supía": (5.447, -75.650),
        "Victoria": (5.319, -74.911), "Villamaría": (5.045, -75.515), "Viterbo": (5.063, -75.872),
    ]
}
