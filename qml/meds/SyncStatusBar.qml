import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// One line under the Medications title: how the list stands with the household's medication
// service, in words and a symbol (never by colour alone), and a "Sync now" button.
RowLayout {
    id: bar
    required property MedicationSyncController sync
    // The page may let go of the sync before this bar is gone.
    readonly property int syncState: sync ? sync.state : MedicationSyncController.NotConfigured
    readonly property bool problem: syncState === MedicationSyncController.Offline
                                    || syncState === MedicationSyncController.Refused
                                    || syncState === MedicationSyncController.Failed
    spacing: 12

    Label {
        objectName: "syncSymbol"
        text: bar.syncState === MedicationSyncController.Syncing ? "⟳"
            : bar.problem ? "⚠" : "✓"
        font.pixelSize: Style.fontTitle
        color: bar.problem ? Style.warning
                           : bar.Material.foreground
        Accessible.ignored: true
    }
    Label {
        objectName: "syncStatus"
        text: bar.sync ? bar.sync.statusText : ""
        font.pixelSize: Style.fontLabel
        font.weight: bar.problem ? Font.DemiBold : Font.Normal
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    TouchButton {
        objectName: "syncNow"
        text: qsTr("Sync now")
        enabled: bar.sync !== null && bar.syncState !== MedicationSyncController.Syncing
        onClicked: bar.sync.syncNow()
        Accessible.name: qsTr("Sync the medication list now")
    }
}
