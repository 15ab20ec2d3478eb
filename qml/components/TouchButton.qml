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
    implicitHeight: Style.touchTarget
    leftPadding: 24
    rightPadding: 24

    readonly property bool filled: highlighted || checked
    readonly property color accent: Material.accentColor

    contentItem: Label {
        text: control.text
        font: control.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
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
