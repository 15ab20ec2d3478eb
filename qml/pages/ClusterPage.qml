import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// Cluster health for administrators: connection and data age, the summary, the verification
// checklist and one card per deployment; a deployment's pod detail slides in from the right.
Page {
    id: page
    objectName: "clusterPage"
    // What a screen reader says for the page (the rail's name for it).
    title: qsTr("Cluster")
    Accessible.name: title
    required property AppContext app
    required property ClusterController cluster
    property AdminSession adminSession: null
    readonly property bool showData: cluster.hasData
    readonly property var summary: cluster.summary

    background: null

    header: Control {
        leftPadding: Style.margin
        rightPadding: Style.margin
        topPadding: Style.margin
        bottomPadding: Style.spacing
        contentItem: RowLayout {
            spacing: Style.spacing
            ColumnLayout {
                spacing: 4
                Layout.fillWidth: true
                Label {
                    objectName: "pageTitle"
                    text: qsTr("Cluster")
                    font.pixelSize: Style.fontDisplay
                    font.weight: Font.DemiBold
                }
                Label {
                    objectName: "clusterSource"
                    text: page.cluster.state === ClusterController.NotConfigured
                          ? qsTr("Health of the kilo-guardian services.")
                          : qsTr("%1 \u00b7 namespace %2").arg(page.cluster.sourceText).arg(page.cluster.nameSpace)
                    font.pixelSize: Style.fontBody
                    opacity: 0.75
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            ConnectionBadge {
                cluster: page.cluster
                visible: page.cluster.state !== ClusterController.NotConfigured
            }
        }
    }

    // Not configured, or the configuration cannot be used.
    StateMessage {
        objectName: "clusterState"
        anchors.centerIn: parent
        visible: page.cluster.state === ClusterController.NotConfigured
                 || page.cluster.state === ClusterController.ConfigError
        icon: "qrc:/Kilo/Ui/icons/cloud-off.svg"
        title: page.cluster.state === ClusterController.ConfigError ? qsTr("Cannot connect to the cluster")
                                                                    : qsTr("No cluster connected")
        body: page.cluster.state === ClusterController.ConfigError
              ? page.cluster.errorText
              : qsTr("An administrator connects the kiosk with \"kilo-kiosk cluster connect\", with a kubeconfig file (~/.kube/config or $KUBECONFIG), or by starting it with the option --server URL.")
    }

    // Connecting for the first time.
    ColumnLayout {
        objectName: "clusterConnecting"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Style.margin, 720)
        visible: !page.showData && (page.cluster.state === ClusterController.Connecting
                                    || page.cluster.state === ClusterController.Reconnecting)
        spacing: Style.spacing
        BusyIndicator {
            running: parent.visible
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 72
            Layout.preferredHeight: 72
        }
        Label {
            text: qsTr("Connecting to the cluster\u2026")
            font.pixelSize: Style.fontHeadline
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Label {
            text: page.cluster.errorText.length > 0 ? qsTr("Still trying: %1").arg(page.cluster.errorText) : ""
            visible: text.length > 0
            font.pixelSize: Style.fontBody
            color: Style.error
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }

    ColumnLayout {
        id: content
        objectName: "clusterContent"
        anchors.fill: parent
        anchors.leftMargin: Style.margin
        anchors.rightMargin: Style.margin
        anchors.bottomMargin: Style.spacing
        visible: page.showData
        spacing: Style.spacing

        Label {
            objectName: "clusterWarning"
            visible: page.cluster.warningText.length > 0
            text: "\u26a0 " + page.cluster.warningText
            font.pixelSize: Style.fontLabel
            color: Style.textOnWarningFill
            padding: 10
            wrapMode: Text.WordWrap
            background: Rectangle { color: Style.warningFill; radius: 8 }
            Layout.fillWidth: true
        }
        Label {
            objectName: "clusterOffline"
            visible: page.cluster.state === ClusterController.Reconnecting
            text: qsTr("Showing the last known state. %1").arg(page.cluster.errorText)
            font.pixelSize: Style.fontLabel
            color: Style.textOnFill
            padding: 10
            wrapMode: Text.WordWrap
            background: Rectangle { color: Style.errorFill; radius: 8 }
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Style.spacing
            Layout.fillWidth: true
            // The tiles share one height (their labels wrap differently); the row keeps its own.
            Layout.fillHeight: false
            SummaryTile {
                objectName: "tilePods"
                value: (page.summary.podsRunning || 0) + "/" + (page.summary.podsTotal || 0)
                label: qsTr("pods running")
                ok: page.summary.podsRunning === page.summary.podsTotal
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
            }
            SummaryTile {
                objectName: "tileDeployments"
                value: (page.summary.deploymentsHealthy || 0) + "/" + (page.summary.deploymentsTotal || 0)
                label: qsTr("deployments healthy")
                ok: page.summary.deploymentsHealthy === page.summary.deploymentsTotal
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
            }
            SummaryTile {
                objectName: "tileStale"
                value: String(page.summary.staleReplicaSets || 0)
                label: qsTr("stale ReplicaSets of %1").arg(page.summary.replicaSetsTotal || 0)
                ok: (page.summary.staleReplicaSets || 0) === 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
            }
            SummaryTile {
                objectName: "tileChecks"
                value: (page.summary.checksPassed || 0) + "/" + (page.summary.checksTotal || 0)
                label: qsTr("checks passed")
                ok: page.summary.allChecksPass === true
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
            }
        }

        RowLayout {
            spacing: Style.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true

            Card {
                objectName: "checklist"
                Layout.preferredWidth: Math.round(360 * Style.textScale)
                Layout.fillHeight: true
                padding: 18
                contentItem: ColumnLayout {
                    spacing: 10
                    Label {
                        text: qsTr("Checklist")
                        font.pixelSize: Style.fontTitle
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    TouchButton {
                        objectName: "openCleanup"
                        text: qsTr("Clean up ReplicaSets\u2026")
                        highlighted: (page.summary.staleReplicaSets || 0) > 0
                        Layout.fillWidth: true
                        onClicked: cleanupPanel.open()
                    }
                    ListView {
                        id: checkList
                        objectName: "checkList"
                        model: page.cluster.checks
                        clip: true
                        spacing: 10
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        ScrollBar.vertical: ScrollBar {}
                        delegate: CheckRow {
                            width: ListView.view.width - 12
                        }
                    }
                }
            }

            GridView {
                id: deploymentGrid
                objectName: "deploymentGrid"
                model: page.cluster.deployments
                clip: true
                cellWidth: width / Math.max(1, Math.floor(width / 320))
                // Every card whole: as tall as the tallest card needs (its name, health, image and
                // detail wrap rather than being cut off; larger text makes them taller).
                property real tallestCard: 0
                cellHeight: Math.max(Math.round(136 * Style.textScale), tallestCard)
                // Measured again in the new width (a card made narrower wraps into more lines).
                onCellWidthChanged: tallestCard = 0
                reuseItems: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                ScrollBar.vertical: ScrollBar {}
                delegate: Item {
                    required property string name
                    required property bool healthy
                    required property string readyText
                    required property string image
                    required property int restarts
                    required property string reason
                    required property int stale
                    required property string suggestion
                    width: deploymentGrid.cellWidth
                    height: deploymentGrid.cellHeight
                    // Counted only once the card has its cell's width (a card still being laid
                    // out wraps into many lines).
                    readonly property real needed: width > 0 && width === deploymentGrid.cellWidth
                                                   ? Math.ceil(card.implicitHeight) + 2 * card.anchors.margins : 0
                    onNeededChanged: deploymentGrid.tallestCard = Math.max(deploymentGrid.tallestCard, needed)
                    DeploymentCard {
                        id: card
                        objectName: "deployment_" + parent.name
                        anchors.fill: parent
                        anchors.margins: 6
                        name: parent.name
                        healthy: parent.healthy
                        readyText: parent.readyText
                        image: parent.image
                        restarts: parent.restarts
                        reason: parent.reason
                        stale: parent.stale
                        suggestion: parent.suggestion
                        onClicked: page.openDeployment(name)
                    }
                }
            }
        }
    }

    PodDetailPanel {
        id: podDetail
        objectName: "podDetail"
        cluster: page.cluster
        parent: Overlay.overlay
        requestPin: page.requestPin
    }

    CleanupPanel {
        id: cleanupPanel
        objectName: "cleanupPanel"
        cluster: page.cluster
        parent: Overlay.overlay
        requestPin: page.requestPin
    }

    // The controller asks this session before every cluster action (the policy is in C++).
    Binding {
        target: page.cluster
        property: "adminSession"
        value: page.adminSession
    }

    // Asks the session for the admin (the PIN dialog is Main.qml's), then runs `action`.
    function requestPin(reason, action) {
        if (page.adminSession)
            page.adminSession.runAsAdmin(reason, action)
    }

    // Opens the deployment's detail (the controller picks the pod to show).
    function openDeployment(name) {
        podDetail.deployment = name
        page.cluster.selectDeployment(name)
        podDetail.open()
    }
}
