import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The medication list kept on this tablet, usable without network: search, filter and sort
// the list, open one medication (photo, edit, stop, delete with undo), or see today's doses.
Page {
    id: page
    objectName: "medicationsPage"
    // What a screen reader says for the page (the rail's name for it).
    title: qsTr("Medications")
    Accessible.name: title
    required property AppContext app
    // The app's one list (app/ui_main.cpp; --demo keeps a list of its own), shared with the Scan
    // page and the dose reminders.
    required property MedicationStoreController store
    // The list's sync with the household's medication service; null: this tablet only.
    property MedicationSyncController medsSync: null
    // Dose time (reminders, the log); null: the Today view shows the plan only.
    property DoseController doses: null
    property var historyMedication: 0
    property string conflictError
    readonly property alias listModel: listModel
    readonly property alias todayModel: todayModel

    // "list", "today", "history", "detail" or "edit"
    property string view: "list"
    property var selectedId: 0
    property var selected: ({})
    property string actionError
    property string editError
    property string exportMessage

    function openMedication(id) {
        selectedId = id
        selected = page.store.get(id)
        actionError = ""
        view = Object.keys(selected).length > 0 ? "detail" : "list"
    }
    function refreshSelected() {
        if (view === "detail" || view === "edit") {
            selected = page.store.get(selectedId)
            if (Object.keys(selected).length === 0)
                view = "list"
        }
    }

    Connections {
        target: page.store
        function onRecordsChanged() { page.refreshSelected() }
    }
    MedicationListModel { id: listModel; store: page.store }
    Connections {
        target: page.medsSync
        // What a sync wrote shows at once, not at the next look for changes.
        function onRoundFinished(changed) {
            if (changed)
                page.store.reload()
        }
    }
    TodayDoseModel { id: todayModel; store: page.store; doses: page.doses }

    background: null
    padding: Style.margin
    topPadding: Style.spacing

    // Title, then the actions; when they do not fit beside the title (a narrow window, larger
    // text, longer words) the actions go under it.
    readonly property bool wide: width >= 900
                                 && width >= pageHeader.titleWidth + exportPdf.implicitWidth
                                             + viewChoice.implicitWidth + 2 * Style.spacing + Style.margin
    header: GridLayout {
        columns: page.wide ? 3 : 2
        columnSpacing: Style.spacing
        rowSpacing: 8
        PageHeader {
            id: pageHeader
            title: qsTr("Medications")
            subtitle: qsTr("Kept on this tablet, available without network.")
            leftPadding: Style.margin
            topPadding: Style.margin
            rightPadding: page.wide ? 0 : Style.margin
            Layout.fillWidth: true
            Layout.columnSpan: page.wide ? 1 : 2
        }
        TouchButton {
            id: exportPdf
            objectName: "exportPdf"
            visible: page.store.ready && page.store.count > 0
            text: qsTr("Save list as PDF")
            Layout.topMargin: page.wide ? Style.margin : 0
            Layout.leftMargin: page.wide ? 0 : Style.margin
            Layout.alignment: Qt.AlignTop
            onClicked: {
                const result = page.store.exportPdf()
                page.exportMessage = result.error ? qsTr("The list was not saved: %1").arg(result.error)
                                                  : qsTr("Saved for printing: %1").arg(result.path)
            }
        }
        SegmentedChoice {
            id: viewChoice
            objectName: "viewChoice"
            namePrefix: "view"
            visible: page.store.ready && page.store.count > 0
            value: page.view === "today" || page.view === "history" ? page.view : "list"
            options: page.doses !== null
                     ? [{ text: qsTr("List"), value: "list" }, { text: qsTr("Today"), value: "today" }, { text: qsTr("History"), value: "history" }]
                     : [{ text: qsTr("List"), value: "list" }, { text: qsTr("Today"), value: "today" }]
            onChosen: value => page.view = value
            Layout.rightMargin: Style.margin
            Layout.topMargin: page.wide ? Style.margin : 0
            Layout.alignment: Qt.AlignTop | Qt.AlignRight
        }
        Loader {
            objectName: "syncStatusBar"
            active: page.medsSync !== null && page.medsSync.configured
            visible: active
            Layout.columnSpan: page.wide ? 3 : 2
            Layout.fillWidth: true
            Layout.leftMargin: Style.margin
            Layout.rightMargin: Style.margin
            sourceComponent: SyncStatusBar { sync: page.medsSync }
        }
        // Why the list cannot be changed, or why the last change was not saved (the controller
        // words it; the list below stays as it was).
        Label {
            objectName: "storeNotice"
            visible: text.length > 0
            text: page.store.notice
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            Layout.columnSpan: page.wide ? 3 : 2
            Layout.fillWidth: true
            Layout.leftMargin: Style.margin
            Layout.rightMargin: Style.margin
        }
    }

    // Declared first: the page's first state message is its empty state.
    StateMessage {
        objectName: "medicationsState"
        visible: page.store.ready && page.store.count === 0
        anchors.centerIn: parent
        icon: "qrc:/Kilo/Ui/icons/medications.svg"
        title: qsTr("No medications yet")
        body: qsTr("No medications are saved on this tablet. Medications you confirm after scanning a label will be listed here.")
    }

    // The database cannot be opened: say so and why.
    StateMessage {
        objectName: "medicationsError"
        visible: !page.store.ready
        anchors.centerIn: parent
        icon: "qrc:/Kilo/Ui/icons/medications.svg"
        title: qsTr("Medication list unavailable")
        body: qsTr("The medication list on this tablet could not be opened. Nothing has been changed.")
        detail: page.store.error
        actionText: qsTr("Try again")
        onActionTriggered: page.store.open()
    }

    // The list.
    ColumnLayout {
        objectName: "listView"
        anchors.fill: parent
        visible: page.store.ready && page.store.count > 0 && page.view === "list"
        spacing: Style.spacing

        GridLayout {
            id: filterGrid
            // One row when the search field's hint fits beside the choices (it is longer in
            // some languages), else the search field on a row of its own.
            readonly property real oneRowWidth: Math.ceil(searchHint.advanceWidth) + search.leftPadding + search.rightPadding
                                                + statusChoice.implicitWidth + sortChoice.implicitWidth + 2 * columnSpacing
            readonly property bool oneRow: width >= oneRowWidth
            columns: oneRow ? 3 : page.width > 760 ? 2 : 1
            columnSpacing: Style.spacing
            rowSpacing: 8
            Layout.fillWidth: true

            TextField {
                id: search
                objectName: "medicationSearch"
                placeholderText: qsTr("Search name, prescriber, directions")
                Accessible.name: qsTr("Search medications")
                Accessible.description: placeholderText
                font.pixelSize: Style.fontBody
                inputMethodHints: Qt.ImhNoPredictiveText
                onTextChanged: listModel.searchText = text
                Connections {
                    target: listModel
                    // "Clear search" and tests set the model; the field follows.
                    function onFilterChanged() {
                        if (search.text !== listModel.searchText)
                            search.text = listModel.searchText
                    }
                }
                Layout.fillWidth: true
                Layout.minimumWidth: 220
                Layout.columnSpan: filterGrid.oneRow || page.width <= 760 ? 1 : 2
                Layout.preferredHeight: Style.touchTarget
                TextMetrics {
                    id: searchHint
                    font: search.font
                    text: search.placeholderText
                }
            }
            SegmentedChoice {
                id: statusChoice
                objectName: "statusChoice"
                namePrefix: "status"
                value: listModel.statusFilter
                options: [{ text: qsTr("Active"), value: MedicationListModel.Active },
                          { text: qsTr("Stopped"), value: MedicationListModel.Stopped },
                          { text: qsTr("All"), value: MedicationListModel.All }]
                onChosen: value => listModel.statusFilter = value
            }
            SegmentedChoice {
                id: sortChoice
                objectName: "sortChoice"
                namePrefix: "sort"
                value: listModel.sortOrder
                options: [{ text: qsTr("Name"), value: MedicationListModel.ByName },
                          { text: qsTr("Next dose"), value: MedicationListModel.ByNextDose }]
                onChosen: value => listModel.sortOrder = value
            }
        }

        Repeater {
            objectName: "conflicts"
            model: page.medsSync ? page.medsSync.conflicts : []
            delegate: ConflictCard {
                required property var modelData
                conflict: modelData
                Layout.fillWidth: true
                onKeep: local => page.conflictError = page.medsSync.resolve(modelData.uuid, local)
            }
        }
        Label {
            objectName: "conflictError"
            visible: text.length > 0
            text: page.conflictError
            font.pixelSize: Style.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Label {
            objectName: "exportMessage"
            visible: text.length > 0
            text: page.exportMessage
            font.pixelSize: Style.fontBody
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }

        ListView {
            id: medicationList
            objectName: "medicationList"
            visible: count > 0
            clip: true
            spacing: 10
            model: listModel
            bottomMargin: undoBar.visible ? undoBar.height + 8 : 0
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            delegate: MedicationRow {
                onClicked: page.openMedication(medicationId)
            }
        }

        StateMessage {
            objectName: "noMatchState"
            visible: listModel.count === 0
            icon: "qrc:/Kilo/Ui/icons/medications.svg"
            title: listModel.searchText.trim().length > 0 ? qsTr("No medication matches “%1”").arg(listModel.searchText.trim())
                 : listModel.statusFilter === MedicationListModel.Stopped ? qsTr("No stopped medications")
                 : qsTr("No active medications")
            body: listModel.searchText.trim().length > 0 ? qsTr("Check the spelling, or search for part of the name.")
                : qsTr("Choose “All” to see every medication on this tablet.")
            actionText: listModel.searchText.length > 0 ? qsTr("Clear search") : qsTr("Show all")
            onActionTriggered: {
                if (listModel.searchText.length > 0)
                    listModel.searchText = ""
                else
                    listModel.statusFilter = MedicationListModel.All
            }
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Style.margin
        }
        Item { visible: listModel.count === 0; Layout.fillHeight: true }
    }

    TodayView {
        objectName: "todayView"
        anchors.fill: parent
        visible: page.store.ready && page.store.count > 0 && page.view === "today"
        model: todayModel
        doses: page.doses
        bottomMargin: undoBar.visible ? undoBar.height + 8 : 0
        onMedicationChosen: id => page.openMedication(id)
    }

    DoseHistory {
        objectName: "doseHistory"
        anchors.fill: parent
        visible: page.store.ready && page.store.count > 0 && page.view === "history" && page.doses !== null
        doses: page.doses
        medications: page.doses ? (page.store.count, page.doses.medicationChoices()) : []
        medicationId: page.historyMedication
        onMedicationIdChanged: page.historyMedication = medicationId
    }

    MedicationDetail {
        objectName: "medicationDetail"
        anchors.fill: parent
        visible: page.store.ready && page.view === "detail"
        record: page.selected
        actionError: page.actionError
        onBack: page.view = "list"
        onEditRequested: { page.editError = ""; page.view = "edit" }
        onStopRequested: page.actionError = page.store.stop(page.selectedId)
        onResumeRequested: page.actionError = page.store.resume(page.selectedId)
        onHistoryRequested: { page.historyMedication = page.selectedId; page.view = "history" }
        onDeleteRequested: {
            const error = page.store.remove(page.selectedId)
            page.actionError = error
            if (error === "")
                page.view = "list"
        }
    }

    MedicationEditor {
        objectName: "medicationEditor"
        anchors.fill: parent
        visible: page.store.ready && page.view === "edit"
        record: page.selected
        schedulePhrases: page.store.schedulePhrases
        error: page.editError
        onSaveRequested: changes => {
            const error = page.store.update(page.selectedId, changes)
            page.editError = error
            if (error === "")
                page.view = "detail"
        }
        onCancelled: page.view = "detail"
    }

    UndoBar {
        id: undoBar
        objectName: "undoBar"
        visible: page.store.canUndo
        text: page.store.undoText
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        z: 5
        onUndoRequested: {
            error = page.store.undo()
            if (error === "")
                page.refreshSelected()
        }
        onDismissed: page.store.dismissUndo()
        onVisibleChanged: error = ""
    }
}
