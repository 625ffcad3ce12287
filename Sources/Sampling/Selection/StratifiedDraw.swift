import Randomness
import Table

/// A stratified simple random sample without replacement (or a systematic one), with a seeded reserve
/// list per stratum, reproducible from the seed and the frame alone.
///
/// The draw does not depend on the order of the frame's rows: strata are taken in byte order of their
/// labels and units in byte order of their identifiers; then one ``SplitMix64`` seeded once draws, per
/// stratum, n_h + r_h units by partial Fisher–Yates (``SeededSelection``). The first n_h drawn are the
/// sample, the next r_h the reserves, in the order they replace non-respondents.
public struct StratifiedDraw: Sendable {
    /// One selected unit.
    public struct Unit: Sendable, Equatable {
        /// Row of the frame table.
        public var row: Int
        public var stratum: String
        /// Design weight N_h/n_h.
        public var weight: Double
        public var stratumSize: Int
        /// Position in the stratum's draw: 1…n_h for the sample, then n_h+1… for the reserves.
        public var order: Int
        public var reserve: Bool
    }

    /// What was drawn in a stratum.
    public struct StratumSummary: Sendable, Equatable {
        public var stratum: String
        public var population: Int
        public var sample: Int
        public var reserves: Int
    }

    /// How units are picked within a stratum.
    public enum Method: Sendable, Equatable {
        case simpleRandom
        /// Every k-th unit (k = N_h/n_h, fractional) from a random start after sorting by a column.
        case systematic(sortBy: String)
    }

    public let units: [Unit]
    public let strata: [StratumSummary]
    public let seed: UInt64
    /// SHA-256 of the (stratum, identifier) pairs in draw order: equal fingerprints, equal frames.
    public let fingerprint: String
    public let algorithm: String

    /// Draws `sizes[stratum]` units from each stratum of `table`. With no strata column the whole frame
    /// is one stratum, named `todos`.
    public init(table: Table, strataColumn: String?, idColumn: String, sizes: [String: Int], seed: UInt64,
                reserveFraction: Double = 0, method: Method = .simpleRandom) throws(SamplingError) {
        guard let ids = table[idColumn] else { throw .missingColumn(idColumn) }
        if let strataColumn, table[strataColumn] == nil { throw .missingColumn(strataColumn) }
        guard reserveFraction >= 0 else { throw .nonPositive(option: "--reserve", value: reserveFraction) }
        // Rows by stratum, grouped by code (``CellIndex``); a missing label falls in the whole frame's.
        var groups: [String: [Int]] = [:]
        if let strataColumn {
            let cells = CellIndex(table: table, columns: [strataColumn])
            var members = [[Int]](repeating: [], count: cells.groupCount)
            for row in 0..<table.rowCount { members[Int(cells.groupOfRow[row])].append(row) }
            for (group, rows) in members.enumerated() { groups[cells.values(of: group)[0] ?? StratifiedDraw.wholeFrame, default: []] += rows }
        } else {
            groups[StratifiedDraw.wholeFrame] = Array(0..<table.rowCount)
        }
        let names = groups.keys.sorted(by: Stratum.byteOrder)
        try StratifiedDraw.check(sizes: sizes, against: groups)

        let identifiers = Identifiers(ids, rows: table.rowCount)
        var sortKeys: Column?
        if case .systematic(let column) = method {
            guard let found = table[column] else { throw .missingColumn(column) }
            sortKeys = found
        }
        var generator = SplitMix64(seed: seed)
        let fingerprint = FingerprintWriter()
        var units: [Unit] = []
        var summaries: [StratumSummary] = []
        for name in names {
            var rows = identifiers.sorted(groups[name]!)
            for (a, b) in zip(rows, rows.dropFirst()) where identifiers.same(a, b) {
                throw .duplicateIdentifier(identifiers.text(a))
            }
            fingerprint.add(name, rows, identifiers)
            let population = rows.count
            let n = sizes[name] ?? 0
            guard n <= population else { throw .populationTooSmall(population: population, needed: n) }
            let reserves = min(population - n, Int((reserveFraction * Double(n)).rounded(.up)))
            let picked: [Int]
            switch method {
            case .simpleRandom:
                picked = SeededSelection.draw(n + reserves, from: population, using: &generator).map { rows[$0] }
            case .systematic:
                rows.sort { StratifiedDraw.less(sortKeys!, $0, $1, ids: identifiers) }
                picked = StratifiedDraw.systematic(rows, n: n, reserves: reserves, using: &generator)
            }
            let weight = n > 0 ? Double(population) / Double(n) : 0
            for (position, row) in picked.enumerated() {
                units.append(Unit(row: row, stratum: name, weight: weight, stratumSize: population,
                                  order: position + 1, reserve: position >= n))
            }
            summaries.append(StratumSummary(stratum: name, population: population, sample: n, reserves: reserves))
        }
        self.units = units
        self.strata = summaries
        self.seed = seed
        self.fingerprint = fingerprint.finish()
        self.algorithm = SeededSelection.algorithm
    }

    /// The frame's identifiers, read once: for a column of labels, each distinct label's bytes and a
    /// 16-byte sort prefix are taken once and rows refer to them by code, so the draw makes no
    /// `String` per row.
    struct Identifiers: Sendable {
        private let texts: [String]
        /// Per row, its text's index in `texts`; `texts.count` for a missing identifier (the empty text).
        private let codes: [UInt32]
        /// Per text (and the empty one after them), its first sixteen bytes as two big-endian integers
        /// (zeros after the end).
        private let prefixes: [Prefix]
        /// Per text (and the empty one), its length in bytes when it has at most sixteen (the prefix is
        /// then all of it), or ``long``.
        private let lengths: [UInt8]
        /// Whether every identifier has at most sixteen bytes, as document numbers and codes do.
        private let allShort: Bool
        static let long = UInt8.max

        struct Prefix: Sendable, Equatable {
            let high: UInt64
            let low: UInt64
        }

        init(_ column: Column, rows: Int) {
            if case .coded(let codes, let levels) = column.storage {
                texts = levels
                let missing = UInt32(levels.count)
                self.codes = codes.contains(Column.missingCode) ? codes.map { $0 == Column.missingCode ? missing : $0 } : codes
            } else {
                texts = (0..<rows).map { column.text(at: $0) ?? "" }
                codes = (0..<UInt32(rows)).map { $0 }
            }
            let texts = self.texts
            let parts = ParallelRanges.map(texts.count, minimumPerPart: 100_000) { range in
                var prefixes: [Prefix] = [], lengths: [UInt8] = []
                prefixes.reserveCapacity(range.count + 1)
                lengths.reserveCapacity(range.count + 1)
                for index in range {
                    var text = texts[index]
                    text.withUTF8 { bytes in
                        prefixes.append(Self.prefix(bytes))
                        lengths.append(bytes.count <= 16 ? UInt8(bytes.count) : Self.long)
                    }
                }
                return (prefixes, lengths)
            }
            prefixes = parts.flatMap(\.0) + [Prefix(high: 0, low: 0)]
            lengths = parts.flatMap(\.1) + [0]
            allShort = !lengths.contains(Self.long)
        }

        func text(_ row: Int) -> String {
            let code = Int(codes[row])
            return code < texts.count ? texts[code] : ""
        }

        /// Whether two rows have the same identifier.
        func same(_ a: Int, _ b: Int) -> Bool {
            let x = Int(codes[a]), y = Int(codes[b])
            return x == y || (prefixes[x] == prefixes[y] && text(a) == text(b))
        }

        /// Byte order of two rows' identifiers (``Stratum/byteOrder``).
        func less(_ a: Int, _ b: Int) -> Bool {
            let x = prefixes[Int(codes[a])], y = prefixes[Int(codes[b])]
            if x.high != y.high { return x.high < y.high }
            if x.low != y.low { return x.low < y.low }
            return Stratum.byteOrder(text(a), text(b))
        }

        /// `rows` in byte order of their identifiers, compared first by their first sixteen bytes as two
        /// big-endian integers — the whole identifier for most frames — and by the full bytes only when
        /// those are equal. A frame already in that order (an extraction sorted by document) is only
        /// checked.
        func sorted(_ rows: [Int]) -> [Int] {
            if zip(rows, rows.dropFirst()).allSatisfy({ !less($1, $0) }) { return rows }
            let keys = rows.map { row in Key(prefix: prefixes[Int(codes[row])], row: row) }
            return ParallelRanges.sorted(keys) { a, b in
                if a.prefix.high != b.prefix.high { return a.prefix.high < b.prefix.high }
                if a.prefix.low != b.prefix.low { return a.prefix.low < b.prefix.low }
                return Stratum.byteOrder(text(a.row), text(b.row))
            }.map(\.row)
        }

        struct Key: Sendable {
            let prefix: Prefix
            let row: Int
        }

        /// The first sixteen bytes of `bytes` as two big-endian integers, zeros after the end: integers
        /// that compare as the bytes do.
        static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Prefix {
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).prefix(16))) }
            return Prefix(high: UInt64(bigEndian: words.0), low: UInt64(bigEndian: words.1))
        }

        /// `stratum<TAB>id<LF>` for each of `rows`, in order. Identifiers of at most sixteen bytes are
        /// written from their prefixes, without touching their texts.
        func lines(_ stratum: String, _ rows: ArraySlice<Int>) -> [UInt8] {
            var label = stratum
            let head = label.withUTF8 { Array($0) + [9] }
            guard allShort else {
                var out: [UInt8] = []
                out.reserveCapacity(rows.count * 16)
                for row in rows {
                    out.append(contentsOf: head)
                    var id = text(row)
                    id.withUTF8 { out.append(contentsOf: $0) }
                    out.append(10)
                }
                return out
            }
            return [UInt8](unsafeUninitializedCapacity: rows.count * (head.count + 17)) { buffer, count in
                let out = UnsafeMutableRawBufferPointer(buffer)
                var at = 0
                head.withUnsafeBytes { head in
                    for row in rows {
                        let code = Int(codes[row])
                        UnsafeMutableRawBufferPointer(rebasing: out[at..<at + head.count]).copyMemory(from: head)
                        at += head.count
                        let prefix = prefixes[code]
                        withUnsafeBytes(of: (prefix.high.bigEndian, prefix.low.bigEndian)) { id in
                            let length = Int(lengths[code])
                            UnsafeMutableRawBufferPointer(rebasing: out[at..<at + length]).copyMemory(from: UnsafeRawBufferPointer(rebasing: id.prefix(length)))
                            at += length
                        }
                        out[at] = 10
                        at += 1
                    }
                }
                count = at
            }
        }
    }

    /// Feeds `stratum<TAB>id<LF>` lines to SHA-256, hashed on another thread while the draw goes on
    /// (``BackgroundSHA256``).
    struct FingerprintWriter {
        private let hasher = BackgroundSHA256()

        /// The lines of a stratum's units in identifier order, built on every core and hashed in order.
        func add(_ stratum: String, _ rows: [Int], _ identifiers: Identifiers) {
            for part in ParallelRanges.map(rows.count, minimumPerPart: 100_000, { identifiers.lines(stratum, rows[$0]) }) {
                part.withUnsafeBufferPointer { hasher.update($0) }
            }
        }

        func finish() -> String { hasher.finishHex() }
    }

    /// The label of the single stratum when the frame is not stratified.
    public static let wholeFrame = "todos"

    /// Every stratum of the frame has a size and every size names a stratum of the frame.
    static func check(sizes: [String: Int], against groups: [String: [Int]]) throws(SamplingError) {
        for name in sizes.keys.sorted(by: Stratum.byteOrder) where groups[name] == nil {
            throw .allocationStratumNotInFrame(name)
        }
        for name in groups.keys.sorted(by: Stratum.byteOrder) where sizes[name] == nil {
            throw .frameStratumNotAllocated(name)
        }
    }

    /// Systematic selection with a fractional interval k = N/n: units ⌊u + i·k⌋ for i = 0…n−1 with
    /// u uniform in [0, k) (Cochran, §8.1; Madow's fractional-interval form); reserves by simple random
    /// sampling from the units not selected.
    static func systematic(_ rows: [Int], n: Int, reserves: Int, using generator: inout SplitMix64) -> [Int] {
        guard n > 0 else { return [] }
        let k = Double(rows.count) / Double(n)
        let start = generator.unit() * k
        var chosen = (0..<n).map { min(rows.count - 1, Int((start + Double($0) * k).rounded(.down))) }
        let taken = Set(chosen)
        let rest = rows.indices.filter { !taken.contains($0) }
        chosen += SeededSelection.draw(reserves, from: rest.count, using: &generator).map { rest[$0] }
        return chosen.map { rows[$0] }
    }

    /// Sort order for systematic sampling: the column's value (numbers by value, text by bytes),
    /// missing last, then the identifier.
    static func less(_ column: Column, _ a: Int, _ b: Int, ids: Identifiers) -> Bool {
        if let numbers = column.numbers {
            let x = numbers[a], y = numbers[b]
            if x.isNaN != y.isNaN { return y.isNaN }
            if x != y && !x.isNaN { return x < y }
        } else {
            let x = column.text(at: a), y = column.text(at: b)
            if x != y {
                guard let x else { return false }
                guard let y else { return true }
                return Stratum.byteOrder(x, y)
            }
        }
        return ids.less(a, b)
    }
}
