import Coaching
import Foundation
import Testing

/// Names chosen to be awkward: Welsh letters, accents, an apostrophe, particles, a double-barrelled
/// surname, first names and a surname that are ordinary words, initials that spell a word.
private let staff = [
    StaffMember(code: "SJO", name: "Siân Joseph", subject: "Maths"),
    StaffMember(code: "ZHA", name: "Zoë Hartley", subject: "English"),
    StaffMember(code: "WGR", name: "Ŵyn Gruffydd", subject: "Humanities"),
    StaffMember(code: "AOS", name: "Aoife Ó Súilleabháin", subject: "English"),
    StaffMember(code: "CON", name: "Ciarán O'Neill", subject: "English"),
    StaffMember(code: "GMH", name: "Gwenllian Morgan-Hughes", subject: "Leadership"),
    StaffMember(code: "NAR", name: "Nia ap Rhys", subject: "Science"),
    StaffMember(code: "WHA", name: "Will Hall", subject: "PE"),
    StaffMember(code: "GBR", name: "Grace Bright", subject: "Year 3"),
    StaffMember(code: "ANW", name: "Amara Nwosu", subject: "Year 3"),
    StaffMember(code: "TWR", name: "Tomasz Wróbel", subject: "Maths"),
    StaffMember(code: "PL", name: "Łucja Paweł", subject: "Science"),
]

private let anonymiser = Anonymiser(staff: staff)

@Suite("Anonymiser")
struct AnonymiserTests {
    @Test(
        "tricky mentions become one [colleague] each",
        arguments: [
            ("Siân said the starter worked.", "[colleague] said the starter worked."),
            ("sian said so", "[colleague] said so"),
            ("SIAN JOSEPH agreed", "[colleague] agreed"),
            ("Sian Joseph's class", "[colleague]'s class"),
            ("Siân  Joseph’s class", "[colleague]’s class"),
            ("Siân\nJoseph came", "[colleague] came"),
            ("Mrs Joseph observed", "[colleague] observed"),
            ("Ms. Joseph observed", "[colleague] observed"),
            ("Mr. Ó Súilleabháin and Mr O Suilleabhain", "[colleague] and [colleague]"),
            ("Súilleabháin's notes", "[colleague]'s notes"),
            ("Aoife Ó Súilleabháin", "[colleague]"),
            (
                "Ciarán O'Neill, O’Neill, ONeill, O Neill, Neill",
                "[colleague], [colleague], [colleague], [colleague], [colleague]"
            ),
            ("Morgan-Hughes, Morgan Hughes, Hughes, Morgan", "[colleague], [colleague], [colleague], [colleague]"),
            ("Gwenllian Morgan–Hughes spoke", "[colleague] spoke"),
            ("Gwenllian Morgan spoke", "[colleague] spoke"),
            ("Nia ap Rhys and Rhys", "[colleague] and [colleague]"),
            ("the ap in Welsh names", "the ap in Welsh names"),
            ("Ŵyn, Wyn and WYN", "[colleague], [colleague] and [colleague]"),
            ("Zoe, Zoë and ZOË", "[colleague], [colleague] and [colleague]"),
            ("Zoë-led session", "[colleague]-led session"),
            ("SJO, sjo and Sjo", "[colleague], [colleague] and [colleague]"),
            ("Siân Joseph (SJO)", "[colleague] ([colleague])"),
            ("Siân and Zoë", "[colleague] and [colleague]"),
            ("The hallway by Hall's room", "The hallway by [colleague]'s room"),
            ("I will try; Will said so", "I [colleague] try; [colleague] said so"),
            ("a bright idea from Grace", "a [colleague] idea from [colleague]"),
            ("SJ and S.J. and S. J. agreed", "[colleague] and [colleague] and [colleague] agreed"),
            ("sj is not initials", "sj is not initials"),
            ("an apple and AN", "an apple and [colleague]"),
            ("Wrobel and Wróbel", "[colleague] and [colleague]"),
            ("Lucja Pawel, Łucja Paweł", "[colleague], [colleague]"),
            ("PL said; pl is not a code in lower case", "[colleague] said; pl is not a code in lower case"),
            ("Miss said the starter worked", "Miss said the starter worked"),
            ("Year 9 and 7M4", "Year 9 and 7M4"),
            ("", ""),
        ])
    func tricky(text: String, expected: String) {
        #expect(anonymiser.anonymise(text) == expected)
    }

    @Test("text that names no one is left exactly as it was")
    func untouched() {
        let text = "Pupils rewrote a paragraph; 26 of 29 improved it. “Ydw” alone isn't an answer — add a reason!"
        #expect(anonymiser.anonymise(text) == text)
        #expect(!anonymiser.mentionsStaff(text))
    }

    @Test("mentionsStaff finds what anonymise takes out")
    func check() {
        #expect(anonymiser.mentionsStaff("asked sian"))
        #expect(anonymiser.mentionsStaff("Ó Súilleabháin"))
        #expect(anonymiser.mentionsStaff("ask SJ"))
        #expect(!anonymiser.mentionsStaff("ask sj"))
        #expect(!anonymiser.mentionsStaff(anonymiser.anonymise("Siân Joseph and SJ and sjo")))
    }

    @Test("after anonymising, no staff name or code is found in 2,000 random texts")
    func property() {
        var generator = SplitMix(seed: 2026)
        let separators = [" ", "  ", ", ", ". ", "\n", "-", "'s ", "’s ", " (", ") ", ": ", "—"]
        var vocabulary = ["the", "class", "will", "hope", "bright", "hallway", "an", "ap", "Mr", "Mrs", "Dr", "said"]
        for member in staff {
            vocabulary +=
                [member.name, member.code.rawValue, member.firstName]
                + member.name.split(separator: " ").map(String.init)
        }
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                var word = vocabulary.randomElement(using: &generator) ?? ""
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: word = word.uppercased()
                case 1: word = word.lowercased()
                case 2: word = word.folding(options: .diacriticInsensitive, locale: nil)
                default: break
                }
                text += word + (separators.randomElement(using: &generator) ?? " ")
            }
            let result = anonymiser.anonymise(text)
            for member in staff {
                for term in searchTerms(member) where containsWholeWords(result, term) {
                    Issue.record("\"\(term)\" is still in \"\(result)\" (from \"\(text)\")")
                }
            }
        }
    }
}

/// The full name, first name, surname and (for codes of three or more) code of a member of staff.
func searchTerms(_ member: StaffMember) -> [String] {
    let parts = member.name.split(separator: " ")
    var terms = [member.name, member.firstName]
    if parts.count > 1 { terms.append(parts.dropFirst().joined(separator: " ")) }
    if member.code.rawValue.count >= 3 { terms.append(member.code.rawValue) }
    return terms
}

/// Whether `term` appears in `text` as whole words, ignoring case, accents and what lies between words.
func containsWholeWords(_ text: String, _ term: String) -> Bool {
    func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "ł", with: "l")
            .split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
    let haystack = words(text)
    let needle = words(term)
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
}

/// A small seeded generator, so a failure can be repeated.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
