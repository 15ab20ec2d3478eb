import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// A deployment at a glance: health colour, ready/desired, image, restarts; tap for its pods.
ItemDelegate {
    id: card
    required property string name
    required property bool healthy
    required property string readyText
    required property string image
    required property int restarts
    required property string reason
    required property int stale
    property string suggestion
    // Health in words as well as the stripe's colour: what a screen reader says, and the
    // mark shown beside the name (tst_page_accessibility checks both).
    readonly property string stateText: healthy ? qsTr("Healthy") : qsTr("Not healthy")
    readonly property string stateMark: (healthy ? "\u2713 " : "\u2715 ") + stateText
    padding: 16

    Accessible.role: Accessible.Button
    Accessible.name: name + ", " + stateText + ", " + readyText
    Accessible.description: detailLabel.text

    background: CardBackground {
        color: card.down ? card.Material.rippleColor : Style.surface
        border.width: card.healthy ? 1 : 2
        border.color: card.healthy ? Style.surfaceBorder : Style.errorFill
        Rectangle {
            width: 8
            height: parent.height - 2 * parent.radius
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: parent.left
            anchors.leftMargin: 1
            color: card.healthy ? Style.successFill : Style.errorFill
        }
    }

    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: card.name
                font.pixelSize: Style.fontBody
                font.weight: Font.DemiBold
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
                Layout.leftMargin: 8
            }
            Label {
                objectName: "readyText"
                text: card.readyText
                font.pixelSize: Style.fontBody
                font.weight: Font.DemiBold
                color: card.healthy ? card.Material.foreground : Style.error
            }
        }
        Label {
            objectName: "healthWord"
            text: card.stateMark
            font.pixelSize: Style.fontLabel
            font.weight: Font.DemiBold
            color: card.healthy ? Style.success : Style.error
            Layout.leftMargin: 8
        }
        Label {
            text: card.image
            font.pixelSize: Style.fontCaption
            font.family: "monospace"
            opacity: 0.8
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
            Layout.leftMargin: 8
        }
        Label {
            id: detailLabel
            text: card.healthy
                  ? qsTr("%n restart(s)", "", card.restarts)
                    + (card.stale === 0 ? "" : " \u00b7 " + qsTr("%n stale ReplicaSet(s)", "", card.stale))
                  : (card.suggestion.length > 0 ? card.suggestion + " \u2014 " : "") + card.reason
            font.pixelSize: Style.fontCaption
            color: card.healthy ? card.Material.foreground : Style.error
            opacity: card.healthy ? 0.7 : 1
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 8
        }
        // The cells are as tall as the tallest card: the text stays at the top.
        Item { Layout.fillHeight: true }
    }
}
