import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The dose log, newest first, by day: every medication or one, over the last week or month.
Item {
    id: history
    property DoseController doses
    property var medications: []       // [{id, title}] for the filter
    property var medicationId: 0       // 0: all
    property int days: 7
    readonly property var entries: doses ? (doses.revision, doses.history(medicationId, days)) : []
    onEntriesChanged: {
        // A ListModel, so the rows can be sectioned by day.
        entryModel.clear()
        for (const e of entries)
            entryModel.append(e)
    }
    ListModel { id: entryModel }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spacing

        RowLayout {
            spacing: Style.spacing
            Layout.fillWidth: true
            Label {
                text: qsTr("Dose history")
                font.pixelSize: Style.fontTitle
                font.weight: Font.DemiBold
                Layout.fillWidth: true
            }
            ComboBox {
                id: medicationChoice
                objectName: "historyMedication"
                model: [{ id: 0, title: qsTr("All medications") }].concat(history.medications)
                textRole: "title"
                valueRole: "id"
                font.pixelSize: Style.fontBody
                implicitHeight: Style.touchTarget
                Layout.preferredWidth: 320
                Accessible.name: qsTr("Show the history of")
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(history.medicationId))
                onActivated: history.medicationId = currentValue
                Connections {
                    target: history
                    function onMedicationIdChanged() {
                        medicationChoice.currentIndex = Math.max(0, medicationChoice.indexOfValue(history.medicationId))
                    }
                }
            }
            SegmentedChoice {
                objectName: "historyDays"
                namePrefix: "historyDays"
                value: history.days
                options: [{ text: qsTr("7 days"), value: 7 }, { text: qsTr("30 days"), value: 30 }]
                onChosen: value => history.days = value
            }
        }

        ListView {
            id: list
            objectName: "historyList"
            visible: count > 0
            clip: true
            spacing: 6
            model: entryModel
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            section.property: "day"
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
            delegate: Card {
                id: entry
                required property int index
                required property string time
                required property string medication
                required property string status
                required property string planned
                required property string by
                required property string device
                required property string reason
                objectName: "historyRow_" + index
                width: ListView.view.width
                height: Math.max(Style.touchTarget, row.implicitHeight + 16)
                padding: 0
                leftPadding: Style.spacing
                rightPadding: Style.spacing
                Accessible.role: Accessible.ListItem
                Accessible.name: time + ", " + medication + ", " + status
                RowLayout {
                    id: row
                    anchors.fill: parent
                    spacing: Style.spacing
                    Label {
                        text: entry.time
                        font.pixelSize: Style.fontTitle
                        font.weight: Font.DemiBold
                        Layout.preferredWidth: 80
                    }
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        Label {
                            text: entry.medication
                            font.pixelSize: Style.fontBody
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: [entry.planned.length > 0 ? qsTr("the %1 dose").arg(entry.planned) : qsTr("as needed"),
                                   entry.by.length > 0 ? qsTr("by %1").arg(entry.by) : "",
                                   entry.device,
                                   entry.reason].filter(t => t.length > 0).join(" · ")
                            font.pixelSize: Style.fontLabel
                            opacity: 0.75
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                    DoseStatusChip { status: entry.status }
                }
            }
        }

        StateMessage {
            objectName: "historyEmpty"
            visible: list.count === 0
            icon: "qrc:/Kilo/Ui/icons/medications.svg"
            title: qsTr("No doses logged")
            body: qsTr("Doses given or skipped in the last %n day(s) show here.", "", history.days)
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Style.margin
        }
        Item { visible: list.count === 0; Layout.fillHeight: true }
    }
}
