import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

Page {
    id: page
    objectName: "settingsPage"
    // What a screen reader says for the page (the rail's name for it).
    title: qsTr("Settings")
    Accessible.name: title
    required property AppContext app
    required property ThemePreference theme
    // The UI language (Main.qml's); without it the language choice is hidden.
    property LanguagePreference language: null
    // Normal or larger text (Main.qml's); without it the larger-text switch is hidden.
    property TextSizePreference textSize: null
    required property ClusterController cluster
    // The admin PIN session (Main.qml's adminSession); without it the Administrator section is hidden.
    property AdminSession adminSession: null
    // The medication list's sync (Main.qml's); without it the Medication service section is hidden.
    property MedicationSyncController medsSync: null
    // Dose reminders (chime, mute); null: the section is hidden.
    property DoseController doses: null
    // The cluster connection form's backend; tests hand in one with its own keychain service.
    property ConnectionSettings connectionSettings: ConnectionSettings { cluster: page.cluster; adminSession: page.adminSession }

    background: null

    // Saving a setting: the session decides whether that needs the PIN (kiosk mode).
    function requestAdmin(reason, action) {
        if (page.adminSession)
            page.adminSession.runGuarded(AdminSession.ChangeSettings, reason, action)
        else
            action()
    }

    AiBrainSettings {
        id: aiBrain
        objectName: "aiBrainSettings"
        app: page.app
    }

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
                // The switch names itself; its hint wraps under it (a wrapped label beside a
                // switch in one RowLayout keeps its one-line height).
                TouchSwitch {
                    objectName: "largeTextSwitch"
                    visible: page.textSize !== null
                    text: qsTr("Larger text")
                    checked: page.textSize !== null && page.textSize.large
                    Accessible.description: largeTextHint.text
                    // Like the theme, the text size needs no PIN: it changes nothing but the look.
                    onToggled: page.textSize.large = checked
                }
                Label {
                    id: largeTextHint
                    visible: page.textSize !== null
                    text: qsTr("Every text on every page 1.3 times as big.")
                    font.pixelSize: Style.fontLabel
                    opacity: 0.8
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }

            SettingsSection {
                objectName: "languageSection"
                title: qsTr("Language")
                visible: page.language !== null
                RowLayout {
                    spacing: 12
                    Repeater {
                        // The languages' own names, so that each can be found in any language.
                        model: [
                            { value: LanguagePreference.System, label: qsTr("Follow system") },
                            { value: LanguagePreference.English, label: "English" },
                            { value: LanguagePreference.Spanish, label: "Español" }
                        ]
                        delegate: TouchButton {
                            required property var modelData
                            objectName: "language_" + modelData.value
                            text: modelData.label
                            font.pixelSize: Style.fontBody
                            checkable: true
                            checked: page.language !== null && page.language.language === modelData.value
                            highlighted: checked
                            Accessible.name: modelData.label
                            Layout.preferredHeight: Style.touchTarget
                            Layout.minimumWidth: 160
                            // Like the theme, a language needs no PIN: it changes nothing but the text.
                            onClicked: page.language.language = modelData.value
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
                TextField {
                    id: aiBrainField
                    objectName: "aiBrainField"
                    text: page.app.aiBrainUrl
                    placeholderText: "http://kilo-ai-brain.kilo-guardian:8000"
                    Accessible.name: qsTr("AI Brain address")
                    font.pixelSize: Style.fontBody
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    enabled: !aiBrain.busy
                    Layout.fillWidth: true
                    Layout.preferredHeight: Style.touchTarget + 8
                    onAccepted: saveAiBrain.clicked()
                }
                TextField {
                    id: aiBrainTokenField
                    objectName: "aiBrainToken"
                    echoMode: TextInput.Password
                    placeholderText: aiBrain.tokenStored ? qsTr("Bearer token saved in the keychain; type to replace")
                                                         : qsTr("Bearer token (optional)")
                    font.pixelSize: Style.fontBody
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhHiddenText
                    enabled: !aiBrain.busy
                    Layout.fillWidth: true
                    Layout.preferredHeight: Style.touchTarget + 8
                    onAccepted: saveAiBrain.clicked()
                }
                Flow {
                    spacing: 12
                    Layout.fillWidth: true
                    TouchButton {
                        id: saveAiBrain
                        objectName: "aiBrainSave"
                        text: qsTr("Save")
                        font.pixelSize: Style.fontBody
                        highlighted: true
                        enabled: !aiBrain.busy && (aiBrainField.text.trim() !== page.app.aiBrainUrl
                                                   || aiBrainTokenField.text.length > 0)
                        width: Math.max(implicitWidth, 160)
                        onClicked: page.requestAdmin(qsTr("Enter the admin PIN to save the AI Brain settings."), () => {
                            aiBrain.save(aiBrainField.text, aiBrainTokenField.text)
                            aiBrainTokenField.clear()
                        })
                    }
                    TouchButton {
                        objectName: "aiBrainForgetToken"
                        text: qsTr("Remove token")
                        visible: aiBrain.tokenStored
                        enabled: !aiBrain.busy
                        width: Math.max(implicitWidth, 180)
                        onClicked: page.requestAdmin(qsTr("Enter the admin PIN to remove the AI Brain token."),
                                                     () => aiBrain.forgetToken())
                    }
                }
                Label {
                    id: aiBrainError
                    objectName: "aiBrainError"
                    text: aiBrain.state === AiBrainSettings.Failed ? aiBrain.message : ""
                    visible: text.length > 0
                    color: Style.error
                    font.pixelSize: Style.fontLabel
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "aiBrainStatus"
                    text: aiBrain.state === AiBrainSettings.Failed ? "" : aiBrain.message
                    visible: text.length > 0
                    color: aiBrain.state === AiBrainSettings.Saved ? Style.success : page.Material.foreground
                    font.pixelSize: Style.fontLabel
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }

            SettingsSection {
                objectName: "medsServiceSection"
                title: qsTr("Medication service")
                visible: page.medsSync !== null
                Label {
                    text: page.medsSync && page.medsSync.demoService
                          ? qsTr("The demo syncs with a built-in medication service. Saving an address here uses a real one.")
                          : qsTr("Address of the household's medication service (kilo-meds), which keeps every tablet's list the same. Leave empty to keep the list on this tablet only.")
                    font.pixelSize: Style.fontLabel
                    wrapMode: Text.WordWrap
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                TextField {
                    id: medsServiceField
                    objectName: "medsServiceField"
                    text: page.medsSync ? page.medsSync.serviceUrl : ""
                    placeholderText: "http://kilo-meds.kilo-guardian:8080"
                    font.pixelSize: Style.fontBody
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    enabled: page.medsSync !== null && !page.medsSync.settingsBusy
                    Layout.fillWidth: true
                    Layout.preferredHeight: Style.touchTarget + 8
                }
                TextField {
                    id: medsTokenField
                    objectName: "medsServiceToken"
                    echoMode: TextInput.Password
                    placeholderText: page.medsSync && page.medsSync.tokenStored ? qsTr("Bearer token saved in the keychain; type to replace")
                                                                               : qsTr("Bearer token (optional)")
                    font.pixelSize: Style.fontBody
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhHiddenText
                    enabled: page.medsSync !== null && !page.medsSync.settingsBusy
                    Layout.fillWidth: true
                    Layout.preferredHeight: Style.touchTarget + 8
                }
                Flow {
                    spacing: 12
                    Layout.fillWidth: true
                    TouchButton {
                        objectName: "medsServiceSave"
                        text: qsTr("Save")
                        highlighted: true
                        enabled: page.medsSync !== null && !page.medsSync.settingsBusy
                                 && (medsServiceField.text.trim() !== page.medsSync.serviceUrl || medsTokenField.text.length > 0)
                        width: Math.max(implicitWidth, 160)
                        onClicked: page.requestAdmin(qsTr("Enter the admin PIN to save the medication service settings."), () => {
                            page.medsSync.saveService(medsServiceField.text, medsTokenField.text)
                            medsTokenField.clear()
                        })
                    }
                    TouchButton {
                        objectName: "medsServiceTest"
                        text: qsTr("Test")
                        enabled: page.medsSync !== null && !page.medsSync.settingsBusy
                                 && (medsServiceField.text.trim().length > 0 || page.medsSync.configured)
                        width: Math.max(implicitWidth, 160)
                        onClicked: page.medsSync.testService(medsServiceField.text)
                    }
                    TouchButton {
                        objectName: "medsServiceForgetToken"
                        text: qsTr("Remove token")
                        visible: page.medsSync !== null && page.medsSync.tokenStored && !page.medsSync.demoService
                        enabled: !page.medsSync.settingsBusy
                        width: Math.max(implicitWidth, 180)
                        onClicked: page.requestAdmin(qsTr("Enter the admin PIN to remove the medication service token."),
                                                     () => page.medsSync.forgetToken())
                    }
                }
                Label {
                    objectName: "medsServiceMessage"
                    text: page.medsSync ? (page.medsSync.settingsFailed ? "⚠ " : "") + page.medsSync.settingsMessage : ""
                    visible: text.length > 0
                    font.pixelSize: Style.fontLabel
                    font.weight: page.medsSync && page.medsSync.settingsFailed ? Font.DemiBold : Font.Normal
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }

            SettingsSection {
                objectName: "clusterSection"
                title: qsTr("Cluster")
                Label {
                    objectName: "clusterSourceLabel"
                    text: page.cluster.state === ClusterController.NotConfigured
                          ? qsTr("Not connected. Enter the cluster's address and a token, or a kubeconfig file, then save.")
                          : qsTr("Now: %1, namespace %2 (%3)").arg(page.cluster.sourceText).arg(page.cluster.nameSpace).arg(page.cluster.stateText)
                    font.pixelSize: Style.fontBody
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ClusterConnectionForm {
                    objectName: "clusterConnectionForm"
                    settings: page.connectionSettings
                    requestAdmin: page.requestAdmin
                    Layout.fillWidth: true
                }
            }

            SettingsSection {
                objectName: "privacySection"
                title: qsTr("Privacy")
                RowLayout {
                    spacing: Style.spacing
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("Forget photos after save: a saved medication keeps what was read, not the photo of its label.")
                        font.pixelSize: Style.fontBody
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    TouchSwitch {
                        objectName: "forgetPhotosSwitch"
                        Accessible.name: qsTr("Forget photos after save")
                        checked: page.app.forgetPhotosAfterSave
                        Layout.preferredHeight: Style.touchTarget
                        onToggled: page.app.forgetPhotosAfterSave = checked
                    }
                }
            }

            SettingsSection {
                objectName: "doseSection"
                title: qsTr("Dose reminders")
                visible: page.doses !== null
                RowLayout {
                    spacing: Style.spacing
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("Chime when a dose is due")
                        font.pixelSize: Style.fontBody
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    TouchSwitch {
                        objectName: "chimeSwitch"
                        checked: page.doses !== null && page.doses.chimeEnabled
                        Accessible.name: qsTr("Chime when a dose is due")
                        Layout.preferredHeight: Style.touchTarget
                        onToggled: page.doses.chimeEnabled = checked
                    }
                }
                RowLayout {
                    spacing: Style.spacing
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("Mute the kiosk: no sound at all (reminders still show)")
                        font.pixelSize: Style.fontBody
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    TouchSwitch {
                        objectName: "muteSwitch"
                        checked: page.doses !== null && page.doses.muted
                        Accessible.name: qsTr("Mute the kiosk")
                        Layout.preferredHeight: Style.touchTarget
                        onToggled: page.doses.muted = checked
                    }
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
            SettingsSection {
                objectName: "adminSection"
                visible: page.adminSession !== null
                title: qsTr("Administrator")
                Label {
                    objectName: "adminStatus"
                    text: !page.adminSession ? ""
                          : !page.adminSession.pinSet ? qsTr("No admin PIN is set. Set one so that only an administrator can repair the cluster, change settings or close the kiosk.")
                          : page.adminSession.unlocked ? qsTr("Unlocked: admin actions are allowed. Locks itself after %1 without a touch.").arg(page.adminSession.idleTimeoutSeconds >= 120 ? qsTr("%n minute(s)", "", Math.round(page.adminSession.idleTimeoutSeconds / 60)) : qsTr("%1 s").arg(Math.round(page.adminSession.idleTimeoutSeconds)))
                          : page.adminSession.lockedOut ? qsTr("Locked. Too many wrong PINs: try again in %1 s.").arg(page.adminSession.lockoutSecondsLeft)
                          : qsTr("Locked. Cluster repairs and other admin actions ask for the PIN.")
                    font.pixelSize: Style.fontBody
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Flow {
                    spacing: 12
                    Layout.fillWidth: true
                    TouchButton {
                        objectName: "adminSetPin"
                        visible: !!page.adminSession && !page.adminSession.pinSet
                        text: qsTr("Set a PIN")
                        highlighted: true
                        width: Math.max(implicitWidth, 180)
                        onClicked: page.adminSession.requestUnlock(qsTr("The PIN protects cluster repairs, the settings and closing the kiosk."))
                    }
                    TouchButton {
                        objectName: "adminUnlock"
                        visible: !!page.adminSession && page.adminSession.pinSet && !page.adminSession.unlocked
                        text: qsTr("Unlock")
                        highlighted: true
                        width: Math.max(implicitWidth, 180)
                        onClicked: page.adminSession.requestUnlock(qsTr("Unlock admin actions on this kiosk."))
                    }
                    TouchButton {
                        objectName: "adminChangePin"
                        visible: !!page.adminSession && page.adminSession.pinSet
                        text: qsTr("Change PIN")
                        width: Math.max(implicitWidth, 180)
                        onClicked: page.adminSession.requestPinChange()
                    }
                    TouchButton {
                        objectName: "adminLockNow"
                        visible: !!page.adminSession && page.adminSession.unlocked
                        text: qsTr("Lock now")
                        width: Math.max(implicitWidth, 180)
                        onClicked: page.adminSession.lock()
                    }
                }
                Label {
                    text: qsTr("Audit log")
                    font.pixelSize: Style.fontBody
                    font.weight: Font.DemiBold
                    Layout.topMargin: 8
                }
                AuditLogView {
                    objectName: "adminAuditLog"
                    session: page.adminSession
                    count: 15
                    Layout.fillWidth: true
                }
            }
            Item { Layout.preferredHeight: Style.margin }
        }
    }
}
