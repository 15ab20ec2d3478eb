import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// One figure of the summary row: a big number, what it counts, and whether it is fine.
Card {
    id: tile
    property string value
    property string label
    property bool ok: true
    padding: 18

    contentItem: RowLayout {
        spacing: 14
        Rectangle {
            width: 8
            Layout.fillHeight: true
            radius: 4
            color: tile.ok ? Style.successFill : Style.errorFill
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                objectName: "tileValue"
                text: tile.value
                font.pixelSize: Style.fontDisplay
                font.weight: Font.DemiBold
            }
            Label {
                text: tile.label
                font.pixelSize: Style.fontLabel
                opacity: 0.8
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
