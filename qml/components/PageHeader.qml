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
    // The room the title needs on one line, for pages that put actions beside it.
    readonly property real titleWidth: Math.ceil(titleMetrics.advanceWidth) + leftPadding + rightPadding

    TextMetrics {
        id: titleMetrics
        font.pixelSize: Style.fontDisplay
        font.weight: Font.DemiBold
        text: header.title
    }

    contentItem: ColumnLayout {
        spacing: 4
        Label {
            objectName: "pageTitle"
            text: header.title
            font.pixelSize: Style.fontDisplay
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
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
