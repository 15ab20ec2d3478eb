import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The medication list. Empty until medications are saved on this tablet.
Page {
    id: page
    objectName: "medicationsPage"
    required property AppContext app

    background: null
    padding: Style.margin

    header: PageHeader {
        title: qsTr("Medications")
        subtitle: qsTr("Kept on this tablet, available without network.")
        leftPadding: Style.margin
        topPadding: Style.margin
        rightPadding: Style.margin
    }

    StateMessage {
        objectName: "medicationsState"
        anchors.centerIn: parent
        icon: "qrc:/Kilo/Ui/icons/medications.svg"
        title: qsTr("No medications yet")
        body: qsTr("No medications are saved on this tablet. Medications you confirm after scanning a label will be listed here.")
    }
}
