import Coaching
import Foundation
import Testing

@testable import Forms

@Suite("The forms shipped in forms/")
struct ShippedFormsTests {
    @Test("every shipped form file loads without a problem")
    func everyFileLoads() throws {
        let catalog = try shippedCatalog()
        #expect(
            catalog.forms.map(\.key).sorted() == [
                "agreement", "cpd", "impact", "observation", "priority", "session", "start-cycle",
            ])
        let files = try FileManager.default.contentsOfDirectory(atPath: shippedFormsFolder())
            .filter { $0.hasSuffix(".yaml") }
        #expect(files.count == catalog.forms.count)
    }

    @Test("every shipped file documents the schema at its top")
    func schemaComment() throws {
        let folder = shippedFormsFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder)
        where name.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text.hasPrefix("# A Coaching Kiosk form definition"), "\(name)")
            #expect(text.contains("#   fields:"), "\(name)")
            #expect(text.contains("must_be_yes"), "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/README.md"))
    }

    @Test("the GROWTH session record holds date, kind, GROWTH, actions and the sharing choice")
    func sessionFields() throws {
        let form = try shippedForm("session")
        #expect(form.record == .session)
        #expect(form.title == "GROWTH session record")
        #expect(
            form.fields.map(\.key) == [
                "held_on", "kind", "goal", "reality", "options", "will", "tactics", "habits",
                "actions", "shared_with_observer",
            ])
        #expect(form.field("held_on")?.defaultValue == "today")
        #expect(form.field("kind")?.choices == .named(.sessionKinds))
        #expect(form.field("actions")?.holdsAgreedActions == true)
        #expect(
            form.field("goal")?.help
                == "What would you like to achieve, in this session and beyond?")
        #expect(form.field("reality")?.help.hasPrefix("What is happening now?") == true)
        #expect(form.field("shared_with_observer")?.kind == .yesNo)
        #expect(form.field("shared_with_observer")?.help.contains("coachee's choice") == true)
        #expect(form.audience.admits(position: .coachee, roles: []))
        #expect(form.audience.admits(position: .coach, roles: []))
        #expect(!form.audience.admits(position: .observer, roles: []))
        #expect(!form.audience.admits(position: nil, roles: [.head, .office, .coach]))
    }

    @Test("observation notes ask for observable behaviour only")
    func observationFields() throws {
        let form = try shippedForm("observation")
        #expect(
            form.fields.map(\.key) == [
                "held_on", "lesson_class", "subject", "look_fors", "seen_and_heard", "questions",
            ])
        let seen = try #require(form.field("seen_and_heard"))
        #expect(seen.help.contains("observable behaviour only"))
        #expect(seen.help.contains("grades"))
        #expect(form.audience.admits(position: .observer, roles: []))
        #expect(!form.audience.admits(position: .coachee, roles: []))
    }

    @Test("the coaching agreement states confidentiality and separation from appraisal")
    func agreementFields() throws {
        let form = try shippedForm("agreement")
        #expect(
            form.fields.map(\.key) == [
                "goals", "priority", "coachee_commitments", "coach_commitments", "meeting_pattern",
                "duration_weeks", "confidentiality_understood",
            ])
        #expect(
            form.field("meeting_pattern")?.defaultValue
                == CoachingAgreement.usualMeetingPattern)
        #expect(form.field("priority")?.choices == .named(.priorities))
        let confidentiality = try #require(form.field("confidentiality_understood"))
        #expect(confidentiality.required && confidentiality.mustBeYes)
        #expect(confidentiality.help.contains("stages of the cycle and its outcomes"))
        #expect(confidentiality.help.contains("broad terms"))
        #expect(confidentiality.help.contains("unless the coachee agrees"))
        #expect(confidentiality.help.contains("performance management and appraisal"))
    }

    @Test("the impact statement runs from goal to next steps")
    func impactFields() throws {
        let form = try shippedForm("impact")
        #expect(
            form.fields.map(\.key) == [
                "goal", "practice", "change_in_teaching", "pupil_outcomes_before",
                "pupil_outcomes_after", "went_well", "could_have_gone_better", "next_steps",
            ])
    }

    @Test("a CPD activity takes hours from 0 to 40 in quarters, for anyone")
    func cpdFields() throws {
        let form = try shippedForm("cpd")
        #expect(
            form.fields.map(\.key) == [
                "held_on", "title", "kind", "hours", "priority", "reflection",
            ])
        let hours = try #require(form.field("hours"))
        #expect(hours.minimum == 0 && hours.maximum == 40 && hours.step == 0.25)
        #expect(form.field("priority")?.required == false)
        #expect(form.field("kind")?.choices == .named(.cpdKinds))
        #expect(form.audience.admits(position: nil, roles: []))
    }

    @Test("the head and admin start cycles and add priorities")
    func headForms() throws {
        let cycle = try shippedForm("start-cycle")
        #expect(cycle.record == .cycle)
        #expect(cycle.fields.map(\.key) == ["coachee", "coach", "observer", "priority", "focus"])
        #expect(cycle.field("coach")?.choices == .named(.coaches))
        #expect(cycle.field("observer")?.choices == .named(.staff))
        let priority = try shippedForm("priority")
        #expect(priority.fields.map(\.key) == ["code", "title", "detail"])
        for form in [cycle, priority] {
            #expect(form.audience.admits(position: nil, roles: [.head]))
            #expect(form.audience.admits(position: nil, roles: [.admin]))
            #expect(!form.audience.admits(position: .coach, roles: [.coach, .office]))
        }
    }

    @Test("every field of every shipped form has a label and help, and no line is too long")
    func helpEverywhere() throws {
        for form in try shippedCatalog().forms {
            for field in form.fields {
                #expect(!field.label.isEmpty, "\(form.key).\(field.key)")
                let needsNoHelp = field.choices == .named(.cpdKinds)
                #expect(needsNoHelp || !field.help.isEmpty, "\(form.key).\(field.key)")
            }
        }
        let folder = shippedFormsFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder)
        where name.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") {
                #expect(line.count <= 100, "\(name): \(line)")
            }
        }
    }
}
