import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The last entries of the audit log, newest first: when, what, with which outcome and why.
// Refreshes itself whenever the session records something; refresh() for other writers (CLI).
ColumnLayout {
    id: view

    property AdminSession session: null
    property int count: 20
    property var entries: []

    function refresh() {
        view.entries = view.session ? view.session.recentAuditEntries(view.count) : []
    }

    function outcomeText(outcome) {
        if (outcome === "success")
            return qsTr("done")
        if (outcome === "denied")
            return qsTr("refused")
        return qsTr("failed")
    }

    function outcomeColor(outcome) {
        if (outcome === "success")
            return Style.success
        if (outcome === "denied")
            return Style.warning
        return Style.error
    }

    spacing: 8
    onSessionChanged: refresh()
    onCountChanged: refresh()
    Component.onCompleted: refresh()

    Connections {
        target: view.session
        function onAuditChanged() { view.refresh() }
        function onStateDirectoryChanged() { view.refresh() }
    }

    Label {
        objectName: "auditEmpty"
        visible: view.entries.length === 0
        text: qsTr("Nothing recorded yet.")
        font.pixelSize: Style.fontBody
        opacity: 0.7
    }

    Repeater {
        objectName: "auditRepeater"
        model: view.entries
        delegate: ColumnLayout {
            required property var modelData
            required property int index
            spacing: 2
            Layout.fillWidth: true

            Rectangle {
                visible: index > 0
                color: view.Material.dividerColor
                Layout.fillWidth: true
                Layout.preferredHeight: 1
                Layout.bottomMargin: 6
            }
            RowLayout {
                spacing: 16
                Layout.fillWidth: true
                Label {
                    text: modelData.timeText
                    font.pixelSize: Style.fontLabel
                    font.family: "monospace"
                    opacity: 0.75
                }
                Label {
                    objectName: "auditAction"
                    text: modelData.action
                    font.pixelSize: Style.fontBody
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: view.outcomeText(modelData.outcome)
                    color: view.outcomeColor(modelData.outcome)
                    font.pixelSize: Style.fontLabel
                    font.weight: Font.DemiBold
                }
            }
            Label {
                visible: text.length > 0
                text: modelData.detail + (modelData.actor && modelData.actor !== "admin" ? "  ·  " + qsTr("by %1").arg(modelData.actor) : "")
                font.pixelSize: Style.fontLabel
                wrapMode: Text.WordWrap
                opacity: 0.85
                Layout.fillWidth: true
            }
        }
    }
}
