import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// Live / reconnecting / offline, and how old the data on screen is.
RowLayout {
    id: badge
    required property ClusterController cluster
    spacing: 10
    // The dot's colour is also said in words: the state's name beside it.
    readonly property string stateText: cluster.stateText
    readonly property string stateMark: cluster.stateText
    Accessible.role: Accessible.StaticText
    Accessible.name: stateText + (cluster.dataAgeText.length > 0 ? ", " + cluster.dataAgeText : "")

    Rectangle {
        objectName: "connectionDot"
        Layout.preferredWidth: 16
        Layout.preferredHeight: 16
        radius: 8
        color: badge.cluster.state === ClusterController.Live ? Style.successFill
             : badge.cluster.state === ClusterController.Reconnecting ? Style.warningFill
             : badge.cluster.state === ClusterController.Connecting ? Style.neutralFill
             : Style.errorFill
    }
    ColumnLayout {
        spacing: 0
        Label {
            objectName: "connectionState"
            text: badge.cluster.stateText
            font.pixelSize: Style.fontBody
            font.weight: Font.DemiBold
        }
        Label {
            objectName: "dataAge"
            text: badge.cluster.dataAgeText
            visible: text.length > 0
            font.pixelSize: Style.fontLabel
            opacity: 0.75
        }
    }
}
