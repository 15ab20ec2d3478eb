import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Ui

// What is due when today, from each active medication's schedule; the next dose stands out.
Item {
    id: today
    property var model                  // TodayDoseModel
    property real bottomMargin: 0       // room for the undo bar
    signal medicationChosen(var medicationId)

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spacing

        Label {
            objectName: "todaySummary"
            text: today.model.scheduledCount === 0
                  ? Qt.formatDate(new Date(), "dddd d MMMM")
                  : qsTr("%1 · %2 of %3 doses still to come").arg(Qt.formatDate(new Date(), "dddd d MMMM"))
                        .arg(today.model.remainingCount).arg(today.model.scheduledCount)
            font.pixelSize: Style.fontTitle
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
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
                objectName: "todayRow_" + index
                width: ListView.view.width
                padding: 0
                topInset: 0
                bottomInset: 0
                Accessible.name: (asNeeded ? qsTr("When needed") : time) + ", " + title
                onClicked: today.medicationChosen(medicationId)
                background: Rectangle {
                    radius: Style.radius
                    color: dose.down ? dose.Material.rippleColor
                         : dose.isNext ? Qt.rgba(dose.Material.accentColor.r, dose.Material.accentColor.g, dose.Material.accentColor.b, 0.14)
                         : dose.Material.theme === Material.Dark ? "#2a2e33" : "#ffffff"
                    border.width: dose.isNext ? 2 : 1
                    border.color: dose.isNext ? dose.Material.accentColor : dose.Material.dividerColor
                }
                contentItem: RowLayout {
                    spacing: Style.spacing
                    opacity: dose.past ? 0.55 : 1
                    Label {
                        text: dose.asNeeded ? "—" : dose.time
                        font.pixelSize: Style.fontHeadline
                        font.weight: Font.DemiBold
                        horizontalAlignment: Text.AlignHCenter
                        Layout.preferredWidth: 110
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
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: dose.instructions.length > 0 ? dose.instructions : dose.schedule
                            font.pixelSize: Style.fontBody
                            elide: Text.ElideRight
                            opacity: 0.75
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        text: dose.isNext ? qsTr("Next") : dose.past ? qsTr("Earlier") : ""
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
}
