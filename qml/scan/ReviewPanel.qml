import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The photo beside what was read from it. Doubtful fields are highlighted until touched or
// confirmed; saving asks once more, and names a medication already on the list.
Item {
    id: panel
    required property PrescriptionReview review
    property bool keepPhoto: true
    signal saveRequested()
    signal discardRequested()
    property string saveError

    readonly property bool wide: width >= 1000
    readonly property color warning: Style.warning

    GridLayout {
        anchors.fill: parent
        columns: panel.wide ? 2 : 1
        columnSpacing: Style.spacing
        rowSpacing: Style.spacing

        PhotoViewer {
            objectName: "reviewPhotoViewer"
            source: panel.review.photoUrl
            Layout.fillHeight: true
            Layout.fillWidth: !panel.wide
            Layout.preferredWidth: panel.wide ? panel.width * 0.42 : -1
            Layout.preferredHeight: panel.wide ? -1 : panel.height * 0.3
        }

        ColumnLayout {
            spacing: 12
            Layout.fillWidth: true
            Layout.fillHeight: true

            Label {
                objectName: "reviewTitle"
                text: panel.review.title.length > 0 ? panel.review.title : qsTr("No medication name was read")
                font.pixelSize: Style.fontHeadline
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "reviewEngine"
                text: panel.review.engineText
                font.pixelSize: Style.fontLabel
                opacity: 0.8
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Rectangle {
                objectName: "duplicateWarning"
                visible: panel.review.duplicates.length > 0
                radius: Style.radius
                color: Style.tint(panel.warning, 0.15)
                border.color: panel.warning
                border.width: 1
                implicitHeight: duplicateText.implicitHeight + 24
                Layout.fillWidth: true
                Label {
                    id: duplicateText
                    anchors.fill: parent
                    anchors.margins: 12
                    text: qsTr("Already on the list: %1. Save only if this is a new prescription.")
                          .arg(panel.review.duplicates.join(", "))
                    font.pixelSize: Style.fontLabel
                    wrapMode: Text.WordWrap
                }
            }

            ListView {
                id: fields
                objectName: "reviewFields"
                model: panel.review
                clip: true
                spacing: 4
                boundsBehavior: Flickable.StopAtBounds
                reuseItems: false
                Layout.fillWidth: true
                Layout.fillHeight: true
                ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                delegate: ReviewField {
                    width: fields.width - 12
                    schedulePhrases: panel.review.schedulePhrases
                    onEdited: text => error = panel.review.setValue(field, text)
                    onConfirmed: panel.review.confirm(field)
                }
            }

            Label {
                objectName: "saveBlocker"
                visible: text.length > 0
                text: panel.saveError.length > 0 ? panel.saveError : panel.review.saveBlocker
                color: panel.saveError.length > 0 ? Style.error : panel.warning
                font.pixelSize: Style.fontLabel
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Style.spacing
                Layout.fillWidth: true
                TouchButton {
                    objectName: "discardReview"
                    text: qsTr("Discard")
                    Layout.preferredWidth: Math.max(implicitWidth, 180)
                    onClicked: panel.discardRequested()
                }
                Item { Layout.fillWidth: true }
                TouchButton {
                    objectName: "saveReview"
                    text: qsTr("Save to the list")
                    highlighted: true
                    enabled: panel.review.canSave
                    Layout.preferredWidth: Math.max(implicitWidth, 240)
                    onClicked: confirmDialog.open()
                }
            }
        }
    }

    // Drawn without Material's elevation shader (see TouchButton), in the window overlay.
    Popup {
        id: confirmDialog
        objectName: "saveConfirmDialog"
        parent: Overlay.overlay
        modal: true
        focus: true
        anchors.centerIn: parent
        width: Math.min((parent ? parent.width : panel.width) - 2 * Style.margin, 600)
        padding: 28
        enter: Transition {}
        exit: Transition {}
        Material.theme: panel.Material.theme
        Material.accent: panel.Material.accent
        Overlay.modal: Rectangle { color: Style.scrim }
        background: CardBackground {}

        ColumnLayout {
            anchors.fill: parent
            spacing: Style.spacing
            Label {
                text: qsTr("Save this medication?")
                font.pixelSize: Style.fontHeadline
                font.weight: Font.DemiBold
                Layout.fillWidth: true
            }
            Label {
                objectName: "confirmSummary"
                text: panel.review.title
                font.pixelSize: Style.fontTitle
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                text: panel.review.duplicates.length > 0
                      ? qsTr("%1 is already on the list. Save only if this is a new prescription.").arg(panel.review.duplicates.join(", "))
                      : qsTr("It will be added to the medication list on this tablet.")
                font.pixelSize: Style.fontBody
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                visible: !panel.keepPhoto
                text: qsTr("The photo is not kept (setting \"Forget photos after save\").")
                font.pixelSize: Style.fontLabel
                opacity: 0.8
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Style.spacing
                Layout.topMargin: 8
                Layout.fillWidth: true
                Item { Layout.fillWidth: true }
                TouchButton {
                    objectName: "confirmCancel"
                    text: qsTr("Back")
                    Layout.preferredWidth: Math.max(implicitWidth, 160)
                    onClicked: confirmDialog.close()
                }
                TouchButton {
                    objectName: "confirmSave"
                    text: qsTr("Save")
                    highlighted: true
                    Layout.preferredWidth: Math.max(implicitWidth, 160)
                    onClicked: { confirmDialog.close(); panel.saveRequested() }
                }
            }
        }
    }
}
