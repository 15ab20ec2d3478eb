import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kilo.Ui

// A dose's status as a coloured word: given, skipped, missed, due, upcoming, as needed.
Rectangle {
    id: chip
    property string status
    readonly property color tone: status === "given" ? Style.success
                                : status === "missed" ? Style.error
                                : status === "due" ? Material.accentColor
                                : status === "skipped" ? Style.warning
                                : Material.hintTextColor
    implicitWidth: label.implicitWidth + 24
    implicitHeight: 36
    radius: 18
    color: Style.tint(tone, 0.16)
    border.width: 1
    border.color: tone
    // The tone is never alone: the status is the chip's word.
    readonly property string stateText: label.text
    readonly property string stateMark: label.text
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text
    Label {
        id: label
        anchors.centerIn: parent
        text: chip.status === "given" ? qsTr("Given")
            : chip.status === "skipped" ? qsTr("Skipped")
            : chip.status === "missed" ? qsTr("Missed")
            : chip.status === "due" ? qsTr("Due")
            : chip.status === "upcoming" ? qsTr("Upcoming")
            : chip.status === "as needed" ? qsTr("As needed") : ""
        font.pixelSize: Style.fontLabel
        font.weight: Font.DemiBold
        color: chip.Material.foreground
    }
}
