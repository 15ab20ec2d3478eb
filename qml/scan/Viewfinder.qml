import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia
import Kilo.Backend
import Kilo.Ui

// The live camera picture with the guidance drawn over it: the label's outline (green when it
// is good to read), one short hint, how long it has been held steady, and the shutter.
Rectangle {
    id: viewfinder
    required property ScanController scan
    property cameraDevice device
    property bool hasDevice: false
    property bool active: true
    // The sink that frames reach, for the controller and for tests that feed frames.
    readonly property alias videoSink: videoOutput.videoSink
    readonly property Camera camera: cameraLoader.item ? cameraLoader.item.camera : null
    readonly property bool hasCameraError: camera !== null && camera.error !== Camera.NoError

    color: Style.cameraBackdrop
    radius: Style.radius
    clip: true

    // The capture session exists only with a camera: without one it only upsets the media backend.
    Loader {
        id: cameraLoader
        active: viewfinder.hasDevice
        sourceComponent: CaptureSession {
            camera: Camera {
                cameraDevice: viewfinder.device
                active: viewfinder.active
                focusMode: Camera.FocusModeAutoNear
            }
            videoOutput: videoOutput
        }
    }

    VideoOutput {
        id: videoOutput
        objectName: "videoOutput"
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
    }

    // The label's outline, mapped from frame fractions to where the picture is drawn.
    Canvas {
        id: outline
        objectName: "labelOutline"
        anchors.fill: parent
        visible: viewfinder.scan.labelFound
        readonly property var corners: viewfinder.scan.labelCorners
        readonly property rect area: videoOutput.contentRect
        readonly property color stroke: viewfinder.scan.readyToCapture ? Style.cameraReady : Style.cameraSearching
        onCornersChanged: requestPaint()
        onAreaChanged: requestPaint()
        onStrokeChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            if (corners.length !== 4)
                return
            ctx.lineWidth = 6
            ctx.lineJoin = "round"
            ctx.strokeStyle = stroke
            ctx.beginPath()
            for (let i = 0; i <= 4; ++i) {
                const c = corners[i % 4]
                const x = area.x + c.x * area.width
                const y = area.y + c.y * area.height
                if (i === 0)
                    ctx.moveTo(x, y)
                else
                    ctx.lineTo(x, y)
            }
            ctx.stroke()
        }
    }

    // One instruction at a time, big enough to read with the tablet held out.
    Rectangle {
        objectName: "guidanceHint"
        visible: hintLabel.text.length > 0
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.topMargin: Style.spacing
        width: hintLabel.implicitWidth + 48
        height: hintLabel.implicitHeight + 20
        radius: height / 2
        color: Style.cameraHintBackground
        Label {
            id: hintLabel
            objectName: "guidanceHintText"
            anchors.centerIn: parent
            text: viewfinder.scan.hint
            color: Style.cameraForeground
            font.pixelSize: Style.fontTitle
            font.weight: Font.DemiBold
        }
    }

    // Steadiness: fills while the label is held still; the photo is taken when it is full.
    Rectangle {
        objectName: "steadinessBar"
        visible: viewfinder.scan.autoCapture && viewfinder.scan.steadiness > 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 10
        color: Style.cameraTrack
        Rectangle {
            width: parent.width * viewfinder.scan.steadiness
            height: parent.height
            color: Style.cameraReady
        }
    }

    // A white flash when a picture is taken.
    Rectangle {
        id: flash
        anchors.fill: parent
        color: Style.cameraFlash
        opacity: 0
        NumberAnimation on opacity { id: flashAnimation; from: 0.8; to: 0; duration: 300; running: false }
    }
    Connections {
        target: viewfinder.scan
        function onCaptured() { flashAnimation.restart() }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Style.margin, 560)
        visible: viewfinder.hasCameraError
        spacing: Style.spacing
        Label {
            objectName: "cameraError"
            text: viewfinder.camera ? qsTr("The camera reported a problem: %1").arg(viewfinder.camera.errorString) : ""
            color: Style.cameraForeground
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        TouchButton {
            text: qsTr("Try the camera again")
            highlighted: true
            Layout.alignment: Qt.AlignHCenter
            onClicked: { viewfinder.camera.stop(); viewfinder.camera.start() }
        }
    }

    // The shutter works whatever the guidance says.
    RoundButton {
        id: shutter
        objectName: "shutterButton"
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.rightMargin: Style.spacing
        width: 96
        height: 96
        enabled: viewfinder.scan.hasFrame
        Accessible.name: qsTr("Take the photo")
        background: Rectangle {
            radius: width / 2
            color: shutter.down ? Style.cameraForegroundPressed : Style.cameraForeground
            opacity: shutter.enabled ? 1.0 : 0.4
            border.width: 6
            border.color: viewfinder.scan.readyToCapture ? Style.cameraReady : Style.cameraIdle
        }
        onClicked: viewfinder.scan.capture()
    }
}
