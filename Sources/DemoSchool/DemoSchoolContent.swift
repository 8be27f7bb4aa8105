import Coaching

// A fictional school to meet the product with: Ysgol Cae'r Onnen, an all-through
// (3–16) school in Wales. Every name in it is invented. Every date is counted back
// from the day the demo is made, so the school always looks alive: cycles under way,
// one overdue, impact statements just in, and records old enough for the retention
// purge to find.

/// One demo cycle: the trio, where it has got to, and what has been written in it.
public struct DemoCycle: Hashable, Sendable {
    /// Built with history so that `cycle.stage` is the target stage, dates increasing.
    public var cycle: CoachingCycle
    /// Present from the agreement stage on where written; confirmed once past agreement.
    public var agreement: CoachingAgreement?
    public var goals: [Goal]
    public var sessions: [SessionProforma]
    public var observations: [ObservationNotes]
    public var impact: ImpactStatement?

    public init(
        cycle: CoachingCycle, agreement: CoachingAgreement? = nil, goals: [Goal] = [],
        sessions: [SessionProforma] = [], observations: [ObservationNotes] = [],
        impact: ImpactStatement? = nil
    ) {
        self.cycle = cycle
        self.agreement = agreement
        self.goals = goals
        self.sessions = sessions
        self.observations = observations
        self.impact = impact
    }
}

/// The whole demo school: staff, priorities, cycles with their records, and CPD logs.
public struct DemoSchoolContent: Hashable, Sendable {
    public var schoolName: String
    public var staff: [StaffMember]
    public var priorities: [Priority]
    public var cycles: [DemoCycle]
    public var cpd: [CPDActivity]
    /// Demo PINs by staff code (4–6 digits), printed by the `demo` command so a newcomer
    /// can log in.
    public var pins: [StaffCode: String]

    public init(
        schoolName: String, staff: [StaffMember], priorities: [Priority], cycles: [DemoCycle],
        cpd: [CPDActivity], pins: [StaffCode: String]
    ) {
        self.schoolName = schoolName
        self.staff = staff
        self.priorities = priorities
        self.cycles = cycles
        self.cpd = cpd
        self.pins = pins
    }

    /// The demo school as it stands on `today`: every date is relative to it, so the school
    /// looks alive whenever the demo is made. Deterministic: the same `today` gives the same
    /// content.
    public static func make(today: SchoolDay) -> DemoSchoolContent {
        let clock = DemoClock(today: today)
        return DemoSchoolContent(
            schoolName: "Ysgol Cae'r Onnen",
            staff: DemoStaff.members(clock),
            priorities: DemoPriorities.all,
            cycles: DemoCycles.all(clock),
            cpd: DemoCPD.all(clock),
            pins: DemoStaff.pins
        )
    }
}

// MARK: - Dates

/// The demo's dates, counted from `today` and kept on weekdays.
struct DemoClock: Sendable {
    let today: SchoolDay

    /// `days` before today (after it when negative), moved back to the Friday at a weekend.
    func ago(_ days: Int) -> SchoolDay { Self.weekday(today.adding(days: -days)) }

    /// `days` before the day seven years ago: the demo's long-gone colleague's time here.
    func sevenYearsAnd(_ days: Int) -> SchoolDay {
        Self.weekday(today.adding(years: -7).adding(days: -days))
    }

    /// The day itself, or the Friday before when it falls at a weekend. Never later
    /// than the day, and later days never map before earlier ones, so order is kept.
    static func weekday(_ day: SchoolDay) -> SchoolDay {
        // 1 January 1970 (day 0) was a Thursday; Monday is 0.
        let index = ((day.dayNumber + 3) % 7 + 7) % 7
        return index >= 5 ? day.adding(days: 4 - index) : day
    }
}

// MARK: - Staff

enum DemoStaff {
    /// The headteacher, who chooses trios.
    static let head: StaffCode = "GMH"
    /// The deputy head, who sets up staff, trios and cycles in the kiosk.
    static let admin: StaffCode = "DPR"

    static func members(_ clock: DemoClock) -> [StaffMember] {
        [
            // Leadership and office
            StaffMember(
                code: "GMH", name: "Gwenllian Morgan-Hughes", subject: "Leadership",
                roles: [.head], email: "g.morgan-hughes@caeronnen.example"),
            StaffMember(
                code: "DPR", name: "Dafydd Prys", subject: "Leadership", roles: [.admin],
                email: "d.prys@caeronnen.example"),
            StaffMember(
                code: "BKE", name: "Bethan Kemble", subject: "Office", roles: [.office],
                email: "office@caeronnen.example"),
            // Maths
            StaffMember(
                code: "SJO", name: "Siân Joseph", subject: "Maths", roles: [.coach, .leadCoach],
                email: "s.joseph@caeronnen.example"),
            StaffMember(
                code: "TWR", name: "Tomasz Wróbel", subject: "Maths", roles: [.coach],
                email: "t.wrobel@caeronnen.example"),
            StaffMember(
                code: "PRA", name: "Priya Raghunathan", subject: "Maths",
                email: "p.raghunathan@caeronnen.example", earlyCareerYear: 2),
            StaffMember(
                code: "OEL", name: "Owain Ellis", subject: "Maths",
                email: "o.ellis@caeronnen.example"),
            // English
            StaffMember(
                code: "ZHA", name: "Zoë Hartley", subject: "English", roles: [.coach],
                email: "z.hartley@caeronnen.example"),
            StaffMember(
                code: "CON", name: "Ciarán O'Neill", subject: "English", roles: [.coach],
                email: "c.oneill@caeronnen.example"),
            StaffMember(
                code: "HBR", name: "Hannah Bright", subject: "English",
                email: "h.bright@caeronnen.example", earlyCareerYear: 1),
            StaffMember(
                code: "AOS", name: "Aoife Ó Súilleabháin", subject: "English",
                email: "a.osuilleabhain@caeronnen.example"),
            StaffMember(
                code: "RKA", name: "Rosie Kavanagh", subject: "English",
                email: "r.kavanagh@caeronnen.example", leftOn: clock.ago(300)),
            // Science
            StaffMember(
                code: "NAR", name: "Nia ap Rhys", subject: "Science", roles: [.coach, .leadCoach],
                email: "n.aprhys@caeronnen.example"),
            StaffMember(
                code: "KME", name: "Kofi Mensah", subject: "Science", roles: [.coach],
                email: "k.mensah@caeronnen.example"),
            StaffMember(
                code: "LBE", name: "Lowri Beddoe", subject: "Science",
                email: "l.beddoe@caeronnen.example", earlyCareerYear: 2),
            StaffMember(
                code: "JFI", name: "Jamie Fitzgerald", subject: "Science",
                email: "j.fitzgerald@caeronnen.example"),
            StaffMember(
                code: "GPE", name: "Gareth Penhallow", subject: "Science",
                leftOn: clock.sevenYearsAnd(0)),
            // Humanities
            StaffMember(
                code: "WGR", name: "Ŵyn Gruffydd", subject: "Humanities", roles: [.impactLead],
                email: "w.gruffydd@caeronnen.example"),
            StaffMember(
                code: "FBE", name: "Fatima Begum", subject: "Humanities", roles: [.coach],
                email: "f.begum@caeronnen.example"),
            StaffMember(
                code: "RTU", name: "Rhian Tudor", subject: "Humanities",
                email: "r.tudor@caeronnen.example"),
            StaffMember(
                code: "TLJ", name: "Tegan Lloyd-Jones", subject: "Humanities",
                email: "t.lloyd-jones@caeronnen.example"),
            // Welsh
            StaffMember(
                code: "ELL", name: "Elin Llywelyn", subject: "Welsh", roles: [.coach],
                email: "e.llywelyn@caeronnen.example"),
            StaffMember(
                code: "GAI", name: "Gethin ab Iorwerth", subject: "Welsh",
                email: "g.abiorwerth@caeronnen.example"),
            StaffMember(
                code: "MHU", name: "Mererid Huws", subject: "Welsh",
                email: "m.huws@caeronnen.example", earlyCareerYear: 2),
            // PE
            StaffMember(
                code: "CRE", name: "Callum Reid", subject: "PE", roles: [.coach],
                email: "c.reid@caeronnen.example"),
            StaffMember(
                code: "DRO", name: "Dewi Rowlands", subject: "PE",
                email: "d.rowlands@caeronnen.example"),
            StaffMember(
                code: "CMA", name: "Chloé Martin", subject: "PE",
                email: "c.martin@caeronnen.example"),
            // Early Years
            StaffMember(
                code: "FDA", name: "Ffion Daniel", subject: "Early Years",
                roles: [.coach, .leadCoach],
                email: "f.daniel@caeronnen.example"),
            StaffMember(
                code: "MPU", name: "Marged Pugh", subject: "Early Years",
                email: "m.pugh@caeronnen.example"),
            StaffMember(
                code: "SWH", name: "Sophie Whitlock", subject: "Early Years",
                email: "s.whitlock@caeronnen.example", earlyCareerYear: 1),
            // Year 3
            StaffMember(
                code: "IBE", name: "Iolo Bevan", subject: "Year 3", roles: [.coach],
                email: "i.bevan@caeronnen.example"),
            StaffMember(
                code: "ANW", name: "Amara Nwosu", subject: "Year 3",
                email: "a.nwosu@caeronnen.example"),
            StaffMember(
                code: "HWA", name: "Heledd Watkins", subject: "Year 3",
                email: "h.watkins@caeronnen.example"),
        ]
    }

    /// A demo PIN for every member of staff still at the school; those who left have none.
    static let pins: [StaffCode: String] = [
        "GMH": "7315", "DPR": "204618", "BKE": "5821",
        "SJO": "4190", "TWR": "8362", "PRA": "1597", "OEL": "6034",
        "ZHA": "3478", "CON": "9051", "HBR": "2783", "AOS": "4602",
        "NAR": "71490", "KME": "5316", "LBE": "8824", "JFI": "3907",
        "WGR": "61258", "FBE": "2659", "RTU": "7043", "TLJ": "5093",
        "ELL": "4876", "GAI": "9312", "MHU": "1468",
        "CRE": "5740", "DRO": "8195", "CMA": "3621",
        "FDA": "6987", "MPU": "2035", "SWH": "7452",
        "IBE": "9628", "ANW": "4317", "HWA": "1854",
    ]
}

// MARK: - Priorities

enum DemoPriorities {
    static let all: [Priority] = [
        Priority(
            code: "P1", title: "Adaptive teaching for pupils with SEND",
            detail: "Pupils with additional learning needs reach the same ambitious goals as "
                + "their classmates through scaffolds, chunking and pre-teaching, "
                + "not an easier task."),
        Priority(
            code: "P2", title: "Oracy across the curriculum",
            detail: "Pupils are taught to talk well in every subject, in Welsh and in English, "
                + "through structured talk routines and sentence stems from Nursery to Year 11."),
        Priority(
            code: "P3", title: "Reading for pleasure",
            detail: "A reading culture in both phases: daily class novels and book talk, "
                + "free choice of books, and staff who are seen to read."),
        Priority(
            code: "P4", title: "Retrieval practice and feedback",
            detail: "Low-stakes retrieval in every sequence of lessons, and feedback that is "
                + "quick, whole-class and acted on in lessons without adding to workload."),
        Priority(
            code: "P5", title: "Wellbeing and behaviour",
            detail: "Calm, consistent routines, restorative conversations after incidents, "
                + "and attention to the wellbeing of pupils and staff alike."),
    ]
}

// MARK: - Cycles

enum DemoCycles {
    /// Fourteen cycles, at least two at every stage, oldest last.
    static func all(_ c: DemoClock) -> [DemoCycle] {
        [
            owainRetrievalStarters(c),
            mereridWelshTalk(c),
            aoifeBookTalk(c),
            priyaAdaptiveMaths(c),
            dewiCalmStarts(c),
            amaraTalkPartners(c),
            jamieHingeQuestions(c),
            lowriPracticalChunking(c),
            margedPlayTalk(c),
            heleddClassNovel(c),
            rhianWholeClassFeedback(c),
            chloeRestorative(c),
            gethinSpokenWelsh(c),
            garethPhysicsQuizzes(c),
        ]
    }

    /// Replays `moves` through `CoachingCycle`, so a bad step or a date going backwards
    /// stops the demo at once rather than storing a cycle the kiosk could never make.
    static func cycle(
        coachee: StaffCode, coach: StaffCode, observer: StaffCode, priority: String,
        focus: String, moves: [(Stage, SchoolDay)]
    ) -> CoachingCycle {
        do {
            let trio = try Trio(coachee: coachee, coach: coach, observer: observer)
            guard let first = moves.first, first.0 == .agreement else {
                preconditionFailure("demo cycle \(focus) must start at the agreement")
            }
            var cycle = CoachingCycle(
                trio: trio, priority: priority, focus: focus, startedOn: first.1,
                by: DemoStaff.admin)
            for (stage, day) in moves.dropFirst() {
                if stage == cycle.stage.next {
                    try cycle.advance(on: day, by: coach)
                } else if stage == cycle.stage.previous {
                    try cycle.stepBack(on: day, by: coach)
                } else {
                    preconditionFailure("demo cycle \(focus) jumps from \(cycle.stage) to \(stage)")
                }
            }
            return cycle
        } catch {
            preconditionFailure("demo cycle \(focus) is malformed: \(error)")
        }
    }

    // MARK: Agreement

    /// Just started: the agreement is written and the coachee has confirmed it; the coach
    /// has not yet.
    static func owainRetrievalStarters(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "OEL", coach: "ZHA", observer: "ELL", priority: "P4",
                focus: "Low-stakes retrieval starters in Year 9 maths",
                moves: [(.agreement, c.ago(6))]),
            agreement: CoachingAgreement(
                goals: """
                    I want every pupil in 9M3 to have a go at the starter, not just the confident \
                    few. By half term I'd like a retrieval starter that mixes last lesson, last \
                    week and last term, that I can check at a glance without marking books.
                    """,
                priority: "P4",
                coacheeCommitments: """
                    Try one change at a time and jot a note after each lesson; bring starters and \
                    a few pupils' whiteboards to each session; say honestly what isn't working.
                    """,
                coachCommitments: """
                    Protect our weekly slot, listen more than I talk, ask rather than tell, and \
                    keep what Owain brings to the sessions between us.
                    """,
                durationWeeks: 6, coacheeConfirmedOn: c.ago(2)),
            goals: [
                Goal(
                    owner: "OEL",
                    text: "Every pupil in 9M3 attempts the retrieval starter within four minutes",
                    priority: "P4", status: .open, setOn: c.ago(4))
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(4), kind: .coaching, author: "ZHA",
                    goal: "Get all of 9M3 attempting the starter in the first five minutes.",
                    reality: """
                        Five questions from last lesson go up on the board. Owain reckons twelve \
                        of twenty-six try them properly; the rest wait for him to go through the \
                        answers. The starter often runs to fifteen minutes.
                        """,
                    options: """
                        Mini-whiteboards, one question at a time; a last lesson / last week / last \
                        term grid; printed slips stuck in books; a visible countdown; cold calling \
                        after thinking time.
                        """,
                    will: """
                        Owain chose the three-column grid with a four-minute countdown, in the \
                        Monday and Wednesday lessons first.
                        """,
                    tactics: """
                        Grid on the board before the class arrive, so it's there as they sit \
                        down. Take the register while walking the room, not from the desk.
                        """,
                    habits: "Write tomorrow's three questions before leaving, while it's fresh.",
                    actions: [
                        AgreedAction(
                            action: "Confirm the coaching agreement", who: "Zoë",
                            byWhen: c.ago(-3)),
                        AgreedAction(
                            action: "Bring a week of grids and a note of who started in time",
                            who: "Owain", byWhen: c.ago(-7)),
                    ],
                    sharedWithObserver: false)
            ])
    }

    /// Overdue: started over three weeks ago and nothing written yet.
    static func mereridWelshTalk(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "MHU", coach: "FDA", observer: "GAI", priority: "P2",
                focus: "Structured talk in Year 7 Welsh",
                moves: [(.agreement, c.ago(23))]),
            goals: [
                Goal(
                    owner: "MHU",
                    text: "Year 7 keep up a short conversation in Welsh using sentence patterns",
                    priority: "P2", status: .open, setOn: c.ago(20))
            ])
    }

    // MARK: Pre-lesson

    static func aoifeBookTalk(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "AOS", coach: "KME", observer: "RTU", priority: "P3",
                focus: "Reading aloud and book talk with Year 8",
                moves: [(.agreement, c.ago(30)), (.preLesson, c.ago(16))]),
            agreement: CoachingAgreement(
                goals: """
                    I want 8E2 to talk about books with the energy they bring to talking about \
                    games. By the end of the cycle, ten minutes of book talk a week in which most \
                    of the class say something about a book they chose themselves.
                    """,
                priority: "P3",
                coacheeCommitments: """
                    Try the ideas we agree with 8E2 between sessions and keep a tally of who \
                    joins in; bring the tally to each session.
                    """,
                coachCommitments: """
                    Ask questions rather than give answers, arrange cover for the observed \
                    lesson, and keep our conversations confidential.
                    """,
                durationWeeks: 8, coacheeConfirmedOn: c.ago(24), coachConfirmedOn: c.ago(23)),
            goals: [
                Goal(
                    owner: "AOS",
                    text: "Most of 8E2 talk about a book they chose in weekly book talk",
                    priority: "P3", status: .inProgress, setOn: c.ago(24))
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(23), kind: .coaching, author: "KME",
                    goal: "Book talk that pupils actually want to join.",
                    reality: """
                        Aoife reads the class novel aloud and the class listen well, but when she \
                        asks what they read at home the answer is mostly "nothing, miss". The \
                        fortnightly library lesson is quiet browsing.
                        """,
                    options: """
                        Teacher recommendations; book-tasting tables; pupils recommending to \
                        pupils; a reading journal; short extracts from several books.
                        """,
                    will: """
                        Aoife chose a book tasting in the next library lesson, and two minutes \
                        every Monday talking about what she is reading herself.
                        """,
                    tactics: """
                        A trolley of twenty high-interest books; prompt cards: "This book made \
                        me…", "I'd give it to someone who…".
                        """,
                    habits: "Keep the book she is reading on the desk, and mention it.",
                    actions: [
                        AgreedAction(
                            action: "Book the library for a book-tasting lesson", who: "Aoife",
                            byWhen: c.ago(16)),
                        AgreedAction(
                            action: "Ask the librarian for a trolley of high-interest titles",
                            who: "Kofi", byWhen: c.ago(18)),
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(9), kind: .preLesson, author: "AOS",
                    goal: "Plan the lesson Rhian will observe: paired book talk after the tasting.",
                    reality: """
                        The book tasting worked: 22 of 27 took a book out, more than in the whole \
                        of last term. Paired talk is still mostly retelling the plot.
                        """,
                    options: """
                        Model a recommendation myself; sentence stems; a "would you recommend it?" \
                        vote; let them choose partners.
                        """,
                    will: """
                        Model a thirty-second recommendation, then stems, then pairs on a timer, \
                        then three pupils share with the class.
                        """,
                    tactics: """
                        Look-fors for Rhian: how many pairs go beyond the plot; who does the \
                        talking; which stems get used.
                        """,
                    habits: "End every Monday lesson with one pupil recommending a book.",
                    actions: [
                        AgreedAction(
                            action: "Send Rhian the look-fors and seating plan", who: "Aoife",
                            byWhen: c.ago(5)),
                        AgreedAction(
                            action: "Arrange cover so Rhian can observe", who: "Kofi",
                            byWhen: c.ago(4)),
                    ],
                    sharedWithObserver: true),
            ])
    }

    /// Stepped back: the observed lesson was lost to a vaccination session, so the trio went
    /// back to planning.
    static func priyaAdaptiveMaths(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "PRA", coach: "SJO", observer: "TWR", priority: "P1",
                focus: "Adaptive scaffolds in Year 7 maths",
                moves: [
                    (.agreement, c.ago(52)), (.preLesson, c.ago(45)),
                    (.observedLesson, c.ago(31)), (.preLesson, c.ago(29)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    7M4 has five pupils with additional learning needs, two with IDPs. I want to \
                    change how I present new methods so they reach the same problem as everyone \
                    else, instead of me handing them a separate, easier sheet.
                    """,
                priority: "P1",
                coacheeCommitments: """
                    Plan each lesson with the five in mind, try the scaffolds we agree, and keep \
                    a tally of who asks for help and when.
                    """,
                coachCommitments: """
                    Keep the Thursday slot, help Priya find her own answers, and keep the \
                    sessions separate from her ECT induction and from appraisal.
                    """,
                durationWeeks: 8, coacheeConfirmedOn: c.ago(48), coachConfirmedOn: c.ago(47)),
            goals: [
                Goal(
                    owner: "PRA",
                    text: "Pupils with ALN in 7M4 reach the same final problem as the class",
                    priority: "P1", status: .inProgress, setOn: c.ago(48)),
                Goal(
                    owner: "PRA",
                    text: "Pre-teach key vocabulary with the TA before each new topic",
                    priority: "P1", status: .inProgress, setOn: c.ago(45)),
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(45), kind: .preLesson, author: "PRA",
                    goal: "A fractions lesson in which everyone reaches the same final problem.",
                    reality: """
                        At the moment the five get a different worksheet. They finish it but \
                        never see the harder problems, and one of them called it "the baby sheet".
                        """,
                    options: """
                        A worked example next to each problem; partly completed examples; fraction \
                        walls on desks; pre-teaching vocabulary with the TA; fewer questions but \
                        the same last problem.
                        """,
                    will: """
                        "My turn, your turn" pairs on the board, a faded worked-example sheet for \
                        everyone, and pre-teach "numerator" and "denominator" with the TA on Monday.
                        """,
                    tactics: """
                        Everyone has the same sheet; the scaffolds are on the back, so no one's \
                        sheet looks different.
                        """,
                    habits: "Ask of every plan: what will the five be doing at minute twenty?",
                    actions: [
                        AgreedAction(
                            action: "Make the faded worked-example sheet", who: "Priya",
                            byWhen: c.ago(38)),
                        AgreedAction(
                            action: "Brief the TA on the pre-teaching", who: "Priya",
                            byWhen: c.ago(40)),
                        AgreedAction(
                            action: "Arrange cover so Tomasz can observe", who: "Siân",
                            byWhen: c.ago(34)),
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(29), kind: .checkIn, author: "SJO",
                    goal: "Re-plan now that the observed lesson has been lost.",
                    reality: """
                        The lesson Tomasz was to observe went to the Year 7 vaccinations. Priya \
                        has taught the fractions sequence since: the faded examples work for three \
                        of the five, but two still copy without understanding.
                        """,
                    options: """
                        Observe the first ratio lesson instead; keep the same look-fors; add a \
                        "stop and explain to your partner" point.
                        """,
                    will: "Step back to planning and have the first ratio lesson observed.",
                    tactics: """
                        Same look-fors, so Tomasz's notes can sit next to Priya's own notes from \
                        the fractions lessons.
                        """,
                    habits: "Priya keeps a tally in her planner of who asks for help, and when.",
                    actions: [
                        AgreedAction(
                            action: "Re-book cover for the observation", who: "Siân",
                            byWhen: c.ago(20))
                    ],
                    sharedWithObserver: false),
                SessionProforma(
                    heldOn: c.ago(15), kind: .preLesson, author: "PRA",
                    goal: "Plan the ratio lesson Tomasz will observe.",
                    reality: """
                        My tally shows the same two pupils stuck at the point where the example \
                        is taken away. The other three now start without asking.
                        """,
                    options: """
                        Leave the example up all lesson; hint cards instead of a sheet; seat the \
                        two nearer the front; partners explain step one before writing.
                        """,
                    will: """
                        Example stays on the board, hint cards on every table for anyone, and \
                        partners explain before anyone writes.
                        """,
                    tactics: """
                        Look-fors for Tomasz: when the five start writing, who picks up a hint \
                        card, what they say to their partners.
                        """,
                    habits: "Ask \"what's the first step?\" before \"what's the answer?\".",
                    actions: [
                        AgreedAction(
                            action: "Send look-fors and seating plan to Tomasz", who: "Priya",
                            byWhen: c.ago(12)),
                        AgreedAction(
                            action: "Observe 7M4, period 3", who: "Tomasz", byWhen: c.ago(-4)),
                    ],
                    sharedWithObserver: true),
            ])
    }

    static func dewiCalmStarts(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "DRO", coach: "CON", observer: "CMA", priority: "P5",
                focus: "Calm, consistent starts to PE lessons",
                moves: [(.agreement, c.ago(20)), (.preLesson, c.ago(7))]),
            agreement: CoachingAgreement(
                goals: """
                    Lessons with the Year 8 boys start within five minutes of the bell with \
                    everyone active. At the moment the changing rooms eat ten to twelve minutes \
                    and the start sets the tone for the rest of the lesson.
                    """,
                priority: "P5",
                coacheeCommitments: "Time the starts for the whole cycle and bring the times.",
                coachCommitments: """
                    Keep the slot, ask questions and not give advice unless asked, keep it \
                    confidential.
                    """,
                durationWeeks: 6, coacheeConfirmedOn: c.ago(17), coachConfirmedOn: c.ago(17)),
            goals: [
                Goal(
                    owner: "DRO", text: "8 Dragons active within five minutes of the bell",
                    priority: "P5", status: .inProgress, setOn: c.ago(17))
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(7), kind: .preLesson, author: "CON",
                    goal: "Get 8 Dragons changed and active within five minutes.",
                    reality: """
                        Dewi timed the last three lessons: eleven, thirteen and nine minutes from \
                        the bell to the first activity. The same three or four boys are always \
                        last, and he ends up negotiating at the changing-room door.
                        """,
                    options: """
                        A visible timer; an entry task on the field that doesn't need him; a \
                        routine card; praising the first ones out; a word with the three \
                        beforehand rather than at the door.
                        """,
                    will: """
                        Cones out for a warm-up pupils start themselves, and Dewi stands where he \
                        can see both doors.
                        """,
                    tactics: """
                        Entry task on a laminated card at the cones; name the pupils who are doing \
                        it right; the same words every lesson.
                        """,
                    habits: """
                        Meet the three at the changing-room door before the lesson with a quick \
                        positive word, not a reminder.
                        """,
                    actions: [
                        AgreedAction(
                            action: "Make the entry-task cards", who: "Dewi", byWhen: c.ago(2)),
                        AgreedAction(
                            action: "Agree look-fors with Chloé", who: "Dewi", byWhen: c.ago(0)),
                    ],
                    sharedWithObserver: false)
            ])
    }

    // MARK: Observed lesson

    static func amaraTalkPartners(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "ANW", coach: "FBE", observer: "HWA", priority: "P2",
                focus: "Talk partners and sentence stems in Year 3",
                moves: [
                    (.agreement, c.ago(40)), (.preLesson, c.ago(33)),
                    (.observedLesson, c.ago(5)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    I want talk partners in Year 3 to be real conversations, not one child \
                    talking while the other waits. I'd like the children to build on each \
                    other's ideas with "I agree with … because" and "I'd like to add…".
                    """,
                priority: "P2",
                coacheeCommitments: "Try the routines daily and note which pairs I listened to.",
                coachCommitments: """
                    Share what has worked with talk routines in Humanities, ask before I suggest, \
                    and keep our sessions confidential.
                    """,
                durationWeeks: 8, coacheeConfirmedOn: c.ago(36), coachConfirmedOn: c.ago(35)),
            goals: [
                Goal(
                    owner: "ANW",
                    text: "Talk partners build on each other's ideas using sentence stems",
                    priority: "P2", status: .inProgress, setOn: c.ago(36))
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(33), kind: .preLesson, author: "ANW",
                    goal: "Talk partners that build on each other's ideas.",
                    reality: """
                        When I say "turn to your partner" most pairs go quiet after one sentence. \
                        A few children do all the talking. I've been choosing who answers with \
                        lolly sticks.
                        """,
                    options: """
                        Sentence stems on the tables; model good partner talk with my TA; speaker \
                        and listener roles; talk tokens; shorter, sharper questions.
                        """,
                    will: """
                        Model partner talk with my TA on Monday, then three stems on every table.
                        """,
                    tactics: """
                        "I think … because", "I agree with … because", "I'd like to add…". Count \
                        down from five before pairs share.
                        """,
                    habits: "Every question I ask gets think–pair–share, not hands up.",
                    actions: [
                        AgreedAction(
                            action: "Laminate sentence-stem cards for every table", who: "Amara",
                            byWhen: c.ago(26)),
                        AgreedAction(
                            action: "Share the talk protocol used in Year 8 humanities",
                            who: "Fatima", byWhen: c.ago(26)),
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(19), kind: .coaching, author: "FBE",
                    goal: "Review the first fortnight of sentence stems.",
                    reality: """
                        The stems get used when Amara reminds the class, not otherwise. The \
                        quieter pairs now manage two or three sentences. In one group, "I'd like \
                        to add" has become a way to interrupt.
                        """,
                    options: """
                        Talk detectives who listen for stems; praising specific stems; a "build \
                        on it" challenge; new pairings.
                        """,
                    will: "A talk detective each session who reports which stems they heard.",
                    tactics: """
                        Keep to three stems; say "build on what your partner said" rather than \
                        "discuss".
                        """,
                    habits: "Wait five seconds after a question before anyone talks.",
                    actions: [
                        AgreedAction(
                            action: "Try talk detectives in science and history lessons",
                            who: "Amara", byWhen: c.ago(12))
                    ],
                    sharedWithObserver: false),
                SessionProforma(
                    heldOn: c.ago(12), kind: .preLesson, author: "ANW",
                    goal: "Plan the history lesson Heledd will observe: the Romans in Wales.",
                    reality: """
                        Talk detectives have worked: the children love the job, and about half \
                        the time the class now use the stems without a prompt.
                        """,
                    options: """
                        Observe history, where the talk is about evidence, or maths, where the \
                        talk is shorter.
                        """,
                    will: """
                        History: "Why did the Romans build a fort here?" with photos of artefacts \
                        as the evidence.
                        """,
                    tactics: """
                        Look-fors: how many pairs build on a partner's idea; which stems; how long \
                        pairs keep talking.
                        """,
                    habits: "Keep a list of the pairs I have listened to each day.",
                    actions: [
                        AgreedAction(
                            action: "Send the plan and look-fors to Heledd", who: "Amara",
                            byWhen: c.ago(7))
                    ],
                    sharedWithObserver: true),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.ago(5), author: "HWA", lessonClass: "Year 3 (Dosbarth Derw)",
                    subject: "History",
                    lookFors: """
                        1. How many pairs build on their partner's idea rather than give their own.
                        2. Which sentence stems the children use, and whether they are prompted.
                        3. How long pairs keep talking after "turn to your partner".
                        """,
                    seenAndHeard: """
                        09:10 Three artefact photos on the board. "Why do you think the Romans \
                        built a fort here?" Ten seconds' silence, then "Talk to your partner."
                        09:11 Of 13 pairs, 9 were talking within five seconds. Two pairs started \
                        when Amara came over.
                        09:12 Pair by the window: "I think they built it by the river because of \
                        boats." "I agree with you because they need water." "I'd like to add they \
                        can bring food up."
                        09:14 Talk detective: "I heard 'I agree with' four times and 'I'd like to \
                        add' twice."
                        09:15 Three pairs share; two begin "We thought…". One child says "I \
                        disagree with him because…", a stem that is not on the card.
                        09:20 Writing task: four children point at the stem cards while writing.
                        """,
                    questions: """
                        What made the difference for the two pairs who didn't start straight away?
                        The stems turned up in the children's writing: was that planned?
                        Where could "I disagree with … because" go next?
                        """)
            ])
    }

    static func jamieHingeQuestions(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "JFI", coach: "NAR", observer: "LBE", priority: "P4",
                focus: "Hinge questions and mini-whiteboards in Year 10 chemistry",
                moves: [
                    (.agreement, c.ago(35)), (.preLesson, c.ago(27)),
                    (.observedLesson, c.ago(2)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    I find out in the end-of-topic test that half of 10C1 misunderstood \
                    something in week one. I want a hinge question at the midpoint of each \
                    lesson, on mini-whiteboards, so I know who has it before I move on.
                    """,
                priority: "P4",
                coacheeCommitments: "Use a hinge question every lesson and note what I did next.",
                coachCommitments: "Keep the slot, find the whiteboards, keep it between us.",
                durationWeeks: 6, coacheeConfirmedOn: c.ago(31), coachConfirmedOn: c.ago(30)),
            goals: [
                Goal(
                    owner: "JFI",
                    text: "A hinge question at the midpoint of every 10C1 lesson, acted on",
                    priority: "P4", status: .inProgress, setOn: c.ago(31))
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(27), kind: .preLesson, author: "JFI",
                    goal: "A hinge question in every lesson of the bonding topic.",
                    reality: """
                        I ask "any questions?" and "does that make sense?" and get nods. The last \
                        test showed 40% of the class think ionic bonding means sharing electrons.
                        """,
                    options: """
                        Multiple choice with plausible wrong answers; whiteboards; ABCD cards; a \
                        quick form on the Chromebooks; exit tickets.
                        """,
                    will: """
                        Whiteboards, one multiple-choice hinge question at the midpoint, every \
                        lesson for a fortnight.
                        """,
                    tactics: """
                        Build the wrong answers from the misconceptions in last year's papers. \
                        "Three, two, one, show me": everyone at once.
                        """,
                    habits: "Decide before the lesson what I'll do if fewer than 80% get it right.",
                    actions: [
                        AgreedAction(
                            action: "Write hinge questions for the bonding lessons", who: "Jamie",
                            byWhen: c.ago(20)),
                        AgreedAction(
                            action: "Find whiteboards and pens for thirty", who: "Nia",
                            byWhen: c.ago(24)),
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(13), kind: .preLesson, author: "NAR",
                    goal: "Plan the observed lesson on metallic bonding.",
                    reality: """
                        Jamie has used a hinge question in seven lessons and re-taught twice, \
                        which he says he would never have known to do. Pens running out eats time.
                        """,
                    options: """
                        A pen monitor; a second hinge question after re-teaching; pupils explain \
                        why a wrong answer is wrong.
                        """,
                    will: "Add \"why is B wrong?\" after each hinge question.",
                    tactics: """
                        Look-fors for Lowri: time from question to "show me"; how many are right; \
                        what Jamie does next.
                        """,
                    habits: "Keep the hinge-question results on a sticky note in the planner.",
                    actions: [
                        AgreedAction(
                            action: "Share the lesson plan and look-fors with Lowri", who: "Jamie",
                            byWhen: c.ago(8))
                    ],
                    sharedWithObserver: false),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.ago(2), author: "LBE", lessonClass: "10C1",
                    subject: "Science (chemistry)",
                    lookFors: """
                        Time from the hinge question to "show me". How many boards show the right \
                        answer. What happens next, in response to the boards.
                        """,
                    seenAndHeard: """
                        11:32 On the board: "Why can metals conduct electricity? A) ions move \
                        B) electrons are delocalised C) atoms vibrate D) electrons are shared". \
                        "Thirty seconds, on your own."
                        11:33 "Three, two, one, show me." 28 boards up: 19 B, 6 A, 3 D.
                        11:33 "Lots of As. Talk to your partner: what's the difference between an \
                        ion moving and an electron moving?"
                        11:36 Metallic lattice drawn again; two pupils who wrote A are asked to \
                        explain it back. Both use the word "delocalised".
                        11:38 A second question: 26 of 28 boards right.
                        11:40 Pupil at the back: "So in salt water it's the ions, but in copper \
                        it's the electrons?" Reply: "Yes. Hold that thought for next lesson."
                        """,
                    questions: """
                        What did the six As tell you that you didn't know before?
                        How did you decide the re-explanation was enough?
                        How would this work with a question that needs a longer answer?
                        """)
            ])
    }

    // MARK: Post-lesson

    /// Stepped back: after the first post-lesson analysis the coachee asked to be observed
    /// again with another class.
    static func lowriPracticalChunking(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "LBE", coach: "ELL", observer: "KME", priority: "P1",
                focus: "Chunking practical instructions in Year 8 science",
                moves: [
                    (.agreement, c.ago(75)), (.preLesson, c.ago(68)),
                    (.observedLesson, c.ago(47)), (.postLesson, c.ago(45)),
                    (.observedLesson, c.ago(38)), (.postLesson, c.ago(31)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    Practicals with 8S3 fall apart in the first ten minutes. Pupils with ALN, \
                    especially the two with working-memory difficulties, can't hold the method \
                    in their heads. I want to chunk instructions so that everyone starts the \
                    practical safely and on time.
                    """,
                priority: "P1",
                coacheeCommitments: """
                    Try chunked demonstrations in every practical this half term and time the \
                    starts.
                    """,
                coachCommitments: """
                    Coach from outside science, ask the questions, leave the answers to Lowri, \
                    and keep the sessions separate from her ECT induction.
                    """,
                durationWeeks: 10, coacheeConfirmedOn: c.ago(72), coachConfirmedOn: c.ago(71)),
            goals: [
                Goal(
                    owner: "LBE",
                    text: "Every group in 8S3 starts practical work safely within five minutes",
                    priority: "P1", status: .achieved, setOn: c.ago(72)),
                Goal(
                    owner: "LBE", text: "Pupils can say why each step of a method matters",
                    priority: "P1", status: .inProgress, setOn: c.ago(45)),
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(68), kind: .preLesson, author: "LBE",
                    goal: "Everyone in 8S3 starts the practical safely within five minutes.",
                    reality: """
                        I read the method aloud and they go to the benches. By the time they get \
                        there half have forgotten step two, and I spend ten minutes at the same \
                        three benches.
                        """,
                    options: """
                        Photo method cards; a demonstration in chunks; numbered equipment trays; \
                        "show me" step one before anyone moves; buddying.
                        """,
                    will: """
                        Demonstrate in three chunks, a photo method card on each bench, and check \
                        step one before anyone moves.
                        """,
                    tactics: """
                        No more than two steps to a chunk; the card's numbers match the demo's.
                        """,
                    habits: """
                        Stay at the front for the first two minutes of the practical instead of \
                        going to the first hand up.
                        """,
                    actions: [
                        AgreedAction(
                            action: "Make photo method cards for the rates of reaction practical",
                            who: "Lowri", byWhen: c.ago(61)),
                        AgreedAction(
                            action: "Share the cards with the science technician", who: "Elin",
                            byWhen: c.ago(61)),
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(54), kind: .preLesson, author: "ELL",
                    goal: "Plan the observed practical: rates of reaction with 8S3.",
                    reality: """
                        Lowri has used the cards twice. Pupils get started now, but some follow \
                        the card without thinking about why.
                        """,
                    options: """
                        A "why this step?" question on the back of each card; a prediction before \
                        each chunk; stopping the class after chunk one.
                        """,
                    will: "Put a \"why this step?\" question on the back of each card.",
                    tactics: """
                        Look-fors for Kofi: minutes to every group starting; what the pupils with \
                        ALN do in the first five minutes; whether groups turn the card over.
                        """,
                    habits: "Time every practical start and write it on the plan.",
                    actions: [
                        AgreedAction(
                            action: "Send the look-fors to Kofi", who: "Lowri", byWhen: c.ago(50))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(45), kind: .postLesson, author: "ELL",
                    goal: "Make sense of what Kofi saw in 8S3.",
                    reality: """
                        Kofi's notes show 11 of 13 groups started within four minutes, including \
                        both pupils with working-memory difficulties. Only two groups turned the \
                        card over. Lowri said: "I didn't realise I was answering the why \
                        questions for them."
                        """,
                    options: """
                        Be observed again with another class; make "why" part of each chunk; ask \
                        for a prediction before each chunk.
                        """,
                    will: """
                        Lowri asked to be observed again with 8S1, where there is no TA, to see \
                        whether the chunking holds up. We agreed to step back to the observed \
                        lesson.
                        """,
                    tactics: "Same look-fors, so the two sets of notes can be compared.",
                    habits: "Ask \"why do you think we do this?\" after each chunk of the demo.",
                    actions: [
                        AgreedAction(
                            action: "Observe the 8S1 practical", who: "Kofi", byWhen: c.ago(38)),
                        AgreedAction(
                            action: "Add a prediction line to each card", who: "Lowri",
                            byWhen: c.ago(40)),
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(31), kind: .postLesson, author: "LBE",
                    goal: "Compare the two observed lessons.",
                    reality: """
                        In 8S1 every group started within five minutes. Kofi heard four groups \
                        explain why they time from the moment the cross disappears. I still \
                        answered the why questions for the quieter groups.
                        """,
                    options: "Wait time; sending questions back to the group; a why card.",
                    will: """
                        "Ask your group first" for two weeks, noting how often I answer a why \
                        question myself.
                        """,
                    tactics: "A tally on my clipboard.",
                    habits: "Count to five before answering a why question.",
                    actions: [
                        AgreedAction(
                            action: "Gather evidence for the impact statement: start times and "
                                + "the end-of-unit practical questions",
                            who: "Lowri", byWhen: c.ago(-7)),
                        AgreedAction(
                            action: "Book the final check-in", who: "Elin", byWhen: c.ago(-3)),
                    ],
                    sharedWithObserver: false),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.ago(47), author: "KME", lessonClass: "8S3", subject: "Science",
                    lookFors: """
                        Minutes from the end of the demonstration to every group starting. What \
                        the pupils with ALN do in the first five minutes. Whether groups use the \
                        "why" side of the card.
                        """,
                    seenAndHeard: """
                        13:40 Steps 1 and 2 demonstrated (50 cm³ of thiosulfate, flask on the \
                        cross). "Show me on your fingers: which step comes first?" All hands \
                        show one finger.
                        13:43 Groups move to benches; a photo card on each bench.
                        13:44 At four minutes, 11 of 13 groups have measured the thiosulfate. The \
                        two pupils named in the plan are in groups that started without help.
                        13:47 Steps 3 and 4 demonstrated; groups go back and carry on.
                        13:52 Two groups have turned the card over. One pupil asks "why do we use \
                        the same cross?"; Lowri comes over and answers it.
                        13:58 12 of 13 groups have at least three results in the table.
                        """,
                    questions: """
                        What did you notice about the first four minutes compared with before?
                        Who answered the why questions, and what might happen if they stayed with \
                        the group?
                        What would you like a second observation to look at?
                        """),
                ObservationNotes(
                    heldOn: c.ago(38), author: "KME", lessonClass: "8S1", subject: "Science",
                    lookFors: """
                        The same three as in 8S3, and who answers the why questions.
                        """,
                    seenAndHeard: """
                        10:05 Demo in three chunks, each followed by "Predict: what will happen if \
                        we skip this?" Three pupils answer, one after partner talk.
                        10:09 All 14 groups have started by five minutes.
                        10:14 I heard four groups talk about why the cross must stay the same: \
                        "so it's fair, same darkness".
                        10:16 A group asks Lowri why the flask is swirled. She says "What does \
                        your card say? Ask your group first." The group works it out in about a \
                        minute.
                        10:21 Lowri answers two why questions directly at benches near the front.
                        """,
                    questions: """
                        What helped the group near the window work it out themselves?
                        When did you answer directly, and why then?
                        """),
            ])
    }

    static func margedPlayTalk(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "MPU", coach: "IBE", observer: "FDA", priority: "P2",
                focus: "Extending children's talk in continuous provision",
                moves: [
                    (.agreement, c.ago(58)), (.preLesson, c.ago(51)),
                    (.observedLesson, c.ago(17)), (.postLesson, c.ago(15)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    In Reception I ask a lot of questions during play, and the children answer \
                    in one or two words. I want to use more comments and fewer questions, and to \
                    wait, so that the children's talk gets longer.
                    """,
                priority: "P2",
                coacheeCommitments: "Record myself for ten minutes at the start and at the end.",
                coachCommitments: """
                    Keep to the Tuesday slot, bring questions not answers, keep it confidential.
                    """,
                durationWeeks: 8, coacheeConfirmedOn: c.ago(55), coachConfirmedOn: c.ago(55)),
            goals: [
                Goal(
                    owner: "MPU",
                    text: "Use comments and wait time so children's talk in play gets longer",
                    priority: "P2", status: .inProgress, setOn: c.ago(55))
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(51), kind: .preLesson, author: "MPU",
                    goal: "Longer talk from the children during continuous provision.",
                    reality: """
                        I recorded myself for ten minutes in the construction area: 23 questions, \
                        most of them "what are you making?", and answers of one to three words.
                        """,
                    options: """
                        Comment instead of question; "I wonder…"; wait ten seconds; play \
                        alongside; model one new word.
                        """,
                    will: """
                        "Comment, wait, add a word" in the construction and small-world areas.
                        """,
                    tactics: "One question to every three comments; count to ten in my head.",
                    habits: "Crouch to the children's level before I speak.",
                    actions: [
                        AgreedAction(
                            action: "Record another ten minutes in a fortnight", who: "Marged",
                            byWhen: c.ago(37))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(37), kind: .preLesson, author: "IBE",
                    goal: "Plan the observed session in the small-world area.",
                    reality: """
                        Second recording: 9 questions and 20 comments; three children said \
                        sentences of six words or more. Marged says staying quiet feels unnatural.
                        """,
                    options: "Small world with the farm set; the construction area; outdoors.",
                    will: "Small world with the farm set, first session after register.",
                    tactics: """
                        Look-fors for Ffion: who starts each exchange; length of the children's \
                        turns; what follows a comment and what follows a question.
                        """,
                    habits: "Tally questions and comments on a sticky note in my pocket.",
                    actions: [
                        AgreedAction(
                            action: "Share look-fors with Ffion", who: "Marged", byWhen: c.ago(30))
                    ],
                    sharedWithObserver: false),
                SessionProforma(
                    heldOn: c.ago(15), kind: .postLesson, author: "IBE",
                    goal: "Make sense of the observed session.",
                    reality: """
                        Ffion's notes show the longest talk came after Marged's "I wonder" \
                        comments and after waiting; direct questions got one-word answers. Marged \
                        laughed at how long eight seconds felt.
                        """,
                    options: """
                        "I wonder" prompts for the TA too; focus on the quieter children; share a \
                        clip with the Early Years team.
                        """,
                    will: "Model \"comment, wait, add\" with the TA for two weeks.",
                    tactics: "The TA and Marged each tally for one session a day.",
                    habits: "Start every interaction in play with a comment.",
                    actions: [
                        AgreedAction(
                            action: "Show a short clip at the Early Years team meeting",
                            who: "Marged", byWhen: c.ago(-5)),
                        AgreedAction(
                            action: "Draft the impact statement, with the recordings as evidence",
                            who: "Marged", byWhen: c.ago(-12)),
                    ],
                    sharedWithObserver: true),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.ago(17), author: "FDA", lessonClass: "Reception (Dosbarth Onnen)",
                    subject: "Early Years (continuous provision)",
                    lookFors: """
                        Who starts each exchange. How long the children's turns are. What follows \
                        a comment, and what follows a question.
                        """,
                    seenAndHeard: """
                        09:25 Marged kneels by the farm set with three children. "The cow is going \
                        a long way from the others." Eight seconds. Child: "She's going to find \
                        her baby in the big field."
                        09:27 "I wonder where the baby is." Child: "Behind the tractor because \
                        it's hiding and it's scared of the dog."
                        09:30 "What's that?" (pointing at a pig). Child: "Pig."
                        09:32 Another child joins and starts talking to Marged unprompted about \
                        the gate.
                        09:35 Counted over ten minutes: 5 questions, 14 comments; six children's \
                        turns of five words or more.
                        """,
                    questions: """
                        What did you notice about the answer to "What's that?"?
                        Which child surprised you, and why?
                        How could the TA use the same approach outdoors?
                        """)
            ])
    }

    // MARK: Impact

    static func heleddClassNovel(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "HWA", coach: "ZHA", observer: "MPU", priority: "P3",
                focus: "Class novel and reading-for-pleasure time in Year 3",
                moves: [
                    (.agreement, c.ago(110)), (.preLesson, c.ago(100)),
                    (.observedLesson, c.ago(72)), (.postLesson, c.ago(70)),
                    (.impact, c.ago(20)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    I want my Year 3 class to look forward to reading time; at the moment \
                    independent reading is the part of the day they try to avoid. I'd like a \
                    daily class novel I read with expression, and a reading slot where the \
                    children choose.
                    """,
                priority: "P3",
                coacheeCommitments: "Survey the class at the start and end; read aloud every day.",
                coachCommitments: """
                    Share what works in secondary English, ask before suggesting, keep our \
                    sessions confidential.
                    """,
                durationWeeks: 12, coacheeConfirmedOn: c.ago(105), coachConfirmedOn: c.ago(104)),
            goals: [
                Goal(
                    owner: "HWA", text: "A daily class novel read for enjoyment, with no task",
                    priority: "P3", status: .achieved, setOn: c.ago(105)),
                Goal(
                    owner: "HWA",
                    text: "Every child chooses and takes home a library book each fortnight",
                    priority: "P3", status: .achieved, setOn: c.ago(105)),
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(100), kind: .preLesson, author: "HWA",
                    goal: "Reading time the children look forward to.",
                    reality: """
                        My survey: 9 of 28 enjoy reading at school. During independent reading I \
                        count eight to ten children off task. I use the class novel for \
                        comprehension questions.
                        """,
                    options: """
                        Read aloud with no questions; a reading den; book swap; children vote for \
                        new books; I talk about my own reading.
                        """,
                    will: "Fifteen minutes of class novel every afternoon, with no questions.",
                    tactics: "Same time every day, lights down, children choose where to sit.",
                    habits: "Read the next chapter myself the night before.",
                    actions: [
                        AgreedAction(
                            action: "Choose a class novel the children haven't met", who: "Heledd",
                            byWhen: c.ago(95))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(86), kind: .preLesson, author: "ZHA",
                    goal: "Plan the observed reading session.",
                    reality: """
                        The class novel is now the favourite part of the day; two children asked \
                        to borrow it. Independent reading is still restless.
                        """,
                    options: "A reading den; book swap; ten minutes instead of twenty.",
                    will: "Start a Friday book swap and let the children design a reading den.",
                    tactics: "Look-fors for Marged: children off task; children talking books.",
                    habits: "Recommend one book a week to the class.",
                    actions: [
                        AgreedAction(
                            action: "Send look-fors to Marged", who: "Heledd", byWhen: c.ago(76))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(70), kind: .postLesson, author: "ZHA",
                    goal: "Reflect on the observed session.",
                    reality: """
                        The fire drill cut the lesson short, but Marged counted two or three \
                        children off task in twenty minutes, against eight to ten before. Heledd \
                        noticed that she no longer reaches for questions after the novel.
                        """,
                    options: "Track the least confident readers; share the book swap with Year 4.",
                    will: "Keep going to Easter, then survey the class again.",
                    tactics: "Same survey questions as in September.",
                    habits: "Daily novel, weekly swap.",
                    actions: [
                        AgreedAction(
                            action: "Repeat the reading survey", who: "Heledd", byWhen: c.ago(25))
                    ],
                    sharedWithObserver: false),
                SessionProforma(
                    heldOn: c.ago(42), kind: .checkIn, author: "HWA",
                    goal: "Check in before the survey.",
                    reality: "The reading den is in use every break; library loans are up.",
                    options: "Write the impact statement now, or after the survey.",
                    will: "After the survey.",
                    tactics: "", habits: "",
                    actions: [],
                    sharedWithObserver: false),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.ago(72), author: "MPU", lessonClass: "Year 3 (Dosbarth Celyn)",
                    subject: "English (class novel and independent reading)",
                    lookFors: "Children off task during reading. Children talking about books.",
                    seenAndHeard: """
                        13:15 Class novel: children sit where they like; Heledd reads with voices \
                        for each character. No questions afterwards.
                        13:30 Independent reading: 25 children reading; 3 turning pages without \
                        reading, by the window.
                        13:34 Two children compare books in whispers: "This one's better, it's \
                        got a dragon that's actually nice."
                        13:35 Fire alarm; the lesson ended.
                        """,
                    questions: """
                        What did you notice about the three by the window?
                        What do the children say about the novel at home time?
                        """)
            ],
            impact: ImpactStatement(
                goal: "Year 3 look forward to reading time and choose books they want to read.",
                practice: """
                    A daily fifteen-minute class novel read aloud with expression and no task \
                    attached, a weekly book swap, and a reading den with books the children voted \
                    for.
                    """,
                changeInTeaching: """
                    I stopped using the class novel for comprehension questions and read it for \
                    enjoyment. I talk about my own reading, and I give children time to choose a \
                    book and to change their minds.
                    """,
                pupilOutcomesBefore: """
                    September survey: 9 of 28 enjoyed reading at school; 11 had taken a library \
                    book home in the previous fortnight. In a 20-minute independent reading slot, \
                    8–10 children were off task.
                    """,
                pupilOutcomesAfter: """
                    March survey: 21 of 28 enjoy reading at school; 24 had taken a library book \
                    home. Off task during reading time fell to 2–3 children. Six children asked to \
                    carry on the class novel at home.
                    """,
                wentWell: """
                    Zoë's questions made me see I was turning every book into a test. The reading \
                    den was the children's idea and they look after it.
                    """,
                couldHaveGoneBetter: """
                    The observed lesson was cut short by a fire drill. I didn't track the least \
                    confident readers separately, so I can't say whether they changed as much.
                    """,
                nextSteps: """
                    Track the eight least confident readers next term. Share the book-swap routine \
                    at the Year 3/4 phase meeting.
                    """,
                author: "HWA", submittedOn: c.ago(6)))
    }

    static func rhianWholeClassFeedback(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "RTU", coach: "TWR", observer: "FBE", priority: "P4",
                focus: "Whole-class feedback on GCSE history essays",
                moves: [
                    (.agreement, c.ago(95)), (.preLesson, c.ago(88)),
                    (.observedLesson, c.ago(60)), (.postLesson, c.ago(58)),
                    (.impact, c.ago(12)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    Marking Year 10 essays takes a whole weekend, and pupils look at the mark \
                    and not the comments. I want to move to whole-class feedback that pupils act \
                    on in the lesson, and to see better "explain" paragraphs as a result.
                    """,
                priority: "P4",
                coacheeCommitments: "Keep a note of marking time and the marks on two essays.",
                coachCommitments: """
                    Coach from outside history, ask the questions, keep it confidential.
                    """,
                durationWeeks: 12, coacheeConfirmedOn: c.ago(92), coachConfirmedOn: c.ago(92)),
            goals: [
                Goal(
                    owner: "RTU", text: "Pupils act on whole-class feedback in the next lesson",
                    priority: "P4", status: .achieved, setOn: c.ago(92)),
                Goal(
                    owner: "RTU", text: "Halve the time spent marking a set of essays",
                    priority: "P5", status: .achieved, setOn: c.ago(92)),
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(88), kind: .preLesson, author: "RTU",
                    goal: "Feedback pupils act on, in less time.",
                    reality: """
                        A set of 29 essays takes me about six hours. I write the same three \
                        comments over and over. Pupils read the mark and put the book away.
                        """,
                    options: """
                        Whole-class feedback sheet; model paragraphs; a "fix it" task; codes in \
                        the margin; peer marking.
                        """,
                    will: """
                        A feedback sheet: three common strengths, three common errors, two model \
                        sentences, and a fix-it task in the first twenty minutes of next lesson.
                        """,
                    tactics: "Read the essays with a notepad, not a pen in the book.",
                    habits: "Plan the next lesson from the notepad, the same evening.",
                    actions: [
                        AgreedAction(
                            action: "Design the whole-class feedback sheet", who: "Rhian",
                            byWhen: c.ago(81))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(74), kind: .preLesson, author: "TWR",
                    goal: "Plan the observed feedback lesson.",
                    reality: """
                        Rhian tried the sheet once. She covered six errors, which she says was \
                        too many; marking took two and a half hours.
                        """,
                    options: "Three errors only; a model paragraph live under the visualiser.",
                    will: "Three errors, one live model, then the fix-it task.",
                    tactics: """
                        Look-fors for Fatima: what pupils do in the fix-it task; how many change \
                        their paragraph.
                        """,
                    habits: "Cap the sheet at one side of A4.",
                    actions: [
                        AgreedAction(
                            action: "Send the sheet and look-fors to Fatima", who: "Rhian",
                            byWhen: c.ago(63))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(58), kind: .postLesson, author: "TWR",
                    goal: "Reflect on the observed lesson.",
                    reality: """
                        Fatima saw 26 of 29 pupils rewrite a paragraph. Three pupils who had been \
                        absent for the essay had nothing to do.
                        """,
                    options: "A catch-up task for absentees; a second essay to compare.",
                    will: "Use the sheet for the spring essay and compare marks.",
                    tactics: "Same mark scheme, same question type.",
                    habits: "Whole-class feedback for every extended piece.",
                    actions: [
                        AgreedAction(
                            action: "Compare autumn and spring essay marks", who: "Rhian",
                            byWhen: c.ago(20))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(30), kind: .checkIn, author: "RTU",
                    goal: "Check in on the spring essay.",
                    reality: "Marks are in and look better; the sheet took under an hour.",
                    options: "", will: "Write the impact statement.", tactics: "", habits: "",
                    actions: [],
                    sharedWithObserver: false),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.ago(60), author: "FBE", lessonClass: "10H2", subject: "History",
                    lookFors: "What pupils do in the fix-it task. How many change their paragraph.",
                    seenAndHeard: """
                        14:05 Feedback sheet handed out. Rhian reads out the three errors; \
                        pupils highlight one that applies to them.
                        14:09 Model paragraph written live under the visualiser; Rhian thinks \
                        aloud: "So what? Why does that matter for Germany?"
                        14:15 Fix-it task: 26 of 29 rewriting a paragraph; 3 pupils (absent for \
                        the essay) reading the sheet.
                        14:25 Two pupils read their new sentence aloud; both use "this meant \
                        that".
                        """,
                    questions: """
                        What could the three who were absent have done?
                        How did you choose which three errors to show?
                        """)
            ],
            impact: ImpactStatement(
                goal: "Pupils act on feedback and write better explanations, in less marking time.",
                practice: """
                    A whole-class feedback sheet after each essay: three strengths, three common \
                    errors, two model sentences, and a fix-it task in the first twenty minutes of \
                    the next lesson.
                    """,
                changeInTeaching: """
                    I read essays and make notes instead of writing comments in each book. I plan \
                    the next lesson around the errors, and pupils redraft a paragraph in class.
                    """,
                pupilOutcomesBefore: """
                    Autumn essay (causes of the First World War): 11 of 29 pupils reached level 3 \
                    of 4 on the 12-mark question. Marking the set took about six hours.
                    """,
                pupilOutcomesAfter: """
                    Spring essay (Treaty of Versailles): 19 of 29 reached level 3 or above. \
                    Marking and planning the feedback lesson took about two hours. In the fix-it \
                    task 26 of 29 improved their paragraph.
                    """,
                wentWell: """
                    Tomasz asked what I would do if I couldn't write comments at all, which was \
                    the push I needed. Pupils now ask for the model sentences.
                    """,
                couldHaveGoneBetter: """
                    The first sheet tried to cover too many errors. Pupils absent for the \
                    feedback lesson didn't catch up.
                    """,
                nextSteps: """
                    Share the template with the Humanities team; try the same with Year 11 source \
                    questions.
                    """,
                author: "RTU", submittedOn: c.ago(3)))
    }

    // MARK: Closed

    static func chloeRestorative(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "CMA", coach: "CRE", observer: "DRO", priority: "P5",
                focus: "Restorative conversations after incidents in PE",
                moves: [
                    (.agreement, c.ago(200)), (.preLesson, c.ago(190)),
                    (.observedLesson, c.ago(165)), (.postLesson, c.ago(162)),
                    (.impact, c.ago(130)), (.closed, c.ago(120)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    After an incident in a game I sanction and move on, and the same pupils fall \
                    out again the next week. I want to use a short restorative conversation so \
                    pupils repair things and the lesson carries on.
                    """,
                priority: "P5",
                coacheeCommitments: "Log incidents in games lessons for the whole cycle.",
                coachCommitments: "Keep the slot, ask questions, keep it confidential.",
                durationWeeks: 10, coacheeConfirmedOn: c.ago(196), coachConfirmedOn: c.ago(195)),
            goals: [
                Goal(
                    owner: "CMA", text: "Use a short restorative script after incidents in games",
                    priority: "P5", status: .achieved, setOn: c.ago(196))
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(190), kind: .preLesson, author: "CMA",
                    goal: "Incidents in games are repaired, not just sanctioned.",
                    reality: """
                        Six logged incidents in three weeks with 9 Griffins, four involving the \
                        same two pupils. I send them to the side and they sulk.
                        """,
                    options: """
                        A three-question script; a "cool-down cone"; talking after the lesson; \
                        involving the captain.
                        """,
                    will: """
                        Three questions at the cool-down cone: what happened, who was affected, \
                        what needs to happen now.
                        """,
                    tactics: "The questions on a card in my pocket; two minutes, then back in.",
                    habits: "Calm voice, side by side, not face to face.",
                    actions: [
                        AgreedAction(
                            action: "Make the question card", who: "Chloé", byWhen: c.ago(185))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(162), kind: .postLesson, author: "CRE",
                    goal: "Reflect on the observed lesson.",
                    reality: """
                        Dewi saw one incident handled at the cone in under two minutes; both \
                        pupils went back into the game. Chloé said she felt calmer herself.
                        """,
                    options: "Teach the questions to team captains; use them in changing rooms.",
                    will: "Carry on with the log to half term.",
                    tactics: "Same log as before.",
                    habits: "Restorative questions first, sanction only if needed.",
                    actions: [
                        AgreedAction(
                            action: "Compare the incident log with the autumn's", who: "Chloé",
                            byWhen: c.ago(135))
                    ],
                    sharedWithObserver: true),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.ago(165), author: "DRO", lessonClass: "9 Griffins",
                    subject: "PE (football)",
                    lookFors: "What happens after an incident. How long until pupils are back in.",
                    seenAndHeard: """
                        10:20 A tackle; two pupils shout at each other. Chloé blows the whistle, \
                        walks both to the cone and stands beside them.
                        10:21 "What happened?" Each speaks in turn. "Who was affected?" "What \
                        needs to happen now?" One pupil: "Say sorry and play fair."
                        10:22 Both back in the game; no further incident before 10:45.
                        """,
                    questions: """
                        What did you notice about your own voice?
                        What would you do if one pupil refused to answer?
                        """)
            ],
            impact: ImpactStatement(
                goal: "Repair relationships after incidents in games so lessons carry on.",
                practice: "A three-question restorative conversation at a cool-down cone.",
                changeInTeaching: """
                    I stop, walk the pupils to the cone and ask three questions before deciding \
                    on any sanction. I stand beside pupils rather than in front of them.
                    """,
                pupilOutcomesBefore: """
                    Autumn: 14 incidents logged in games lessons with 9 Griffins over six weeks, \
                    9 involving pupils who had an incident before. Average time out of the game: \
                    about eight minutes.
                    """,
                pupilOutcomesAfter: """
                    Spring: 6 incidents over six weeks, 2 repeats. Average time out about two \
                    minutes. In a pupil voice group, 5 of 6 said lessons feel "fairer".
                    """,
                wentWell: "Callum's questions helped me see how much I was talking at pupils.",
                couldHaveGoneBetter: "I didn't teach the questions to the captains in time.",
                nextSteps: "Teach the three questions to team captains; share at the PE meeting.",
                author: "CMA", submittedOn: c.ago(125)))
    }

    /// Closed last school year; the observer has since left the school.
    static func gethinSpokenWelsh(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "GAI", coach: "NAR", observer: "RKA", priority: "P2",
                focus: "Extending spoken Welsh answers in Year 9",
                moves: [
                    (.agreement, c.ago(400)), (.preLesson, c.ago(390)),
                    (.observedLesson, c.ago(365)), (.postLesson, c.ago(362)),
                    (.impact, c.ago(330)), (.closed, c.ago(320)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    Year 9 answer in Welsh with "Ydw" or "Nac ydw" and stop. I want them to add a \
                    reason and an opinion, so that their spoken answers are three clauses long.
                    """,
                priority: "P2",
                coacheeCommitments: "Record one speaking task a week on the tablets.",
                coachCommitments: "Keep the slot, ask questions, keep it confidential.",
                durationWeeks: 10, coacheeConfirmedOn: c.ago(397), coachConfirmedOn: c.ago(396)),
            goals: [
                Goal(
                    owner: "GAI", text: "Year 9 spoken answers include a reason and an opinion",
                    priority: "P2", status: .achieved, setOn: c.ago(397)),
                Goal(
                    owner: "GAI", text: "Run a weekly speaking slot with the whole year group",
                    priority: "P2", status: .dropped, setOn: c.ago(397)),
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.ago(395), kind: .coaching, author: "NAR",
                    goal: "Longer spoken answers in Welsh in Year 9.",
                    reality: """
                        Gethin's recordings: most answers are one or two words. Pupils know \
                        "achos" and "yn fy marn i" but don't use them when speaking.
                        """,
                    options: """
                        A sentence-builder mat; a "plus one" rule; speaking frames; a weekly \
                        year-group speaking slot.
                        """,
                    will: "A \"plus one\" rule: every answer adds a reason with \"achos…\".",
                    tactics: "Model it himself every time; praise the reason, not the accuracy.",
                    habits: "Never accept \"Ydw\" alone.",
                    actions: [
                        AgreedAction(
                            action: "Make the sentence-builder mats", who: "Gethin",
                            byWhen: c.ago(391))
                    ],
                    sharedWithObserver: false),
                SessionProforma(
                    heldOn: c.ago(390), kind: .preLesson, author: "GAI",
                    goal: "Plan the observed speaking lesson.",
                    reality: "The mats are used; the \"plus one\" rule works with half the class.",
                    options: "Pair speaking with a timer; a spinner of opinion phrases.",
                    will: "Pairs with a one-minute timer and the spinner.",
                    tactics: "Look-fors: length of answers; which phrases pupils use.",
                    habits: "Mats out every lesson.",
                    actions: [],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.ago(362), kind: .postLesson, author: "NAR",
                    goal: "Reflect on the observed lesson.",
                    reality: """
                        The notes show most pairs giving a reason; opinions were rarer. The \
                        year-group slot never happened: the hall was always booked.
                        """,
                    options: "Drop the year-group slot; focus on opinions in class.",
                    will: "Drop the slot and add an opinion phrase to the mats.",
                    tactics: "", habits: "",
                    actions: [],
                    sharedWithObserver: false),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.ago(365), author: "RKA", lessonClass: "9C", subject: "Welsh",
                    lookFors: "Length of spoken answers. Which reason and opinion phrases.",
                    seenAndHeard: """
                        11:05 Pairs, one-minute timer. "Wyt ti'n hoffi chwaraeon?" Most pairs \
                        answer with "achos".
                        11:09 I heard "yn fy marn i" twice across the room.
                        11:12 Spinner of opinion phrases: pupils laugh at "ffantastig" and then \
                        use it.
                        """,
                    questions: "What made the spinner work? Where could opinions come in earlier?")
            ],
            impact: ImpactStatement(
                goal: "Year 9 spoken answers in Welsh include a reason and an opinion.",
                practice: "A \"plus one\" rule, sentence-builder mats and timed pair speaking.",
                changeInTeaching: "I never accept a one-word answer and I model the longer one.",
                pupilOutcomesBefore: """
                    Recorded speaking task: 6 of 27 answers gave a reason; the average answer was \
                    two words.
                    """,
                pupilOutcomesAfter: """
                    Recorded speaking task: 20 of 27 gave a reason and 11 an opinion; the average \
                    answer was seven words.
                    """,
                wentWell: "The mats and the spinner; pupils now correct each other.",
                couldHaveGoneBetter: "A year-group slot was never realistic with the hall booked.",
                nextSteps: "Share the mats with the Welsh team; try them with Year 8.",
                author: "GAI", submittedOn: c.ago(325)))
    }

    /// Closed about seven years ago by a colleague who left soon after: past retention.
    static func garethPhysicsQuizzes(_ c: DemoClock) -> DemoCycle {
        DemoCycle(
            cycle: cycle(
                coachee: "GPE", coach: "SJO", observer: "KME", priority: "P4",
                focus: "Retrieval quizzes in Year 11 physics",
                moves: [
                    (.agreement, c.sevenYearsAnd(220)), (.preLesson, c.sevenYearsAnd(210)),
                    (.observedLesson, c.sevenYearsAnd(185)), (.postLesson, c.sevenYearsAnd(183)),
                    (.impact, c.sevenYearsAnd(150)), (.closed, c.sevenYearsAnd(140)),
                ]),
            agreement: CoachingAgreement(
                goals: """
                    Year 11 forget the equations from Year 10. I want a weekly low-stakes quiz \
                    that brings them back, with no marking for me.
                    """,
                priority: "P4",
                coacheeCommitments: "Run the quiz weekly and keep the scores.",
                coachCommitments: "Keep the slot and keep it confidential.",
                durationWeeks: 8, coacheeConfirmedOn: c.sevenYearsAnd(217),
                coachConfirmedOn: c.sevenYearsAnd(217)),
            goals: [
                Goal(
                    owner: "GPE", text: "A weekly retrieval quiz in Year 11 physics",
                    priority: "P4", status: .achieved, setOn: c.sevenYearsAnd(217))
            ],
            sessions: [
                SessionProforma(
                    heldOn: c.sevenYearsAnd(210), kind: .preLesson, author: "GPE",
                    goal: "Year 11 recall the Year 10 equations.",
                    reality: "Mock results: a third of marks lost on recalling equations.",
                    options: "Weekly quiz; equation flashcards; self-marking.",
                    will: "Ten-question quiz every Monday, self-marked.",
                    tactics: "Questions from a bank; scores in the back of books.",
                    habits: "Same day, same time.",
                    actions: [
                        AgreedAction(
                            action: "Write the question bank", who: "Gareth",
                            byWhen: c.sevenYearsAnd(200))
                    ],
                    sharedWithObserver: true),
                SessionProforma(
                    heldOn: c.sevenYearsAnd(183), kind: .postLesson, author: "SJO",
                    goal: "Reflect on the observed lesson.",
                    reality: "Quiz took eight minutes; pupils marked their own honestly.",
                    options: "Spread questions across more topics.",
                    will: "Mix in one question from each Year 10 topic.",
                    tactics: "", habits: "",
                    actions: [],
                    sharedWithObserver: false),
            ],
            observations: [
                ObservationNotes(
                    heldOn: c.sevenYearsAnd(185), author: "KME", lessonClass: "11P2",
                    subject: "Science (physics)",
                    lookFors: "How long the quiz takes. What pupils do with their scores.",
                    seenAndHeard: """
                        09:00 Quiz on the board as pupils arrive; all writing by 09:03.
                        09:08 Pupils mark in green pen; several write the equation they missed \
                        at the back of the book.
                        """,
                    questions: "What happens to the equations pupils missed?")
            ],
            impact: ImpactStatement(
                goal: "Year 11 recall physics equations reliably.",
                practice: "A weekly self-marked ten-question retrieval quiz.",
                changeInTeaching: "Retrieval every Monday; equations revisited all year.",
                pupilOutcomesBefore: "Mock: 34% of marks lost on recall questions.",
                pupilOutcomesAfter: "Second mock: 12% of marks lost on recall questions.",
                wentWell: "Pupils liked seeing their scores climb.",
                couldHaveGoneBetter: "The question bank took longer to write than planned.",
                nextSteps: "Share the bank with the science team.",
                author: "GPE", submittedOn: c.sevenYearsAnd(145)))
    }
}

// MARK: - CPD

enum DemoCPD {
    /// About forty activities over the last year and a bit, plus the long-gone colleague's.
    static func all(_ c: DemoClock) -> [CPDActivity] {
        var log: [CPDActivity] = []
        func add(
            _ owners: [StaffCode], _ daysAgo: Int, _ title: String, _ kind: CPDKind,
            _ hours: Double, _ priority: String?, _ reflections: [String]
        ) {
            for (i, owner) in owners.enumerated() {
                log.append(
                    CPDActivity(
                        owner: owner, heldOn: c.ago(daysAgo), title: title, kind: kind,
                        hours: hours, priority: priority,
                        reflection: reflections[min(i, reflections.count - 1)]))
            }
        }

        add(
            ["SJO", "NAR", "FDA"], 340, "Coaching ambassador training: listening and questioning",
            .coachingAmbassadorTraining, 6, nil,
            [
                "Practising listening without jumping to a solution was harder than I expected.",
                "The 'ask, don't tell' pairs exercise showed how quickly I offer advice.",
                "Useful to coach someone from another phase; the questions transfer well.",
            ])
        add(
            ["GMH"], 320, "Leading a coaching school", .course, 6, nil,
            ["Protected time is the make-or-break: coaching cannot live in lunchtimes."])
        add(
            ["DPR"], 290, "Timetabling protected coaching time", .other, 2, nil,
            ["Found two periods a fortnight per trio by pairing cover with PPA blocks."])
        add(
            ["WGR"], 280, "Evaluating the impact of professional learning", .course, 3, nil,
            ["Before-and-after pupil evidence is agreed at the start of a cycle, not the end."])
        add(
            ["ZHA", "KME", "CON", "TWR", "FBE", "ELL"], 265,
            "New coaches' induction: the coaching agreement and confidentiality",
            .inSchoolTraining, 2, nil,
            [
                "The agreement is the coachee's words, not mine; I'll write less on it.",
                "Clear about what leads see (stages and counts) and what they never see.",
                "Reassuring that coaching is separate from appraisal; I'll say so at the start.",
                "Worth practising the first session in role play before the real one.",
                "I liked the idea of the coachee choosing what to share with the observer.",
                "Confidentiality explained simply enough to pass on to coachees.",
            ])
        add(
            ["OEL", "JFI", "AOS", "ANW"], 240,
            "INSET: adaptive teaching without separate worksheets", .inSchoolTraining, 3, "P1",
            [
                "Same final problem for everyone, scaffolds on the back: I'll try it in Year 9.",
                "Faded worked examples look promising for practical write-ups.",
                "Pre-teaching vocabulary could help my EAL pupils as much as those with ALN.",
                "I want to try talk partners as a scaffold for children who find writing hard.",
            ])
        add(
            ["PRA", "LBE", "MHU"], 230, "ALN training: writing and using IDP outcomes",
            .inSchoolTraining, 1.5, "P1",
            [
                "I now read the IDP before planning, not after.",
                "Working-memory difficulties explained why my practicals unravel.",
                "Useful to see an IDP written with the pupil's own words in it.",
            ])
        add(
            ["GAI", "ELL", "MPU", "CMA"], 200, "INSET: structured talk routines",
            .inSchoolTraining, 3, "P2",
            [
                "Sentence patterns are the Welsh teacher's bread and butter; good to share them.",
                "Talk roles could work in Welsh lessons with Year 7.",
                "Comment, wait, add: I'll try it in continuous provision.",
                "Talk in PE is about tactics; the stems could work in team huddles.",
            ])
        add(
            ["SJO", "TWR", "OEL"], 180, "Lesson study: retrieval starters in KS3 maths",
            .lessonStudy, 4, "P4",
            [
                "Watching pupils rather than the teacher changed what we noticed.",
                "The case pupils told us more than the whole-class data.",
                "Our research lesson showed the starter took twice as long as planned.",
            ])
        add(
            ["ANW", "IBE", "HWA"], 150, "Lesson study: talk partners in Year 3", .lessonStudy, 3,
            "P2",
            [
                "Three case children; the quietest said the most in pairs.",
                "Planning together meant the look-fors were shared from the start.",
                "I'll use the same stems in my own class.",
            ])
        add(
            ["ZHA"], 250, "Reading: research summary on reading for pleasure", .reading, 2, "P3",
            ["Choice and social reading matter more than reward schemes."])
        add(
            ["CON"], 210, "Reading: a chapter on restorative practice in schools", .reading, 1.5,
            "P5", ["Short scripts and a calm voice; keen to try them with Year 10."])
        add(
            ["KME"], 170, "Reading: working memory and practical work", .reading, 1, "P1",
            ["Chunking and dual coding explain why the photo cards helped."])
        add(
            ["CRE"], 160, "Mental Health First Aid (two days)", .course, 12, "P5",
            ["Feel more confident starting a conversation with a pupil who is struggling."])
        add(
            ["RTU", "FBE"], 120, "Twilight: whole-class feedback", .inSchoolTraining, 1.5, "P4",
            [
                "Rhian's template is simple enough for the whole department to use.",
                "I'll try the fix-it task with Year 8 this half term.",
            ])
        add(
            ["RTU"], 100, "GCSE history: marking the extended response", .course, 5, "P4",
            ["Level descriptors make more sense after marking real scripts together."])
        add(
            ["HWA"], 90, "Visit to a partner school's reading den", .other, 2, "P3",
            ["The children run it themselves; I'd like ours to do the same."])
        add(
            ["IBE"], 60, "Observing in Reception: play and talk", .other, 1, "P2",
            ["Ideas for Year 3 continuous provision in the first weeks of term."])
        add(
            ["HBR"], 45, "ECT induction: behaviour and routines", .course, 2, "P5",
            ["Rehearse the routine with the class, don't just explain it."])
        add(
            ["SWH"], 45, "ECT induction: early reading and phonics", .course, 2, "P3",
            ["Keeping the pace up in phonics sessions matters more than I thought."])
        add(
            ["BKE"], 30, "Data protection refresher for office staff", .other, 1, nil,
            ["Trustee packs are anonymised; never add names when printing them."])
        add(
            ["AOS"], 20, "Book-tasting workshop with the school librarian", .other, 1, "P3",
            ["Twenty books on a trolley and some prompt cards go a long way."])
        add(
            ["JFI"], 10, "Reading: designing hinge questions", .reading, 1, "P4",
            ["Wrong answers should come from real misconceptions, not be obviously silly."])
        add(
            ["RKA"], 420, "Teaching poetry at GCSE", .course, 5, "P3",
            ["Reading poems aloud twice before any analysis helped reluctant readers."])

        // This academic year's INSET day for every teacher, and a twilight a month ago: the
        // whole-staff professional learning a trustee pack reports on.
        let teachers = DemoStaff.members(c).filter { $0.leftOn == nil && !$0.roles.contains(.office) }.map(\.code)
        let firstDay = DemoClock.weekday(AcademicYear(containing: c.today).firstDay.adding(days: 2))
        if firstDay <= c.today {
            add(
                teachers, firstDay.days(until: c.today), "INSET: oracy across the curriculum", .inSchoolTraining, 5,
                "P2",
                [
                    "Talk rules agreed with the class before any paired talk.",
                    "Sentence stems on the board made the quietest pupils start.",
                    "I'll plan one structured talk task a week with my Year 8s.",
                    "Cold-calling after paired talk feels fairer than hands up.",
                    "The 'say it again, better' routine works in any subject.",
                    "Good to hear what talk looks like in the infants.",
                ])
        }
        if c.ago(30) >= AcademicYear(containing: c.today).firstDay {
            add(
                Array(teachers.prefix(12)), 30, "Twilight: hinge questions and retrieval starters",
                .inSchoolTraining, 1.5, "P4",
                [
                    "One hinge question before moving on, with mini-whiteboards.",
                    "Retrieval starters on last term's work, not last lesson's.",
                    "I'll write the wrong answers from real misconceptions.",
                ])
        }

        // The colleague who left about seven years ago: past retention, for the purge.
        log.append(
            CPDActivity(
                owner: "GPE", heldOn: c.sevenYearsAnd(300),
                title: "Required practicals in GCSE physics",
                kind: .course, hours: 6, priority: "P4",
                reflection: "Write-ups need retrieval of the method, not just the results."))
        log.append(
            CPDActivity(
                owner: "GPE", heldOn: c.sevenYearsAnd(250), title: "Twilight: retrieval practice",
                kind: .inSchoolTraining, hours: 1.5, priority: "P4",
                reflection: "Low-stakes quizzes with no marking: worth trying with Year 11."))
        return log.sorted { $0.heldOn < $1.heldOn }
    }
}
