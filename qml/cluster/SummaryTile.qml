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
    // The stripe's colour is also a mark beside the figure and words for a screen reader.
    readonly property string stateText: ok ? qsTr("fine") : qsTr("needs attention")
    readonly property string stateMark: ok ? "\u2713" : "\u2715"
    padding: 18
    Accessible.role: Accessible.StaticText
    Accessible.name: value + " " + label + ", " + stateText

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
            RowLayout {
                spacing: 10
                Label {
                    objectName: "tileValue"
                    text: tile.value
                    font.pixelSize: Style.fontDisplay
                    font.weight: Font.DemiBold
                }
                Label {
                    objectName: "tileMark"
                    text: tile.stateMark
                    font.pixelSize: Style.fontTitle
                    font.weight: Font.Bold
                    color: tile.ok ? Style.success : Style.error
                }
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
