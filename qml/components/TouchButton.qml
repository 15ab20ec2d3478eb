import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kilo.Ui

// A finger-sized button drawn without shader effects, so it renders the same under a GPU,
// the software renderer (VNC, offscreen screenshots) and the kiosk compositor.
Button {
    id: control
    font.pixelSize: Style.fontBody
    font.capitalization: Font.MixedCase
    // A finger's height at least, taller when the text wraps (larger text, a narrow layout).
    property int minimumHeight: Style.touchTarget
    implicitHeight: Math.max(minimumHeight, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 24
    rightPadding: 24
    topPadding: 10
    bottomPadding: 10

    readonly property bool filled: highlighted || checked
    readonly property color accent: Material.accentColor

    // The visible text is the name (a button with an icon only sets its own).
    Accessible.role: Accessible.Button
    Accessible.name: text

    contentItem: Label {
        text: control.text
        font: control.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // Never cut off: a text too long for the room wraps and the button grows taller.
        wrapMode: Text.WordWrap
        color: !control.enabled ? control.Material.hintTextColor
             : control.filled ? Style.textOnAccent
             : control.Material.foreground
    }

    background: Rectangle {
        implicitWidth: 120
        implicitHeight: Style.touchTarget
        radius: Style.radius
        color: !control.enabled ? control.Material.buttonDisabledColor
             : control.filled ? (control.down ? Qt.darker(control.accent, 1.2) : control.accent)
             : control.down ? control.Material.rippleColor : "transparent"
        border.width: control.filled || !control.enabled ? 0 : 2
        border.color: control.Material.dividerColor
    }
}
