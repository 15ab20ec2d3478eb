import QtQuick
import QtTest
import Kilo.Backend
import Kilo.Ui

// The admin PIN: set on first use, wrong PIN, lockout, unlock, idle re-lock, and the
// Administrator section of Settings. Every test gets its own PIN and audit files.
Item {
    id: root
    width: 1280
    height: 800

TestCase {
    id: testCase
    name: "Admin"
    when: windowShown

    property int serial: 0

    AppContext { id: context }
    ThemePreference { id: themePreference }
    ClusterController { id: notConnected }

    Component { id: sessionComponent; AdminSession {} }
    Component { id: dialogComponent; PinDialog { anchors.fill: parent } }
    Component { id: watcherComponent; IdleWatcher {} }
    Component {
        id: settingsComponent
        SettingsPage { app: context; theme: themePreference; cluster: notConnected; width: 1100; height: 800 }
    }

    AppContext { id: kioskContext; kiosk: true }
    Component {
        id: mainComponent
        Main { app: kioskContext; theme: themePreference; cluster: notConnected; width: 1280; height: 800; medications: MedicationStoreController {} }
    }

    SignalSpy { id: acceptedSpy; signalName: "accepted" }
    SignalSpy { id: rejectedSpy; signalName: "rejected" }

    function makeSession() {
        const session = createTemporaryObject(sessionComponent, root)
        verify(session)
        session.stateDirectory = session.demoStateDirectory + "-tst-admin-" + Date.now() + "-" + (serial++)
        verify(!session.pinSet)
        return session
    }

    function makeDialog(session) {
        const dialog = createTemporaryObject(dialogComponent, root, { session: session })
        verify(dialog)
        acceptedSpy.clear()
        rejectedSpy.clear()
        acceptedSpy.target = dialog
        rejectedSpy.target = dialog
        return dialog
    }

    function part(dialog, name) {
        const item = findChild(dialog.panel, name)
        verify(item, name)
        return item
    }

    function typePin(dialog, digits) {
        for (let i = 0; i < digits.length; ++i)
            mouseClick(part(dialog, "pinKey" + digits[i]))
        compare(dialog.enteredCount, digits.length)
    }

    function submit(dialog) {
        const ok = part(dialog, "pinOk")
        verify(ok.enabled)
        mouseClick(ok)
    }

    // The Administrator section sits at the end of the Settings page: scroll it into view.
    function scrollIntoView(item) {
        let flickable = item.parent
        while (flickable && flickable.contentY === undefined)
            flickable = flickable.parent
        verify(flickable, "no Flickable above " + item)
        const y = item.mapToItem(flickable.contentItem, 0, 0).y
        flickable.contentY = Math.max(0, Math.min(y - 100, flickable.contentHeight - flickable.height))
        waitForRendering(flickable)
    }

    // Saves the window (the dialog sits in its overlay) to $KIOSK_SCREENSHOT_DIR, when set.
    function shoot(name) {
        if (screenshotDirectory.length === 0)
            return
        wait(400) // the popup's enter transition
        waitForRendering(root)
        grabImage(root).save(screenshotDirectory + "/" + name + ".png")
    }

    function lastAudit(session) {
        return session.recentAuditEntries(1)[0]
    }

    function test_setPinOnFirstUse() {
        const session = makeSession()
        const dialog = makeDialog(session)
        dialog.open("Protect the cluster repairs")
        tryCompare(dialog, "opened", true)
        compare(dialog.mode, "set")
        compare(part(dialog, "pinTitle").text, "Set an admin PIN")
        compare(part(dialog, "pinReason").text, "Protect the cluster repairs")
        waitForRendering(dialog.panel)
        for (let digit = 0; digit <= 9; ++digit) {
            const key = part(dialog, "pinKey" + digit)
            verify(key.height >= 72, "key " + digit + " is " + key.height + " px high")
            verify(key.width >= 72)
        }
        verify(part(dialog, "pinCancel").height >= 48)

        // OK needs at least 4 digits; backspace takes the last one away.
        typePin(dialog, "258")
        verify(!part(dialog, "pinOk").enabled)
        mouseClick(part(dialog, "pinBackspace"))
        compare(dialog.enteredCount, 2)
        // The digits stay in the session: neither the dialog nor the session shows them.
        compare(dialog.entered, undefined)
        compare(session.entered, undefined)

        // A weak PIN is refused before it is asked for twice.
        mouseClick(part(dialog, "pinBackspace"))
        mouseClick(part(dialog, "pinBackspace"))
        typePin(dialog, "1111")
        submit(dialog)
        verify(part(dialog, "pinError").text.indexOf("repeated") >= 0)
        compare(part(dialog, "pinPrompt").text, "Choose a PIN of 4 to 8 digits.")

        // The repeat must match.
        typePin(dialog, "2580")
        submit(dialog)
        compare(part(dialog, "pinPrompt").text, "Enter the same PIN again.")
        typePin(dialog, "2581")
        submit(dialog)
        verify(part(dialog, "pinError").text.indexOf("not the same") >= 0)
        typePin(dialog, "25")
        shoot("pin-set-mismatch")
        mouseClick(part(dialog, "pinBackspace"))
        mouseClick(part(dialog, "pinBackspace"))
        verify(!session.pinSet)
        compare(acceptedSpy.count, 0)

        typePin(dialog, "2580")
        submit(dialog)
        typePin(dialog, "2580")
        submit(dialog)
        compare(acceptedSpy.count, 1)
        verify(session.pinSet)
        verify(session.unlocked)
        tryCompare(dialog, "opened", false)
        compare(rejectedSpy.count, 0)
        const actions = session.recentAuditEntries(10).map(e => e.action)
        verify(actions.indexOf("pin.set") >= 0)
        verify(actions.indexOf("admin.unlock") >= 0)

        // Unlocked already: open() accepts straight away, without asking.
        dialog.open("Again")
        tryCompare(acceptedSpy, "count", 2)
        verify(!dialog.opened)
    }

    function test_wrongPinThenUnlock() {
        const session = makeSession()
        verify(session.setPin("2580", "2580"))
        session.lock()
        const dialog = makeDialog(session)
        dialog.open("Roll kilo-meds back")
        tryCompare(dialog, "opened", true)
        compare(dialog.mode, "unlock")
        compare(part(dialog, "pinPrompt").text, "Enter the admin PIN.")

        typePin(dialog, "1111")
        submit(dialog)
        compare(dialog.enteredCount, 0)  // the dots are cleared for the next try
        tryCompare(session, "busy", false, 10000)
        compare(part(dialog, "pinError").text, "Wrong PIN.")
        verify(!session.unlocked)
        verify(dialog.opened)
        compare(acceptedSpy.count, 0)
        compare(lastAudit(session).action, "admin.unlock")
        compare(lastAudit(session).outcome, "failure")

        // A hardware keyboard works too.
        dialog.panel.forceActiveFocus()
        keyClick(Qt.Key_2); keyClick(Qt.Key_5); keyClick(Qt.Key_8); keyClick(Qt.Key_0)
        compare(dialog.enteredCount, 4)
        keyClick(Qt.Key_Return)
        tryCompare(acceptedSpy, "count", 1, 10000)
        verify(session.unlocked)
        tryCompare(dialog, "opened", false)
        compare(session.lastError, "")
        compare(lastAudit(session).outcome, "success")
    }

    function test_lockoutAfterRepeatedWrongPins() {
        const session = makeSession()
        verify(session.setPin("2580", "2580"))
        session.lock()
        const dialog = makeDialog(session)
        dialog.open("Close the kiosk")
        tryCompare(dialog, "opened", true)
        let tries = 0
        while (!session.lockedOut && tries < 10) {
            typePin(dialog, "9137")
            submit(dialog)
            tryCompare(session, "busy", false, 10000)
            ++tries
        }
        verify(session.lockedOut, "locked out after " + tries + " wrong PINs")
        compare(tries, 5, "the fifth wrong PIN locks, not an earlier one")
        const seconds = session.lockoutSecondsLeft
        verify(seconds > 0)
        verify(part(dialog, "pinError").text.indexOf("Try again in " + seconds + " s") >= 0
               || part(dialog, "pinError").text.indexOf("Try again in " + (seconds - 1) + " s") >= 0,
               part(dialog, "pinError").text)
        shoot("pin-locked-out")
        // The keypad is off while locked out.
        verify(!part(dialog, "pinKey2").enabled)
        mouseClick(part(dialog, "pinKey2"))
        compare(dialog.enteredCount, 0)
        compare(session.pinStep, AdminSession.LockedOut)
        // The countdown runs.
        tryVerify(() => session.lockoutSecondsLeft < seconds, 3000)
        const actions = session.recentAuditEntries(20).map(e => e.action)
        verify(actions.indexOf("admin.lockout") >= 0)

        // Cancel closes the dialog without accepting.
        mouseClick(part(dialog, "pinCancel"))
        tryCompare(dialog, "opened", false)
        compare(rejectedSpy.count, 1)
        compare(acceptedSpy.count, 0)
        // The right PIN is refused too until the time is up.
        verify(!session.unlock("2580"))
        verify(!session.unlocked)
    }

    function test_relocksAfterIdleTimeout() {
        const session = makeSession()
        session.idleTimeoutSeconds = 0.3
        verify(session.setPin("2580", "2580"))
        verify(session.unlocked)
        tryCompare(session, "unlocked", false, 3000)
        compare(lastAudit(session).action, "admin.lock")
        compare(lastAudit(session).detail, "idle timeout")

        // The global idle watcher: no input for its timeout, timedOut() once.
        const watcher = createTemporaryObject(watcherComponent, root, { timeoutSeconds: 0.3 })
        let timedOut = 0
        watcher.timedOut.connect(() => ++timedOut)
        tryVerify(() => timedOut === 1, 3000)
        verify(watcher.idle)
        mouseMove(root, 10, 10)
        verify(!watcher.idle)
    }

    function test_changePin() {
        const session = makeSession()
        verify(session.setPin("2580", "2580"))
        session.lock()
        const dialog = makeDialog(session)
        dialog.openChange()
        tryCompare(dialog, "opened", true)
        compare(dialog.mode, "change")
        compare(part(dialog, "pinPrompt").text, "Enter the current PIN.")
        typePin(dialog, "2580")
        submit(dialog)
        typePin(dialog, "4716")
        submit(dialog)
        compare(part(dialog, "pinPrompt").text, "Enter the new PIN again.")
        typePin(dialog, "47")
        shoot("pin-change-confirm")
        mouseClick(part(dialog, "pinBackspace"))
        mouseClick(part(dialog, "pinBackspace"))
        typePin(dialog, "4716")
        submit(dialog)
        compare(acceptedSpy.count, 1)
        verify(session.unlocked)
        session.lock()
        verify(!session.unlock("2580"))
        verify(session.unlock("4716"))
    }

    // --kiosk: Settings and closing need the PIN; idle time locks and returns to Scan.
    function test_kioskModeNeedsThePin() {
        const window = createTemporaryObject(mainComponent, root)
        verify(window)
        const session = findChild(window.contentItem, "adminSession")
        verify(session, "Main.qml's adminSession")
        session.stateDirectory = session.demoStateDirectory + "-tst-admin-" + Date.now() + "-" + (serial++)
        verify(session.setPin("2580", "2580"))
        session.lock()
        const dialog = findChild(window.contentItem, "pinDialog")
        verify(dialog)
        compare(window.currentPage, 0)

        // Settings asks for the PIN first.
        window.selectPage(window.settingsPageIndex)
        compare(window.currentPage, 0)
        tryCompare(dialog, "opened", true)
        compare(dialog.mode, "unlock")
        mouseClick(part(dialog, "pinCancel"))
        tryCompare(dialog, "opened", false)
        compare(window.currentPage, 0)
        window.selectPage(window.settingsPageIndex)
        tryCompare(dialog, "opened", true)
        typePin(dialog, "2580")
        submit(dialog)
        tryCompare(window, "currentPage", window.settingsPageIndex, 10000)
        tryCompare(dialog, "opened", false)
        verify(session.unlocked)

        // Locking leaves Settings.
        session.lock()
        compare(window.currentPage, 0)

        // Closing asks for the PIN and does not close.
        window.close()
        tryCompare(dialog, "opened", true)
        verify(window.visible)
        mouseClick(part(dialog, "pinCancel"))
        tryCompare(dialog, "opened", false)
        verify(window.visible)

        // Idle: the watcher locks the session and returns to Scan.
        window.currentPage = 1
        verify(session.unlock("2580"))
        findChild(window.contentItem, "idleWatcher").timeoutSeconds = 0.3
        tryCompare(session, "unlocked", false, 3000)
        tryCompare(window, "currentPage", 0, 3000)
    }

    function test_settingsAdministratorSection() {
        const session = makeSession()
        const page = createTemporaryObject(settingsComponent, root, { adminSession: session })
        verify(page)
        waitForRendering(page)
        verify(findChild(page, "adminSection").visible)
        const setPin = findChild(page, "adminSetPin")
        verify(setPin.visible)
        verify(setPin.height >= 48)
        verify(!findChild(page, "adminLockNow").visible)
        compare(findChild(page, "auditEmpty").visible, true)

        verify(session.setPin("2580", "2580"))
        verify(!setPin.visible)
        verify(findChild(page, "adminChangePin").visible)
        const lockNow = findChild(page, "adminLockNow")
        verify(lockNow.visible)
        scrollIntoView(lockNow)
        mouseClick(lockNow)
        verify(!session.unlocked)
        verify(findChild(page, "adminUnlock").visible)
        verify(findChild(page, "adminStatus").text.indexOf("Locked") === 0)
        // The audit log view lists what happened, newest first.
        compare(findChild(page, "auditEmpty").visible, false)
        const repeater = findChild(page, "auditRepeater")
        verify(repeater.count >= 3)
        compare(findChild(page, "adminAuditLog").entries[0].action, "admin.lock")

        // Without a session (as the other tests create it) the section is hidden.
        const plain = createTemporaryObject(settingsComponent, root)
        verify(!findChild(plain, "adminSection").visible)
    }
}
}
