import Coaching

/// The keys each kind of record stores, what kind of field may ask for
/// each, and which a form must ask for: the one table the loader checks
/// form files against and `RecordBuilder` reads values by.
public enum RecordFields {
    /// One key a record stores.
    public struct Entry: Hashable, Sendable {
        public var key: String
        /// The field kinds that may ask for it.
        public var kinds: Set<FieldKind>
        /// What it is, for messages: "the date of the session".
        public var meaning: String
        /// The record cannot be made without it: a form must ask for it, as required.
        public var essential: Bool
        /// For a choice: the named lists it may take. A literal list is
        /// allowed only when the first of these has fixed items, and then
        /// only with values from it.
        public var sources: [NamedChoices]
        /// A notes field of agreed actions, one a line: `what ; who ; by DD/MM/YYYY`.
        public var agreedActions: Bool

        init(
            _ key: String, _ kinds: Set<FieldKind>, _ meaning: String, essential: Bool = false,
            sources: [NamedChoices] = [], agreedActions: Bool = false
        ) {
            self.key = key
            self.kinds = kinds
            self.meaning = meaning
            self.essential = essential
            self.sources = sources
            self.agreedActions = agreedActions
        }
    }

    private static let writing: Set<FieldKind> = [.text, .notes]

    /// The keys `record` stores, in the order a form usually asks for them.
    public static func entries(for record: FormRecord) -> [Entry] {
        switch record {
        case .session:
            [
                Entry("held_on", [.date], "the date of the session", essential: true),
                Entry(
                    "kind", [.choice], "what the session was", essential: true,
                    sources: [.sessionKinds]),
                Entry("goal", writing, "the Goal of GROWTH"),
                Entry("reality", writing, "the Reality of GROWTH"),
                Entry("options", writing, "the Options of GROWTH"),
                Entry("will", writing, "the Will of GROWTH"),
                Entry("tactics", writing, "the Tactics of GROWTH"),
                Entry("habits", writing, "the Habits of GROWTH"),
                Entry("actions", [.notes], "the agreed actions, one a line", agreedActions: true),
                Entry(
                    "shared_with_observer", [.yesNo],
                    "the coachee's choice to share with the observer"),
            ]
        case .observation:
            [
                Entry("held_on", [.date], "the date of the lesson", essential: true),
                Entry("lesson_class", [.text], "the class observed", essential: true),
                Entry("subject", [.text], "the subject of the lesson", essential: true),
                Entry("look_fors", writing, "the look-fors agreed beforehand"),
                Entry("seen_and_heard", writing, "what was seen and heard"),
                Entry("questions", writing, "questions for the post-lesson discussion"),
            ]
        case .agreement:
            [
                Entry("goals", writing, "the coachee's goals", essential: true),
                Entry("priority", [.choice], "the linked school priority", sources: [.priorities]),
                Entry("coachee_commitments", writing, "what the coachee commits to"),
                Entry("coach_commitments", writing, "what the coach commits to"),
                Entry("meeting_pattern", writing, "when and how often the trio meet"),
                Entry("duration_weeks", [.number], "how many weeks the cycle runs"),
                Entry(
                    "confidentiality_understood", [.yesNo],
                    "the confirmation that confidentiality is understood", essential: true),
            ]
        case .impact:
            [
                Entry("goal", writing, "the goal of the cycle", essential: true),
                Entry("practice", writing, "the practice worked on"),
                Entry("change_in_teaching", writing, "what changed in teaching"),
                Entry("pupil_outcomes_before", writing, "pupil outcomes before"),
                Entry("pupil_outcomes_after", writing, "pupil outcomes after"),
                Entry("went_well", writing, "what went well"),
                Entry("could_have_gone_better", writing, "what could have gone better"),
                Entry("next_steps", writing, "the next steps"),
            ]
        case .cpd:
            [
                Entry("held_on", [.date], "the date of the activity", essential: true),
                Entry("title", [.text], "the title of the activity", essential: true),
                Entry(
                    "kind", [.choice], "the kind of activity", essential: true,
                    sources: [.cpdKinds]),
                Entry("hours", [.number], "the hours it took", essential: true),
                Entry("priority", [.choice], "the linked school priority", sources: [.priorities]),
                Entry("reflection", writing, "the reflection on it"),
            ]
        case .cycle:
            [
                Entry(
                    "coachee", [.choice], "the coachee", essential: true,
                    sources: [.staff, .coaches]),
                Entry("coach", [.choice], "the coach", essential: true, sources: [.coaches]),
                Entry(
                    "observer", [.choice], "the observer", essential: true,
                    sources: [.staff, .coaches]),
                Entry("priority", [.choice], "the linked school priority", sources: [.priorities]),
                Entry("focus", writing, "the focus of the cycle"),
            ]
        case .priority:
            [
                Entry("code", [.text], "the priority's short code", essential: true),
                Entry("title", [.text], "the priority's title", essential: true),
                Entry("detail", writing, "the priority's detail"),
            ]
        }
    }

    /// The entry for `key` in `record`, if the record stores it.
    public static func entry(_ key: String, in record: FormRecord) -> Entry? {
        entries(for: record).first { $0.key == key }
    }

    /// The keys `record` stores.
    public static func keys(of record: FormRecord) -> [String] {
        entries(for: record).map(\.key)
    }
}
