pragma Singleton
import QtQuick

// The health colours, readable on light and dark backgrounds.
QtObject {
    readonly property color ok: "#2e7d32"
    readonly property color failing: "#c62828"
    readonly property color warning: "#ef8f00"
    readonly property color neutral: "#607d8b"
}
