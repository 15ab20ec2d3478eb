import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// Edits one medication's fields; the store validates on save and its error is shown here.
Item {
    id: editor
    property var record: ({})
    property var schedulePhrases: []
    property string error
    signal saveRequested(var changes)
    signal cancelled()

    property string schedule: ""

    function text(name) {
        const v = editor.record[name]
        return v === undefined || v === null ? "" : String(v)
    }
    function numberOrNull(field) {
        const t = field.text.trim()
        return t.length === 0 ? null : Number(t)
    }
    function load() {
        nameField.text = text("medication_name")
        dosageField.text = text("dosage")
        formField.text = text("dosage_form")
        instructionsField.text = text("instructions")
        prescriberField.text = text("prescriber")
        quantityField.text = text("quantity")
        refillsField.text = text("refills")
        pharmacyField.text = text("pharmacy")
        rxField.text = text("rx_number")
        patientField.text = text("patient")
        schedule = text("schedule")
        const times = editor.record["dose_times"]
        doseTimesField.text = times && times.length ? times.join(", ") : ""
    }
    function changes() {
        return {
            "medication_name": nameField.text,
            "dosage": dosageField.text,
            "dosage_form": formField.text,
            "schedule": editor.schedule,
            "instructions": instructionsField.text,
            "prescriber": prescriberField.text,
            "quantity": numberOrNull(quantityField),
            "refills": numberOrNull(refillsField),
            "pharmacy": pharmacyField.text,
            "rx_number": rxField.text,
            "patient": patientField.text,
            "dose_times": editor.schedule.indexOf("as needed") >= 0 ? "" : doseTimesField.text
        }
    }

    onRecordChanged: load()

    component FieldLabel: Label {
        font.pixelSize: Style.fontLabel
        opacity: 0.75
        Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
    }
    component Field: TextField {
        font.pixelSize: Style.fontBody
        Layout.fillWidth: true
        Layout.preferredHeight: Style.touchTarget
        selectByMouse: true
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spacing

        Label {
            text: qsTr("Edit %1").arg(editor.text("title"))
            font.pixelSize: Style.fontHeadline
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Layout.fillWidth: true
        }

        Flickable {
            id: flick
            clip: true
            contentHeight: form.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

            GridLayout {
                id: form
                width: flick.width - 16
                columns: 2
                columnSpacing: Style.spacing
                rowSpacing: 8

                FieldLabel { text: qsTr("Medication") }
                Field { id: nameField; objectName: "editName"; placeholderText: qsTr("e.g. Lisinopril"); Accessible.name: qsTr("Medication") }
                FieldLabel { text: qsTr("Strength") }
                Field { id: dosageField; objectName: "editDosage"; placeholderText: qsTr("e.g. 10 mg"); Accessible.name: qsTr("Strength") }
                FieldLabel { text: qsTr("Form") }
                Field { id: formField; objectName: "editForm"; placeholderText: qsTr("tablet, capsule, solution…"); Accessible.name: qsTr("Form") }

                FieldLabel { text: qsTr("How often"); Layout.alignment: Qt.AlignRight | Qt.AlignTop; Layout.topMargin: 14 }
                Flow {
                    objectName: "editSchedule"
                    spacing: 8
                    Layout.fillWidth: true
                    Repeater {
                        model: editor.schedulePhrases
                        delegate: TouchButton {
                            required property string modelData
                            objectName: "schedule_" + modelData.replace(/ /g, "_")
                            text: ScheduleNames.describe(modelData, Qt.uiLanguage)
                            checkable: true
                            checked: editor.schedule === modelData
                            font.pixelSize: Style.fontLabel
                            minimumHeight: 48
                            leftPadding: 14
                            rightPadding: 14
                            onClicked: editor.schedule = modelData
                        }
                    }
                }

                FieldLabel { text: qsTr("Dose times"); visible: doseTimesField.visible }
                Field {
                    id: doseTimesField
                    objectName: "editDoseTimes"
                    visible: editor.schedule.indexOf("as needed") < 0
                    placeholderText: qsTr("empty: the usual times; or e.g. 07:30, 19:30 (one per dose)")
                    inputMethodHints: Qt.ImhPreferNumbers
                    Accessible.name: qsTr("Dose times, one per dose of the day")
                }

                FieldLabel { text: qsTr("Directions"); Layout.alignment: Qt.AlignRight | Qt.AlignTop; Layout.topMargin: 14 }
                TextArea {
                    id: instructionsField
                    objectName: "editInstructions"
                    font.pixelSize: Style.fontBody
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("e.g. Take one tablet by mouth twice daily with food")
                    Accessible.name: qsTr("Directions")
                    // Tab leaves the field (a tab character has no use in directions), so the
                    // keyboard reaches Save and Cancel.
                    Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                    Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                    Layout.fillWidth: true
                    Layout.minimumHeight: 96
                }
                FieldLabel { text: qsTr("Prescriber") }
                Field { id: prescriberField; objectName: "editPrescriber"; Accessible.name: qsTr("Prescriber") }
                FieldLabel { text: qsTr("Quantity") }
                Field {
                    Accessible.name: qsTr("Quantity")
                    id: quantityField
                    objectName: "editQuantity"
                    inputMethodHints: Qt.ImhDigitsOnly
                    validator: IntValidator { bottom: 0; top: 100000 }
                }
                FieldLabel { text: qsTr("Refills") }
                Field {
                    Accessible.name: qsTr("Refills")
                    id: refillsField
                    objectName: "editRefills"
                    inputMethodHints: Qt.ImhDigitsOnly
                    validator: IntValidator { bottom: 0; top: 99 }
                }
                FieldLabel { text: qsTr("Pharmacy") }
                Field { id: pharmacyField; objectName: "editPharmacy"; Accessible.name: qsTr("Pharmacy") }
                FieldLabel { text: qsTr("Rx number") }
                Field { id: rxField; objectName: "editRxNumber"; Accessible.name: qsTr("Rx number") }
                FieldLabel { text: qsTr("Patient") }
                Field { id: patientField; objectName: "editPatient"; Accessible.name: qsTr("Patient") }
            }
        }

        Label {
            objectName: "editError"
            visible: text.length > 0
            text: editor.error
            color: Style.error
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Style.spacing
            Layout.fillWidth: true
            TouchButton {
                objectName: "editSave"
                text: qsTr("Save changes")
                highlighted: true
                Layout.minimumWidth: 200
                onClicked: editor.saveRequested(editor.changes())
            }
            TouchButton {
                objectName: "editCancel"
                text: qsTr("Cancel")
                Layout.minimumWidth: 140
                onClicked: editor.cancelled()
            }
        }
    }
}
