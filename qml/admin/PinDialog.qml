import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The modal PIN dialog: a view of the AdminSession's PIN steps. One per window (Main.qml).
//
// It opens whenever the session asks for the PIN (session.runAsAdmin(reason, action),
// requestUnlock(), requestPinChange()) and closes when the session is done; the steps, texts,
// errors and the digits themselves live in the session. QML sees only how many digits are typed.
// open(reason) and openChange(reason) are short for the session's requestUnlock and
// requestPinChange; accepted()/rejected() follow the session's promptFinished(granted).
Item {
    id: dialog

    property AdminSession session: null
    // "unlock", "set" (first use: choose, confirm) or "change" (current, new, confirm).
    readonly property string mode: !dialog.session ? "unlock"
        : (dialog.session.pinStep === AdminSession.SetNew || dialog.session.pinStep === AdminSession.ConfirmNew) ? "set"
        : dialog.session.changingPin ? "change" : "unlock"
    readonly property bool opened: popup.visible
    // How many digits are typed (the dots); the digits never leave the session.
    readonly property int enteredCount: dialog.session ? dialog.session.enteredCount : 0
    // The dialog's content (its keys are named pinKey0..pinKey9, pinBackspace, pinOk, pinCancel,
    // its texts pinTitle, pinReason, pinPrompt, pinError): the popup lives in the window
    // overlay, so tests look for them from here.
    readonly property Item panel: popup.contentItem

    signal accepted()
    signal rejected()

    function open(why) {
        if (dialog.session)
            dialog.session.requestUnlock(why || "")
    }
    function openChange(why) {
        if (dialog.session)
            dialog.session.requestPinChange(why || "")
    }
    function close() {
        if (dialog.session)
            dialog.session.cancelPrompt()
    }

    // The popup follows the session (not a binding: Escape closing the popup would break it).
    function follow() {
        const asking = !!dialog.session && dialog.session.prompting
        if (asking && !popup.visible)
            popup.open()
        else if (!asking && popup.visible)
            popup.close()
    }
    onSessionChanged: dialog.follow()
    Component.onCompleted: dialog.follow()

    Connections {
        target: dialog.session
        function onPromptChanged() { dialog.follow() }
        function onPromptFinished(granted) {
            if (granted)
                dialog.accepted()
            else
                dialog.rejected()
        }
    }

    Popup {
        id: popup
        objectName: "pinPopup"
        parent: Overlay.overlay
        modal: true
        focus: true
        // Only the session closes it (follow()); Escape cancels through the session below.
        closePolicy: Popup.NoAutoClose
        anchors.centerIn: parent
        padding: 28
        width: Math.min(parent ? parent.width - 32 : 800, Math.round(820 * Style.textScale))

        // The popup lives in the window overlay: take the theme of the place the dialog is declared.
        Material.theme: dialog.Material.theme
        Material.accent: dialog.Material.accent
        Overlay.modal: Rectangle { color: Style.scrim }

        background: CardBackground {}
        // The prompt's texts are set while the popup is still hidden, and the layout kept the
        // wrapped labels' old heights when it showed (the reason over the title): once shown,
        // it is laid out again.
        onOpened: {
            promptColumn.spacing = 15
            promptColumn.spacing = 14
        }

        contentItem: RowLayout {
            spacing: 32
            focus: true

            Keys.onPressed: event => {
                if (event.text.length === 1 && event.text >= "0" && event.text <= "9") {
                    dialog.session.appendDigit(Number(event.text))
                    event.accepted = true
                } else if (event.key === Qt.Key_Backspace) {
                    dialog.session.removeDigit()
                    event.accepted = true
                } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    dialog.session.submitPin()
                    event.accepted = true
                } else if (event.key === Qt.Key_Escape) {
                    dialog.close()
                    event.accepted = true
                }
            }

            ColumnLayout {
                id: promptColumn
                spacing: 14
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: Math.round(340 * Style.textScale)

                Label {
                    objectName: "pinTitle"
                    text: dialog.session ? dialog.session.promptTitle : ""
                    font.pixelSize: Style.fontHeadline
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "pinReason"
                    visible: text.length > 0
                    text: dialog.session ? dialog.session.promptReason : ""
                    font.pixelSize: Style.fontBody
                    wrapMode: Text.WordWrap
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "pinPrompt"
                    text: dialog.session ? dialog.session.promptText : ""
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
                            model: dialog.enteredCount
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
                        visible: dialog.enteredCount === 0
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
                    text: dialog.session ? dialog.session.promptError : ""
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
                    onClicked: dialog.close()
                }
            }

            PinPad {
                objectName: "pinPad"
                session: dialog.session
                Layout.alignment: Qt.AlignTop
            }
        }
    }
}
