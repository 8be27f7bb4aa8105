/// How a cell is shown: any mix of bold, dim, underline and reverse video.
public struct Style: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let plain: Style = []
    public static let bold = Style(rawValue: 1 << 0)
    public static let dim = Style(rawValue: 1 << 1)
    public static let underline = Style(rawValue: 1 << 2)
    public static let reverse = Style(rawValue: 1 << 3)

    /// The SGR parameters that select this style after a reset.
    var selectGraphicParameters: [Int] {
        var parameters = [0]
        if contains(.bold) { parameters.append(1) }
        if contains(.dim) { parameters.append(2) }
        if contains(.underline) { parameters.append(4) }
        if contains(.reverse) { parameters.append(7) }
        return parameters
    }
}
