import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// The label photo, fit to the space, zoomable by pinch, double tap or the buttons, and pannable
// when zoomed, so small print can be compared with the fields beside it.
Rectangle {
    id: viewer
    property url source
    property real zoom: 1.0
    readonly property real maxZoom: 5.0

    color: Style.photoBackdrop
    radius: Style.radius
    clip: true

    function setZoom(z, cx, cy) {
        const clamped = Math.max(1.0, Math.min(viewer.maxZoom, z))
        const px = (flick.contentX + (cx === undefined ? flick.width / 2 : cx)) / flick.contentWidth
        const py = (flick.contentY + (cy === undefined ? flick.height / 2 : cy)) / flick.contentHeight
        viewer.zoom = clamped
        flick.contentX = Math.max(0, px * flick.contentWidth - (cx === undefined ? flick.width / 2 : cx))
        flick.contentY = Math.max(0, py * flick.contentHeight - (cy === undefined ? flick.height / 2 : cy))
        flick.returnToBounds()
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width * viewer.zoom
        contentHeight: height * viewer.zoom
        boundsBehavior: Flickable.StopAtBounds
        interactive: viewer.zoom > 1.0

        PinchArea {
            width: flick.contentWidth
            height: flick.contentHeight
            property real startZoom: 1.0
            onPinchStarted: startZoom = viewer.zoom
            onPinchUpdated: pinch => viewer.setZoom(startZoom * pinch.scale, pinch.center.x - flick.contentX, pinch.center.y - flick.contentY)

            Image {
                id: photo
                objectName: "reviewPhoto"
                anchors.fill: parent
                source: viewer.source
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                autoTransform: true
                // Decoded at the size it can show at full zoom, not at the camera's full size.
                sourceSize: Qt.size(viewer.width * 2, viewer.height * 2)
                smooth: true
            }
            TapHandler {
                onDoubleTapped: (eventPoint) => viewer.setZoom(viewer.zoom > 1.0 ? 1.0 : 2.5,
                                                              eventPoint.position.x - flick.contentX,
                                                              eventPoint.position.y - flick.contentY)
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: photo.status === Image.Error
        text: qsTr("The photo cannot be shown")
        font.pixelSize: Style.fontBody
    }

    Row {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 12
        spacing: 8
        TouchButton {
            objectName: "zoomOut"
            text: "−"
            width: Style.touchTarget
            leftPadding: 0
            rightPadding: 0
            highlighted: true
            enabled: viewer.zoom > 1.0
            onClicked: viewer.setZoom(viewer.zoom / 1.5)
        }
        TouchButton {
            objectName: "zoomIn"
            text: "+"
            width: Style.touchTarget
            leftPadding: 0
            rightPadding: 0
            highlighted: true
            enabled: viewer.zoom < viewer.maxZoom
            onClicked: viewer.setZoom(viewer.zoom * 1.5)
        }
    }
}
