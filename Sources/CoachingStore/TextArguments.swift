import GRDB

extension StatementArguments {
    /// `values` as statement arguments, with U+0000 taken out of text.
    ///
    /// GRDB binds a Swift string as a C string, so SQLite would keep only
    /// what comes before the first U+0000. Free text arrives from files as
    /// well as from the kiosk: every write that binds any is built here.
    static func withoutNUL(_ values: (any DatabaseValueConvertible)?...) -> StatementArguments {
        StatementArguments(
            values.map { value in
                let databaseValue = value?.databaseValue ?? .null
                guard case .string(let text) = databaseValue.storage, text.unicodeScalars.contains("\0") else {
                    return databaseValue
                }
                return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\0" })).databaseValue
            })
    }
}
