import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

Page {
    id: page
    objectName: "settingsPage"
    required property AppContext app
    required property ThemePreference theme
    required property ClusterController cluster

    background: null

    header: PageHeader {
        title: qsTr("Settings")
        leftPadding: Style.margin
        topPadding: Style.margin
        rightPadding: Style.margin
        bottomPadding: Style.spacing
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

        ColumnLayout {
            width: scroll.availableWidth - 2 * Style.margin
            x: Style.margin
            spacing: Style.spacing

            SettingsSection {
                title: qsTr("Appearance")
                RowLayout {
                    spacing: 12
                    Repeater {
                        model: [
                            { mode: ThemePreference.System, label: qsTr("Follow system") },
                            { mode: ThemePreference.Light, label: qsTr("Light") },
                            { mode: ThemePreference.Dark, label: qsTr("Dark") }
                        ]
                        delegate: TouchButton {
                            required property var modelData
                            objectName: "theme_" + modelData.mode
                            text: modelData.label
                            font.pixelSize: Style.fontBody
                            checkable: true
                            checked: page.theme.mode === modelData.mode
                            highlighted: checked
                            Layout.preferredHeight: Style.touchTarget
                            Layout.minimumWidth: 160
                            onClicked: page.theme.mode = modelData.mode
                        }
                    }
                }
            }

            SettingsSection {
                title: qsTr("AI Brain")
                Label {
                    text: qsTr("Address of the cluster's AI Brain service. Leave empty to read labels on this tablet only.")
                    font.pixelSize: Style.fontLabel
                    wrapMode: Text.WordWrap
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                RowLayout {
                    spacing: 12
                    Layout.fillWidth: true
                    TextField {
                        id: aiBrainField
                        objectName: "aiBrainField"
                        text: page.app.aiBrainUrl
                        placeholderText: "http://kilo-ai-brain.kilo-guardian:8000"
                        font.pixelSize: Style.fontBody
                        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                        Layout.fillWidth: true
                        Layout.preferredHeight: Style.touchTarget + 8
                        onAccepted: saveAiBrain.clicked()
                    }
                    TouchButton {
                        id: saveAiBrain
                        objectName: "aiBrainSave"
                        text: qsTr("Save")
                        font.pixelSize: Style.fontBody
                        highlighted: true
                        enabled: aiBrainField.text.trim() !== page.app.aiBrainUrl
                        Layout.preferredHeight: Style.touchTarget
                        Layout.minimumWidth: 120
                        onClicked: aiBrainError.text = page.app.setAiBrainUrl(aiBrainField.text)
                    }
                }
                Label {
                    id: aiBrainError
                    objectName: "aiBrainError"
                    visible: text.length > 0
                    color: Material.color(Material.Red)
                    font.pixelSize: Style.fontLabel
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }

            SettingsSection {
                title: qsTr("Cluster")
                Label {
                    objectName: "clusterSourceLabel"
                    text: page.cluster.state === ClusterController.NotConfigured
                          ? qsTr("Not connected. Connect with \"kilo-kiosk cluster connect --server URL --token-stdin\", or a kubeconfig file.")
                          : qsTr("%1, namespace %2 (%3)").arg(page.cluster.sourceText).arg(page.cluster.nameSpace).arg(page.cluster.stateText)
                    font.pixelSize: Style.fontBody
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }

            SettingsSection {
                title: qsTr("About")
                GridLayout {
                    columns: 2
                    columnSpacing: 24
                    rowSpacing: 8
                    Layout.fillWidth: true
                    Label { text: qsTr("Version"); font.pixelSize: Style.fontLabel; opacity: 0.75 }
                    Label { objectName: "versionLabel"; text: page.app.version; font.pixelSize: Style.fontBody }
                    Label { text: qsTr("Qt"); font.pixelSize: Style.fontLabel; opacity: 0.75 }
                    Label { text: page.app.qtVersion; font.pixelSize: Style.fontBody }
                    Label { text: qsTr("Data folder"); font.pixelSize: Style.fontLabel; opacity: 0.75 }
                    Label {
                        text: page.app.dataLocation
                        font.pixelSize: Style.fontBody
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }
                }
            }
            Item { Layout.preferredHeight: Style.margin }
        }
    }
}
