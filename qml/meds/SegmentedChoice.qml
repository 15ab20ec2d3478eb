import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// A row of finger-sized toggle buttons, one of which is chosen (filters, sort order, views).
RowLayout {
    id: choice
    property var options: []      // [{ text, value }]
    property var value
    property string namePrefix: "choice"
    signal chosen(var value)

    spacing: 6

    Repeater {
        model: choice.options
        delegate: TouchButton {
            required property var modelData
            objectName: choice.namePrefix + "_" + modelData.value
            text: modelData.text
            checkable: true
            checked: choice.value === modelData.value
            leftPadding: 18
            rightPadding: 18
            Accessible.name: modelData.text
            // The dark theme's accent is light: dark text on it reads better than white.
            contentItem: Label {
                text: parent.text
                font: parent.font
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.WordWrap
                color: parent.checked ? Style.textOnAccent
                                      : parent.Material.foreground
            }
            onClicked: {
                choice.value = modelData.value
                choice.chosen(modelData.value)
            }
        }
    }
}
