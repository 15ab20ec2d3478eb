import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The modal number pad that asks for the admin PIN.
//
//   PinDialog { id: pin; session: adminSession; onAccepted: doTheAdminThing() }
//   pin.open(qsTr("Enter the admin PIN to roll kilo-meds back."))
//
// open(reason) asks for the PIN (or, when none is set yet, has one chosen and confirmed) and
// emits accepted() once the session is unlocked; when the session is already unlocked it emits
// accepted() straight away without showing anything. openChange() changes the PIN (current,
// new, new again) and also ends with accepted(). Cancel, Escape or close() emit rejected().
Item {
    id: dialog

    property AdminSession session: null
    // What the PIN is for, shown under the title.
    property string reason
    // "unlock", "set" (first use: choose, confirm) or "change" (current, new, confirm).
    readonly property string mode: d.mode
    readonly property bool opened: popup.visible
    // The digits typed so far (exposed for tests; never shown, only as dots).
    readonly property string entered: d.entered
    // The dialog's content (its keys are named pinKey0..pinKey9, pinBackspace, pinOk, pinCancel,
    // its texts pinTitle, pinPrompt, pinError): the popup lives in the window overlay, so tests
    // look for them from here.
    readonly property Item panel: popup.contentItem

    signal accepted()
    signal rejected()

    // A dialog that belongs to a page goes away with the page (e.g. the idle return to Scan).
    onVisibleChanged: if (!visible) popup.close()

    function open(why) {
        dialog.reason = why || ""
        if (!dialog.session)
            return
        if (dialog.session.unlocked) {
            Qt.callLater(dialog.accepted)
            return
        }
        d.start(dialog.session.pinSet ? "unlock" : "set")
    }

    function openChange(why) {
        dialog.reason = why || ""
        if (!dialog.session)
            return
        d.start(dialog.session.pinSet ? "change" : "set")
    }

    function close() {
        popup.close()
    }

    // Key input, for the number pad and a hardware keyboard alike.
    function typeDigit(digit) {
        if (!d.inputEnabled || d.entered.length >= (dialog.session ? dialog.session.maxPinLength : 8))
            return
        d.localError = ""
        d.entered += digit
    }
    function backspace() {
        if (d.inputEnabled)
            d.entered = d.entered.slice(0, -1)
    }
    function submit() {
        if (d.inputEnabled && d.entered.length >= d.minLength)
            d.submit()
    }

    QtObject {
        id: d
        property string mode: "unlock"
        property int step: 0
        property string entered
        property string currentPin
        property string newPin
        property string localError
        property bool succeeded: false
        readonly property int minLength: dialog.session ? dialog.session.minPinLength : 4
        readonly property bool lockedOut: !!dialog.session && dialog.session.lockedOut && d.mode !== "set"
        readonly property bool inputEnabled: !!dialog.session && !dialog.session.busy && !d.lockedOut

        readonly property string title: d.mode === "set" ? qsTr("Set an admin PIN")
                                      : d.mode === "change" ? qsTr("Change the admin PIN")
                                      : qsTr("Admin PIN")
        readonly property string prompt: {
            if (d.mode === "set")
                return d.step === 0 ? qsTr("Choose a PIN of %1 to %2 digits.").arg(d.minLength).arg(dialog.session ? dialog.session.maxPinLength : 8)
                                    : qsTr("Enter the same PIN again.")
            if (d.mode === "change")
                return d.step === 0 ? qsTr("Enter the current PIN.")
                     : d.step === 1 ? qsTr("Choose a new PIN of %1 to %2 digits.").arg(d.minLength).arg(dialog.session ? dialog.session.maxPinLength : 8)
                     : qsTr("Enter the new PIN again.")
            return qsTr("Enter the admin PIN.")
        }
        readonly property string errorText: {
            if (d.lockedOut)
                return qsTr("Too many wrong PINs. Try again in %1 s.").arg(dialog.session.lockoutSecondsLeft)
            if (d.localError.length > 0)
                return d.localError
            return dialog.session ? dialog.session.lastError : ""
        }

        function start(newMode) {
            d.mode = newMode
            d.step = 0
            d.entered = ""
            d.currentPin = ""
            d.newPin = ""
            d.localError = ""
            d.succeeded = false
            dialog.session.clearError()
            popup.open()
        }

        function finish() {
            d.succeeded = true
            d.entered = ""
            d.currentPin = ""
            d.newPin = ""
            popup.close()
            dialog.accepted()
        }

        function submit() {
            const pin = d.entered
            d.entered = ""
            d.localError = ""
            if (d.mode === "unlock") {
                dialog.session.unlockAsync(pin)
            } else if (d.mode === "set") {
                if (d.step === 0) {
                    const problem = dialog.session.newPinProblem(pin)
                    if (problem.length > 0) {
                        d.localError = problem
                        return
                    }
                    dialog.session.clearError()
                    d.newPin = pin
                    d.step = 1
                } else if (dialog.session.setPin(d.newPin, pin)) {
                    d.finish()
                } else {
                    d.newPin = ""
                    d.step = 0
                }
            } else {
                if (d.step === 0) {
                    dialog.session.clearError()
                    d.currentPin = pin
                    d.step = 1
                } else if (d.step === 1) {
                    const problem = dialog.session.newPinProblem(pin)
                    if (problem.length > 0) {
                        d.localError = problem
                        return
                    }
                    d.newPin = pin
                    d.step = 2
                } else if (dialog.session.changePin(d.currentPin, d.newPin, pin)) {
                    d.finish()
                } else {
                    // Start over: the error says whether the current PIN or the repeat was wrong.
                    d.currentPin = ""
                    d.newPin = ""
                    d.step = 0
                }
            }
        }
    }

    Connections {
        target: dialog.session
        enabled: popup.visible && d.mode === "unlock"
        // Also when the session was unlocked elsewhere while the dialog was asking.
        function onUnlockedChanged() {
            if (dialog.session.unlocked)
                d.finish()
        }
    }

    Popup {
        id: popup
        objectName: "pinPopup"
        parent: Overlay.overlay
        modal: true
        focus: true
        closePolicy: Popup.CloseOnEscape
        anchors.centerIn: parent
        padding: 28
        width: Math.min(parent ? parent.width - 32 : 800, 820)

        // The popup lives in the window overlay: take the theme of the place the dialog is declared.
        Material.theme: dialog.Material.theme
        Material.accent: dialog.Material.accent
        Overlay.modal: Rectangle { color: Style.scrim }

        background: CardBackground {}

        onClosed: {
            d.entered = ""
            d.currentPin = ""
            d.newPin = ""
            if (!d.succeeded)
                dialog.rejected()
        }

        contentItem: RowLayout {
            spacing: 32
            focus: true

            Keys.onPressed: event => {
                if (event.text.length === 1 && event.text >= "0" && event.text <= "9") {
                    dialog.typeDigit(event.text)
                    event.accepted = true
                } else if (event.key === Qt.Key_Backspace) {
                    dialog.backspace()
                    event.accepted = true
                } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    dialog.submit()
                    event.accepted = true
                }
            }

            ColumnLayout {
                spacing: 14
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 340

                Label {
                    objectName: "pinTitle"
                    text: d.title
                    font.pixelSize: Style.fontHeadline
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "pinReason"
                    visible: text.length > 0
                    text: dialog.reason
                    font.pixelSize: Style.fontBody
                    wrapMode: Text.WordWrap
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "pinPrompt"
                    text: d.prompt
                    font.pixelSize: Style.fontBody
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                // One dot per digit typed; the digits themselves are never shown.
                Item {
                    objectName: "pinDots"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 40
                    Row {
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: 14
                        Repeater {
                            model: d.entered.length
                            delegate: Rectangle {
                                width: 22
                                height: 22
                                radius: 11
                                color: popup.Material.foreground
                            }
                        }
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        visible: d.entered.length === 0
                        text: dialog.session && dialog.session.busy ? qsTr("Checking…") : qsTr("Use the number pad.")
                        font.pixelSize: Style.fontLabel
                        opacity: 0.6
                    }
                    Rectangle {
                        anchors.bottom: parent.bottom
                        width: parent.width
                        height: 2
                        color: popup.Material.dividerColor
                    }
                }

                Label {
                    objectName: "pinError"
                    text: d.errorText
                    visible: text.length > 0
                    color: Style.error
                    font.pixelSize: Style.fontLabel
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                Item { Layout.fillHeight: true }

                TouchButton {
                    objectName: "pinCancel"
                    text: qsTr("Cancel")
                    Layout.preferredHeight: Style.touchTarget
                    Layout.minimumWidth: 160
                    onClicked: popup.close()
                }
            }

            GridLayout {
                objectName: "pinPad"
                columns: 3
                rowSpacing: 12
                columnSpacing: 12
                enabled: d.inputEnabled
                Layout.alignment: Qt.AlignTop

                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                    delegate: PinKey {
                        required property string modelData
                        objectName: "pinKey" + modelData
                        text: modelData
                        onClicked: dialog.typeDigit(modelData)
                    }
                }
                PinKey {
                    objectName: "pinBackspace"
                    text: "⌫"
                    Accessible.name: qsTr("Delete the last digit")
                    enabled: d.entered.length > 0
                    onClicked: dialog.backspace()
                }
                PinKey {
                    objectName: "pinKey0"
                    text: "0"
                    onClicked: dialog.typeDigit("0")
                }
                PinKey {
                    objectName: "pinOk"
                    text: qsTr("OK")
                    highlighted: true
                    enabled: d.entered.length >= d.minLength
                    onClicked: dialog.submit()
                }
            }
        }
    }

    component PinKey: TouchButton {
        font.pixelSize: Style.fontHeadline
        leftPadding: 0
        rightPadding: 0
        focusPolicy: Qt.NoFocus
        topInset: 0
        bottomInset: 0
        Layout.preferredWidth: 112
        Layout.preferredHeight: 72
        Layout.minimumHeight: 72
    }
}
