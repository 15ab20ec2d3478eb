pragma Singleton
import QtQuick

// The health colours, readable on light and dark backgrounds.
QtObject {
    readonly property color ok: "#2e7d32"
    readonly property color failing: "#c62828"
    readonly property color warning: "#ef8f00"
    readonly property color neutral: "#607d8b"

    // Text in a health colour: the same hue, light enough to read on the dark theme's cards.
    function textOk(dark) { return dark ? "#81c784" : ok }
    function textFailing(dark) { return dark ? "#ef9a9a" : failing }
    function textWarning(dark) { return dark ? "#ffb74d" : "#b26a00" }
}
