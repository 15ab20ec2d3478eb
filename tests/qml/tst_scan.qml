import QtCore
import QtQuick
import QtTest
import Kilo.Backend
import Kilo.Ui

// The Scan page with no camera, as on a desktop and in CI: Open photo -> reading -> review ->
// confirm -> saved -> on the Medications page; a duplicate is pointed out; failures and cancel.
Item {
    id: root
    width: 1280
    height: 800

TestCase {
    id: testCase
    name: "Scan"
    when: windowShown

    readonly property string databasePath:
        StandardPaths.writableLocation(StandardPaths.AppDataLocation).toString().replace("file://", "")
        + "/tst-scan.sqlite"
    readonly property url labelPhoto: Qt.resolvedUrl("../fixtures/ocr/0035.jpg")

    AppContext { id: context }
    Component {
        id: scanComponent
        ScanPage { app: context; width: 1180; height: 800; engine: "local"; store: MedicationStoreController { databasePath: testCase.databasePath } }
    }
    Component {
        id: medicationsComponent
        MedicationsPage { app: context; width: 1180; height: 800; store: MedicationStoreController { databasePath: testCase.databasePath } }
    }

    // The app's way: one store, handed to both pages.
    Component { id: sharedStoreComponent; MedicationStoreController { databasePath: testCase.databasePath } }
    Component { id: sharedScanComponent; ScanPage { app: context; width: 1180; height: 800; engine: "local" } }
    Component { id: sharedMedicationsComponent; MedicationsPage { app: context; width: 1180; height: 800 } }

    function shoot(item, name) {
        if (screenshotDirectory.length === 0)
            return
        waitForRendering(item)
        grabImage(item).save(screenshotDirectory + "/" + name + ".png")
    }

    function freshPage() {
        const page = createTemporaryObject(scanComponent, root)
        verify(page)
        const store = page.store
        tryCompare(store, "ready", true)
        while (store.count > 0) {
            const first = medicationsFirstId(store)
            compare(store.remove(first), "")
            store.dismissUndo()
        }
        return page
    }
    function medicationsFirstId(store) {
        const list = createTemporaryObject(listComponent, root, { "store": store })
        return list.data(list.index(0, 0), MedicationListModel.IdRole)
    }
    Component { id: listComponent; MedicationListModel { statusFilter: MedicationListModel.All } }

    function readLabel(page) {
        verify(page.controller.openPhoto(testCase.labelPhoto))
        compare(page.controller.state, ScanController.Reading)
        verify(findChild(page, "readingProgress").visible)
        verify(findChild(page, "cancelReading").height >= 48)
        if (screenshotDirectory.length > 0)
            grabImage(page).save(screenshotDirectory + "/scan-reading.png")
        tryCompare(page.controller, "state", ScanController.Review, 60000)
        waitForRendering(page)
    }

    // Confirms every highlighted field through its "Looks right" button, scrolling to it first.
    function confirmHighlighted(page) {
        const list = findChild(page, "reviewFields")
        const review = page.controller.review
        for (let i = 0; i < review.rowCount(); ++i) {
            const field = review.data(review.index(i, 0), PrescriptionReview.FieldRole)
            if (review.data(review.index(i, 0), PrescriptionReview.ResolvedRole))
                continue
            list.positionViewAtIndex(i, ListView.Contain)
            waitForRendering(list)
            const button = findChild(list, "confirm_" + field)
            verify(button, "no confirm button for " + field)
            verify(button.visible)
            verify(button.height >= 48)
            mouseClick(button)
            verify(review.data(review.index(i, 0), PrescriptionReview.ResolvedRole), field)
        }
        list.positionViewAtBeginning()
    }

    function test_1_openPhotoReviewSaveShowsInTheList() {
        const page = freshPage()
        if (page.cameraCount === 0) {
            const state = findChild(page, "scanState")
            verify(state.visible)
            shoot(page, "scan-no-camera")
            // The Open photo action opens the file dialog (the same path as a drop).
        }
        // Open photo: the touch picker, in the folder with the label photos; a tap on a photo reads it.
        mouseClick(page.cameraCount === 0 ? findChild(findChild(page, "scanState"), "stateAction")
                                          : findChild(page, "openPhotoButton"))
        const picker = findChild(page, "photoPicker")
        tryCompare(picker, "opened", true)
        picker.folder = Qt.resolvedUrl("../fixtures/ocr")
        const grid = findChild(picker.contentItem, "pickerGrid")
        tryVerify(() => grid.count >= 5)
        let tile = null
        tryVerify(() => (tile = findChild(grid, "pickerEntry_0035.jpg")) !== null)
        verify(tile.width >= 48 && tile.height >= 48)
        verify(findChild(picker.contentItem, "pickerUp").height >= 48)
        wait(300)
        shoot(root, "scan-photo-picker")
        mouseClick(tile)
        tryCompare(picker, "opened", false)
        verify(page.controller.state === ScanController.Reading || page.controller.state === ScanController.Review)
        tryCompare(page.controller, "state", ScanController.Review, 60000)
        waitForRendering(page)
        const panel = findChild(page, "reviewPanel")
        verify(panel.visible)
        compare(findChild(panel, "reviewTitle").text, "Atorvastatin 40 mg")
        verify(findChild(panel, "reviewEngine").text.indexOf("Read on this tablet") === 0)
        verify(findChild(panel, "reviewPhoto").status !== Image.Error)
        verify(!findChild(panel, "duplicateWarning").visible)
        const save = findChild(panel, "saveReview")
        verify(save.height >= 48)

        // The reader was unsure of the prescriber: highlighted, with the reason, and no saving yet.
        const list = findChild(panel, "reviewFields")
        const review = page.controller.review
        const rowOf = name => [...Array(review.rowCount()).keys()].find(
            i => review.data(review.index(i, 0), PrescriptionReview.FieldRole) === name)
        verify(review.data(review.index(rowOf("prescriber"), 0), PrescriptionReview.NeedsReviewRole))
        verify(review.unresolvedCount > 0)
        verify(!save.enabled)
        verify(findChild(panel, "saveBlocker").visible)
        list.positionViewAtIndex(rowOf("prescriber"), ListView.Center)
        waitForRendering(list)
        const prescriberRow = findChild(list, "reviewField_prescriber")
        verify(findChild(prescriberRow, "reason").visible)
        verify(findChild(prescriberRow, "reason").text.length > 0)
        shoot(page, "scan-review")

        // A count corrected by hand, through its number field.
        list.positionViewAtIndex(rowOf("quantity"), ListView.Contain)
        waitForRendering(list)
        const quantity = findChild(list, "input_quantity")
        verify(quantity)
        verify(quantity.inputMethodHints & Qt.ImhDigitsOnly)
        quantity.text = "30"
        quantity.editingFinished()
        compare(review.data(review.index(rowOf("quantity"), 0), PrescriptionReview.ValueRole), "30")

        confirmHighlighted(page)
        compare(review.unresolvedCount, 0)
        verify(save.enabled)
        shoot(page, "scan-review-checked")

        mouseClick(save)
        const dialog = findChild(panel, "saveConfirmDialog")
        tryCompare(dialog, "opened", true)
        compare(findChild(dialog, "confirmSummary").text, "Atorvastatin 40 mg")
        shoot(page, "scan-confirm")
        mouseClick(findChild(dialog, "confirmSave"))
        tryCompare(page.controller, "state", ScanController.Saved)
        const saved = findChild(page, "scanSaved")
        verify(saved.visible)
        compare(findChild(saved, "stateTitle").text, "Saved: Atorvastatin 40 mg")
        shoot(page, "scan-saved")

        // On the Medications page, from the same database.
        const meds = createTemporaryObject(medicationsComponent, root)
        tryCompare(meds.listModel, "count", 1)
        compare(meds.listModel.data(meds.listModel.index(0, 0), MedicationListModel.TitleRole), "Atorvastatin 40 mg")
        const stored = meds.store.get(meds.listModel.data(meds.listModel.index(0, 0), MedicationListModel.IdRole))
        compare(stored.quantity, 30)
        compare(stored.prescriber, "Nora Johnson")
        compare(stored.engine, "local")
        meds.destroy()
        wait(50)

        mouseClick(findChild(saved, "stateAction"))
        compare(page.controller.state, ScanController.Viewfinder)
    }

    function test_2_theSameDrugAgainIsPointedOut() {
        const page = createTemporaryObject(scanComponent, root)
        tryCompare(page.store, "ready", true)
        verify(page.store.count >= 1)
        readLabel(page)
        const warning = findChild(page, "duplicateWarning")
        verify(warning.visible)
        compare(page.controller.review.duplicates[0], "Atorvastatin 40 mg")
        shoot(page, "scan-duplicate")
        mouseClick(findChild(page, "discardReview"))
        compare(page.controller.state, ScanController.Viewfinder)
    }

    function test_3_failuresSayWhatWentWrong() {
        const page = createTemporaryObject(scanComponent, root)
        verify(!page.controller.openPhoto("/no/such/label.jpg"))
        const failed = findChild(page, "scanFailed")
        verify(failed.visible)
        verify(findChild(failed, "stateBody").text.indexOf("/no/such/label.jpg") >= 0)
        shoot(page, "scan-failed")
        mouseClick(findChild(failed, "stateAction"))
        compare(page.controller.state, ScanController.Viewfinder)
    }

    function test_4_cancelWhileReading() {
        const page = createTemporaryObject(scanComponent, root)
        verify(page.controller.openPhoto(testCase.labelPhoto))
        // Reading a clear label takes about a second: cancel at once, before it is done.
        mouseClick(findChild(page, "cancelReading"))
        compare(page.controller.state, ScanController.Viewfinder)
        wait(2000)
        compare(page.controller.state, ScanController.Viewfinder)
    }

    // Both pages on the app's one store: a scan saved on one shows on the other at once, with no
    // timer and no reload, and a delete there is gone from the Scan page's list too.
    function test_5_bothPagesSeeOneSaveAtOnce() {
        const store = createTemporaryObject(sharedStoreComponent, root)
        tryCompare(store, "ready", true)
        while (store.count > 0) {
            compare(store.remove(medicationsFirstId(store)), "")
            store.dismissUndo()
        }
        const scan = createTemporaryObject(sharedScanComponent, root, { "store": store })
        readLabel(scan)
        const review = scan.controller.review
        for (let i = 0; i < review.rowCount(); ++i)
            review.confirm(review.data(review.index(i, 0), PrescriptionReview.FieldRole))
        compare(review.unresolvedCount, 0)
        // The Medications page opens over it, on the same store, before the save.
        const meds = createTemporaryObject(sharedMedicationsComponent, root, { "store": store })
        verify(scan.store === meds.store)
        compare(meds.listModel.count, 0)
        verify(findChild(meds, "medicationsState").visible)

        compare(scan.controller.save(), "")
        compare(scan.controller.state, ScanController.Saved)
        // No wait: the save's own change signal updated the other page's models.
        compare(meds.listModel.count, 1)
        compare(meds.listModel.data(meds.listModel.index(0, 0), MedicationListModel.TitleRole), "Atorvastatin 40 mg")
        compare(meds.todayModel.count > 0, true)
        verify(!findChild(meds, "medicationsState").visible)
        verify(findChild(meds, "listView").visible)
        shoot(meds, "scan-saved-on-medications")
        const id = meds.listModel.data(meds.listModel.index(0, 0), MedicationListModel.IdRole)

        // The Medications page deletes it: the Scan page's review sees no duplicate any more.
        meds.openMedication(id)
        compare(meds.view, "detail")
        compare(meds.store.remove(id), "")
        compare(meds.view, "list")
        compare(scan.store.count, 0)
        compare(meds.listModel.count, 0)
        compare(meds.store.undo(), "")
        compare(meds.listModel.count, 1)
        compare(scan.store.count, 1)
    }
}
}
