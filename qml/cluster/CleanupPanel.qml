import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The one-tap cleanup: a preview of what goes and what stays (checked by a server dry run),
// then, after the admin PIN, the deletions with progress and a summary.
Popup {
    id: panel
    required property ClusterController cluster
    property var requestPin: null // function(reason, action): asks for the admin PIN, then runs action
    property int keep: 3
    property bool includeOrphans: false
    readonly property var preview: cluster.cleanupPreview
    readonly property var result: cluster.cleanupResult
    readonly property int phase: cluster.cleanupPhase
    readonly property bool executed: result.done !== undefined

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 64 : 900, 900)
    height: Math.min(parent ? parent.height - 64 : 700, 700)
    padding: 28
    closePolicy: phase === ClusterController.Running ? Popup.NoAutoClose : Popup.CloseOnEscape
    onOpened: refresh()
    onClosed: cluster.resetCleanup()

    function refresh() { cluster.previewCleanup(keep, includeOrphans) }

    background: CardBackground {}

    contentItem: ColumnLayout {
        spacing: Style.spacing

        Label {
            text: qsTr("Clean up stale ReplicaSets")
            font.pixelSize: Style.fontHeadline
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: 12
            enabled: panel.phase !== ClusterController.Running && !panel.executed
            Label { text: qsTr("Keep per deployment"); font.pixelSize: Style.fontBody }
            TouchButton {
                objectName: "keepLess"
                text: "\u2212"
                Accessible.name: qsTr("Keep one fewer")
                implicitWidth: Style.touchTarget
                leftPadding: 0
                rightPadding: 0
                enabled: panel.keep > 0
                onClicked: { panel.keep -= 1; panel.refresh() }
            }
            Label {
                objectName: "keepValue"
                text: panel.keep
                font.pixelSize: Style.fontHeadline
                horizontalAlignment: Text.AlignHCenter
                Layout.preferredWidth: 48
            }
            TouchButton {
                objectName: "keepMore"
                text: "+"
                Accessible.name: qsTr("Keep one more")
                implicitWidth: Style.touchTarget
                leftPadding: 0
                rightPadding: 0
                enabled: panel.keep < 10
                onClicked: { panel.keep += 1; panel.refresh() }
            }
        }
        // On a line of its own: beside the keep choice it ran off the panel with larger text.
        TouchSwitch {
            objectName: "includeOrphans"
            text: qsTr("Also delete orphans")
            font.pixelSize: Style.fontBody
            enabled: panel.phase !== ClusterController.Running && !panel.executed
            checked: panel.includeOrphans
            onToggled: { panel.includeOrphans = checked; panel.refresh() }
        }

        Label {
            objectName: "cleanupHeadline"
            font.pixelSize: Style.fontTitle
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            color: panel.phase === ClusterController.Failed ? Style.error : panel.Material.foreground
            text: {
                switch (panel.phase) {
                case ClusterController.Checking: return qsTr("Checking the plan with the server\u2026")
                case ClusterController.Running: return qsTr("Cleaning up: %1 of %2").arg(panel.cluster.cleanupDone).arg(panel.preview.deletes + panel.preview.patches)
                case ClusterController.Succeeded:
                    return qsTr("Done: %1, %2.").arg(qsTr("%n change(s) made", "", panel.result.done))
                                         .arg(qsTr("%n skipped", "", panel.result.skipped))
                case ClusterController.Failed:
                    return panel.executed ? qsTr("%1; %2.").arg(qsTr("%n request(s) failed", "", panel.result.failed))
                                                           .arg(qsTr("%n done", "", panel.result.done))
                                          : qsTr("The server would refuse %n request(s); nothing will be changed.", "", panel.preview.refused)
                case ClusterController.Ready:
                    return panel.preview.empty ? qsTr("Nothing to clean up.")
                         : qsTr("%1 and %2: %3 \u2192 %4 ReplicaSets.")
                               .arg(qsTr("Delete %n ReplicaSet(s)", "", panel.preview.deletes))
                               .arg(qsTr("cap the history of %n deployment(s)", "", panel.preview.patches))
                               .arg(panel.preview.before).arg(panel.preview.after)
                default: return ""
                }
            }
        }
        Label {
            visible: panel.phase === ClusterController.Ready && !panel.preview.empty
            text: qsTr("The server accepted every request in a dry run. Nothing has changed yet.")
            font.pixelSize: Style.fontLabel
            opacity: 0.8
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        ProgressBar {
            visible: panel.phase === ClusterController.Running
            from: 0
            to: Math.max(1, panel.preview.deletes + panel.preview.patches)
            value: panel.cluster.cleanupDone
            Layout.fillWidth: true
        }

        ListView {
            id: lines
            objectName: "cleanupLines"
            clip: true
            spacing: 6
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            model: panel.executed ? (panel.result.problems || []).map(p => p.action + " " + p.name + ": " + p.status + " (" + p.message + ")")
                 : panel.phase === ClusterController.Failed ? (panel.preview.problems || []).map(p => p.action + " " + p.name + ": " + p.message)
                 : (panel.preview.lines || [])
            delegate: Label {
                required property string modelData
                width: ListView.view.width - 12
                text: modelData
                font.pixelSize: Style.fontLabel
                wrapMode: Text.WordWrap
            }
        }

        RowLayout {
            spacing: Style.spacing
            Layout.alignment: Qt.AlignRight
            TouchButton {
                objectName: "cleanupClose"
                text: panel.executed ? qsTr("Close") : qsTr("Cancel")
                enabled: panel.phase !== ClusterController.Running
                onClicked: panel.close()
            }
            TouchButton {
                objectName: "cleanupRun"
                visible: !panel.executed
                text: qsTr("Clean up")
                highlighted: true
                enabled: panel.phase === ClusterController.Ready && !panel.preview.empty
                onClicked: {
                    const run = () => panel.cluster.runCleanup()
                    if (panel.requestPin)
                        panel.requestPin(qsTr("Enter the admin PIN to delete %n ReplicaSet(s).", "", panel.preview.deletes), run)
                    else
                        run()
                }
            }
        }
    }
}
