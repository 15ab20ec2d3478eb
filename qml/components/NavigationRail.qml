import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// The left-hand rail that switches between the four pages; big targets for fingers.
Pane {
    id: rail
    property var pages: []          // [{ name, title, icon }]
    property int currentIndex: 0
    signal pageSelected(int index)

    padding: 0
    // At least Style.railWidth, wider when a title needs it (longer words in other languages):
    // a label is never cut off.
    implicitWidth: Math.max(Style.railWidth, column.implicitWidth)
    background: Rectangle {
        color: Style.navigationSurface
        Rectangle {
            anchors.right: parent.right
            width: 1
            height: parent.height
            color: rail.Material.dividerColor
        }
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.topMargin: Style.spacing
        spacing: 8

        Repeater {
            // By count, not by the array: a new array (the titles retranslated) keeps the buttons.
            model: rail.pages.length
            delegate: ToolButton {
                required property int index
                readonly property var page: rail.pages[index]
                objectName: "nav_" + page.name
                text: page.title
                icon.source: page.icon
                icon.width: 32
                icon.height: 32
                display: AbstractButton.TextUnderIcon
                font.pixelSize: Style.fontLabel
                font.capitalization: Font.MixedCase
                font.weight: checked ? Font.DemiBold : Font.Normal
                checkable: true
                checked: rail.currentIndex === index
                Layout.fillWidth: true
                // Measured in the selected (bold) weight, so the rail does not change width
                // when another page is chosen.
                Layout.preferredWidth: Math.ceil(selectedTitle.advanceWidth) + leftPadding + rightPadding
                Layout.leftMargin: 8
                Layout.rightMargin: 8
                Layout.preferredHeight: 96
                Accessible.name: page.title
                background: Rectangle {
                    radius: Style.radius
                    color: parent.checked ? Style.tint(parent.Material.accentColor, 0.18)
                         : parent.down ? parent.Material.rippleColor : "transparent"
                }
                onClicked: rail.pageSelected(index)

                TextMetrics {
                    id: selectedTitle
                    font.pixelSize: Style.fontLabel
                    font.weight: Font.DemiBold
                    text: page.title
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
