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
    readonly property bool dark: Material.theme === Material.Dark
    readonly property color textColor: dark ? "#1d1d1d" : "white"

    implicitHeight: layout.implicitHeight + 24
    radius: Style.radius
    color: dark ? "#e8eaed" : "#323232"

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: 24
        anchors.rightMargin: 12
        spacing: Style.spacing
        Label {
            objectName: "undoText"
            text: bar.error.length > 0 ? bar.error : bar.text
            color: bar.error.length > 0 ? (bar.dark ? "#b71c1c" : "#ffab91") : bar.textColor
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
                color: bar.dark ? "#102a27" : "white"
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
