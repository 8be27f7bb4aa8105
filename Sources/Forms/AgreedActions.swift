import Coaching
import Foundation

/// The agreed actions of a session as written in a notes field, one a line:
/// `what ; who ; by DD/MM/YYYY` (the "by" part may be left out).
public enum AgreedActions {
    /// How a line should look, for messages.
    public static let pattern = "what ; who ; by DD/MM/YYYY"

    /// Reads every non-empty line as an action. A line without a "who", or
    /// with a date that cannot be read, is a problem naming the line.
    public static func parse(
        _ text: String, today: SchoolDay, key: String = "actions",
        label: String = "Agreed actions"
    ) -> Result<[AgreedAction], FieldProblem> {
        var actions: [AgreedAction] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            func problem(_ message: String) -> Result<[AgreedAction], FieldProblem> {
                .failure(
                    FieldProblem(
                        key: key, label: label,
                        message: "Line \(number): " + message
                            + " Write each action as \(pattern) (the \"by\" part may be left out).",
                        line: number))
            }
            let parts = line.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.allSatisfy(\.isEmpty) { continue }
            guard parts.count <= 3 else {
                return problem(
                    "there are \(parts.count - 1) semicolons, but an action has "
                        + "at most three parts.")
            }
            guard !parts[0].isEmpty else { return problem("say what will be done.") }
            guard parts.count >= 2, !parts[1].isEmpty else {
                return problem("say who will do \"\(parts[0])\".")
            }
            var byWhen: SchoolDay?
            if parts.count == 3, !parts[2].isEmpty {
                var date = parts[2]
                if date.lowercased().hasPrefix("by ") {
                    date = String(date.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                }
                guard let day = SchoolDay(typed: date, today: today) else {
                    return problem("\"\(date)\" is not a date we can read; type it as DD/MM/YYYY.")
                }
                byWhen = day
            }
            actions.append(AgreedAction(action: parts[0], who: parts[1], byWhen: byWhen))
        }
        return .success(actions)
    }

    /// The actions as lines, the way `parse` reads them back.
    public static func text(_ actions: [AgreedAction]) -> String {
        actions.map { action in
            var line = "\(action.action) ; \(action.who)"
            if let day = action.byWhen { line += " ; by \(day.british)" }
            return line
        }.joined(separator: "\n")
    }
}
