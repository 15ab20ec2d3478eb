import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia
import Kilo.Backend
import Kilo.Ui

// Scan a prescription label: the viewfinder with live guidance (or Open photo when there is no
// camera), reading in the background, then the review and save. The flow lives in ScanController.
Page {
    id: page
    objectName: "scanPage"
    // What a screen reader says for the page (the rail's name for it).
    title: qsTr("Scan")
    Accessible.name: title
    required property AppContext app
    // Where medications are saved: the app's one list, shared with the Medications page.
    required property MedicationStoreController store
    // Engine override for tests ("local"); empty follows the settings.
    property string engine: ""
    readonly property int cameraCount: devices.videoInputs.length
    readonly property bool showViewfinder: page.cameraCount > 0 || scan.hasFrame
    readonly property alias controller: scan
    signal showMedicationsRequested()

    background: null
    padding: Style.margin
    topPadding: Style.spacing

    MediaDevices { id: devices }

    ScanController {
        id: scan
        objectName: "scanController"
        store: page.store
        engine: page.engine
        videoSink: viewfinder.videoSink
    }

    PhotoPicker {
        id: fileDialog
        objectName: "photoPicker"
        onPhotoChosen: file => scan.openPhoto(file)
    }

    header: RowLayout {
        spacing: Style.spacing
        PageHeader {
            title: qsTr("Scan a prescription")
            subtitle: scan.state === ScanController.Review ? qsTr("Check each field against the label, then save.")
                    : scan.state === ScanController.Reading ? qsTr("Reading the label. You can cancel at any time.")
                    : scan.state !== ScanController.Viewfinder ? ""
                    : page.showViewfinder ? qsTr("Hold the label flat in the frame; the photo is taken when it is sharp.")
                    : qsTr("Open a photo of a prescription or pharmacy label.")
            leftPadding: Style.margin
            topPadding: Style.margin
            Layout.fillWidth: true
        }
        ComboBox {
            objectName: "cameraPicker"
            visible: page.cameraCount > 1 && scan.state === ScanController.Viewfinder
            model: devices.videoInputs
            textRole: "description"
            font.pixelSize: Style.fontLabel
            Layout.preferredHeight: Style.touchTarget
            Layout.topMargin: Style.margin
            onActivated: index => viewfinder.device = devices.videoInputs[index]
        }
        TouchSwitch {
            objectName: "autoCaptureSwitch"
            visible: page.showViewfinder && scan.state === ScanController.Viewfinder
            text: qsTr("Auto-capture")
            checked: scan.autoCapture
            font.pixelSize: Style.fontLabel
            Layout.topMargin: Style.margin
            onToggled: scan.autoCapture = checked
        }
        TouchButton {
            objectName: "openPhotoButton"
            visible: scan.state === ScanController.Viewfinder && page.showViewfinder
            text: qsTr("Open photo")
            Layout.topMargin: Style.margin
            Layout.rightMargin: Style.margin
            onClicked: fileDialog.open()
        }
    }

    // Viewfinder, or the no-camera message.
    Item {
        anchors.fill: parent
        visible: scan.state === ScanController.Viewfinder

        Viewfinder {
            id: viewfinder
            objectName: "viewfinder"
            anchors.fill: parent
            visible: page.showViewfinder
            scan: scan
            device: devices.defaultVideoInput
            hasDevice: page.cameraCount > 0
            active: page.visible && scan.state === ScanController.Viewfinder && page.cameraCount > 0
        }

        StateMessage {
            objectName: "scanState"
            anchors.centerIn: parent
            visible: !page.showViewfinder
            icon: "qrc:/Kilo/Ui/icons/camera-off.svg"
            title: qsTr("No camera found")
            body: qsTr("This tablet has no camera, or another program is using it. Open a photo of the label instead, or drop one here.")
            actionText: qsTr("Open photo")
            onActionTriggered: fileDialog.open()
        }
    }

    ReadingProgress {
        objectName: "readingProgress"
        anchors.fill: parent
        visible: scan.state === ScanController.Reading
        photo: scan.photoUrl
        stage: scan.stage
        onCancelRequested: scan.cancel()
    }

    ReviewPanel {
        id: reviewPanel
        objectName: "reviewPanel"
        anchors.fill: parent
        visible: scan.state === ScanController.Review
        review: scan.review
        keepPhoto: !page.app.forgetPhotosAfterSave
        onSaveRequested: saveError = scan.save(keepPhoto)
        onDiscardRequested: { saveError = ""; scan.startOver() }
    }

    StateMessage {
        objectName: "scanSaved"
        anchors.centerIn: parent
        visible: scan.state === ScanController.Saved
        icon: "qrc:/Kilo/Ui/icons/medications.svg"
        title: qsTr("Saved: %1").arg(scan.savedTitle)
        body: qsTr("It is on the medication list now, on this tablet.")
        actionText: qsTr("Scan another label")
        onActionTriggered: scan.startOver()
        TouchButton {
            objectName: "showMedications"
            text: qsTr("Show the medication list")
            Layout.alignment: Qt.AlignHCenter
            onClicked: { scan.startOver(); page.showMedicationsRequested() }
        }
    }

    StateMessage {
        objectName: "scanFailed"
        anchors.centerIn: parent
        visible: scan.state === ScanController.Failed
        icon: "qrc:/Kilo/Ui/icons/camera-off.svg"
        title: qsTr("That did not work")
        body: scan.error
        actionText: qsTr("Try again")
        onActionTriggered: scan.startOver()
        TouchButton {
            objectName: "failedOpenPhoto"
            text: qsTr("Open another photo")
            Layout.alignment: Qt.AlignHCenter
            onClicked: { scan.startOver(); fileDialog.open() }
        }
    }

    DropArea {
        anchors.fill: parent
        enabled: scan.state === ScanController.Viewfinder || scan.state === ScanController.Failed
        onDropped: drop => {
            if (drop.hasUrls && drop.urls.length > 0) {
                drop.accept()
                scan.openPhoto(drop.urls[0])
            }
        }
    }
}
