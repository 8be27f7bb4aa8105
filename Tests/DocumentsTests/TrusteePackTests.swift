import Coaching
import CoachingStore
import DemoSchool
import Documents
import Foundation
import Sheets
import Testing

/// The full name, first name, surname and code of a member of staff.
func searchTerms(_ member: StaffMember) -> [String] {
    let parts = member.name.split(separator: " ")
    var terms = [member.name, member.firstName, member.code.rawValue]
    if parts.count > 1 { terms.append(parts.dropFirst().joined(separator: " ")) }
    return terms
}

/// Whether `term` appears in `text` as whole words, ignoring case, accents and what lies between words.
func containsWholeWords(_ text: String, _ term: String) -> Bool {
    func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
    let haystack = words(text)
    let needle = words(term)
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
}

/// Every text in a document: its title, its values and every cell of every list.
private func cells(_ data: SheetData) -> [String] {
    [data.title] + Array(data.values.values) + data.lists.values.flatMap { $0.flatMap(\.values) }
}

/// The names and codes of `staff` that `data` still holds, with where.
private func namesIn(_ data: SheetData, _ staff: [StaffMember]) -> [String] {
    var found: [String] = []
    for cell in cells(data) {
        for member in staff {
            for term in searchTerms(member) where containsWholeWords(cell, term) {
                found.append("\"\(term)\" in \"\(cell)\"")
            }
        }
    }
    return found
}

@Suite("The trustee pack")
struct TrusteePackTests {
    @Test("on a small school: every count of people is hidden, names are taken out, dates go to the term")
    func smallSchool() throws {
        let temporary = try TemporaryStore()
        _ = try SmallSchool(temporary.store)
        let source = DocumentSource(store: temporary.store, schoolName: "Ysgol Cae'r Onnen", today: SmallSchool.today)
        let data = try source.data(for: .trusteePack(from: day("2026-09-01"), to: day("2027-08-31")))
        #expect(data.title == "Coaching and professional learning: report for trustees")
        var values = data.values
        #expect(values.removeValue(forKey: "suppression.note")?.contains("fewer than 3") == true)
        #expect(
            values == [
                "school.name": "Ysgol Cae'r Onnen", "printed.on": "18 March 2027",
                "document.title": "Coaching and professional learning: report for trustees",
                "period.from": "1 September 2026", "period.to": "31 August 2027",
                "period.title": "Academic year 2026–27",
                "threshold": "3", "cycles.started": "fewer than 3", "cycles.completed": "0",
                "cycles.active": "fewer than 3", "staff.coached": "fewer than 3",
                "cpd.total_hours": "from fewer than 3 staff", "cpd.activities": "from fewer than 3 staff",
                "impact.count": "1", "priorities.without_goals": "None",
            ])
        #expect(
            data.lists["stages"] == [["stage": "Coaching agreement to closed", "count": "fewer than 3"]],
            "two cycles, at two stages: joined into one band, which is still too small to give a number")
        #expect(
            data.lists["priorities"] == [
                [
                    "code": "P1", "title": "Adaptive teaching for pupils with SEND", "cycles": "fewer than 3",
                    "goals": "fewer than 3", "cpd_hours": "from fewer than 3 staff", "impact_statements": "1",
                ],
                [
                    "code": "P2", "title": "Oracy across the curriculum", "cycles": "fewer than 3",
                    "goals": "fewer than 3", "cpd_hours": "0.0", "impact_statements": "0",
                ],
            ])
        #expect(
            data.lists["cpd_by_kind"] == [["kind": "Other", "hours": "from fewer than 3 staff", "activities": "4"]])
        #expect(
            data.lists["subjects"] == [
                ["subject": "Other subjects", "cycles": "fewer than 3", "goals": "fewer than 3"]
            ])
        #expect(
            data.lists["impact_statements"] == [
                [
                    "priority": "P1", "priority_title": "Adaptive teaching for pupils with SEND",
                    "term": "Autumn term 2026", "goal": "Pupils with ALN reach the same final problem.",
                    "practice": "Faded worked examples.", "change": "One sheet for everyone.",
                    "outcomes_before": "Two of five finished.", "outcomes_after": "Five of five finished.",
                    "went_well": "[colleague]'s notes helped.",
                    "could_have_gone_better": "The lesson was lost to vaccinations.",
                    "next_steps": "Share with the maths team.",
                ]
            ])
        expectFitsVocabulary(data, .trusteePack)
        #expect(namesIn(data, SmallSchool.staff) == [])
    }

    @Test("a period that is not one academic year is named by its days; a backwards one is refused")
    func periods() throws {
        let temporary = try TemporaryStore()
        _ = try SmallSchool(temporary.store)
        let source = DocumentSource(store: temporary.store, schoolName: "School", today: SmallSchool.today)
        let autumn = try source.data(for: .trusteePack(from: day("2026-09-01"), to: day("2026-11-24")))
        #expect(autumn.values["period.title"] == "1 September 2026 to 24 November 2026")
        #expect(autumn.values["cycles.active"] == "fewer than 3")
        #expect(autumn.values["impact.count"] == "0")
        let before = try source.data(for: .trusteePack(from: day("2025-09-01"), to: day("2026-08-31")))
        #expect(before.values["cycles.active"] == "0")
        #expect(before.values["priorities.without_goals"] == "P1, P2")
        #expect(throws: DocumentError.periodBackwards(from: day("2027-01-01"), to: day("2026-01-01"))) {
            try source.data(for: .trusteePack(from: day("2027-01-01"), to: day("2026-01-01")))
        }
    }

    @Test(
        "on the demo school: no staff name or code anywhere, no subject cell under the threshold",
        arguments: ["2026-11-24", "2027-03-18", "2027-07-15", "2026-09-02", "2028-02-29"])
    func demoSchool(iso: String) throws {
        let today = day(iso)
        let temporary = try TemporaryStore()
        let content = DemoSchoolContent.make(today: today)
        _ = try DemoSchool.build(into: temporary.store, today: today, by: technician)
        let source = DocumentSource(store: temporary.store, schoolName: content.schoolName, today: today)
        let year = AcademicYear(containing: today)
        let periods = [
            (year.firstDay, year.lastDay), (year.previous.firstDay, year.previous.lastDay),
            (day("2015-01-01"), today), (today.adding(days: -90), today),
        ]
        for (from, to) in periods {
            let data = try source.data(for: .trusteePack(from: from, to: to))
            #expect(namesIn(data, content.staff) == [], "\(from)–\(to)")
            #expect(!cells(data).contains { $0.contains("[text withheld") }, "the anonymiser missed something")
            // Stages are joined into bands so that each figure is 0 or at least the threshold.
            let stages = data.lists["stages"] ?? []
            for row in stages {
                if let count = Int(row["count"] ?? "") { #expect(count == 0 || count >= 3, "\(row)") }
            }
            #expect(stages.count == 1 || !stages.contains { $0["count"]?.hasPrefix("fewer") == true })
            #expect(!stages.contains { $0["count"] == "withheld" })
            for row in data.lists["subjects"] ?? [] {
                for field in ["cycles", "goals"] {
                    if let count = Int(row[field] ?? "") { #expect(!(1..<3).contains(count), "\(row)") }
                }
            }
            for (name, rows) in data.lists {
                for row in rows { #expect(Set(row.keys) == DocumentKind.trusteePack.vocabulary.lists[name]) }
            }
            #expect(Set(data.values.keys) == DocumentKind.trusteePack.vocabulary.values)
        }

        // The demo's impact statements name colleagues, and the pack has taken them out.
        let whole = try source.data(for: .trusteePack(from: day("2015-01-01"), to: today))
        let statements = whole.lists["impact_statements"] ?? []
        #expect(statements.count == content.cycles.compactMap(\.impact).count)
        #expect(statements.contains { $0.values.contains { $0.contains("[colleague]") } })
        #expect(whole.lists["subjects"]?.isEmpty == false)
    }

    @Test("the demo's impact statements mention staff by name, so the anonymiser has work to do")
    func demoNamesColleagues() {
        let content = DemoSchoolContent.make(today: day("2027-03-18"))
        let texts = content.cycles.compactMap(\.impact).flatMap {
            [
                $0.goal, $0.practice, $0.changeInTeaching, $0.pupilOutcomesBefore, $0.pupilOutcomesAfter, $0.wentWell,
                $0.couldHaveGoneBetter, $0.nextSteps,
            ]
        }
        let named = texts.filter { text in content.staff.contains { containsWholeWords(text, $0.firstName) } }
        #expect(named.count >= 2)
    }
}

@Suite("Anonymiser on the demo school")
struct DemoAnonymiserTests {
    @Test("every free text in the demo school, anonymised, names no member of staff")
    func everyText() {
        let content = DemoSchoolContent.make(today: day("2027-03-18"))
        let anonymiser = Anonymiser(staff: content.staff)
        var texts: [String] = []
        for cycle in content.cycles {
            texts.append(cycle.cycle.focus)
            if let agreement = cycle.agreement {
                texts += [agreement.goals, agreement.coacheeCommitments, agreement.coachCommitments]
            }
            for session in cycle.sessions {
                texts += [
                    session.goal, session.reality, session.options, session.will, session.tactics, session.habits,
                ]
                texts += session.actions.flatMap { [$0.action, $0.who] }
            }
            for notes in cycle.observations { texts += [notes.lookFors, notes.seenAndHeard, notes.questions] }
            if let impact = cycle.impact {
                texts += [
                    impact.goal, impact.practice, impact.changeInTeaching, impact.pupilOutcomesBefore,
                    impact.pupilOutcomesAfter, impact.wentWell, impact.couldHaveGoneBetter, impact.nextSteps,
                ]
            }
            texts += cycle.goals.map(\.text)
        }
        texts += content.cpd.flatMap { [$0.title, $0.reflection] }
        texts += content.staff.map(\.name)
        var replaced = 0
        for text in texts {
            let result = anonymiser.anonymise(text)
            replaced += result.components(separatedBy: Anonymiser.replacement).count - 1
            for member in content.staff {
                for term in searchTerms(member) where containsWholeWords(result, term) {
                    Issue.record("\"\(term)\" is still in \"\(result)\"")
                }
            }
            #expect(!anonymiser.mentionsStaff(result))
        }
        #expect(replaced > 50, "the demo's texts name colleagues often")
    }
}
