import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The number pad of the PIN dialog: digits go straight to the session, which keeps them;
// this pad never holds one. Keys: pinKey0..pinKey9, pinBackspace, pinOk.
GridLayout {
    id: pad

    property AdminSession session: null

    columns: 3
    rowSpacing: 12
    columnSpacing: 12
    enabled: !!pad.session && pad.session.inputEnabled

    Repeater {
        model: [1, 2, 3, 4, 5, 6, 7, 8, 9]
        delegate: PadKey {
            required property int modelData
            objectName: "pinKey" + modelData
            text: modelData
            onClicked: pad.session.appendDigit(modelData)
        }
    }
    PadKey {
        objectName: "pinBackspace"
        text: "⌫"
        Accessible.name: qsTr("Delete the last digit")
        enabled: !!pad.session && pad.session.enteredCount > 0
        onClicked: pad.session.removeDigit()
    }
    PadKey {
        objectName: "pinKey0"
        text: "0"
        onClicked: pad.session.appendDigit(0)
    }
    PadKey {
        objectName: "pinOk"
        text: qsTr("OK")
        highlighted: true
        enabled: !!pad.session && pad.session.canSubmit
        onClicked: pad.session.submitPin()
    }

    component PadKey: TouchButton {
        font.pixelSize: Style.fontHeadline
        leftPadding: 0
        rightPadding: 0
        focusPolicy: Qt.NoFocus
        topInset: 0
        bottomInset: 0
        // Wider when its word needs it ("Aceptar" with larger text).
        Layout.preferredWidth: Math.max(Style.keypadKeyWidth, implicitWidth + 16)
        Layout.preferredHeight: Style.keypadKeyHeight
        Layout.minimumHeight: Style.keypadKeyHeight
    }
}
