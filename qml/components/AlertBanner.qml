import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// "⚠ The medication service is not working. The list on this tablet still works.  [Details] [✕]"
// across the top of every page while HealthAlerts has an alert; the words and when to show them
// are the alerts' (C++), this only draws them.
Rectangle {
    id: banner
    required property HealthAlerts alerts
    signal detailsRequested()

    visible: alerts.showing
    implicitHeight: visible ? layout.implicitHeight + 16 : 0
    color: Style.errorFill
    Accessible.role: Accessible.AlertMessage
    Accessible.name: alerts.message

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: 20
        anchors.rightMargin: 8
        spacing: Style.spacing
        Label {
            // A word and a sign, not the red alone, say that something is wrong.
            text: "⚠"
            color: Style.textOnFill
            font.pixelSize: Style.fontTitle
            Accessible.ignored: true
        }
        Label {
            objectName: "alertMessage"
            text: banner.alerts.message
            color: Style.textOnFill
            font.pixelSize: Style.fontBody
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TouchButton {
            objectName: "alertDetails"
            text: qsTr("Details")
            Accessible.name: qsTr("Show the problem on the Cluster page")
            contentItem: Label {
                text: qsTr("Details")
                color: Style.textOnFill
                font.pixelSize: Style.fontBody
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                implicitWidth: 120
                implicitHeight: Style.touchTarget
                radius: Style.radius
                color: "transparent"
                border.width: 2
                border.color: Style.textOnFill
            }
            onClicked: banner.detailsRequested()
        }
        TouchButton {
            objectName: "alertDismiss"
            text: "✕"
            Accessible.name: qsTr("Hide this message")
            implicitWidth: Style.touchTarget
            leftPadding: 0
            rightPadding: 0
            contentItem: Label {
                text: "✕"
                color: Style.textOnFill
                font.pixelSize: Style.fontBody
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Item { implicitWidth: Style.touchTarget; implicitHeight: Style.touchTarget }
            onClicked: banner.alerts.dismiss()
        }
    }
}
