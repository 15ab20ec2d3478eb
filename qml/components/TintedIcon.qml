import QtQuick
import QtQuick.Controls
import Kilo.Ui

// A one-colour SVG icon tinted to fit the theme. The item that tints (IconImage) lives in the
// private QtQuick.Controls.impl; a button's icon (icon.source + icon.color) is the public way to
// tint in Qt 6.4, so this is a button that only shows its icon and takes no input.
ToolButton {
    id: tinted
    property url source
    property color color
    property int size: Style.iconLarge

    enabled: false              // no press, hover or focus: it is a picture
    padding: 0
    background: null
    display: AbstractButton.IconOnly
    icon.source: tinted.source
    icon.color: tinted.color
    icon.width: tinted.size
    icon.height: tinted.size
    Accessible.ignored: true
}
