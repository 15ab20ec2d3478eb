pragma Singleton
import QtQuick

// The type scale and touch sizes, sized for a 10-inch tablet read at arm's length.
QtObject {
    readonly property int fontDisplay: 34
    readonly property int fontHeadline: 28
    readonly property int fontTitle: 22
    readonly property int fontBody: 20
    readonly property int fontLabel: 17

    readonly property int touchTarget: 56   // never below 48 px
    readonly property int railWidth: 136
    readonly property int spacing: 16
    readonly property int margin: 32
    readonly property int radius: 12
    readonly property int iconLarge: 96
}
