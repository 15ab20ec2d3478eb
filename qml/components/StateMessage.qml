import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// A centred empty / not-connected / error message: an icon, a headline, a few lines, an action.
ColumnLayout {
    id: message
    property url icon
    property string title
    property string body
    property string detail
    property string actionText
    property int textFormat: Text.PlainText
    signal actionTriggered()

    spacing: Style.spacing
    width: Math.min(parent ? parent.width - 2 * Style.margin : 640, 720)

    TintedIcon {
        source: message.icon
        visible: message.icon.toString().length > 0
        size: Style.iconLarge
        color: message.Material.foreground
        Layout.alignment: Qt.AlignHCenter
        opacity: 0.6
    }
    Label {
        objectName: "stateTitle"
        text: message.title
        font.pixelSize: Style.fontHeadline
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "stateBody"
        textFormat: message.textFormat
        text: message.body
        visible: text.length > 0
        font.pixelSize: Style.fontBody
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        lineHeight: 1.15
        opacity: 0.85
        Layout.fillWidth: true
    }
    Label {
        objectName: "stateDetail"
        text: message.detail
        visible: text.length > 0
        font.pixelSize: Style.fontLabel
        font.family: "monospace"
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WrapAnywhere
        opacity: 0.75
        Layout.fillWidth: true
    }
    TouchButton {
        objectName: "stateAction"
        text: message.actionText
        visible: text.length > 0
        font.pixelSize: Style.fontBody
        highlighted: true
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: Style.touchTarget
        Layout.minimumWidth: 200
        onClicked: message.actionTriggered()
    }
}
