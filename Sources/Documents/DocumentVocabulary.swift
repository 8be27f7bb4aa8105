import Sheets

extension DocumentKind {
    /// The document's title, on the page and in the PDF's metadata.
    public var title: String {
        switch self {
        case .agreement: "Coaching agreement"
        case .session: "Coaching session record"
        case .observation: "Observation notes"
        case .impact: "Impact statement"
        case .trusteePack: "Coaching and professional learning: report for trustees"
        case .cpd: "CPD log"
        }
    }

    /// The placeholders and lists this document fills, for validating its layout.
    public var vocabulary: SheetVocabulary {
        switch self {
        case .agreement:
            SheetVocabulary(
                values: Self.commonNames.union(Self.cycleNames).union(Self.agreementNames),
                lists: ["trio": Self.trioNames])
        case .session:
            SheetVocabulary(
                values: Self.commonNames.union(Self.cycleNames).union(Self.sessionNames),
                lists: ["trio": Self.trioNames, "actions": Self.actionsNames])
        case .observation:
            SheetVocabulary(
                values: Self.commonNames.union(Self.cycleNames).union(Self.observationNames),
                lists: ["trio": Self.trioNames])
        case .impact:
            SheetVocabulary(
                values: Self.commonNames.union(Self.cycleNames).union(Self.impactNames),
                lists: ["trio": Self.trioNames, "goals": Self.goalsNames])
        case .cpd:
            SheetVocabulary(
                values: Self.commonNames.union([
                    "person.name", "person.code", "person.subject", "cpd.total_hours", "cpd.count",
                ]),
                lists: [
                    "activities": ["date", "title", "kind", "hours", "priority", "reflection"],
                    "hours_by_kind": ["kind", "hours"],
                ])
        case .trusteePack:
            SheetVocabulary(
                values: Self.commonNames.union([
                    "period.from", "period.to", "period.title", "threshold", "suppression.note", "cycles.started",
                    "cycles.completed", "cycles.active", "staff.coached", "cpd.total_hours", "cpd.activities",
                    "impact.count", "priorities.without_goals",
                ]),
                lists: [
                    "stages": ["stage", "count"],
                    "priorities": ["code", "title", "cycles", "goals", "cpd_hours", "impact_statements"],
                    "cpd_by_kind": ["kind", "hours", "activities"],
                    "subjects": ["subject", "cycles", "goals"],
                    "impact_statements": [
                        "priority", "priority_title", "term", "goal", "practice", "change", "outcomes_before",
                        "outcomes_after", "went_well", "could_have_gone_better", "next_steps",
                    ],
                ])
        }
    }

    /// Every document's vocabulary by its name, as the layout catalogue takes them.
    public static var vocabularies: [String: SheetVocabulary] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.vocabulary) })
    }

    static let commonNames: Set<String> = ["school.name", "printed.on", "document.title"]

    static let cycleNames: Set<String> = [
        "cycle.id", "cycle.focus", "cycle.started", "cycle.stage", "coachee.name", "coachee.subject", "coach.name",
        "coach.subject", "observer.name", "observer.subject", "priority.code", "priority.title",
    ]

    static let trioNames: Set<String> = ["position", "name", "subject"]

    static let agreementNames: Set<String> = [
        "agreement.goals", "agreement.coachee_commitments", "agreement.coach_commitments", "agreement.meeting_pattern",
        "agreement.duration_weeks", "agreement.coachee_confirmed", "agreement.coach_confirmed",
    ]

    static let sessionNames: Set<String> = [
        "session.id", "session.kind", "session.held_on", "session.author", "session.goal", "session.reality",
        "session.options", "session.will", "session.tactics", "session.habits", "session.shared",
    ]

    static let actionsNames: Set<String> = ["action", "who", "by_when"]

    static let observationNames: Set<String> = [
        "observation.id", "observation.held_on", "observation.author", "observation.class", "observation.subject",
        "observation.look_fors", "observation.seen_and_heard", "observation.questions",
    ]

    static let impactNames: Set<String> = [
        "impact.goal", "impact.practice", "impact.change_in_teaching", "impact.pupil_outcomes_before",
        "impact.pupil_outcomes_after", "impact.went_well", "impact.could_have_gone_better", "impact.next_steps",
        "impact.author", "impact.submitted_on",
    ]

    static let goalsNames: Set<String> = ["text", "priority", "status", "set_on"]
}
