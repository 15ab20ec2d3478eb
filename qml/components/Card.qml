import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kilo.Ui

// A flat surface with a hairline border; no shader effects (see TouchButton).
Pane {
    id: card
    padding: 24
    Material.elevation: 0
    background: Rectangle {
        radius: Style.radius
        color: card.Material.theme === Material.Dark ? "#2a2e33" : "#ffffff"
        border.width: 1
        border.color: card.Material.dividerColor
    }
}
