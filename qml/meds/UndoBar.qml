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

    implicitHeight: layout.implicitHeight + 24
    radius: Style.radius
    color: "#323232"

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: 24
        anchors.rightMargin: 12
        spacing: Style.spacing
        Label {
            objectName: "undoText"
            text: bar.error.length > 0 ? bar.error : bar.text
            color: bar.error.length > 0 ? "#ffab91" : "white"
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TouchButton {
            objectName: "undoButton"
            text: qsTr("Undo")
            highlighted: true
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
                color: "white"
                font.pixelSize: Style.fontBody
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            onClicked: bar.dismissed()
        }
    }
}
