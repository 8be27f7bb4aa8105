import Coaching
import CoachingStore
import Foundation
import Logging
import TextUI

extension KioskSession {
    static let loginKeys = "Enter next · Tab other field · Ctrl-L redraw · Ctrl-T line-by-line mode"

    /// Asks for a staff code and PIN until they match (the store locks a
    /// code after five failures and audits each one). Nil if the person leaves.
    func logIn() async throws -> StaffMember? {
        var code = TextField(maxLength: 16)
        var pin = TextField(maxLength: 12, isSecret: true, allowed: { $0.isASCII && $0.isNumber })
        var onPIN = false
        message = nil
        while true {
            if !fullScreen {
                await writeLine("")
                await writeLine("Coaching Kiosk · \(context.schoolName) · log in (Ctrl-T for full screen)")
                if let text = message { await writeLine(text) }
                message = nil
                let typedCode = try await readLine(prompt: "Staff code: ")
                if fullScreen { continue }
                guard !typedCode.trimmingCharacters(in: .whitespaces).isEmpty, typedCode != "\u{1B}" else { continue }
                let typedPIN = try await readLine(prompt: "PIN: ", secret: true)
                if fullScreen { continue }
                if let member = try await attemptLogin(code: typedCode, pin: typedPIN) { return member }
                continue
            }
            let frame = { () -> Screen in
                self.loginFrame(code: code, pin: pin, onPIN: onPIN)
            }
            await show(frame())
            let key = try await nextKey(redraw: frame)
            switch key {
            case .tab, .backTab, .up, .down:
                onPIN.toggle()
            case .enter:
                if !onPIN {
                    if code.text.trimmingCharacters(in: .whitespaces).isEmpty {
                        message = "Type your staff code, the letters on your staff badge."
                    } else {
                        onPIN = true
                        message = nil
                    }
                    continue
                }
                if let member = try await attemptLogin(code: code.text, pin: pin.text) { return member }
                pin = TextField(maxLength: 12, isSecret: true, allowed: { $0.isASCII && $0.isNumber })
                onPIN = code.text.isEmpty ? false : true
            case .escape:
                code = TextField(maxLength: 16)
                pin = TextField(maxLength: 12, isSecret: true, allowed: { $0.isASCII && $0.isNumber })
                onPIN = false
                message = nil
            default:
                let outcome = onPIN ? pin.handle(key) : code.handle(key)
                if case let .rejected(reason) = outcome { message = reason } else { message = nil }
            }
        }
    }

    private func attemptLogin(code: String, pin: String) async throws -> StaffMember? {
        let origin = self.origin
        let outcome = try await context.withStore { store in try store.logIn(code, pin: pin, at: origin) }
        switch outcome {
        case let .welcome(member):
            message = nil
            return member
        case let .refused(attemptsLeft):
            if let attemptsLeft, attemptsLeft <= 2 {
                message =
                    "That staff code and PIN do not match. \(attemptsLeft) more "
                    + (attemptsLeft == 1 ? "try" : "tries") + " before this code is locked for 15 minutes."
            } else {
                message = "That staff code and PIN do not match. Check both and try again."
            }
        case let .locked(until):
            let time = DateFormatter.localizedString(from: until, dateStyle: .none, timeStyle: .short)
            message =
                "This code is locked until \(time) after five wrong PINs. "
                + "Ask the school office if you need it sooner."
        }
        logger.notice("login refused")
        return nil
    }

    private func loginFrame(code: TextField, pin: TextField, onPIN: Bool) -> Screen {
        var (screen, body) = Layout.page(
            width: width, height: height, school: context.schoolName, person: nil, today: today.british,
            title: "Log in", message: message, keys: Self.loginKeys)
        var row = body.row + 1
        for line in Layout.wrap(
            "Welcome to the staffroom coaching kiosk. Type your staff code and your PIN. "
                + "What you write here is confidential to your coaching trio.", width: min(70, body.width))
        {
            screen.put(line, row: row, column: body.column + 2)
            row += 1
        }
        row += 2
        screen.put("Staff code", row: row, column: body.column + 2, style: onPIN ? .plain : .bold)
        code.draw(into: &screen, at: Rect(row: row, column: body.column + 16, width: 18, height: 1), focused: !onPIN)
        row += 2
        screen.put("PIN", row: row, column: body.column + 2, style: onPIN ? .bold : .plain)
        pin.draw(into: &screen, at: Rect(row: row, column: body.column + 16, width: 14, height: 1), focused: onPIN)
        return screen
    }
}
