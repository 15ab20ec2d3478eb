import QtQuick
import Kilo.Ui

// What a Card draws: a flat surface with a hairline border and round corners. Cards use it as
// their background; dialogs and tappable rows use it too, so every card-like surface is one thing.
Rectangle {
    radius: Style.radius
    color: Style.surface
    border.width: 1
    border.color: Style.surfaceBorder
}
