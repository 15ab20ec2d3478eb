import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia
import Kilo.Backend
import Kilo.Ui

// Scan a prescription label. Until the reader lands, this shows the camera's true state.
Page {
    id: page
    objectName: "scanPage"
    required property AppContext app
    readonly property int cameraCount: devices.videoInputs.length

    background: null
    padding: Style.margin

    MediaDevices { id: devices }

    header: PageHeader {
        title: qsTr("Scan a prescription")
        subtitle: qsTr("Point the camera at a prescription or pharmacy label.")
        leftPadding: Style.margin
        topPadding: Style.margin
        rightPadding: Style.margin
    }

    StateMessage {
        objectName: "scanState"
        anchors.centerIn: parent
        icon: "qrc:/Kilo/Ui/icons/camera-off.svg"
        title: page.cameraCount === 0 ? qsTr("No camera found")
                                      : qsTr("Camera ready: %1").arg(devices.defaultVideoInput.description)
        body: (page.cameraCount === 0
               ? qsTr("This tablet has no camera, or another program is using it.") + " "
               : "")
              + qsTr("Reading labels is not available in this version of the kiosk yet.")
    }
}
