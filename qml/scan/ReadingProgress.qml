import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// While a label is read: the photo, dimmed, with what is happening and a way out.
Item {
    id: progress
    property url photo
    property string stage
    signal cancelRequested()

    Image {
        anchors.fill: parent
        source: progress.photo
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        autoTransform: true
        sourceSize: Qt.size(progress.width, progress.height)
        opacity: 0.35
    }

    Card {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Style.margin, 520)
        ColumnLayout {
            anchors.fill: parent
            spacing: Style.spacing
            BusyIndicator {
                running: progress.visible
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 72
                Layout.preferredHeight: 72
            }
            Label {
                objectName: "readingStage"
                text: progress.stage.length > 0 ? progress.stage : qsTr("Reading the label")
                font.pixelSize: Style.fontTitle
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("This takes a few seconds.")
                font.pixelSize: Style.fontLabel
                opacity: 0.75
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            TouchButton {
                objectName: "cancelReading"
                text: qsTr("Cancel")
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Math.max(implicitWidth, 200)
                onClicked: progress.cancelRequested()
            }
        }
    }
}
