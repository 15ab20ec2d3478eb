import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kilo.Ui

// A dose's status as a coloured word: given, skipped, missed, due, upcoming, as needed.
Rectangle {
    id: chip
    property string status
    readonly property color tone: status === "given" ? Material.color(Material.Green)
                                : status === "missed" ? Material.color(Material.Red)
                                : status === "due" ? Material.accentColor
                                : status === "skipped" ? Material.color(Material.Amber, Material.Shade800)
                                : Material.hintTextColor
    implicitWidth: label.implicitWidth + 24
    implicitHeight: 36
    radius: 18
    color: Qt.rgba(tone.r, tone.g, tone.b, 0.16)
    border.width: 1
    border.color: tone
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
