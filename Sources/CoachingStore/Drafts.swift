import Coaching
import Foundation
import GRDB

/// A partly filled form of one person, saved field by field so that a
/// dropped line or a killed daemon loses nothing typed.
public struct Draft: Sendable, Hashable, Codable {
    public var form: String
    /// What the form is about, e.g. `cycle 12`; empty for a CPD entry.
    public var context: String
    public var fields: [String: String]
    public var updatedAt: String
}

/// Which draft a submitted form came from, so the record and the end of
/// the draft land in one transaction.
public struct DraftKey: Sendable, Hashable {
    public var staff: StaffCode
    public var form: String
    public var context: String

    public init(staff: StaffCode, form: String, context: String = "") {
        self.staff = staff
        self.form = form
        self.context = context
    }
}

extension CoachingStore {
    /// Saves one field of a person's draft (each field as the person leaves it).
    public func saveDraftField(staff: StaffCode, form: String, context: String = "", field: String, value: String)
        throws(StoreError)
    {
        let now = timestamp
        try write { db in
            // Kept prepared: saved at every Tab, and parsing it was a fifth of a save's time.
            try db.cachedStatement(
                sql: """
                    INSERT INTO draft_field (staff, form, context, field, value, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (staff, form, context, field) DO UPDATE SET value = excluded.value,
                        updated_at = excluded.updated_at
                    """
            ).execute(arguments: .withoutNUL(staff.rawValue, form, context, field, value, now))
        }
    }

    /// A person's drafts, most recently touched first.
    public func drafts(staff: StaffCode) throws(StoreError) -> [Draft] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT form, context, field, value, updated_at FROM draft_field WHERE staff = ?
                    ORDER BY form, context, field
                    """, arguments: [staff.rawValue])
            var drafts: [String: Draft] = [:]
            for row in rows {
                let form: String = row["form"]
                let context: String = row["context"]
                let key = form + "\u{1F}" + context
                var draft = drafts[key] ?? Draft(form: form, context: context, fields: [:], updatedAt: "")
                draft.fields[row["field"]] = row["value"]
                draft.updatedAt = max(draft.updatedAt, row["updated_at"])
                drafts[key] = draft
            }
            return drafts.values.sorted { ($0.updatedAt, $0.form) > ($1.updatedAt, $1.form) }
        }
    }

    public func draft(staff: StaffCode, form: String, context: String = "") throws(StoreError) -> Draft? {
        try drafts(staff: staff).first { $0.form == form && $0.context == context }
    }

    /// Throws a draft away (after it is submitted, or when the person says so).
    public func discardDraft(staff: StaffCode, form: String, context: String = "") throws(StoreError) {
        try write { db in try Self.discardDraft(db, staff: staff, form: form, context: context) }
    }

    static func discard(_ draft: DraftKey?, _ db: Database) throws {
        guard let draft else { return }
        try discardDraft(db, staff: draft.staff, form: draft.form, context: draft.context)
    }

    static func discardDraft(_ db: Database, staff: StaffCode, form: String, context: String) throws {
        try db.execute(
            sql: "DELETE FROM draft_field WHERE staff = ? AND form = ? AND context = ?",
            arguments: [staff.rawValue, form, context])
    }
}
