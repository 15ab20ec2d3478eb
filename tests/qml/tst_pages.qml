import QtQuick
import QtTest
import Kilo.Backend
import Kilo.Ui

// Each page loads on its own and shows its true empty / not-connected state.
Item {
    id: root
    width: 1280
    height: 800

TestCase {
    id: testCase
    name: "Pages"
    when: windowShown

    AppContext { id: context }
    ThemePreference { id: themePreference }
    ClusterController { id: notConnected }

    Component { id: scanPage; ScanPage { app: context; width: 1100; height: 800; store: MedicationStoreController {} } }
    Component { id: medicationsPage; MedicationsPage { app: context; width: 1100; height: 800; store: MedicationStoreController {} } }
    Component { id: clusterPage; ClusterPage { app: context; cluster: notConnected; width: 1100; height: 800 } }
    Component { id: settingsPage; SettingsPage { app: context; theme: themePreference; cluster: notConnected; width: 1100; height: 800 } }

    function init() {
        context.demo = false
    }

    function test_scanPageSaysWhetherThereIsACamera() {
        const page = createTemporaryObject(scanPage, root)
        verify(page)
        const state = findChild(page, "scanState")
        verify(state)
        if (page.cameraCount === 0) {
            verify(state.visible)
            compare(findChild(state, "stateTitle").text, "No camera found")
            verify(findChild(state, "stateBody").text.indexOf("Open a photo") >= 0)
            compare(findChild(state, "stateAction").text, "Open photo")
        } else {
            verify(findChild(page, "viewfinder").visible)
            verify(findChild(page, "shutterButton").height >= 48)
        }
    }

    function test_medicationsPageIsEmpty() {
        const page = createTemporaryObject(medicationsPage, root)
        verify(page)
        compare(findChild(page, "stateTitle").text, "No medications yet")
    }

    function test_clusterPageNotConnected() {
        const page = createTemporaryObject(clusterPage, root)
        verify(page)
        compare(notConnected.state, ClusterController.NotConfigured)
        const state = findChild(page, "clusterState")
        verify(state.visible)
        compare(findChild(state, "stateTitle").text, "No cluster connected")
        verify(!findChild(page, "clusterContent").visible)
        verify(!findChild(page, "clusterConnecting").visible)
    }

    function test_settingsThemeButtonsSwitchTheme() {
        const page = createTemporaryObject(settingsPage, root)
        verify(page)
        waitForRendering(page)
        const dark = findChild(page, "theme_" + ThemePreference.Dark)
        verify(dark)
        verify(dark.height >= 48)
        mouseClick(dark)
        compare(themePreference.mode, ThemePreference.Dark)
        verify(themePreference.dark)
        mouseClick(findChild(page, "theme_" + ThemePreference.Light))
        compare(themePreference.mode, ThemePreference.Light)
        verify(!themePreference.dark)
    }

    function test_settingsRejectsBadAiBrainAddress() {
        const page = createTemporaryObject(settingsPage, root)
        waitForRendering(page)
        const field = findChild(page, "aiBrainField")
        const save = findChild(page, "aiBrainSave")
        const error = findChild(page, "aiBrainError")
        field.text = "ftp://example"
        verify(save.enabled)
        mouseClick(save)
        verify(error.text.indexOf("http") >= 0)
        compare(context.aiBrainUrl, "")
        field.text = "http://kilo-ai-brain.kilo-guardian:8000"
        mouseClick(save)
        compare(error.text, "")
        compare(context.aiBrainUrl, "http://kilo-ai-brain.kilo-guardian:8000")
        verify(!save.enabled)
        context.setAiBrainUrl("")
    }

    function test_settingsForgetPhotosSwitch() {
        const page = createTemporaryObject(settingsPage, root)
        const before = context.forgetPhotosAfterSave
        const toggle = findChild(page, "forgetPhotosSwitch")
        verify(toggle.height >= 48)
        compare(toggle.checked, before)
        toggle.toggle()
        toggle.toggled()
        compare(context.forgetPhotosAfterSave, !before)
        context.forgetPhotosAfterSave = before
    }

    function test_settingsShowsVersion() {
        const page = createTemporaryObject(settingsPage, root)
        compare(findChild(page, "versionLabel").text, context.version)
    }
}
}
