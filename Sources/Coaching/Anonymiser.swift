import Foundation

/// Takes the school's staff out of free text, for readers who must not
/// learn who is being coached (the trustee pack).
///
/// Every mention becomes `[colleague]`, one per mention: a full name, a
/// first name, a surname (whole, or any part of a double-barrelled or
/// multi-part one such as "Morgan-Hughes" or "Ó Súilleabháin"), a title
/// with a name ("Mrs Jones" is one mention), a staff code, and a person's
/// initials ("SJ", "S.J."). A possessive keeps its ending:
/// "Zoë's questions" becomes "[colleague]'s questions".
///
/// Matching is by whole word ("Hall" is taken out, "hallway" is not),
/// ignoring case and accents (Sian finds Siân, Wyn finds Ŵyn), and a
/// name's parts may be split by spaces, a line break or a hyphen.
///
/// Safety first: a name that is also an ordinary word ("Will", "Grace",
/// "Hope", "May", a surname "Bright") is taken out wherever the word
/// appears, in any case, so "I will try" can read "I [colleague] try".
/// Staff type quickly at a kiosk and write names in lower case, and no
/// rule about capitals can tell Will the teacher from will the verb; a
/// clumsy sentence in the trustee pack costs less than a name in it.
/// Exceptions, each kept narrow: initials are matched in capitals only
/// ("AN" for Amara Nwosu, never the word "an"); a staff code of one or two
/// characters likewise; a single letter or a particle on its own ("ap",
/// "Ó", "de", "van") is not a name, though it is taken out with the
/// name it belongs to.
public struct Anonymiser: Sendable {
    /// What each mention becomes.
    public static let replacement = "[colleague]"

    private let insensitive: [String: [Pattern]]
    private let sensitive: [String: [Pattern]]
    /// Whole words that alone name someone, for `mentionsStaff`.
    private let singleWords: Set<String>
    private let singleCapitalWords: Set<String>

    public init(staff: [StaffMember]) {
        var patterns: [Pattern] = []
        for member in staff { patterns += Pattern.all(for: member) }
        var insensitive: [String: [Pattern]] = [:]
        var sensitive: [String: [Pattern]] = [:]
        for pattern in patterns {
            guard let first = pattern.words.first else { continue }
            if pattern.capitalsOnly {
                sensitive[first, default: []].append(pattern)
            } else {
                insensitive[first, default: []].append(pattern)
            }
        }
        self.insensitive = insensitive
        self.sensitive = sensitive
        singleWords = Set(patterns.filter { !$0.capitalsOnly && $0.words.count == 1 }.map { $0.words[0] })
        singleCapitalWords = Set(patterns.filter { $0.capitalsOnly && $0.words.count == 1 }.map { $0.words[0] })
    }

    /// `text` with every mention of a member of staff replaced.
    public func anonymise(_ text: String) -> String {
        let words = Word.split(text)
        var mentions: [Range<String.Index>] = []
        var index = 0
        while index < words.count {
            guard let match = longestMatch(at: index, in: words, text: text) else {
                index += 1
                continue
            }
            var start = words[index].range.lowerBound
            if index > 0, Word.titles.contains(words[index - 1].folded),
                Joint.title.joins(text[words[index - 1].range.upperBound..<start]),
                mentions.last.map({ $0.upperBound <= words[index - 1].range.lowerBound }) ?? true
            {
                start = words[index - 1].range.lowerBound
            }
            // A first name then a surname matched apart, or a name straight after another, is one mention.
            if let last = mentions.last, Joint.gap.joins(text[last.upperBound..<start]) {
                mentions[mentions.count - 1] = last.lowerBound..<match.end
            } else {
                mentions.append(start..<match.end)
            }
            index = match.lastWord + 1
        }
        var result = ""
        var position = text.startIndex
        for mention in mentions {
            result += text[position..<mention.lowerBound]
            result += Self.replacement
            position = mention.upperBound
        }
        result += text[position...]
        return result
    }

    /// Whether `text` still holds, as a whole word, any staff member's
    /// first name, surname part or code (ignoring case and accents), or
    /// their initials in capitals: a word-by-word check, simpler than
    /// `anonymise`'s matching, for a last look before text leaves the school.
    public func mentionsStaff(_ text: String) -> Bool {
        Word.split(text).contains { singleWords.contains($0.folded) || singleCapitalWords.contains($0.shape) }
    }

    private func longestMatch(at index: Int, in words: [Word], text: String) -> (lastWord: Int, end: String.Index)? {
        let candidates = insensitive[words[index].folded, default: []] + sensitive[words[index].shape, default: []]
        var best: (lastWord: Int, end: String.Index)?
        for pattern in candidates {
            guard let match = pattern.match(at: index, in: words, source: text) else { continue }
            if best.map({ match.end > $0.end }) ?? true { best = match }
        }
        return best
    }
}

/// One word of a text: letters and digits, with where it lies.
struct Word {
    var range: Range<String.Index>
    /// Lower case, without accents: what names are matched against.
    var folded: String
    /// Without accents but in its own case: what initials are matched against.
    var shape: String

    static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index].isLetter || text[index].isNumber {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(Word(text[begun..<index], range: begun..<index))
                start = nil
            }
            index = next
        }
        if let begun = start { words.append(Word(text[begun...], range: begun..<text.endIndex)) }
        return words
    }

    init(_ text: Substring, range: Range<String.Index>) {
        self.range = range
        shape = Self.unaccented(text)
        folded = shape.lowercased()
    }

    /// Letters that keep their stroke or ligature through Unicode's accent folding.
    private static let plainLetters: [Character: String] = [
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i",
        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
    ]

    static func unaccented(_ text: Substring) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.flatMap { plainLetters[$0] ?? String($0) })
    }

    /// Forms of address that belong to the name they come before.
    static let titles: Set<String> = ["mr", "mrs", "miss", "ms", "mx", "dr", "prof", "professor", "sir", "dame"]

    /// Parts of a surname that are not a name alone.
    static let particles: Set<String> = [
        "ap", "ab", "ferch", "verch", "o", "ni", "nic", "mac", "mc", "ui", "ua", "de", "da", "di", "do", "dos", "das",
        "del", "della", "der", "den", "van", "von", "le", "la", "du", "bin", "binti", "ibn", "al", "el", "st",
    ]
}

/// How two words of a name may be joined in a text.
enum Joint: Hashable, Sendable {
    /// Spaces or a line break, or a hyphen or dash (with or without spaces): "Lloyd-Jones", "Lloyd Jones".
    case gap
    /// An apostrophe, or a space: "O'Neill", "O’Neill", "O Neill".
    case apostrophe
    /// A full stop and any spaces: "S.J.", "S. J.".
    case dot
    /// An optional full stop, then spaces: "Mrs Jones", "Dr. Ellis".
    case title

    static let apostrophes: Set<Character> = ["'", "’", "‘", "ʼ", "`", "´"]
    static let dashes: Set<Character> = ["-", "‐", "‑", "‒", "–", "—"]

    func joins(_ between: Substring) -> Bool {
        let spaces = between.allSatisfy(\.isWhitespace)
        switch self {
        case .gap:
            let marks = between.filter { !$0.isWhitespace }
            return !between.isEmpty && (marks.isEmpty || (marks.count == 1 && marks.allSatisfy(Self.dashes.contains)))
        case .apostrophe:
            return (between.count == 1 && between.allSatisfy(Self.apostrophes.contains)) || (!between.isEmpty && spaces)
        case .dot:
            return between.first == "." && between.dropFirst().allSatisfy(\.isWhitespace)
        case .title:
            let rest = between.first == "." ? between.dropFirst() : between[...]
            return !rest.isEmpty && rest.allSatisfy(\.isWhitespace)
        }
    }
}

/// One way of writing a member of staff: its words and how they join.
struct Pattern: Sendable {
    /// Folded words, or accent-free capitals when `capitalsOnly`.
    var words: [String]
    /// `joints[i]` joins `words[i]` and `words[i + 1]`.
    var joints: [Joint]
    var capitalsOnly = false
    /// Dotted initials take their last full stop with them.
    var takesFinalDot = false

    func match(at start: Int, in text: [Word], source: String) -> (lastWord: Int, end: String.Index)? {
        let last = start + words.count - 1
        guard last < text.count else { return nil }
        for (offset, word) in words.enumerated() {
            let candidate = text[start + offset]
            guard (capitalsOnly ? candidate.shape : candidate.folded) == word else { return nil }
            if offset > 0 {
                let between = source[text[start + offset - 1].range.upperBound..<candidate.range.lowerBound]
                guard joints[offset - 1].joins(between) else { return nil }
            }
        }
        var end = text[last].range.upperBound
        if takesFinalDot, end < source.endIndex, source[end] == "." { end = source.index(after: end) }
        return (last, end)
    }

    /// Every pattern that names `member`.
    static func all(for member: StaffMember) -> [Pattern] {
        var patterns: [Pattern] = []
        let name = member.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = Word.split(name)
        if let written = Pattern(written: name, words: words) {
            patterns.append(written)
            patterns += written.withoutApostrophes
        }
        if let first = words.first, first.folded.count > 1 {
            patterns.append(Pattern(words: [first.folded], joints: []))
        }
        let surname = Array(words.dropFirst())
        if let written = Pattern(written: name, words: surname) {
            patterns.append(written)
            patterns += written.withoutApostrophes
        }
        for part in surname where part.folded.count > 1 && !Word.particles.contains(part.folded) {
            patterns.append(Pattern(words: [part.folded], joints: []))
        }
        patterns += initials(words)
        let code = Word.split(member.code.rawValue)
        if !code.isEmpty {
            let capitals = member.code.rawValue.count < 3
            patterns.append(
                Pattern(
                    words: code.map { capitals ? $0.shape.uppercased() : $0.folded },
                    joints: Array(repeating: .gap, count: code.count - 1), capitalsOnly: capitals))
        }
        return patterns.filter { !$0.words.isEmpty && $0.words.allSatisfy { !$0.isEmpty } }
    }

    /// A name as written, its words joined as they are in `text`.
    private init?(written text: String, words: [Word]) {
        guard !words.isEmpty else { return nil }
        self.words = words.map(\.folded)
        joints = zip(words, words.dropFirst()).map { before, after in
            let between = text[before.range.upperBound..<after.range.lowerBound]
            return between.contains(where: Joint.apostrophes.contains) ? .apostrophe : .gap
        }
    }

    init(words: [String], joints: [Joint], capitalsOnly: Bool = false, takesFinalDot: Bool = false) {
        self.words = words
        self.joints = joints
        self.capitalsOnly = capitalsOnly
        self.takesFinalDot = takesFinalDot
    }

    /// "ONeill" for "O'Neill": the words either side of an apostrophe run together.
    private var withoutApostrophes: [Pattern] {
        guard joints.contains(.apostrophe) else { return [] }
        var runs: [String] = [words[0]]
        var joined: [Joint] = []
        for (joint, word) in zip(joints, words.dropFirst()) {
            if joint == .apostrophe {
                runs[runs.count - 1] += word
            } else {
                runs.append(word)
                joined.append(joint)
            }
        }
        return [Pattern(words: runs, joints: joined)]
    }

    /// A person's initials in capitals, run together ("SJ") or dotted ("S.J.", "S. J."): the
    /// first name's with every part of the surname's, with the particles left out, and with only
    /// the last part.
    private static func initials(_ words: [Word]) -> [Pattern] {
        guard words.count > 1, let first = words.first else { return [] }
        let surname = words.dropFirst()
        let significant = surname.filter { !Word.particles.contains($0.folded) }
        var sets: Set<[String]> = []
        for parts in [Array(surname), significant, Array(surname.suffix(1))] where !parts.isEmpty {
            sets.insert(([first] + parts).compactMap { $0.shape.first.map { String($0).uppercased() } })
        }
        return sets.filter { $0.count > 1 }.flatMap { letters in
            [
                Pattern(words: [letters.joined()], joints: [], capitalsOnly: true),
                Pattern(
                    words: letters, joints: Array(repeating: .dot, count: letters.count - 1), capitalsOnly: true,
                    takesFinalDot: true),
            ]
        }
    }
}
