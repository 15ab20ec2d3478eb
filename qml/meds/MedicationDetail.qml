import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// One medication: the label photo beside every field, with edit, stop / take again and delete.
Item {
    id: detail
    property var record: ({})           // MedicationStoreController.get(id)
    property string actionError
    signal back()
    signal editRequested()
    signal stopRequested()
    signal resumeRequested()
    signal deleteRequested()
    signal historyRequested()

    readonly property bool hasPhoto: record.photoUrl !== undefined && record.photoUrl.toString().length > 0
    property bool photoEnlarged: false

    function field(name) {
        const v = detail.record[name]
        return v === undefined || v === null ? "" : String(v)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spacing

        RowLayout {
            spacing: Style.spacing
            Layout.fillWidth: true
            TouchButton {
                objectName: "detailBack"
                text: qsTr("‹ All medications")
                onClicked: detail.back()
            }
            Item { Layout.fillWidth: true }
            Label {
                visible: detail.record.active === false
                text: qsTr("Stopped")
                font.pixelSize: Style.fontBody
                font.weight: Font.DemiBold
                padding: 10
                color: Style.textOnFill
                background: Rectangle { radius: Style.radius; color: Style.inactiveFill }
            }
        }

        Label {
            objectName: "detailTitle"
            text: detail.field("title")
            font.pixelSize: Style.fontHeadline
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Style.margin
            Layout.fillWidth: true
            Layout.fillHeight: true

            // The label photo, or a plain placeholder when the record was typed in.
            Card {
                objectName: "detailPhoto"
                padding: 8
                Layout.preferredWidth: Math.min(detail.width * 0.38, 420)
                Layout.fillHeight: true
                Image {
                    id: photo
                    anchors.fill: parent
                    visible: detail.hasPhoto && status === Image.Ready
                    source: detail.hasPhoto ? detail.record.photoUrl : ""
                    fillMode: Image.PreserveAspectFit
                    asynchronous: true
                    sourceSize.width: 1200
                    TapHandler { onTapped: detail.photoEnlarged = true }
                }
                Label {
                    anchors.centerIn: parent
                    width: parent.width - 32
                    visible: !photo.visible
                    text: !detail.hasPhoto ? qsTr("No label photo")
                        : photo.status === Image.Error ? qsTr("The label photo cannot be shown")
                        : qsTr("Loading photo…")
                    font.pixelSize: Style.fontBody
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    opacity: 0.7
                }
            }

            Flickable {
                clip: true
                contentHeight: fields.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                Layout.fillWidth: true
                Layout.fillHeight: true
                ScrollBar.vertical: ScrollBar {}

                GridLayout {
                    id: fields
                    width: parent.width
                    columns: 2
                    columnSpacing: Style.spacing
                    rowSpacing: 10

                    Repeater {
                        model: [
                            { label: qsTr("How often"), key: "schedule" },
                            { label: qsTr("Directions"), key: "instructions" },
                            { label: qsTr("Form"), key: "dosage_form" },
                            { label: qsTr("Prescriber"), key: "prescriber" },
                            { label: qsTr("Patient"), key: "patient" },
                            { label: qsTr("Quantity"), key: "quantity" },
                            { label: qsTr("Refills"), key: "refills" },
                            { label: qsTr("Pharmacy"), key: "pharmacy" },
                            { label: qsTr("Rx number"), key: "rx_number" },
                            { label: qsTr("Date on label"), key: "date" },
                            { label: qsTr("Read by"), key: "engine" }
                        ]
                        delegate: Label {
                            required property var modelData
                            Layout.row: index
                            Layout.column: 0
                            Layout.alignment: Qt.AlignTop
                            visible: detail.field(modelData.key).length > 0
                            text: modelData.label
                            font.pixelSize: Style.fontLabel
                            opacity: 0.7
                            required property int index
                        }
                    }
                    Repeater {
                        model: ["schedule", "instructions", "dosage_form", "prescriber", "patient", "quantity",
                                "refills", "pharmacy", "rx_number", "date", "engine"]
                        delegate: Label {
                            required property string modelData
                            required property int index
                            objectName: "detail_" + modelData
                            Layout.row: index
                            Layout.column: 1
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: modelData === "engine"
                                  ? ({ "local": qsTr("this tablet (scanned)"), "ai-brain": qsTr("AI Brain (scanned)"), "manual": qsTr("typed in") })[detail.field("engine")] || detail.field("engine")
                                  : modelData === "schedule" ? ScheduleNames.describe(detail.field("schedule"), Qt.uiLanguage)
                                  : detail.field(modelData)
                            font.pixelSize: Style.fontBody
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
        }

        Label {
            objectName: "detailError"
            visible: text.length > 0
            text: detail.actionError
            color: Style.error
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Style.spacing
            Layout.fillWidth: true
            TouchButton {
                objectName: "detailEdit"
                text: qsTr("Edit")
                highlighted: true
                Layout.minimumWidth: 160
                onClicked: detail.editRequested()
            }
            TouchButton {
                objectName: "detailStop"
                text: detail.record.active === false ? qsTr("Take again") : qsTr("Stop taking")
                Layout.minimumWidth: 160
                onClicked: detail.record.active === false ? detail.resumeRequested() : detail.stopRequested()
            }
            TouchButton {
                objectName: "detailHistory"
                text: qsTr("Dose history")
                Accessible.name: qsTr("Dose history of this medication")
                Layout.minimumWidth: 160
                onClicked: detail.historyRequested()
            }
            Item { Layout.fillWidth: true }
            TouchButton {
                objectName: "detailDelete"
                text: qsTr("Delete")
                Layout.minimumWidth: 140
                contentItem: Label {
                    text: qsTr("Delete")
                    font.pixelSize: Style.fontBody
                    color: Style.error
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                onClicked: detail.deleteRequested()
            }
        }
    }

    // The photo over the whole view; pinch or double-tap to zoom, Close to go back.
    Rectangle {
        objectName: "photoViewer"
        anchors.fill: parent
        visible: detail.photoEnlarged
        color: Style.scrimPhoto
        z: 10
        // Swallows touches meant for what is underneath; a tap on the margin closes it.
        MouseArea {
            anchors.fill: parent
            onClicked: { big.scale = 1; detail.photoEnlarged = false }
        }
        Flickable {
            id: zoom
            anchors.fill: parent
            anchors.margins: 8
            contentWidth: Math.max(width, big.width * big.scale)
            contentHeight: Math.max(height, big.height * big.scale)
            clip: true
            Image {
                id: big
                width: zoom.width
                height: zoom.height
                source: detail.photoEnlarged ? detail.record.photoUrl : ""
                fillMode: Image.PreserveAspectFit
                transformOrigin: Item.TopLeft
                PinchHandler { target: big; minimumScale: 1; maximumScale: 4 }
                TapHandler {
                    onDoubleTapped: big.scale = big.scale > 1 ? 1 : 2
                }
            }
        }
        TouchButton {
            objectName: "photoClose"
            anchors.top: parent.top
            anchors.right: parent.right
            anchors.margins: Style.spacing
            text: qsTr("Close")
            highlighted: true
            onClicked: { big.scale = 1; detail.photoEnlarged = false }
        }
    }
}
