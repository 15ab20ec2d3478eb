import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// The title line every page starts with.
Control {
    id: header
    property string title
    property string subtitle

    contentItem: ColumnLayout {
        spacing: 4
        Label {
            objectName: "pageTitle"
            text: header.title
            font.pixelSize: Style.fontDisplay
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: header.subtitle
            visible: text.length > 0
            font.pixelSize: Style.fontBody
            opacity: 0.75
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
