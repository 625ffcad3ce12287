import Testing
@testable import Table

/// The tokenizer gives the same records however the input is cut into chunks.
@Suite struct CSVTokenizerTests {
    static let text = "id,texto\r\n1,\"uno, \"\"dos\"\"\r\ntres\"\r\n\r\n2,simple\r\n3,\"\"\n4,\"fin\""

    /// Feeds `bytes` to a fresh tokenizer in chunks of `chunk` bytes.
    static func feed(_ bytes: [UInt8], chunk: Int, filter: FieldFilter? = nil,
                     sink: (inout CSVTokenizer.Record) throws(CSVError) -> Void) throws {
        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ","), filter: filter)
        try bytes.withUnsafeBufferPointer { all throws(CSVError) in
            var start = 0
            while start < all.count {
                let end = min(all.count, start + chunk)
                try tokenizer.consume(UnsafeBufferPointer(rebasing: all[start..<end]), offset: start, sink: sink)
                start = end
            }
        }
        try tokenizer.finish(sink: sink)
    }

    static func records(_ bytes: [UInt8], chunk: Int) throws -> [[String]] {
        var result: [[String]] = []
        try feed(bytes, chunk: chunk) { (record: inout CSVTokenizer.Record) throws(CSVError) in
            result.append((0..<record.fieldCount).map { String(decoding: record.field($0), as: UTF8.self) })
        }
        return result
    }

    @Test("quoted delimiters, doubled quotes, CRLF inside quotes, blank lines, no final newline",
          arguments: [1, 2, 3, 5, 7, 64])
    func chunking(chunk: Int) throws {
        let expected = [["id", "texto"], ["1", "uno, \"dos\"\r\ntres"], ["2", "simple"], ["3", ""], ["4", "fin"]]
        #expect(try Self.records(Array(Self.text.utf8), chunk: chunk) == expected)
    }

    @Test("line numbers count a CRLF inside quotes once, however the chunks fall", arguments: [1, 2, 3, 4])
    func linesAcrossChunks(chunk: Int) throws {
        var lines: [Int] = []
        try Self.feed(Array("a\r\n\"x\r\ny\"\r\nb\r\n".utf8), chunk: chunk) { (record: inout CSVTokenizer.Record) throws(CSVError) in
            lines.append(record.line)
        }
        #expect(lines == [1, 2, 4])
    }

    @Test("blanks around unquoted fields and outside quotes are dropped, inside quotes kept, however the chunks fall",
          arguments: [1, 2, 3, 4, 5, 7, 64])
    func blanks(chunk: Int) throws {
        let text = " a , b\t,\"  c \" , \"d\"\n  x  y ,,\" \",\"e\"f \n"
        // By hand, field by field: «a», «b», «  c », «d»; «x  y», «», « », «ef».
        #expect(try Self.records(Array(text.utf8), chunk: chunk) == [["a", "b", "  c ", "d"], ["x  y", "", " ", "ef"]])
    }

    @Test("empty trailing fields are kept")
    func trailingEmptyFields() throws {
        #expect(try Self.records(Array("a,b,c\n1,,\n".utf8), chunk: 4) == [["a", "b", "c"], ["1", "", ""]])
    }

    static let unquotedRuns = "a,b,c,d\nuno,dos,,cuatro\r\n5,\"seis, 6\",siete,8\rnueve,diez,once,\"doce\"\n,,,\n"

    @Test("runs of unquoted fields, empty fields and LF, CRLF and CR line ends, however the chunks fall",
          arguments: [1, 2, 3, 4, 5, 6, 7, 9, 13, 64])
    func unquotedRuns(chunk: Int) throws {
        var lines: [Int] = []
        var records: [[String]] = []
        try Self.feed(Array(Self.unquotedRuns.utf8), chunk: chunk) { (record: inout CSVTokenizer.Record) throws(CSVError) in
            lines.append(record.line)
            records.append((0..<record.fieldCount).map { String(decoding: record.field($0), as: UTF8.self) })
        }
        #expect(records == [["a", "b", "c", "d"], ["uno", "dos", "", "cuatro"], ["5", "seis, 6", "siete", "8"],
                            ["nueve", "diez", "once", "doce"], ["", "", "", ""]])
        #expect(lines == [1, 2, 3, 4, 5])
    }

    /// Records whose fields after the first are read only to be counted: long plain tails, a quoted tail
    /// with a delimiter and a line break, CRLF, a trailing empty field, a lone CR ending a line.
    static let tails = "id,a,b,c,d,e\nP1,uno dos tres,cuatro,cinco seis siete,ocho,nueve diez\r\nP2,\"x, \"\"y\"\"\nz\",b,c,d,\nP3,,,,,\rP4,a,b,c,d,eeeeeeeeeeeeeeee\nP5,1,2,3,4,5"

    @Test("after the last column read, the rest of a record is counted, not split: the same records, lines and offsets as reading every field",
          arguments: [1, 3, 7, 16, 64, 1024])
    func countedTails(chunk: Int) throws {
        func read(_ filter: FieldFilter?) throws -> [(fields: Int, first: String, line: Int, offset: Int)] {
            var found: [(Int, String, Int, Int)] = []
            try Self.feed(Array(Self.tails.utf8), chunk: chunk, filter: filter) { (record: inout CSVTokenizer.Record) throws(CSVError) in
                found.append((record.fieldCount, String(decoding: record.field(0), as: UTF8.self), record.line, record.offset))
                if let filter, filter.keep == nil { filter.keep = [true, false, false, false, false, false] }
            }
            return found
        }
        let all = try read(nil), counted = try read(FieldFilter())
        // Worked out by hand: six fields each; P2's quoted field holds a line break (P2 starts on line 3, P3 on 5).
        #expect(all.map(\.fields) == [6, 6, 6, 6, 6, 6] && all.map(\.first) == ["id", "P1", "P2", "P3", "P4", "P5"])
        #expect(all.map(\.line) == [1, 2, 3, 5, 6, 7])
        #expect(counted.map(\.fields) == all.map(\.fields) && counted.map(\.first) == all.map(\.first))
        #expect(counted.map(\.line) == all.map(\.line) && counted.map(\.offset) == all.map(\.offset))
    }

    static let skippedRuns = "id,a,b,c,d,e\nP1,uno dos tres cuatro,cinco seis siete ocho,  kept one  ,nueve diez once,fin\n"
        + "P2,\"x, y\",b,dd,e,f\nP3,aaaaaaaaaaaaaaaa,\"bb\"\"b\",ccc,d,e\r\nP4,a\rb,c,d,e,f\nP5,long long long long,long long long long long,x,y,z"

    @Test("fields between two columns read are counted, not split, when plain; quotes and line ends among them are read as ever",
          arguments: [1, 3, 7, 16, 64, 1024])
    func skippedRuns(chunk: Int) throws {
        func read(_ filter: FieldFilter?) throws -> [(fields: [String], line: Int, offset: Int)] {
            var found: [([String], Int, Int)] = []
            try Self.feed(Array(Self.skippedRuns.utf8), chunk: chunk, filter: filter) { (record: inout CSVTokenizer.Record) throws(CSVError) in
                found.append(((0..<record.fieldCount).map { String(decoding: record.field($0), as: UTF8.self) }, record.line, record.offset))
                if let filter, filter.keep == nil { filter.keep = [true, false, false, true, false, true] }
            }
            return found
        }
        let all = try read(nil), kept = try read(FieldFilter())
        // By hand: the blanks around «kept one» are not part of it; P2's and P3's quoted fields are skipped
        // whole; the lone CR after «P4,a» ends a record (P4 has two fields, «b,c,d,e,f» five, on line 6).
        #expect(kept.map(\.fields) == [["id", "a", "b", "c", "d", "e"], ["P1", "", "", "kept one", "", "fin"], ["P2", "", "", "dd", "", "f"],
                                        ["P3", "", "", "ccc", "", "e"], ["P4", ""], ["b", "", "", "e", ""], ["P5", "", "", "x", "", "z"]])
        #expect(kept.map(\.line) == [1, 2, 3, 4, 5, 6, 7] && kept.map(\.line) == all.map(\.line) && kept.map(\.offset) == all.map(\.offset))
        #expect(all.map(\.fields.count) == kept.map(\.fields.count) && all[1].fields[1] == "uno dos tres cuatro")
    }

    @Test("columns left out after the header are split off empty, the others kept whole", arguments: [1, 2, 3, 5, 8, 64])
    func skippedColumns(chunk: Int) throws {
        let filter = FieldFilter()
        var records: [[String]] = []
        try Self.feed(Array(Self.unquotedRuns.utf8), chunk: chunk, filter: filter) { (record: inout CSVTokenizer.Record) throws(CSVError) in
            records.append((0..<record.fieldCount).map { String(decoding: record.field($0), as: UTF8.self) })
            if filter.keep == nil { filter.keep = [true, false, true, false] }
        }
        #expect(records == [["a", "b", "c", "d"], ["uno", "", "", ""], ["5", "", "siete", ""], ["nueve", "", "once", ""],
                            ["", "", "", ""]])
    }
}
