import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// One medication in the list: what, how often, when next. The whole card is the touch target.
ItemDelegate {
    id: row
    required property int index
    required property var medicationId
    required property string title
    required property string schedule
    required property string nextDoseText
    required property bool active
    required property string instructions
    required property var needsReview
    required property string refillText
    required property bool refillWarning

    objectName: "medicationRow_" + index
    width: ListView.view ? ListView.view.width : implicitWidth
    padding: 0
    topInset: 0
    bottomInset: 0
    Accessible.name: title + ", " + schedule + ", " + nextDoseText + (refillText.length > 0 ? ", " + refillText : "")

    background: CardBackground {
        color: row.down ? row.Material.rippleColor : Style.surface
    }

    contentItem: RowLayout {
        spacing: Style.spacing
        Item { implicitWidth: 8 }
        ColumnLayout {
            spacing: 4
            Layout.fillWidth: true
            Layout.topMargin: 16
            Layout.bottomMargin: 16
            Label {
                text: row.title
                font.pixelSize: Style.fontTitle
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                opacity: row.active ? 1 : 0.7
                Layout.fillWidth: true
            }
            Label {
                text: row.instructions.length > 0 ? row.schedule + " · " + row.instructions : row.schedule
                font.pixelSize: Style.fontBody
                wrapMode: Text.WordWrap
                opacity: 0.75
                Layout.fillWidth: true
            }
            Label {
                objectName: "refill"
                visible: row.active && row.refillText.length > 0
                text: row.refillWarning ? qsTr("Refill soon: %1").arg(row.refillText) : row.refillText
                font.pixelSize: Style.fontLabel
                font.weight: row.refillWarning ? Font.DemiBold : Font.Normal
                color: row.refillWarning ? Style.warning : row.Material.foreground
                opacity: row.refillWarning ? 1 : 0.75
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
        }
        Label {
            objectName: "nextDose"
            text: row.nextDoseText
            font.pixelSize: Style.fontBody
            font.weight: row.active ? Font.DemiBold : Font.Normal
            color: row.active ? row.Material.foreground : row.Material.hintTextColor
            horizontalAlignment: Text.AlignRight
            Layout.preferredWidth: implicitWidth
        }
        Label {
            text: "›"
            font.pixelSize: Style.fontHeadline
            opacity: 0.5
            Layout.rightMargin: 16
        }
    }
}
