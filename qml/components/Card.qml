import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kilo.Ui

// A flat surface with a hairline border; no shader effects (see TouchButton).
Pane {
    padding: 24
    Material.elevation: 0
    background: CardBackground {}
}
