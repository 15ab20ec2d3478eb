import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// One line of the verification checklist: a tick or a cross, the check, and its detail.
RowLayout {
    id: row
    required property string name
    required property bool ok
    required property string detail
    spacing: 12
    // Passed or failed in words for a screen reader, and the tick or cross drawn on the dot.
    readonly property string stateText: ok ? qsTr("Passed") : qsTr("Failed")
    readonly property string stateMark: ok ? "\u2713" : "\u2715"
    Accessible.role: Accessible.StaticText
    Accessible.name: name + ", " + stateText
    Accessible.description: ok ? "" : detail

    Rectangle {
        width: 28
        height: 28
        radius: 14
        color: row.ok ? Style.successFill : Style.errorFill
        Layout.alignment: Qt.AlignTop
        Label {
            anchors.centerIn: parent
            text: row.stateMark
            color: Style.textOnFill
            font.pixelSize: Style.fontLabel
            font.weight: Font.Bold
        }
    }
    ColumnLayout {
        spacing: 0
        Layout.fillWidth: true
        Label {
            text: row.name
            font.pixelSize: Style.fontLabel
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            text: row.detail
            visible: text.length > 0 && !row.ok
            font.pixelSize: Style.fontCaption
            opacity: 0.8
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
