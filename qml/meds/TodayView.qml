import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// What is due when today, from each active medication's schedule; the next dose stands out.
Item {
    id: today
    property var model                  // TodayDoseModel
    property DoseController doses: null // logs doses from the rows when set
    property string message
    property real bottomMargin: 0       // room for the undo bar
    signal medicationChosen(var medicationId)

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spacing

        Label {
            objectName: "todaySummary"
            // The day in the UI's language (Qt.uiLanguage is the locale LanguagePreference chose).
            readonly property string day: new Date().toLocaleDateString(
                Qt.uiLanguage ? Qt.locale(Qt.uiLanguage) : Qt.locale(), "dddd d MMMM")
            text: today.model.scheduledCount === 0
                  ? day
                  : qsTr("%1 · %2 of %n dose(s) still to come", "", today.model.scheduledCount)
                        .arg(day).arg(today.model.remainingCount)
            font.pixelSize: Style.fontTitle
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }

        Label {
            objectName: "todayMessage"
            visible: text.length > 0
            text: today.message
            color: Style.error
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        ListView {
            id: list
            objectName: "todayList"
            visible: count > 0
            clip: true
            spacing: 8
            model: today.model
            bottomMargin: today.bottomMargin
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}

            section.property: "period"
            section.delegate: Label {
                required property string section
                text: section
                font.pixelSize: Style.fontLabel
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                topPadding: 12
                bottomPadding: 4
                opacity: 0.7
            }

            delegate: ItemDelegate {
                id: dose
                required property int index
                required property var medicationId
                required property string time
                required property string title
                required property string instructions
                required property string schedule
                required property bool past
                required property bool isNext
                required property bool asNeeded
                required property string status
                required property string detail
                required property string doseKey
                objectName: "todayRow_" + index
                width: ListView.view.width
                padding: 0
                topInset: 0
                bottomInset: 0
                Accessible.name: (asNeeded ? qsTr("When needed") : time) + ", " + title + (detail.length > 0 ? ", " + detail : "")
                onClicked: today.medicationChosen(medicationId)
                background: CardBackground {
                    color: dose.down ? dose.Material.rippleColor
                         : dose.isNext ? Style.tint(dose.Material.accentColor, 0.14)
                         : Style.surface
                    border.width: dose.isNext ? 2 : 1
                    border.color: dose.isNext ? dose.Material.accentColor : Style.surfaceBorder
                }
                contentItem: RowLayout {
                    spacing: Style.spacing
                    opacity: dose.past && dose.status !== "missed" ? 0.55 : 1
                    Label {
                        text: dose.asNeeded ? "—" : dose.time
                        font.pixelSize: Style.fontHeadline
                        font.weight: Font.DemiBold
                        horizontalAlignment: Text.AlignHCenter
                        Layout.preferredWidth: Math.round(110 * Style.textScale)
                        Layout.topMargin: 14
                        Layout.bottomMargin: 14
                    }
                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true
                        Label {
                            text: dose.title
                            font.pixelSize: Style.fontTitle
                            font.weight: Font.DemiBold
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: dose.instructions.length > 0 ? dose.instructions : dose.schedule
                            font.pixelSize: Style.fontBody
                            wrapMode: Text.WordWrap
                            opacity: 0.75
                            Layout.fillWidth: true
                        }
                        Label {
                            objectName: "todayDetail_" + dose.index
                            visible: text.length > 0
                            text: dose.detail
                            font.pixelSize: Style.fontLabel
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                    DoseStatusChip {
                        objectName: "todayStatus_" + dose.index
                        visible: dose.status.length > 0
                        status: dose.status
                        Layout.rightMargin: giveButton.visible ? 0 : Style.spacing
                    }
                    TouchButton {
                        id: giveButton
                        objectName: "todayGive_" + dose.index
                        visible: today.doses !== null && (dose.status === "due" || dose.status === "missed" || dose.status === "as needed")
                        text: dose.status === "as needed" ? qsTr("Give now") : qsTr("Given")
                        highlighted: dose.status === "due"
                        Accessible.name: qsTr("%1: %2").arg(text).arg(dose.title)
                        Layout.rightMargin: Style.spacing
                        onClicked: {
                            // The model is rebuilt by the log, taking this delegate with it: keep
                            // what the handler needs first.
                            const view = today
                            const dialog = confirm
                            const medicationId = dose.medicationId
                            if (dose.status === "as needed") {
                                const result = view.doses.giveNow(medicationId, false)
                                if (result.needsConfirmation) {
                                    dialog.medicationId = medicationId
                                    dialog.text = result.message
                                    dialog.open()
                                } else {
                                    view.message = result.ok ? "" : result.message
                                }
                            } else {
                                const result = view.doses.give(dose.doseKey, false)
                                view.message = result.ok ? "" : result.message
                            }
                        }
                    }
                    Label {
                        text: dose.status.length > 0 ? "" : dose.isNext ? qsTr("Next") : dose.past ? qsTr("Earlier") : ""
                        visible: text.length > 0
                        font.pixelSize: Style.fontLabel
                        font.weight: Font.DemiBold
                        color: dose.isNext ? dose.Material.accentColor : dose.Material.foreground
                        Layout.rightMargin: Style.spacing
                    }
                }
            }
        }

        StateMessage {
            objectName: "todayState"
            visible: list.count === 0
            icon: "qrc:/Kilo/Ui/icons/medications.svg"
            title: qsTr("Nothing due today")
            body: qsTr("No active medication has a dose planned for today.")
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Style.margin
        }
        Item { visible: list.count === 0; Layout.fillHeight: true }
    }

    // Too soon or too many for an as-needed medication: say when the last one was given, and
    // give it only when a person confirms.
    Popup {
        id: confirm
        objectName: "doseConfirm"
        property var medicationId: 0
        property alias text: confirmText.text
        parent: Overlay.overlay
        modal: true
        focus: true
        closePolicy: Popup.CloseOnEscape
        anchors.centerIn: parent
        padding: 28
        width: Math.min(parent ? parent.width - 2 * Style.margin : 800, 760)
        // The popup lives in the window overlay: take the theme of the place it is declared.
        Material.theme: today.Material.theme
        Material.accent: today.Material.accent
        Overlay.modal: Rectangle { color: Style.scrim }
        background: CardBackground {}
        contentItem: ColumnLayout {
            spacing: Style.spacing
            Label {
                text: qsTr("Give another dose?")
                font.pixelSize: Style.fontTitle
                font.weight: Font.DemiBold
                Layout.fillWidth: true
            }
            Label {
                id: confirmText
                objectName: "doseConfirmText"
                wrapMode: Text.WordWrap
                font.pixelSize: Style.fontBody
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Style.spacing
                Layout.fillWidth: true
                Item { Layout.fillWidth: true }
                TouchButton {
                    objectName: "doseConfirmCancel"
                    text: qsTr("Do not give")
                    Accessible.name: text
                    onClicked: confirm.close()
                }
                TouchButton {
                    objectName: "doseConfirmGive"
                    text: qsTr("Give anyway")
                    highlighted: true
                    Accessible.name: text
                    onClicked: {
                        confirm.close()
                        const result = today.doses.giveNow(confirm.medicationId, true)
                        today.message = result.ok ? "" : result.message
                    }
                }
            }
        }
    }
}
