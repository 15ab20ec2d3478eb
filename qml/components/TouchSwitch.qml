import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kilo.Ui

// An on/off switch drawn without Material's shadowed knob (see TouchButton), finger-sized.
Switch {
    id: control
    implicitHeight: Style.touchTarget
    implicitWidth: leftPadding + rightPadding
                   + (text.length > 0 ? contentItem.implicitWidth : indicator.implicitWidth)
    font.pixelSize: Style.fontBody
    spacing: 12
    // A switch with a text is named by it; one beside a label sets its own name.
    Accessible.role: Accessible.CheckBox
    Accessible.name: text

    indicator: Rectangle {
        implicitWidth: 60
        implicitHeight: 32
        x: control.text.length > 0 ? control.leftPadding : (control.width - width) / 2
        y: (control.height - height) / 2
        radius: height / 2
        color: control.checked ? control.Material.accentColor : control.Material.hintTextColor
        opacity: control.enabled ? 1.0 : 0.5
        Rectangle {
            width: 26
            height: 26
            radius: 13
            y: 3
            x: control.checked ? parent.width - width - 3 : 3
            color: Style.knob
            border.width: 1
            border.color: Style.knobBorder
            Behavior on x { NumberAnimation { duration: 120 } }
        }
    }
    contentItem: Label {
        text: control.text
        font: control.font
        verticalAlignment: Text.AlignVCenter
        leftPadding: control.text.length > 0 ? control.indicator.width + control.spacing : 0
        visible: text.length > 0
    }
}
