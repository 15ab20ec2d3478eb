import QtQuick
import QtTest
import Kilo.Backend
import Kilo.Ui

// The Settings page's cluster connection form and AI Brain token with real backends: errors say
// what is wrong, the token goes to the keychain (a test service of its own), saving on a kiosk
// needs the admin PIN, and the Cluster page's controller reconnects to what was saved.
Item {
    id: root
    width: 1280
    height: 800

TestCase {
    id: testCase
    name: "SettingsConnection"
    when: windowShown

    property int serial: 0
    readonly property string keychainService: "kilo-kiosk-qmltest-" + Date.now()

    // Long-lived, so nothing a page binds to goes away before the page does.
    ThemePreference { id: themePreference }
    AppContext { id: context }
    ClusterController { id: cluster }
    AdminSession { id: session; kioskMode: context.kiosk }
    // The window's one PIN dialog (Main.qml's in the app).
    readonly property AdminSession dialogSession: session
    PinDialog { id: pinDialog; session: testCase.dialogSession; anchors.fill: parent }
    ConnectionSettings { id: connection; cluster: cluster; adminSession: session; keychainService: testCase.keychainService }
    Component { id: settingsPage; SettingsPage { theme: themePreference; width: 1100; height: 800 } }

    // A page on `context` in kiosk mode or not, with a fresh admin PIN state and nothing saved.
    // As main() does: without an organisation name every QSettings reports AccessError.
    function initTestCase() {
        Qt.application.organization = "Kilo Guardian"
    }

    function makePage(kiosk) {
        context.kiosk = kiosk
        session.stateDirectory = session.demoStateDirectory + "-tst-settings-" + Date.now() + "-" + (serial++)
        tryCompare(connection, "busy", false, 10000)
        if (connection.hasSavedConnection) {
            connection.forget()
            tryCompare(connection, "hasSavedConnection", false, 10000)
        }
        connection.server = ""
        connection.nameSpace = ""
        connection.token = ""
        const page = createTemporaryObject(settingsPage, root, {
            app: context, cluster: cluster, adminSession: session, connectionSettings: connection })
        verify(page)
        const aiBrain = findChild(page, "aiBrainSettings")
        aiBrain.keychainService = testCase.keychainService
        tryCompare(aiBrain, "busy", false, 10000)
        waitForRendering(page)
        return { page: page, context: context, cluster: cluster, session: session, connection: connection, aiBrain: aiBrain }
    }

    function part(page, name) {
        const item = findChild(page, name)
        verify(item, name)
        return item
    }

    function scrollIntoView(item) {
        let flickable = item.parent
        while (flickable && flickable.contentY === undefined)
            flickable = flickable.parent
        verify(flickable, "no Flickable above " + item)
        const y = item.mapToItem(flickable.contentItem, 0, 0).y
        flickable.contentY = Math.max(0, Math.min(y - 100, flickable.contentHeight - flickable.height))
        waitForRendering(flickable)
    }

    // Fills a field as a person's typing does: the text changes and textEdited fires (offscreen
    // test windows never get the keyboard focus that key events would need).
    function typeInto(field, text) {
        scrollIntoView(field)
        verify(field.enabled, field.objectName + " is disabled")
        // clear() and insert() edit the text as typing does, keeping the field's binding.
        field.clear()
        field.insert(0, text)
        field.textEdited()
        compare(field.text, text)
    }

    function tap(page, name) {
        const button = part(page, name)
        scrollIntoView(button)
        verify(button.enabled, name + " is disabled")
        mouseClick(button)
    }

    function typePin(dialog, digits) {
        for (let i = 0; i < digits.length; ++i)
            mouseClick(findChild(dialog.panel, "pinKey" + digits[i]))
        mouseClick(findChild(dialog.panel, "pinOk"))
    }

    function test_fieldsAndButtonsAreTouchSized() {
        const t = makePage(false)
        for (const name of ["connectionServer", "connectionNamespace", "connectionToken", "connectionCaFile",
                            "connectionKubeconfig", "connectionContext", "connectionTest", "connectionSave",
                            "aiBrainField", "aiBrainToken", "aiBrainSave"]) {
            const item = part(t.page, name)
            verify(item.height >= 48, name + " is " + item.height + " px high")
            verify(item.width >= 120, name + " is " + item.width + " px wide")
        }
        compare(part(t.page, "connectionToken").echoMode, TextInput.Password)
        compare(part(t.page, "aiBrainToken").echoMode, TextInput.Password)
        verify(!part(t.page, "connectionForget").visible)
    }

    function test_badAddressSaysWhatIsWrongAndSavesNothing() {
        const t = makePage(false)
        typeInto(part(t.page, "connectionServer"), "ftp://10.0.0.1")
        compare(t.connection.server, "ftp://10.0.0.1")
        tap(t.page, "connectionSave")
        compare(t.connection.state, ConnectionSettings.Failed)
        const message = part(t.page, "connectionMessage")
        verify(message.visible)
        verify(message.text.indexOf("http:// or https://") >= 0, message.text)
        verify(!t.connection.hasSavedConnection)
        // Editing again clears the outdated message.
        typeInto(part(t.page, "connectionServer"), "http://127.0.0.1:1")
        compare(t.connection.state, ConnectionSettings.Idle)
        verify(!message.visible)
    }

    function test_unreachableServerSaysUnreachable() {
        const t = makePage(false)
        typeInto(part(t.page, "connectionServer"), "http://127.0.0.1:1")
        tap(t.page, "connectionTest")
        verify(t.connection.busy || t.connection.state === ConnectionSettings.Failed)
        tryCompare(t.connection, "state", ConnectionSettings.Failed, 15000)
        const message = part(t.page, "connectionMessage").text
        verify(message.startsWith("Unreachable:"), message)
        verify(message.indexOf("127.0.0.1:1") >= 0, message)
        verify(!t.connection.hasSavedConnection)
    }

    function test_kioskSaveNeedsThePinAndReconnectsTheCluster() {
        const t = makePage(true)
        verify(t.session.setPin("2580", "2580"))
        t.session.lock()
        const token = "qml-test-token-" + Date.now()
        typeInto(part(t.page, "connectionServer"), "http://127.0.0.1:1")
        typeInto(part(t.page, "connectionNamespace"), "kilo-test")
        typeInto(part(t.page, "connectionToken"), token)
        compare(t.connection.token, token)

        const dialog = pinDialog
        tap(t.page, "connectionSave")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog.panel, "pinCancel"))
        tryCompare(dialog, "opened", false)
        verify(!t.connection.hasSavedConnection)
        compare(t.connection.state, ConnectionSettings.Idle)

        tap(t.page, "connectionSave")
        tryCompare(dialog, "opened", true)
        typePin(dialog, "2580")
        tryCompare(t.connection, "state", ConnectionSettings.Saved, 15000)
        verify(t.connection.hasSavedConnection)
        verify(t.connection.tokenStored)
        compare(t.connection.savedServer, "http://127.0.0.1:1")
        compare(t.connection.token, "")
        compare(part(t.page, "connectionToken").text, "")
        verify(part(t.page, "connectionToken").placeholderText.indexOf("keychain") >= 0)
        // The Cluster page's controller now follows the saved connection.
        compare(t.cluster.nameSpace, "kilo-test")
        verify(t.cluster.state === ClusterController.Connecting || t.cluster.state === ClusterController.Reconnecting)
        verify(part(t.page, "clusterSourceLabel").text.indexOf("saved connection http://127.0.0.1:1") >= 0)
        // Recorded in the admin session's own log, not the default one.
        const saved = t.session.recentAuditEntries(5)
        verify(saved.some(e => e.action === "cluster.connect" && e.target === "http://127.0.0.1:1"
                          && e.outcome === "success" && e.actor === "admin"), JSON.stringify(saved))

        // Unlocked now: forgetting runs at once.
        verify(t.session.unlocked)
        verify(part(t.page, "connectionForget").visible)
        tryCompare(dialog, "opened", false)
        tap(t.page, "connectionForget")
        tryCompare(t.connection, "state", ConnectionSettings.Forgotten, 15000)
        verify(!t.connection.hasSavedConnection)
        verify(!t.connection.tokenStored)
        compare(part(t.page, "connectionServer").text, "")
        verify(t.session.recentAuditEntries(1)[0].action === "cluster.disconnect")
    }

    function test_outsideKioskModeSavingNeedsNoPin() {
        const t = makePage(false)
        verify(t.session.setPin("2580", "2580"))
        t.session.lock()
        typeInto(part(t.page, "connectionServer"), "http://127.0.0.1:1")
        tap(t.page, "connectionSave")
        tryCompare(t.connection, "state", ConnectionSettings.Saved, 15000)
        verify(!pinDialog.opened)
        verify(!t.connection.tokenStored)
        t.connection.forget()
        tryCompare(t.connection, "hasSavedConnection", false, 10000)
    }

    function test_aiBrainTokenGoesToTheKeychain() {
        const t = makePage(false)
        const url = "http://brain-" + (serial++) + ".kilo-guardian:8000"
        typeInto(part(t.page, "aiBrainField"), url)
        typeInto(part(t.page, "aiBrainToken"), "brain-token-" + Date.now())
        tap(t.page, "aiBrainSave")
        tryCompare(t.aiBrain, "state", AiBrainSettings.Saved, 15000)
        compare(t.context.aiBrainUrl, url)
        tryCompare(t.aiBrain, "tokenStored", true)
        compare(part(t.page, "aiBrainToken").text, "")
        verify(part(t.page, "aiBrainStatus").text.indexOf("keychain") >= 0)
        compare(part(t.page, "aiBrainError").text, "")

        tryCompare(part(t.page, "aiBrainForgetToken"), "visible", true)
        tap(t.page, "aiBrainForgetToken")
        tryCompare(t.aiBrain, "tokenStored", false, 15000)
        compare(t.aiBrain.state, AiBrainSettings.Saved)
        t.context.setAiBrainUrl("")
    }

    function test_aiBrainTokenNeedsAnAddress() {
        const t = makePage(false)
        typeInto(part(t.page, "aiBrainToken"), "orphan-token")
        tap(t.page, "aiBrainSave")
        compare(t.aiBrain.state, AiBrainSettings.Failed)
        verify(part(t.page, "aiBrainError").text.indexOf("address") >= 0)
        verify(!t.aiBrain.tokenStored)
    }
}
}
