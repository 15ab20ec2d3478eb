import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// A dose is due: a full-width card over whatever page is open, with the medication, its
// strength and directions (and the label photo when kept), and finger-sized Given, Skip (with a
// reason) and Snooze 10 min. The caregiver's first name is asked once per shift (optional).
Rectangle {
    id: reminder
    objectName: "doseReminder"
    property DoseController doses
    readonly property var dose: doses ? doses.reminder : ({})
    property bool choosingReason: false
    property string message

    visible: doses !== null && doses.reminderVisible
    color: Style.scrimSoft   // dims the page under it; taps do not fall through
    onVisibleChanged: { choosingReason = false; message = "" }
    MouseArea { anchors.fill: parent }

    function done(result) {
        reminder.message = result.ok ? "" : result.message
        if (result.ok)
            reminder.choosingReason = false
    }

    Rectangle {
        id: card
        objectName: "doseReminderCard"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: content.implicitHeight + 2 * Style.margin
        color: Style.alertSurface
        border.width: 0

        Rectangle {   // the accent along the top says "now"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: 8
            color: reminder.Material.accentColor
        }

        ColumnLayout {
            id: content
            anchors.fill: parent
            anchors.margins: Style.margin
            spacing: Style.spacing

            RowLayout {
                spacing: Style.spacing
                Layout.fillWidth: true

                Image {
                    objectName: "doseReminderPhoto"
                    visible: source.toString().length > 0
                    source: reminder.dose.photoUrl || ""
                    fillMode: Image.PreserveAspectFit
                    sourceSize.height: 160
                    Layout.preferredWidth: 160
                    Layout.preferredHeight: 160
                    Accessible.name: qsTr("Label photo")
                }

                ColumnLayout {
                    spacing: 4
                    Layout.fillWidth: true
                    Label {
                        objectName: "doseReminderWhen"
                        text: reminder.doses && reminder.doses.dueCount > 1
                              ? qsTr("Dose time · %1 · %n dose(s) due", "", reminder.doses.dueCount).arg(reminder.dose.time || "")
                              : qsTr("Dose time · %1").arg(reminder.dose.time || "")
                        font.pixelSize: Style.fontLabel
                        font.weight: Font.DemiBold
                        font.capitalization: Font.AllUppercase
                        color: reminder.Material.accentColor
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        objectName: "doseReminderTitle"
                        text: reminder.dose.name || ""
                        font.pixelSize: Style.fontDisplay
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "doseReminderStrength"
                        visible: text.length > 0
                        text: reminder.dose.strength || ""
                        font.pixelSize: Style.fontHeadline
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "doseReminderDirections"
                        text: reminder.dose.directions || ""
                        font.pixelSize: Style.fontTitle
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }

            // Once per shift: who is giving the doses (optional; shown in the history).
            RowLayout {
                objectName: "caregiverRow"
                visible: reminder.doses !== null && !reminder.doses.caregiverAsked
                spacing: Style.spacing
                Layout.fillWidth: true
                Label {
                    text: qsTr("Your first name (optional):")
                    font.pixelSize: Style.fontBody
                }
                TextField {
                    id: caregiverField
                    objectName: "caregiverField"
                    placeholderText: qsTr("e.g. Ana")
                    font.pixelSize: Style.fontBody
                    implicitHeight: Style.touchTarget
                    Layout.preferredWidth: 260
                    Accessible.name: qsTr("Your first name, for the dose history")
                    onAccepted: reminder.doses.setCaregiver(text)
                }
            }

            Label {
                objectName: "doseReminderMessage"
                visible: text.length > 0
                text: reminder.message
                color: Style.error
                font.pixelSize: Style.fontBody
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            RowLayout {
                visible: !reminder.choosingReason
                spacing: Style.spacing
                Layout.fillWidth: true
                TouchButton {
                    objectName: "doseGiven"
                    text: qsTr("Given")
                    highlighted: true
                    font.pixelSize: Style.fontTitle
                    minimumHeight: 72
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1   // three equal buttons
                    Accessible.name: qsTr("Given: %1").arg(reminder.dose.title || "")
                    onClicked: {
                        if (!reminder.doses.caregiverAsked)
                            reminder.doses.setCaregiver(caregiverField.text)
                        reminder.done(reminder.doses.give(reminder.dose.key))
                    }
                }
                TouchButton {
                    objectName: "doseSkip"
                    text: qsTr("Skip…")
                    font.pixelSize: Style.fontTitle
                    minimumHeight: 72
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1   // three equal buttons
                    Accessible.name: qsTr("Skip this dose and say why")
                    onClicked: reminder.choosingReason = true
                }
                TouchButton {
                    objectName: "doseSnooze"
                    text: qsTr("Snooze 10 min")
                    font.pixelSize: Style.fontTitle
                    minimumHeight: 72
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1   // three equal buttons
                    Accessible.name: qsTr("Remind me again in 10 minutes")
                    onClicked: reminder.doses.snooze(reminder.dose.key)
                }
            }

            // Why it was skipped: one tap for the usual reasons.
            ColumnLayout {
                objectName: "skipReasons"
                visible: reminder.choosingReason
                spacing: 8
                Layout.fillWidth: true
                Label {
                    text: qsTr("Why is this dose skipped?")
                    font.pixelSize: Style.fontTitle
                    Layout.fillWidth: true
                }
                Flow {
                    spacing: Style.spacing
                    Layout.fillWidth: true
                    Repeater {
                        model: [
                            { key: "refused", text: qsTr("Refused it") },
                            { key: "asleep", text: qsTr("Asleep") },
                            { key: "unwell", text: qsTr("Unwell / vomiting") },
                            { key: "none-left", text: qsTr("None left") },
                            { key: "doctor", text: qsTr("Doctor said to hold it") }
                        ]
                        delegate: TouchButton {
                            required property var modelData
                            objectName: "skipReason_" + modelData.key
                            text: modelData.text
                            Accessible.name: qsTr("Skipped: %1").arg(modelData.text)
                            onClicked: {
                                if (!reminder.doses.caregiverAsked)
                                    reminder.doses.setCaregiver(caregiverField.text)
                                reminder.done(reminder.doses.skip(reminder.dose.key, modelData.text))
                            }
                        }
                    }
                    TouchButton {
                        objectName: "skipCancel"
                        text: qsTr("Back")
                        Accessible.name: qsTr("Back to the dose")
                        onClicked: reminder.choosingReason = false
                    }
                }
            }
        }
    }
}
