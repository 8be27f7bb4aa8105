import Testing

@testable import Telnet

@Suite("The telnet parser")
struct TelnetParserTests {
    private func parse(_ bytes: [UInt8], limit: Int = 512) -> [TelnetEvent] {
        var parser = TelnetParser(subnegotiationLimit: limit)
        return parser.parse(bytes)
    }

    @Test("plain bytes come out as one data event")
    func plainData() {
        #expect(parse(Array("hello".utf8)) == [.data(Array("hello".utf8))])
        #expect(parse([]) == [])
    }

    @Test("CR, CR NUL, CR LF and LF pass through untouched")
    func carriageReturns() {
        let bytes: [UInt8] = [13, 0, 0x61, 13, 10, 0x62, 13, 10, 13]
        #expect(parse(bytes) == [.data(bytes)])
    }

    @Test("IAC IAC in data is one byte 255, joined with the data around it")
    func escapedIACInData() {
        #expect(parse([0x61, 255, 255, 0x62]) == [.data([0x61, 255, 0x62])])
        #expect(parse([255, 255, 255, 255]) == [.data([255, 255])])
    }

    @Test("IAC IAC inside a subnegotiation is one payload byte 255")
    func escapedIACInSubnegotiation() {
        #expect(
            parse([255, 250, 31, 0, 255, 255, 0, 24, 255, 240])
                == [.subnegotiation(option: 31, payload: [0, 255, 0, 24])])
    }

    @Test("every verb is reported with its option")
    func everyVerb() {
        let bytes: [UInt8] = [255, 251, 1, 255, 252, 3, 255, 253, 24, 255, 254, 31]
        #expect(parse(bytes) == [.will(1), .wont(3), .do(24), .dont(31)])
    }

    @Test(
        "every command but SE is reported, between the data around it",
        arguments: TelnetCommand.allCases.filter { $0 != .se })
    func everyCommand(command: TelnetCommand) {
        #expect(
            parse([0x61, 255, command.rawValue, 0x62])
                == [.data([0x61]), .command(command), .data([0x62])])
    }

    @Test("SE without SB is dropped")
    func strayEndOfSubnegotiation() {
        #expect(parse([0x61, 255, 240, 0x62]) == [.data([0x61, 0x62])])
    }

    @Test("an unknown command after IAC is dropped with its byte")
    func unknownCommand() {
        #expect(parse([0x61, 255, 0x41, 0x62, 255, 239]) == [.data([0x61, 0x62])])
    }

    @Test("an IAC at the very end of a read waits for the next read")
    func iacAtEndOfRead() {
        var parser = TelnetParser()
        #expect(parser.parse([0x61, 255]) == [.data([0x61])])
        #expect(parser.parse([255]) == [.data([255])])
        #expect(parser.parse([255]) == [])
        #expect(parser.parse([244, 0x62]) == [.command(.interruptProcess), .data([0x62])])
    }

    @Test("a verb split from its option is reported once the option comes")
    func verbSplitFromOption() {
        var parser = TelnetParser()
        #expect(parser.parse([255, 253]) == [])
        #expect(parser.parse([1, 0x61]) == [.do(1), .data([0x61])])
    }

    @Test("a subnegotiation split at every byte position parses the same")
    func subnegotiationSplitAnywhere() {
        let bytes: [UInt8] = [0x61] + [255, 250, 31, 0, 255, 255, 0, 24, 255, 240] + [0x62]
        let whole = parse(bytes)
        #expect(
            whole == [
                .data([0x61]), .subnegotiation(option: 31, payload: [0, 255, 0, 24]),
                .data([0x62]),
            ])
        for cut in 0...bytes.count {
            var parser = TelnetParser()
            let events = parser.parse(bytes[..<cut]) + parser.parse(bytes[cut...])
            #expect(events == whole, "cut at \(cut)")
        }
    }

    @Test("a NAWS with a doubled 255 width, as PuTTY sends it, unescapes to 255")
    func puttyWindowSize() {
        let bytes: [UInt8] = [255, 250, 31, 0, 255, 255, 0, 50, 255, 240]
        #expect(parse(bytes) == [.subnegotiation(option: 31, payload: [0, 255, 0, 50])])
    }

    @Test("a subnegotiation of exactly the limit is kept")
    func subnegotiationAtLimit() {
        let payload = [UInt8](repeating: 0x41, count: 8)
        #expect(
            parse(subnegotiation(99, payload), limit: 8)
                == [.subnegotiation(option: 99, payload: payload)])
    }

    @Test("an over-long subnegotiation is dropped up to IAC SE and parsing goes on")
    func overLongSubnegotiation() {
        let tooLong = subnegotiation(24, [UInt8](repeating: 0x41, count: 9))
        let next = subnegotiation(31, [0, 80, 0, 24])
        #expect(
            parse(tooLong + [0x62] + next, limit: 8)
                == [.data([0x62]), .subnegotiation(option: 31, payload: [0, 80, 0, 24])])
    }

    @Test("escaped IACs count toward the subnegotiation limit")
    func escapedIACsCount() {
        let four = [UInt8](repeating: 255, count: 8)
        let five = [UInt8](repeating: 255, count: 10)
        #expect(
            parse(subnegotiation(24, four), limit: 4)
                == [.subnegotiation(option: 24, payload: [255, 255, 255, 255])])
        #expect(parse(subnegotiation(24, five), limit: 4) == [])
    }

    @Test("an unknown subnegotiation is still reported whole, for the handler to drop")
    func unknownSubnegotiation() {
        #expect(
            parse(subnegotiation(200, [1, 2, 3]))
                == [.subnegotiation(option: 200, payload: [1, 2, 3])])
    }

    @Test("IAC and a command inside a subnegotiation end it, then the command counts")
    func commandInsideSubnegotiation() {
        #expect(
            parse([255, 250, 24, 0, 0x78, 255, 251, 1, 0x61])
                == [.subnegotiation(option: 24, payload: [0, 0x78]), .will(1), .data([0x61])])
        #expect(
            parse([255, 250, 24, 0, 255, 244])
                == [.subnegotiation(option: 24, payload: [0]), .command(.interruptProcess)])
        #expect(
            parse([255, 250, 24, 0, 255, 250, 31, 1, 255, 240])
                == [
                    .subnegotiation(option: 24, payload: [0]),
                    .subnegotiation(option: 31, payload: [1]),
                ])
        #expect(
            parse([255, 250, 24, 0, 255, 0x41, 0x62])
                == [.subnegotiation(option: 24, payload: [0]), .data([0x62])])
    }

    @Test("an over-long subnegotiation cut short by a command is dropped, the command kept")
    func overLongSubnegotiationCutShort() {
        let bytes: [UInt8] = [255, 250, 24] + [UInt8](repeating: 0x41, count: 9) + [255, 246]
        #expect(parse(bytes, limit: 8) == [.command(.areYouThere)])
    }
}

@Suite("Telnet encoding")
struct TelnetEncodingTests {
    @Test("every 0xFF is doubled and nothing else changes")
    func escape() {
        #expect(TelnetEncoding.escape([]) == [])
        #expect(TelnetEncoding.escape([0x61, 13, 10]) == [0x61, 13, 10])
        #expect(
            TelnetEncoding.escape([255, 0x61, 255, 255]) == [255, 255, 0x61, 255, 255, 255, 255])
    }

    @Test("a subnegotiation is framed and its payload escaped")
    func subnegotiationFrame() {
        #expect(
            TelnetEncoding.subnegotiation(option: 31, payload: [0, 255])
                == [255, 250, 31, 0, 255, 255, 255, 240])
    }
}
