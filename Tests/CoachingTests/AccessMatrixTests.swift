import Coaching
import Testing

/// The whole access matrix, written out as the school would read it.
///
/// One line per record kind and action; one column group per role ("plain"
/// is a member of staff with no role); in each group one character per
/// relation to the record, in the order coachee, coach, observer, owner,
/// none. `Y` is allowed, `c` is counts only, `-` is denied.
///
/// Derived from DESIGN.md ("Who may read what") and the doc comment of
/// `AccessPolicy`: the trio reads its own cycle's records, the observer a
/// session record only when shared; the coach of the cycle prints its
/// records; leads see activity (stages and dates) and counts of goals and
/// CPD, never content; the impact lead reads impact statements; the head and
/// admin set up cycles and never read a private record; the office prints
/// the trustee pack and nobody else touches it; a CPD log is its owner's.
private let expectedMatrix = """
    record          action  plain coach lead-coach impact-lead head  admin office
    agreement       read    YYY-- YYY-- YYY--      YYY--       YYY-- YYY-- YYY--
    agreement       write   YY--- YY--- YY---      YY---       YY--- YY--- YY---
    agreement       print   -Y--- -Y--- -Y---      -Y---       -Y--- -Y--- -Y---
    session         read    YY--- YY--- YY---      YY---       YY--- YY--- YY---
    session         write   YY--- YY--- YY---      YY---       YY--- YY--- YY---
    session         print   -Y--- -Y--- -Y---      -Y---       -Y--- -Y--- -Y---
    shared-session  read    YYY-- YYY-- YYY--      YYY--       YYY-- YYY-- YYY--
    shared-session  write   YY--- YY--- YY---      YY---       YY--- YY--- YY---
    shared-session  print   -Y--- -Y--- -Y---      -Y---       -Y--- -Y--- -Y---
    observation     read    YYY-- YYY-- YYY--      YYY--       YYY-- YYY-- YYY--
    observation     write   -YY-- -YY-- -YY--      -YY--       -YY-- -YY-- -YY--
    observation     print   -YY-- -YY-- -YY--      -YY--       -YY-- -YY-- -YY--
    impact          read    YYY-- YYY-- YYY--      YYYYY       YYY-- YYY-- YYY--
    impact          write   YY--- YY--- YY---      YY---       YY--- YY--- YY---
    impact          print   -Y--- -Y--- -Y---      -Y---       -Y--- -Y--- -Y---
    goal            read    YYY-- YYY-- YYYcc      YYYcc       YYYcc YYY-- YYY--
    goal            write   YYY-- YYY-- YYY--      YYY--       YYY-- YYY-- YYY--
    goal            print   ----- ----- -----      -----       ----- ----- -----
    cycle           read    YYY-- YYY-- YYYYY      YYYYY       YYYYY YYYYY YYY--
    cycle           write   YYY-- YYY-- YYY--      YYY--       YYYYY YYYYY YYY--
    cycle           print   ----- ----- -----      -----       ----- ----- -----
    cpd             read    ---Y- ---Y- cccYc      cccYc       cccYc ---Y- ---Y-
    cpd             write   ---Y- ---Y- ---Y-      ---Y-       ---Y- ---Y- ---Y-
    cpd             print   ---Y- ---Y- ---Y-      ---Y-       ---Y- ---Y- ---Y-
    trustee-pack    read    ----- ----- -----      -----       ----- ----- YYYYY
    trustee-pack    write   ----- ----- -----      -----       ----- ----- -----
    trustee-pack    print   ----- ----- -----      -----       ----- ----- YYYYY
    """

/// The column groups of the table: no role, then each role alone.
private let roleColumns: [(name: String, roles: Set<Role>)] =
    [("plain", [])] + Role.allCases.map { ($0.rawValue, [$0]) }

/// The relations in the order of the characters in each column group.
private let relationOrder: [Relation] = [.coachee, .coach, .observer, .owner, .none]

/// One cell of the table.
private struct Cell: Hashable {
    var kind: RecordKind
    var action: RecordAction
    var column: String
    var relation: Relation

    var name: String { "\(kind.rawValue) \(action.rawValue) by \(column) as \(relation.rawValue)" }
}

/// Reads the table into cells, or into the reasons it cannot be read.
private func parseMatrix(_ text: String) -> (cells: [Cell: AccessDecision], errors: [String]) {
    var cells: [Cell: AccessDecision] = [:]
    var errors: [String] = []
    let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    guard let header = lines.first else { return ([:], ["the table is empty"]) }
    let expectedHeader = ["record", "action"] + roleColumns.map(\.name)
    if header != expectedHeader {
        errors.append("header is \(header), expected \(expectedHeader)")
    }
    for (index, fields) in lines.dropFirst().enumerated() {
        let lineName = "table line \(index + 2)"
        guard fields.count == 2 + roleColumns.count else {
            errors.append("\(lineName): \(fields.count) fields")
            continue
        }
        guard let kind = RecordKind(rawValue: fields[0]),
            let action = RecordAction(rawValue: fields[1])
        else {
            errors.append("\(lineName): no record kind or action \(fields[0]) \(fields[1])")
            continue
        }
        for (column, group) in zip(roleColumns, fields.dropFirst(2)) {
            guard group.count == relationOrder.count else {
                errors.append("\(lineName), \(column.name): \(group.count) characters")
                continue
            }
            for (relation, mark) in zip(relationOrder, group) {
                let decision: AccessDecision
                switch mark {
                case "Y": decision = .allowed
                case "c": decision = .countsOnly
                case "-": decision = .denied
                default:
                    errors.append("\(lineName), \(column.name): unknown mark \(mark)")
                    continue
                }
                let cell = Cell(kind: kind, action: action, column: column.name, relation: relation)
                if cells.updateValue(decision, forKey: cell) != nil {
                    errors.append("\(lineName): \(cell.name) is written twice")
                }
            }
        }
    }
    return (cells, errors)
}

@Suite("Who may read, write and print what")
struct AccessMatrixTests {
    @Test("the whole access matrix is as the school's rules say, cell by cell")
    func wholeMatrix() {
        let (expected, errors) = parseMatrix(expectedMatrix)
        for error in errors { Issue.record(Comment(rawValue: error)) }
        var checked = 0
        var mismatches: [String] = []
        for kind in RecordKind.allCases {
            for action in RecordAction.allCases {
                for column in roleColumns {
                    for relation in relationOrder {
                        let cell = Cell(
                            kind: kind, action: action, column: column.name, relation: relation)
                        guard let want = expected[cell] else {
                            mismatches.append("\(cell.name): missing from the table")
                            continue
                        }
                        let got = AccessPolicy.decide(
                            roles: column.roles, relation: relation, action: action, on: kind)
                        checked += 1
                        if got != want {
                            mismatches.append("\(cell.name): expected \(want), policy says \(got)")
                        }
                    }
                }
            }
        }
        let report = mismatches.joined(separator: "\n")
        #expect(mismatches.isEmpty, "\(mismatches.count) cells differ from the table:\n\(report)")
        let allCells =
            RecordKind.allCases.count * RecordAction.allCases.count * roleColumns.count
            * relationOrder.count
        #expect(checked == allCells)
        #expect(expected.count == allCells)
    }

    @Test("the table has a column for every role and a character for every relation")
    func tableCoversEveryRoleAndRelation() {
        #expect(
            roleColumns.map(\.name)
                == ["plain", "coach", "lead-coach", "impact-lead", "head", "admin", "office"])
        #expect(Set(relationOrder) == Set(Relation.allCases))
        #expect(relationOrder.count == Relation.allCases.count)
    }

    @Test(
        "a person with several roles gets the most generous answer of them all",
        arguments: RecordKind.allCases)
    func severalRolesGetTheMostGenerousAnswer(kind: RecordKind) {
        // Every combination of roles, the empty one included.
        let roles = Role.allCases
        for mask in 0..<(1 << roles.count) {
            let held = Set(roles.indices.filter { mask & (1 << $0) != 0 }.map { roles[$0] })
            for relation in Relation.allCases {
                for action in RecordAction.allCases {
                    let alone = AccessPolicy.decide(
                        roles: [], relation: relation, action: action, on: kind)
                    let best = held.map {
                        AccessPolicy.decide(
                            roles: [$0], relation: relation, action: action, on: kind)
                    }.reduce(alone, max)
                    let got = AccessPolicy.decide(
                        roles: held, relation: relation, action: action, on: kind)
                    #expect(
                        got == best,
                        "\(held.sorted().map(\.rawValue)) as \(relation) \(action) \(kind)")
                }
            }
        }
    }

    @Test("a head who is coachee in a cycle reads that cycle's session proforma")
    func headWhoIsCoacheeReadsTheirSession() {
        let decision = AccessPolicy.decide(
            roles: [.head], relation: .coachee, action: .read, on: .sessionProforma)
        #expect(decision == .allowed)
    }

    @Test("a head outside the cycle does not read its session proforma")
    func headOutsideTheCycleCannotReadSession() {
        for relation in [Relation.none, .owner] {
            let decision = AccessPolicy.decide(
                roles: [.head], relation: relation, action: .read, on: .sessionProforma)
            #expect(decision == .denied)
        }
    }

    @Test("a lead coach who coaches in the cycle reads its session proforma; outside it, not")
    func leadCoachReadsOnlyInsideTheTrio() {
        let roles: Set<Role> = [.coach, .leadCoach]
        #expect(
            AccessPolicy.decide(roles: roles, relation: .coach, action: .read, on: .sessionProforma)
                == .allowed)
        #expect(
            AccessPolicy.decide(roles: roles, relation: .none, action: .read, on: .sessionProforma)
                == .denied)
    }

    @Test("an impact lead who observes does not read an unshared session proforma")
    func impactLeadObserverCannotReadUnsharedSession() {
        let decision = AccessPolicy.decide(
            roles: [.impactLead], relation: .observer, action: .read, on: .sessionProforma)
        #expect(decision == .denied)
    }

    @Test(
        "the head, the office and the admin never read a session proforma or observation notes",
        arguments: [Set<Role>([.head]), [.office], [.admin], [.head, .admin, .office]])
    func headOfficeAdminNeverReadPrivateRecords(roles: Set<Role>) {
        for kind in [RecordKind.sessionProforma, .sharedSessionProforma, .observationNotes] {
            for relation in [Relation.none, .owner] {
                for action in RecordAction.allCases {
                    let decision = AccessPolicy.decide(
                        roles: roles, relation: relation, action: action, on: kind)
                    #expect(decision == .denied, "\(roles) \(action) \(kind) as \(relation)")
                }
            }
        }
    }

    @Test("the head cannot read a session proforma")
    func headCannotReadSessionProforma() {
        let decision = AccessPolicy.decide(
            roles: [.head], relation: .none, action: .read, on: .sessionProforma)
        #expect(decision == .denied)
    }

    @Test("no role lets anyone outside the trio read an agreement, a session or an observation")
    func noRoleOpensPrivateRecords() {
        let allRoles = Set(Role.allCases)
        for kind in [
            RecordKind.agreement, .sessionProforma, .sharedSessionProforma,
            .observationNotes,
        ] {
            let decision = AccessPolicy.decide(
                roles: allRoles, relation: .none, action: .read, on: kind)
            #expect(decision == .denied, "\(kind)")
        }
    }

    @Test("the observer reads a session record only when the coachee has shared it")
    func observerReadsSessionOnlyWhenShared() {
        #expect(
            AccessPolicy.decide(
                roles: [], relation: .observer, action: .read, on: .sessionProforma) == .denied)
        #expect(
            AccessPolicy.decide(
                roles: [], relation: .observer, action: .read, on: .sharedSessionProforma)
                == .allowed)
        #expect(
            AccessPolicy.decide(
                roles: [], relation: .observer, action: .write, on: .sharedSessionProforma)
                == .denied)
    }

    @Test("the coachee and the coach read and write the session proforma")
    func coacheeAndCoachWriteSession() {
        for relation in [Relation.coachee, .coach] {
            for action in [RecordAction.read, .write] {
                #expect(
                    AccessPolicy.decide(
                        roles: [], relation: relation, action: action, on: .sessionProforma)
                        == .allowed, "\(relation) \(action)")
            }
        }
    }

    @Test("the observer and the coach write observation notes; the coachee reads them")
    func observationNotesWriters() {
        #expect(
            AccessPolicy.decide(
                roles: [], relation: .observer, action: .write, on: .observationNotes) == .allowed)
        #expect(
            AccessPolicy.decide(roles: [], relation: .coach, action: .write, on: .observationNotes)
                == .allowed)
        #expect(
            AccessPolicy.decide(
                roles: [], relation: .coachee, action: .write, on: .observationNotes) == .denied)
        #expect(
            AccessPolicy.decide(roles: [], relation: .coachee, action: .read, on: .observationNotes)
                == .allowed)
    }

    @Test("the impact lead reads impact statements of cycles they are not in")
    func impactLeadReadsImpactStatements() {
        #expect(
            AccessPolicy.decide(
                roles: [.impactLead], relation: .none, action: .read, on: .impactStatement)
                == .allowed)
        #expect(
            AccessPolicy.decide(
                roles: [.impactLead], relation: .none, action: .write, on: .impactStatement)
                == .denied)
    }

    @Test(
        "nobody but the trio and the impact lead reads an impact statement",
        arguments: [Role.coach, .leadCoach, .head, .admin, .office])
    func othersCannotReadImpactStatements(role: Role) {
        let decision = AccessPolicy.decide(
            roles: [role], relation: .none, action: .read, on: .impactStatement)
        #expect(decision == .denied)
    }

    @Test("the office prints the trustee pack")
    func officePrintsTrusteePack() {
        #expect(
            AccessPolicy.decide(roles: [.office], relation: .none, action: .print, on: .trusteePack)
                == .allowed)
    }

    @Test("nobody but the office prints the trustee pack, whatever their roles")
    func nobodyElsePrintsTrusteePack() {
        let others = Role.allCases.filter { $0 != .office }
        for mask in 0..<(1 << others.count) {
            let roles = Set(others.indices.filter { mask & (1 << $0) != 0 }.map { others[$0] })
            for relation in Relation.allCases {
                let decision = AccessPolicy.decide(
                    roles: roles, relation: relation, action: .print, on: .trusteePack)
                #expect(decision == .denied, "\(roles) as \(relation)")
            }
        }
    }

    @Test("nobody writes the trustee pack, not even the office")
    func nobodyWritesTrusteePack() {
        for relation in Relation.allCases {
            let decision = AccessPolicy.decide(
                roles: Set(Role.allCases), relation: relation, action: .write, on: .trusteePack)
            #expect(decision == .denied, "\(relation)")
        }
    }

    @Test(
        "leads get counts only of goals and CPD, never the text",
        arguments: [Role.leadCoach, .impactLead])
    func leadsGetCountsOnly(role: Role) {
        for kind in [RecordKind.goal, .cpdActivity] {
            #expect(
                AccessPolicy.decide(roles: [role], relation: .none, action: .read, on: kind)
                    == .countsOnly, "\(kind) read")
            for action in [RecordAction.write, .print] {
                #expect(
                    AccessPolicy.decide(roles: [role], relation: .none, action: action, on: kind)
                        == .denied, "\(kind) \(action)")
            }
        }
    }

    @Test("a member of staff reads, writes and prints their own CPD log, and only their own")
    func cpdLogBelongsToItsOwner() {
        for action in RecordAction.allCases {
            #expect(
                AccessPolicy.decide(roles: [], relation: .owner, action: action, on: .cpdActivity)
                    == .allowed)
            #expect(
                AccessPolicy.decide(roles: [], relation: .none, action: action, on: .cpdActivity)
                    == .denied)
        }
    }

    @Test("the coach of the cycle prints its agreement; the coachee and the observer do not")
    func coachPrintsAgreement() {
        #expect(
            AccessPolicy.decide(roles: [], relation: .coach, action: .print, on: .agreement)
                == .allowed)
        for relation in [Relation.coachee, .observer, .none] {
            #expect(
                AccessPolicy.decide(
                    roles: [.coach], relation: relation, action: .print, on: .agreement)
                    == .denied, "\(relation)")
        }
    }

    @Test("a trio position decides a person's relation to the cycle's records")
    func relationFromTrio() throws {
        let trio = try Trio(coachee: "SJ", coach: "OBR", observer: "ZOE")
        #expect(Relation(of: "SJ", in: trio) == .coachee)
        #expect(Relation(of: "obr", in: trio) == .coach)
        #expect(Relation(of: "ZOE", in: trio) == .observer)
        #expect(Relation(of: "DAP", in: trio) == Relation.none)
    }

    @Test("ownership decides a person's relation to their CPD log")
    func relationFromOwnership() {
        #expect(Relation(of: "SJ", ownedBy: "sj") == .owner)
        #expect(Relation(of: "SJ", ownedBy: "OBR") == Relation.none)
    }

    @Test("allowed is more than counts only, which is more than denied")
    func decisionsAreOrdered() {
        #expect(AccessDecision.denied < .countsOnly)
        #expect(AccessDecision.countsOnly < .allowed)
        #expect(AccessDecision.allowed.description == "allowed")
        #expect(AccessDecision.countsOnly.description == "counts only")
        #expect(AccessDecision.denied.description == "denied")
    }

    @Test("CPD logs and the trustee pack do not belong to a cycle; every other record does")
    func recordsThatBelongToACycle() {
        let outside = RecordKind.allCases.filter { !$0.belongsToCycle }
        #expect(Set(outside) == [.cpdActivity, .trusteePack])
    }
}
