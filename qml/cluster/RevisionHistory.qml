import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// A deployment's revisions, newest first: image, age, whether its pods ran, which is current;
// any other revision can be rolled back to, behind the admin PIN like the suggested rollback.
ColumnLayout {
    id: section
    required property ClusterController cluster
    property string deployment
    property var requestPin: null // function(reason, action)
    readonly property bool expanded: deployment.length > 0 && !!cluster && cluster.historyDeployment === deployment
    spacing: 10

    TouchButton {
        objectName: "historyButton"
        text: section.expanded ? qsTr("Hide revision history") : qsTr("Show revision history")
        Layout.fillWidth: true
        onClicked: section.cluster.showHistory(section.expanded ? "" : section.deployment)
    }

    Label {
        visible: section.expanded && section.cluster.revisionHistory.length === 0
        text: qsTr("No rollout history found.")
        font.pixelSize: Style.fontBody
    }

    Repeater {
        model: section.expanded ? section.cluster.revisionHistory : []
        delegate: CardBackground {
            id: row
            required property var modelData
            objectName: "revision_" + modelData.revision
            border.width: modelData.current ? 2 : 1
            border.color: modelData.current ? section.Material.accentColor : Style.surfaceBorder
            Layout.fillWidth: true
            implicitHeight: Math.max(rowContent.implicitHeight, Style.touchTarget) + 24

            RowLayout {
                id: rowContent
                anchors.fill: parent
                anchors.margins: 12
                spacing: 14

                Label {
                    text: row.modelData.revision
                    font.pixelSize: Style.fontHeadline
                    font.weight: Font.DemiBold
                    horizontalAlignment: Text.AlignHCenter
                    Layout.preferredWidth: 52
                }
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Label {
                        text: row.modelData.images
                        font.pixelSize: Style.fontLabel
                        font.family: "monospace"
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("created %1 ago").arg(row.modelData.age) + " \u00b7 "
                              + (row.modelData.ran ? qsTr("pods ran") : qsTr("pods never ran"))
                        font.pixelSize: Style.fontLabel
                        color: row.modelData.ran ? section.Material.foreground : Style.warning
                        opacity: row.modelData.ran ? 0.75 : 1
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: text.length > 0
                        text: row.modelData.changeCause
                        font.pixelSize: Style.fontCaption
                        opacity: 0.65
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                Label {
                    objectName: "currentRevision"
                    visible: row.modelData.current
                    text: qsTr("Current")
                    font.pixelSize: Style.fontLabel
                    font.weight: Font.DemiBold
                    color: Style.textOnAccent
                    leftPadding: 14
                    rightPadding: 14
                    topPadding: 6
                    bottomPadding: 6
                    background: Rectangle { radius: height / 2; color: section.Material.accentColor }
                }
                TouchButton {
                    objectName: "rollbackTo_" + row.modelData.revision
                    visible: row.modelData.canRollBack
                    text: qsTr("Roll back to this revision")
                    enabled: section.cluster.rollbackPhase !== ClusterController.Running
                    onClicked: {
                        const name = section.deployment
                        const revision = row.modelData.revision
                        const run = () => section.cluster.rollback(name, revision)
                        if (section.requestPin)
                            section.requestPin(qsTr("Enter the admin PIN to roll %1 back to revision %2 (%3).")
                                               .arg(name).arg(revision).arg(row.modelData.images), run)
                    }
                }
            }
        }
    }
}
