import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// A deployment's detail: the suggested rollback, its revision history, then its pod: status,
// containers with their last termination, events, and the log of the previous (crashed)
// container: the fastest way to see why it crashes.
Drawer {
    id: drawer
    required property ClusterController cluster
    property string deployment
    property var requestPin: null // function(reason, action)
    readonly property var detail: cluster.podDetail
    readonly property var deploymentRow: {
        // Read again on every rebuild (summary changes with it), so a suggestion goes once fixed.
        const rebuilt = cluster.summary
        const index = cluster.deployments.indexOf(deployment)
        return index >= 0 && rebuilt ? cluster.deployments.get(index) : ({})
    }
    edge: Qt.RightEdge
    width: Math.min(parent ? parent.width * 0.62 : 720, 760)
    height: parent ? parent.height : 800
    onClosed: cluster.clearSelection()

    background: Rectangle {
        color: Style.sheetSurface
        Rectangle { width: 1; height: parent.height; color: drawer.Material.dividerColor }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

        ColumnLayout {
            x: 24
            width: scroll.availableWidth - 48
            spacing: 14

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: 20
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Label {
                        text: drawer.deployment.length > 0 ? drawer.deployment : qsTr("Pod")
                        font.pixelSize: Style.fontHeadline
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "podName"
                        text: drawer.detail.name || ""
                        font.pixelSize: Style.fontLabel
                        font.family: "monospace"
                        opacity: 0.8
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                }
                TouchButton {
                    objectName: "closePodDetail"
                    text: qsTr("Close")
                    onClicked: drawer.close()
                }
            }

            // The fix the kiosk suggests for a failing deployment, and its progress.
            Card {
                objectName: "rollbackCard"
                visible: (drawer.deploymentRow.suggestion || "").length > 0
                         || drawer.cluster.rollbackDeployment === drawer.deployment && drawer.cluster.rollbackPhase !== ClusterController.Idle
                Layout.fillWidth: true
                padding: 16
                contentItem: ColumnLayout {
                    spacing: 8
                    Label {
                        text: drawer.deploymentRow.suggestion || qsTr("Rollback")
                        font.pixelSize: Style.fontBody
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "rollbackMessage"
                        visible: drawer.cluster.rollbackDeployment === drawer.deployment && text.length > 0
                        text: drawer.cluster.rollbackMessage
                        font.pixelSize: Style.fontLabel
                        color: drawer.cluster.rollbackPhase === ClusterController.Failed ? Style.error
                             : drawer.cluster.rollbackPhase === ClusterController.Succeeded ? Style.success
                             : drawer.Material.foreground
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    BusyIndicator {
                        visible: drawer.cluster.rollbackPhase === ClusterController.Running
                        running: visible
                        Layout.preferredHeight: 48
                        Layout.preferredWidth: 48
                    }
                    TouchButton {
                        objectName: "rollbackButton"
                        visible: (drawer.deploymentRow.suggestion || "").length > 0
                        text: qsTr("Roll back")
                        highlighted: true
                        enabled: drawer.cluster.rollbackPhase !== ClusterController.Running
                        onClicked: {
                            const name = drawer.deployment
                            const revision = drawer.deploymentRow.suggestionRevision
                            const run = () => drawer.cluster.rollback(name, revision)
                            if (drawer.requestPin)
                                drawer.requestPin(qsTr("Enter the admin PIN to roll %1 back to revision %2.").arg(name).arg(revision), run)
                        }
                    }
                }
            }

            // Restart: new pods from the same template, as kubectl rollout restart does.
            Card {
                id: restartCard
                objectName: "restartCard"
                visible: drawer.deployment.length > 0
                Layout.fillWidth: true
                padding: 16
                readonly property bool mine: drawer.cluster.restartDeployment === drawer.deployment
                contentItem: ColumnLayout {
                    spacing: 8
                    RowLayout {
                        spacing: Style.spacing
                        Layout.fillWidth: true
                        Label {
                            text: qsTr("Restart replaces every pod of %1 with a new one, one at a time.").arg(drawer.deployment)
                            font.pixelSize: Style.fontLabel
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        TouchButton {
                            objectName: "restartButton"
                            text: qsTr("Restart")
                            enabled: drawer.cluster.restartPhase !== ClusterController.Running
                                     && drawer.cluster.restartPhase !== ClusterController.Checking
                            onClicked: {
                                const name = drawer.deployment
                                const run = () => drawer.cluster.restart(name)
                                if (drawer.requestPin)
                                    drawer.requestPin(qsTr("Enter the admin PIN to restart %1.").arg(name), run)
                            }
                        }
                    }
                    RowLayout {
                        visible: restartCard.mine && restartMessage.text.length > 0
                        spacing: Style.spacing
                        Layout.fillWidth: true
                        BusyIndicator {
                            visible: drawer.cluster.restartPhase === ClusterController.Running
                                     || drawer.cluster.restartPhase === ClusterController.Checking
                            running: visible
                            Layout.preferredHeight: 40
                            Layout.preferredWidth: 40
                        }
                        Label {
                            id: restartMessage
                            objectName: "restartMessage"
                            text: drawer.cluster.restartMessage
                            font.pixelSize: Style.fontLabel
                            color: drawer.cluster.restartPhase === ClusterController.Failed ? Style.error
                                 : drawer.cluster.restartPhase === ClusterController.Succeeded ? Style.success
                                 : drawer.Material.foreground
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            RevisionHistory {
                objectName: "revisionHistory"
                visible: drawer.deployment.length > 0
                cluster: drawer.cluster
                deployment: drawer.deployment
                requestPin: drawer.requestPin
                Layout.fillWidth: true
            }

            // Other pods of the deployment, when there are several.
            Flow {
                visible: podRepeater.count > 1
                spacing: 8
                Layout.fillWidth: true
                Repeater {
                    id: podRepeater
                    // summary: read again on every rebuild, as pods come and go.
                    model: drawer.deployment.length > 0 && drawer.cluster.summary ? drawer.cluster.podsOfDeployment(drawer.deployment) : []
                    delegate: TouchButton {
                        required property var modelData
                        text: modelData.name
                        checked: modelData.name === drawer.cluster.selectedPod
                        onClicked: drawer.cluster.selectPod(modelData.name)
                    }
                }
            }

            Label {
                visible: drawer.detail.gone === true
                text: qsTr("This pod no longer exists.")
                font.pixelSize: Style.fontBody
            }
            Label {
                visible: drawer.cluster.selectedPod.length === 0
                text: qsTr("This deployment has no pods.")
                font.pixelSize: Style.fontBody
            }

            GridLayout {
                visible: drawer.detail.status !== undefined
                columns: 2
                columnSpacing: 20
                rowSpacing: 6
                Layout.fillWidth: true
                Label { text: qsTr("Status"); font.pixelSize: Style.fontLabel; opacity: 0.75 }
                Label {
                    objectName: "podStatus"
                    text: drawer.detail.status || ""
                    font.pixelSize: Style.fontBody
                    font.weight: Font.DemiBold
                    color: drawer.detail.healthy ? Style.success : Style.error
                }
                Label { text: qsTr("Ready"); font.pixelSize: Style.fontLabel; opacity: 0.75 }
                Label { text: drawer.detail.ready || ""; font.pixelSize: Style.fontBody }
                Label { text: qsTr("Restarts"); font.pixelSize: Style.fontLabel; opacity: 0.75 }
                Label { text: drawer.detail.restartsText || "0"; font.pixelSize: Style.fontBody }
                Label { text: qsTr("Age"); font.pixelSize: Style.fontLabel; opacity: 0.75 }
                Label { text: drawer.detail.age || ""; font.pixelSize: Style.fontBody }
            }

            Repeater {
                model: drawer.detail.containers || []
                delegate: Card {
                    required property var modelData
                    Layout.fillWidth: true
                    padding: 16
                    contentItem: ColumnLayout {
                        spacing: 4
                        Label {
                            text: qsTr("Container %1").arg(modelData.name)
                            font.pixelSize: Style.fontBody
                            font.weight: Font.DemiBold
                        }
                        Label {
                            text: modelData.image
                            font.pixelSize: Style.fontCaption
                            font.family: "monospace"
                            elide: Text.ElideMiddle
                            Layout.fillWidth: true
                        }
                        Label {
                            text: qsTr("State: %1 \u00b7 restarts: %2").arg(modelData.state).arg(modelData.restarts)
                            font.pixelSize: Style.fontLabel
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: modelData.lastTermination.length > 0
                            text: qsTr("Last termination: %1").arg(modelData.lastTermination)
                            font.pixelSize: Style.fontLabel
                            color: Style.error
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            Label {
                visible: (drawer.detail.events || []).length > 0
                text: qsTr("Events")
                font.pixelSize: Style.fontTitle
                font.weight: Font.DemiBold
            }
            // Newest first: reason and how often, then what it says and when.
            Repeater {
                model: (drawer.detail.events || []).slice(0, 8)
                delegate: ColumnLayout {
                    required property var modelData
                    objectName: "eventRow"
                    spacing: 2
                    Layout.fillWidth: true
                    Label {
                        text: (modelData.warning ? "\u26a0 " : "") + modelData.reason
                              + (modelData.count > 1 ? " \u00d7" + modelData.count : "")
                              + "  \u00b7  " + modelData.object
                        font.pixelSize: Style.fontLabel
                        font.weight: Font.DemiBold
                        color: modelData.warning ? Style.warning : drawer.Material.foreground
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: modelData.message
                        font.pixelSize: Style.fontCaption
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: modelData.count > 1 && modelData.firstSeen !== modelData.lastSeen
                              ? qsTr("last %1 ago, first %2 ago").arg(modelData.lastSeen).arg(modelData.firstSeen)
                              : modelData.lastSeen.length > 0 ? qsTr("%1 ago").arg(modelData.lastSeen) : ""
                        visible: text.length > 0
                        font.pixelSize: Style.fontCaption
                        opacity: 0.75
                    }
                }
            }

            RowLayout {
                visible: drawer.cluster.selectedPod.length > 0
                spacing: Style.spacing
                Layout.fillWidth: true
                Label {
                    objectName: "podLogTitle"
                    text: drawer.cluster.podLogLoading ? qsTr("Loading the log\u2026") : drawer.cluster.podLogTitle
                    font.pixelSize: Style.fontTitle
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                TouchButton {
                    objectName: "pauseLog"
                    visible: drawer.cluster.podLogFollowing
                    text: drawer.cluster.podLogPaused
                          ? (drawer.cluster.podLogHeldLines > 0 ? qsTr("Resume (%n new)", "", drawer.cluster.podLogHeldLines) : qsTr("Resume"))
                          : qsTr("Pause")
                    onClicked: drawer.cluster.pausePodLog(!drawer.cluster.podLogPaused)
                }
                TouchButton {
                    objectName: "followLog"
                    text: drawer.cluster.podLogFollowing ? qsTr("Stop live") : qsTr("Follow live")
                    checked: drawer.cluster.podLogFollowing
                    onClicked: drawer.cluster.followPodLog(!drawer.cluster.podLogFollowing)
                }
            }
            Label {
                objectName: "podLogNotice"
                visible: text.length > 0
                text: drawer.cluster.podLogNotice
                font.pixelSize: Style.fontCaption
                color: Style.warning
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Rectangle {
                visible: drawer.cluster.podLog.length > 0
                color: Style.logSurface
                radius: 8
                Layout.fillWidth: true
                Layout.preferredHeight: logText.implicitHeight + 24
                Layout.bottomMargin: 24
                TextEdit {
                    id: logText
                    objectName: "podLog"
                    x: 12
                    y: 12
                    width: parent.width - 24
                    text: drawer.cluster.podLog
                    readOnly: true
                    selectByMouse: false
                    wrapMode: TextEdit.WrapAnywhere
                    color: Style.logText
                    font.family: "monospace"
                    font.pixelSize: Style.fontCaption
                }
            }
        }
    }
}
