import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// A titled card on the Settings page; children go into its column.
Card {
    id: section
    property string title
    default property alias content: column.data

    Layout.fillWidth: true

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 12

        Label {
            text: section.title
            font.pixelSize: Style.fontTitle
            font.weight: Font.DemiBold
        }
    }
}
