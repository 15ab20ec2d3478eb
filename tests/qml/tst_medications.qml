import QtCore
import QtQuick
import QtTest
import Kilo.Backend
import Kilo.Ui

// The Medications page on a database of its own: list, search, filters, detail, edit, stop,
// delete with undo, the Today view and the error state.
Item {
    id: root
    width: 1280
    height: 800

TestCase {
    id: testCase
    name: "Medications"
    when: windowShown

    readonly property string databasePath:
        StandardPaths.writableLocation(StandardPaths.AppDataLocation).toString().replace("file://", "")
        + "/tst-medications.sqlite"

    AppContext { id: context }
    Component {
        id: pageComponent
        MedicationsPage { app: context; width: 1100; height: 800; store: MedicationStoreController { databasePath: testCase.databasePath } }
    }
    Component {
        id: brokenPage
        MedicationsPage { app: context; width: 1100; height: 800; store: MedicationStoreController { databasePath: "/proc/no-such-folder/meds.sqlite" } }
    }

    function clear(page) {
        const store = page.store
        verify(store.ready, store.error)
        // Remove everything left by an earlier run.
        page.listModel.statusFilter = MedicationListModel.All
        page.listModel.searchText = ""
        while (page.listModel.count > 0) {
            compare(store.remove(page.listModel.data(page.listModel.index(0, 0), MedicationListModel.IdRole)), "")
            store.dismissUndo()
        }
        page.listModel.statusFilter = MedicationListModel.Active
        compare(store.count, 0)
    }

    function add(page, name, dosage, schedule, instructions) {
        const result = page.store.add({ "medication_name": name, "dosage": dosage, "schedule": schedule,
                                        "instructions": instructions || "", "prescriber": "Jane Smith" })
        verify(result.id > 0, result.error)
        return result.id
    }

    function freshPage() {
        const page = createTemporaryObject(pageComponent, root)
        verify(page)
        clear(page)
        return page
    }

    function rowTitles(page) {
        const list = findChild(page, "medicationList")
        const titles = []
        for (let i = 0; i < list.count; ++i)
            titles.push(page.listModel.data(page.listModel.index(i, 0), MedicationListModel.TitleRole))
        return titles
    }

    function test_emptyState() {
        const page = freshPage()
        waitForRendering(page)
        const state = findChild(page, "medicationsState")
        verify(state.visible)
        compare(findChild(state, "stateTitle").text, "No medications yet")
        verify(!findChild(page, "listView").visible)
        verify(!findChild(page, "viewChoice").visible)
    }

    function test_listSearchAndFilters() {
        const page = freshPage()
        add(page, "Metformin", "500 mg", "twice daily", "Take with breakfast and dinner")
        add(page, "Lisinopril", "10 mg", "once daily")
        const stoppedId = add(page, "Amoxicillin", "500 mg", "three times daily")
        compare(page.store.stop(stoppedId), "")
        page.store.dismissUndo()
        waitForRendering(page)

        verify(!findChild(page, "medicationsState").visible)
        verify(findChild(page, "listView").visible)
        compare(rowTitles(page), ["Lisinopril 10 mg", "Metformin 500 mg"])
        const row = findChild(page, "medicationRow_0")
        verify(row)
        verify(row.height >= 48)

        // Text in the search field filters the list (set directly: the virtual keyboard's
        // input method swallows synthetic key clicks).
        const search = findChild(page, "medicationSearch")
        verify(search.height >= 48)
        search.text = "met"
        compare(page.listModel.searchText, "met")
        compare(rowTitles(page), ["Metformin 500 mg"])
        search.text = ""
        page.listModel.searchText = ""

        const stopped = findChild(page, "status_" + MedicationListModel.Stopped)
        verify(stopped.height >= 48)
        mouseClick(stopped)
        compare(page.listModel.statusFilter, MedicationListModel.Stopped)
        compare(rowTitles(page), ["Amoxicillin 500 mg"])
        mouseClick(findChild(page, "status_" + MedicationListModel.All))
        compare(rowTitles(page).length, 3)

        mouseClick(findChild(page, "sort_" + MedicationListModel.ByNextDose))
        compare(page.listModel.sortOrder, MedicationListModel.ByNextDose)
        compare(rowTitles(page)[2], "Amoxicillin 500 mg")  // stopped ones last

        verify(findChild(page, "exportPdf").visible)
        verify(findChild(page, "exportPdf").height >= 48)

        // A search that finds nothing says so and offers to clear it.
        page.listModel.searchText = "zzz"
        waitForRendering(page)
        const noMatch = findChild(page, "noMatchState")
        verify(noMatch.visible)
        mouseClick(findChild(noMatch, "stateAction"))
        compare(page.listModel.searchText, "")
    }

    function test_detailStopEditDeleteUndo() {
        const page = freshPage()
        const id = add(page, "Metformin", "500 mg", "twice daily", "Take with food")
        waitForRendering(page)
        mouseClick(findChild(page, "medicationRow_0"))
        compare(page.view, "detail")
        const detail = findChild(page, "medicationDetail")
        verify(detail.visible)
        compare(findChild(detail, "detailTitle").text, "Metformin 500 mg")
        compare(findChild(detail, "detail_schedule").text, "twice daily")
        verify(findChild(detail, "detailPhoto").visible)  // says "No label photo"
        // The enlarged photo covers the view: the buttons underneath do not react.
        detail.photoEnlarged = true
        waitForRendering(detail)
        mouseClick(findChild(detail, "detailDelete"))
        compare(page.store.count, 1)
        verify(detail.photoEnlarged)
        mouseClick(findChild(detail, "photoClose"))
        verify(!detail.photoEnlarged)

        // Stop, then undo.
        mouseClick(findChild(detail, "detailStop"))
        compare(page.store.get(id).active, false)
        compare(findChild(detail, "detailStop").text, "Take again")
        const undoBar = findChild(page, "undoBar")
        verify(undoBar.visible)
        compare(findChild(undoBar, "undoText").text, "Stopped Metformin 500 mg")
        mouseClick(findChild(undoBar, "undoButton"))
        compare(page.store.get(id).active, true)
        verify(!undoBar.visible)

        // Edit: a bad value is refused with the store's reason and changes nothing.
        mouseClick(findChild(detail, "detailEdit"))
        compare(page.view, "edit")
        const editor = findChild(page, "medicationEditor")
        compare(findChild(editor, "editDosage").text, "500 mg")
        findChild(editor, "editDosage").text = "lots"
        mouseClick(findChild(editor, "editSave"))
        compare(page.view, "edit")
        verify(findChild(editor, "editError").text.indexOf("dosage") >= 0)
        compare(page.store.get(id).dosage, "500 mg")

        findChild(editor, "editDosage").text = "1000mg"
        mouseClick(findChild(editor, "schedule_once_daily"))
        findChild(editor, "editQuantity").text = "30"
        mouseClick(findChild(editor, "editSave"))
        compare(page.view, "detail")
        compare(findChild(detail, "detailTitle").text, "Metformin 1000 mg")
        compare(page.store.get(id).schedule, "once daily")
        compare(page.store.get(id).quantity, 30)

        // Delete goes back to the list; Undo brings the record back.
        page.store.dismissUndo()
        mouseClick(findChild(detail, "detailDelete"))
        compare(page.view, "list")
        compare(page.store.count, 0)
        verify(findChild(page, "medicationsState").visible)
        verify(undoBar.visible)
        compare(findChild(undoBar, "undoText").text, "Deleted Metformin 1000 mg")
        mouseClick(findChild(undoBar, "undoButton"))
        compare(page.store.count, 1)
        compare(page.store.get(id).dosage, "1000 mg")
        waitForRendering(page)
        compare(rowTitles(page), ["Metformin 1000 mg"])
    }

    function test_todayView() {
        const page = freshPage()
        add(page, "Metformin", "500 mg", "twice daily")
        add(page, "Atorvastatin", "40 mg", "at bedtime")
        add(page, "Ibuprofen", "200 mg", "as needed")
        waitForRendering(page)
        mouseClick(findChild(page, "view_today"))
        compare(page.view, "today")
        const today = findChild(page, "todayView")
        verify(today.visible)
        const list = findChild(today, "todayList")
        compare(list.count, 4)
        compare(page.todayModel.scheduledCount, 3)
        compare(page.todayModel.data(page.todayModel.index(0, 0), TodayDoseModel.TimeRole), "08:00")
        compare(page.todayModel.data(page.todayModel.index(3, 0), TodayDoseModel.PeriodRole), "When needed")
        verify(findChild(today, "todaySummary").text.length > 0)
        waitForRendering(list)
        const first = findChild(list, "todayRow_0")
        verify(first)
        verify(first.height >= 48)
        mouseClick(first)
        compare(page.view, "detail")
        compare(findChild(page, "detailTitle").text, "Metformin 500 mg")
    }

    function test_unusableDatabaseIsShown() {
        const page = createTemporaryObject(brokenPage, root)
        verify(page)
        verify(!page.store.ready)
        const error = findChild(page, "medicationsError")
        verify(error.visible)
        compare(findChild(error, "stateTitle").text, "Medication list unavailable")
        verify(findChild(error, "stateDetail").text.indexOf("/proc/no-such-folder") >= 0)
        verify(!findChild(page, "medicationsState").visible)
    }
}
}
