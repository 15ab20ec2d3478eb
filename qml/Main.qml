import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import Kilo.Backend
import Kilo.Ui

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    required property AppContext app
    required property ThemePreference theme
    required property ClusterController cluster
    // The one medication list every page shows (made by the app, or by a test).
    required property MedicationStoreController medications
    // The UI language (Settings: System, English, Español); set by the app (null in tests).
    property LanguagePreference language: null
    // Normal or larger text (Settings, `--large-text`); set by the app (null in tests: normal).
    property TextSizePreference textSize: null
    // The medication list's sync; set by the app (null in tests that do not need it).
    property MedicationSyncController medsSync: null
    property int currentPage: 0
    readonly property var pages: [
        { name: "scan", title: qsTr("Scan"), icon: "qrc:/Kilo/Ui/icons/scan.svg" },
        { name: "medications", title: qsTr("Medications"), icon: "qrc:/Kilo/Ui/icons/medications.svg" },
        { name: "cluster", title: qsTr("Cluster"), icon: "qrc:/Kilo/Ui/icons/cluster.svg" },
        { name: "settings", title: qsTr("Settings"), icon: "qrc:/Kilo/Ui/icons/settings.svg" }
    ]

    width: 1280
    height: 800
    minimumWidth: 800
    minimumHeight: 560
    visible: true
    title: app.demo ? qsTr("Kilo Guardian Kiosk (demo)") : qsTr("Kilo Guardian Kiosk")
    flags: app.kiosk ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    visibility: app.kiosk ? Window.FullScreen : Window.AutomaticVisibility

    Material.theme: theme.dark ? Material.Dark : Material.Light
    Material.accent: Material.Teal
    Material.primary: Material.BlueGrey
    font.pixelSize: Style.fontBody
    // Style's colours follow the same preference as the Material theme above.
    Binding { target: Style; property: "dark"; value: window.theme.dark }
    // The type scale follows the larger-text preference the same way.
    Binding { target: Style; property: "textScale"; value: window.textSize ? window.textSize.scale : 1.0 }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavigationRail {
            objectName: "navigationRail"
            pages: window.pages
            currentIndex: window.currentPage
            onPageSelected: index => window.selectPage(index)
            Layout.fillHeight: true
        }

        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            Label {
                objectName: "demoBanner"
                visible: window.app.demo
                text: qsTr("Demo mode: nothing here touches a real cluster or real medications.")
                font.pixelSize: Style.fontLabel
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                padding: 10
                color: Style.textOnFill
                background: Rectangle { color: Style.infoFill }
                Layout.fillWidth: true
            }

            AlertBanner {
                objectName: "alertBanner"
                alerts: healthAlerts
                Layout.fillWidth: true
                onDetailsRequested: window.currentPage = window.pages.findIndex(p => p.name === "cluster")
            }

            StackLayout {
                objectName: "pageStack"
                currentIndex: window.currentPage
                Layout.fillWidth: true
                Layout.fillHeight: true

                ScanPage {
                    app: window.app
                    store: window.medications
                    onShowMedicationsRequested: window.currentPage = window.pages.findIndex(p => p.name === "medications")
                }
                MedicationsPage { id: medicationsPage; app: window.app; store: window.medications; medsSync: window.medsSync; doses: doseController }
                ClusterPage { app: window.app; cluster: window.cluster; adminSession: adminSession }
                SettingsPage { app: window.app; theme: window.theme; language: window.language; textSize: window.textSize; cluster: window.cluster; adminSession: adminSession; medsSync: window.medsSync; doses: doseController }
            }
        }
    }

    // Admin PIN session (issue 8): one for the whole window. What needs the PIN is the session's
    // policy (kioskMode: Settings and closing the window); after idleTimeoutSeconds without a
    // touch the session locks and the kiosk returns to the Scan page.
    property bool closeConfirmed: false
    readonly property int settingsPageIndex: pages.findIndex(p => p.name === "settings")

    function selectPage(index) {
        if (index !== window.settingsPageIndex) {
            window.currentPage = index
            return
        }
        adminSession.runGuarded(AdminSession.OpenSettings, qsTr("Enter the admin PIN to open the settings."),
                                () => window.currentPage = index)
    }

    onClosing: close => {
        if (!adminSession.needsAdmin(AdminSession.CloseKiosk) || window.closeConfirmed)
            return
        close.accepted = false
        adminSession.runAsAdmin(qsTr("Enter the admin PIN to close the kiosk."), () => {
            window.closeConfirmed = true
            window.close()
        })
    }

    AdminSession {
        id: adminSession
        objectName: "adminSession"
        stateDirectory: window.app.demo ? demoStateDirectory : ""
        kioskMode: window.app.kiosk
        onUnlockedChanged: {
            if (!unlocked && needsAdmin(AdminSession.OpenSettings) && window.currentPage === window.settingsPageIndex)
                window.currentPage = 0
        }
    }

    IdleWatcher {
        id: idleWatcher
        objectName: "idleWatcher"
        timeoutSeconds: adminSession.idleTimeoutSeconds
        onActivity: adminSession.touch()
        onTimedOut: {
            adminSession.lock("idle timeout")
            if (window.app.kiosk) {
                adminSession.cancelPrompt()
                window.currentPage = 0
            }
        }
    }

    // Health turning worse, on every page: what and when is HealthAlerts' policy.
    HealthAlerts {
        id: healthAlerts
        objectName: "healthAlerts"
        cluster: window.cluster
        adminSession: adminSession
    }

    // The one PIN dialog: it shows whenever the session asks for the PIN, whichever page asked.
    PinDialog {
        id: pinDialog
        objectName: "pinDialog"
        session: adminSession
    }

    // Dose time: the medication list's doses, due on the clock, shown over whatever page is open.
    DoseController {
        id: doseController
        objectName: "doseController"
        store: window.medications
    }
    DoseReminder {
        objectName: "doseReminder"
        anchors.fill: parent
        z: 50
        doses: doseController
    }

    InputPanel {
        id: inputPanel
        z: 99
        x: 0
        y: active ? window.height - height : window.height
        width: window.width
        Behavior on y { NumberAnimation { duration: 150 } }
    }
}
