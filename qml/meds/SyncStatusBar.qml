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
    readonly property bool problem: sync.state === MedicationSyncController.Offline
                                    || sync.state === MedicationSyncController.Refused
                                    || sync.state === MedicationSyncController.Failed
    spacing: 12

    Label {
        objectName: "syncSymbol"
        text: bar.sync.state === MedicationSyncController.Syncing ? "⟳"
            : bar.problem ? "⚠" : "✓"
        font.pixelSize: Style.fontTitle
        color: bar.problem ? bar.Material.color(Material.Orange, bar.Material.theme === Material.Dark ? Material.Shade300 : Material.Shade900)
                           : bar.Material.foreground
        Accessible.ignored: true
    }
    Label {
        objectName: "syncStatus"
        text: bar.sync.statusText
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
        enabled: bar.sync.state !== MedicationSyncController.Syncing
        onClicked: bar.sync.syncNow()
        Accessible.name: qsTr("Sync the medication list now")
    }
}
