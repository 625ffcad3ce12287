import LinearAlgebra
import Randomness
import SondeoTestSupport
import Table
import Testing
@testable import Segmentation

/// Segments, profiles and k-means on the example base; the reference figures were computed with
/// pandas and scikit-learn 1.x on the same file (the commands are in each test's comment).
@Suite struct SegmentationTests {
    static let base: Table = try! CSVReader.read(path: RepositoryFiles.exampleData("afiliados.csv")).table
    static let segment = "categoria == \"A\" and usa_subsidio == 1 and edad < 35"

    static func mask() throws -> [Bool] { try ExpressionEvaluator.filter(segment, on: base).mask }

    @Test("segment counts and group means (pandas: d[seg].groupby('municipio').agg(...))")
    func summary() throws {
        let summary = try SegmentSummary(table: Self.base, inSegment: try Self.mask(), by: ["municipio"], means: ["edad", "salario_smmlv"],
                                         shares: [("rural", "zona", "rural")])
        // seg = (categoria == 'A') & (usa_subsidio == 1) & (edad < 35): 2,696 of 20,000
        #expect(summary.count == 2_696 && summary.base == 20_000)
        let manizales = try #require(summary.groups.first { $0.group[0].value == "Manizales" })
        #expect(manizales.count == 1_114)
        expectClose(manizales.means[0].value, 28.743268, rtol: 1e-7)
        expectClose(manizales.means[1].value, 1.220027, rtol: 1e-6)
        expectClose(manizales.share, 1_114.0 / 2_696, rtol: 1e-15)
        #expect(manizales.baseCount == 9_015)
        let villamaria = try #require(summary.groups.first { $0.group[0].value == "Villamaría" })
        #expect(villamaria.count == 205)
        expectClose(villamaria.means[0].value, 28.502439, rtol: 1e-7)
        #expect(summary.groups.reduce(0) { $0 + $1.count } == 2_696)
    }

    @Test("the map: shares in the segment and the base, index = segment share ÷ base share × 100")
    func profile() throws {
        let profile = try SegmentProfile(name: "jovenes", table: Self.base, inSegment: try Self.mask(), layout: .confa, language: .es)
        // Every column of the base has a question except id_afiliado, which is text and is left out.
        #expect(profile.sections.map(\.question) == [.quien, .que, .como, .donde, .experiencia, .resultado])
        let zona = try #require(profile.sections.flatMap(\.columns).first { $0.column == "zona" })
        let rural = try #require(zona.levels.first { $0.label == "rural" })
        // pandas: (d[seg].zona == 'rural').mean() = 0.23664688…, (d.zona == 'rural').mean() = 0.19665
        expectClose(rural.segmentShare, 0.23664688427299704, rtol: 1e-12)
        expectClose(rural.baseShare, 0.19665, rtol: 1e-12)
        expectClose(rural.index, 0.23664688427299704 / 0.19665 * 100, rtol: 1e-12)
        let edad = try #require(profile.sections.flatMap(\.columns).first { $0.column == "edad" })
        #expect(edad.levels.map(\.label) == ["18–24", "25–34", "35–44", "45–54", "55–64", "≥ 65"])
        #expect(edad.levels[2].segmentShare == 0)   // nobody of 35+ in a segment of edad < 35
        expectClose(edad.segmentMean!, 28.65059347181009, rtol: 1e-12)
    }

    @Test("segment files: name: expression, comments, errors with the line")
    func definitions() throws {
        let file = try SegmentDefinitions(path: "segmentos.txt", text: """
            # segmentos del área
            jovenes_subsidio: \(Self.segment)

            rurales: zona == "rural"
            """)
        #expect(try file.expression(named: "rurales") == "zona == \"rural\"")
        #expect(throws: SegmentationError.unknownSegment(name: "rural", file: "segmentos.txt", suggestion: "rurales")) {
            try file.expression(named: "rural")
        }
        #expect(throws: SegmentationError.badDefinition(file: "s.txt", line: 2, text: "sin dos puntos")) {
            try SegmentDefinitions(path: "s.txt", text: "a: edad > 3\nsin dos puntos")
        }
    }

    @Test("k-means finds blobs placed by hand: centres (0,0), (10,0), (0,10), 50 points each within 1 of them")
    func blobs() throws {
        var generator = SplitMix64(seed: 5)
        var xs: [Double] = [], ys: [Double] = []
        for (cx, cy) in [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)] {
            for _ in 0..<50 {
                xs.append(cx + generator.unit() * 2 - 1)
                ys.append(cy + generator.unit() * 2 - 1)
            }
        }
        let data = try ClusterData(names: ["x", "y"], columns: [xs, ys], standardization: .none)
        let result = try KMeans(data: data, k: 3, restarts: 5, seed: 1)
        #expect(result.sizes.sorted() == [50, 50, 50])
        let centers = result.centers.map { data.original($0) }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        for (found, placed) in zip(centers, [[0.0, 0.0], [0.0, 10.0], [10.0, 0.0]]) {
            #expect(abs(found[0] - placed[0]) < 0.3 && abs(found[1] - placed[1]) < 0.3)
        }
        // each blob's points share one cluster
        for blob in 0..<3 { #expect(Set(result.assignments[(blob * 50)..<((blob + 1) * 50)]).count == 1) }
        #expect(Silhouette.mean(data: data, assignments: result.assignments, k: 3) > 0.85)
    }

    @Test("k-means inertia within 1 % of scikit-learn's KMeans(n_init=20) on the z-scored base", arguments: [
        // KMeans(n_clusters=k, n_init=20, random_state=0).fit(StandardScaler().fit_transform(
        //     d[['edad','salario_smmlv','visitas_12m','personas_a_cargo']])).inertia_
        (3, 51894.942796639305), (4, 40596.65891337683), (6, 29103.850141065715),
    ])
    func matchesScikitLearn(k: Int, inertia: Double) throws {
        let names = ["edad", "salario_smmlv", "visitas_12m", "personas_a_cargo"]
        let data = try ClusterData(names: names, columns: names.map { Self.base[$0]!.numbers! }, standardization: .zscore)
        let result = try KMeans(data: data, k: k, restarts: 20, seed: 2026)
        #expect(abs(result.inertia - inertia) / inertia < 0.01, "\(result.inertia) vs \(inertia)")
    }

    @Test("bad input: a constant column, more groups than rows")
    func badInput() {
        #expect(throws: SegmentationError.constantColumn("c")) {
            try ClusterData(names: ["c"], columns: [[1, 1, 1]], standardization: .zscore)
        }
        #expect(throws: SegmentationError.tooFewRows(rows: 3, k: 4)) {
            try KMeans(data: try ClusterData(names: ["x"], columns: [[1, 2, 3]], standardization: .none), k: 4)
        }
    }
}

/// Rows with a gap in a clustered column: left out, or filled with the column's mean.
@Suite struct MissingValuesTests {
    @Test("drop keeps complete rows; mean fills each gap with its column's mean, by hand")
    func prepare() {
        let columns: [[Double]] = [[1, .nan, 3, 5], [10, 20, .nan, 40]]
        let dropped = MissingValues.drop.prepare(columns)
        #expect(dropped.rows == [0, 3] && dropped.columns == [[1, 5], [10, 40]] && dropped.incomplete == 2)
        let filled = MissingValues.mean.prepare(columns)
        // (1 + 3 + 5) / 3 = 3; (10 + 20 + 40) / 3 = 23.333…
        #expect(filled.rows == [0, 1, 2, 3] && filled.incomplete == 2)
        #expect(filled.columns[0] == [1, 3, 3, 5])
        #expect(filled.columns[1] == [10, 20, 70.0 / 3, 40])
    }
}
