import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// A medication changed here and on another device: both versions side by side, and a choice.
Card {
    id: card
    required property var conflict   // a map of MedicationSyncController.conflicts
    signal keep(bool local)

    ColumnLayout {
        width: parent.width
        spacing: 10
        Label {
            text: "⚠ " + qsTr("Changed in two places: %1").arg(card.conflict.title)
            font.pixelSize: Style.fontTitle
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            text: card.conflict.message + " " + qsTr("Both versions are kept until you choose one.")
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        GridLayout {
            visible: card.conflict.differences.length > 0
            columns: 3
            columnSpacing: Style.spacing
            rowSpacing: 6
            Layout.fillWidth: true
            Label { text: ""; Layout.preferredWidth: 1 }
            Label { text: qsTr("On this tablet"); font.pixelSize: Style.fontLabel; font.weight: Font.DemiBold; Layout.fillWidth: true }
            Label { text: qsTr("On %1").arg(card.conflict.device); font.pixelSize: Style.fontLabel; font.weight: Font.DemiBold; Layout.fillWidth: true }
            Repeater {
                model: card.conflict.differences
                delegate: Label {
                    required property var modelData
                    required property int index
                    text: modelData.label
                    font.pixelSize: Style.fontBody
                    opacity: 0.8
                    Layout.row: index + 1
                    Layout.column: 0
                }
            }
            Repeater {
                model: card.conflict.differences
                delegate: Label {
                    required property var modelData
                    required property int index
                    text: modelData.here
                    font.pixelSize: Style.fontBody
                    wrapMode: Text.WordWrap
                    Layout.row: index + 1
                    Layout.column: 1
                    Layout.fillWidth: true
                }
            }
            Repeater {
                model: card.conflict.differences
                delegate: Label {
                    required property var modelData
                    required property int index
                    text: modelData.there
                    font.pixelSize: Style.fontBody
                    wrapMode: Text.WordWrap
                    Layout.row: index + 1
                    Layout.column: 2
                    Layout.fillWidth: true
                }
            }
        }
        Flow {
            spacing: 12
            Layout.fillWidth: true
            TouchButton {
                objectName: "keepLocal"
                text: card.conflict.deletedHere ? qsTr("Keep it deleted") : qsTr("Keep this tablet's version")
                highlighted: true
                onClicked: card.keep(true)
            }
            TouchButton {
                objectName: "keepRemote"
                text: card.conflict.deletedThere ? qsTr("Delete it here too") : qsTr("Keep the version from %1").arg(card.conflict.device)
                onClicked: card.keep(false)
            }
        }
    }
}
