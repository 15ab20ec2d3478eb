pragma Singleton
import QtQuick

// The one theme: the type scale, touch sizes and every colour the UI draws, sized for a 10-inch
// tablet read at arm's length. No other QML file spells a colour (tst_qml_theme checks).
//
// A singleton cannot see the window's Material theme, so `dark` is bound once by Main.qml (and by
// test windows that switch themes) and each colour picks its light or dark value from it.
// Text colours are chosen for at least 4.5:1 (WCAG AA) on the surfaces they are drawn on
// (surface, the window background #fafafa / #303030, sheetSurface); the ratio is in the comment.
QtObject {
    property bool dark: false
    // Larger text (Settings, `--large-text`): 1.3, else 1. Bound once by Main.qml to the
    // TextSizePreference, as `dark` is; every font size below is scaled by it.
    property real textScale: 1.0

    readonly property int fontDisplay: Math.round(34 * textScale)
    readonly property int fontHeadline: Math.round(28 * textScale)
    readonly property int fontTitle: Math.round(22 * textScale)
    readonly property int fontBody: Math.round(20 * textScale)
    readonly property int fontLabel: Math.round(17 * textScale)
    readonly property int fontCaption: Math.round(15 * textScale) // secondary detail: images, events, logs

    readonly property int touchTarget: 56   // never below 48 px
    readonly property int keypadKeyHeight: 72  // the PIN pad: bigger than touchTarget, for a quick thumb
    readonly property int keypadKeyWidth: 112
    readonly property int railWidth: 136
    readonly property int spacing: 16
    readonly property int margin: 32
    readonly property int radius: 12
    readonly property int iconLarge: 96

    // Surfaces. The window background and the dividers are Material's own.
    readonly property color surface: dark ? "#2a2e33" : "#ffffff"          // cards, dialogs, rows
    readonly property color surfaceBorder: dark ? "#1effffff" : "#1e000000" // Material's divider
    readonly property color navigationSurface: dark ? "#25282c" : "#eceff1" // the page rail
    readonly property color sheetSurface: dark ? "#24272b" : "#fafafa"      // side drawers
    readonly property color alertSurface: dark ? "#1f2a2a" : "#ffffff"      // the dose reminder
    readonly property color photoBackdrop: dark ? "#111417" : "#e8eaed"     // behind a label photo
    readonly property color logSurface: "#1e2226"      // pod logs read as a terminal in both themes
    readonly property color logText: "#e8eaed"    // 13.3:1
    // Snackbars are the inverse of the page, so they stand out in both themes.
    readonly property color inverseSurface: dark ? "#e8eaed" : "#323232"
    readonly property color inverseText: dark ? "#1d1d1d" : "#ffffff"  // 14.0 / 12.8:1
    // The other theme's error red, which is the one made for this background.
    readonly property color inverseError: dark ? "#c62828" : "#ef9a9a"      // 4.7 / 6.0:1

    // Text and strokes that carry a meaning.
    readonly property color error: dark ? "#ef9a9a" : "#c62828"    // 6.1+ / 5.4+:1
    readonly property color success: dark ? "#81c784" : "#2e7d32"  // 6.6+ / 4.9+:1
    readonly property color warning: dark ? "#ffb74d" : "#a05a00"  // 7.6+ / 5.1+:1
    // Text on a filled accent control (Material's Teal: #009688 light, #80cbc4 dark). Light is
    // Material's own white at 3.7:1, below AA for body text: a darker accent would fix it.
    readonly property color textOnAccent: dark ? "#0d1f1e" : "#ffffff" // 9.1 / 3.7:1

    // Health fills (dots, stripes, badges), the same in both themes.
    readonly property color successFill: "#2e7d32"
    readonly property color errorFill: "#c62828"
    readonly property color warningFill: "#ef8f00"
    readonly property color neutralFill: "#607d8b"
    readonly property color inactiveFill: "#757575"   // a stopped medication
    readonly property color infoFill: "#3f51b5"       // the demo banner
    readonly property color textOnFill: "#ffffff"         // on success/error/inactive/info: 5.1+:1
    readonly property color textOnWarningFill: "#1d1d1d"  // 6.9:1 (white would be 2.4:1)

    // Dimming behind what is on top.
    readonly property color scrim: "#99000000"        // modal dialogs
    readonly property color scrimSoft: "#73000000"    // the dose reminder: the page stays legible
    readonly property color scrimPhoto: "#e6000000"   // an enlarged photo

    // The camera viewfinder is dark in both themes.
    readonly property color cameraBackdrop: "#101214"
    readonly property color cameraReady: "#4caf50"
    readonly property color cameraSearching: "#ffb300"
    readonly property color cameraIdle: "#9e9e9e"
    readonly property color cameraHintBackground: "#a6000000"
    readonly property color cameraTrack: "#80000000"
    readonly property color cameraForeground: "#ffffff"
    readonly property color cameraForegroundPressed: "#dddddd"
    readonly property color cameraFlash: "#ffffff"

    // The switch knob (TouchSwitch), white on either track.
    readonly property color knob: "#ffffff"
    readonly property color knobBorder: "#33000000"

    // A theme colour at a given opacity: tinted backgrounds of chips, warnings, the chosen page.
    function tint(base, alpha) {
        return Qt.rgba(base.r, base.g, base.b, alpha)
    }
}
