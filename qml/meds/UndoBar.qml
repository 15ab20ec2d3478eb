import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// "Deleted Lisinopril 10 mg   [Undo]" along the bottom while the store offers an undo.
Rectangle {
    id: bar
    property string text
    property string error
    signal undoRequested()
    signal dismissed()

    // Inverse of the page, as snackbars are, so it stands out in both themes.
    readonly property color textColor: Style.inverseText

    implicitHeight: layout.implicitHeight + 24
    radius: Style.radius
    color: Style.inverseSurface

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: 24
        anchors.rightMargin: 12
        spacing: Style.spacing
        Label {
            objectName: "undoText"
            text: bar.error.length > 0 ? bar.error : bar.text
            color: bar.error.length > 0 ? Style.inverseError : bar.textColor
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TouchButton {
            objectName: "undoButton"
            text: qsTr("Undo")
            highlighted: true
            contentItem: Label {
                text: qsTr("Undo")
                font.pixelSize: Style.fontBody
                font.weight: Font.DemiBold
                color: Style.textOnAccent
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            onClicked: bar.undoRequested()
        }
        TouchButton {
            objectName: "undoDismiss"
            text: "✕"
            Accessible.name: qsTr("Dismiss")
            leftPadding: 12
            rightPadding: 12
            contentItem: Label {
                text: "✕"
                color: bar.textColor
                font.pixelSize: Style.fontBody
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            onClicked: bar.dismissed()
        }
    }
}
