import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// One read field on the review screen: its label and confidence, the right control for its
// kind, and, when the reader was unsure, the reason and a "Looks right" button.
Rectangle {
    id: row
    required property string field
    required property string label
    required property string value
    required property string kind
    required property real confidence
    required property bool needsReview
    required property string reason
    required property bool resolved
    property var schedulePhrases: []
    // Hands the new text to the review; returns why it was refused, or "".
    signal edited(string text)
    signal confirmed()
    property string error

    readonly property bool attention: needsReview && !resolved
    readonly property color warning: Style.warning
    // A doubtful field is marked by a word as well as the warning colour; the screen reader
    // hears the field, its state and why.
    readonly property string stateText: attention ? qsTr("Needs checking")
                                      : needsReview && resolved ? qsTr("Checked") : ""
    readonly property string stateMark: attention ? "\u26a0 " + stateText : stateText
    Accessible.role: Accessible.Grouping
    Accessible.name: label + (stateText.length > 0 ? ", " + stateText : "")
    Accessible.description: attention ? reason : ""

    objectName: "reviewField_" + field
    implicitHeight: column.implicitHeight + 24
    radius: Style.radius
    color: attention ? Style.tint(warning, 0.12) : "transparent"
    border.width: attention ? 2 : 0
    border.color: warning

    function commit(text) {
        if (text !== row.value || row.attention)
            row.edited(text)
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        spacing: 6

        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            Label {
                text: row.label
                font.pixelSize: Style.fontLabel
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "confidence"
                visible: row.confidence >= 0
                text: qsTr("%1% sure").arg(Math.round(row.confidence * 100))
                font.pixelSize: Style.fontLabel
                color: row.confidence < 0.6 ? row.warning : row.Material.secondaryTextColor
            }
        }

        // On a line of its own, so the field's name keeps its room beside the confidence.
        Label {
            objectName: "reviewState"
            visible: row.stateMark.length > 0
            text: row.stateMark
            font.pixelSize: Style.fontLabel
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            color: row.attention ? row.warning : row.Material.accentColor
            Layout.fillWidth: true
        }
        Loader {
            id: editorLoader
            Layout.fillWidth: true
            sourceComponent: row.kind === "schedule" ? scheduleEditor
                           : row.kind === "multiline" ? multilineEditor : lineEditor
        }

        Label {
            objectName: "reason"
            visible: row.attention
            text: row.reason
            color: row.warning
            font.pixelSize: Style.fontLabel
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "fieldError"
            visible: row.error.length > 0
            text: row.error
            color: Style.error
            font.pixelSize: Style.fontLabel
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TouchButton {
            objectName: "confirm_" + row.field
            visible: row.attention
            text: row.value.length > 0 ? qsTr("Looks right") : qsTr("Not on the label")
            font.pixelSize: Style.fontLabel
            Layout.preferredWidth: Math.max(implicitWidth, 200)
            onClicked: row.confirmed()
        }
    }

    Component {
        id: lineEditor
        TextField {
            objectName: "input_" + row.field
            text: row.value
            font.pixelSize: Style.fontBody
            selectByMouse: true
            Accessible.name: row.label
            Accessible.description: row.attention ? row.reason : ""
            implicitHeight: Style.touchTarget
            placeholderText: row.kind === "date" ? qsTr("YYYY-MM-DD") : ""
            inputMethodHints: row.kind === "number" ? Qt.ImhDigitsOnly
                            : row.kind === "date" ? Qt.ImhDate | Qt.ImhPreferNumbers
                            : Qt.ImhNone
            validator: row.kind === "number" ? digits : null
            IntValidator { id: digits; bottom: 0; top: 100000 }
            onEditingFinished: row.commit(text)
        }
    }
    Component {
        id: multilineEditor
        TextArea {
            objectName: "input_" + row.field
            text: row.value
            font.pixelSize: Style.fontBody
            Accessible.name: row.label
            Accessible.description: row.attention ? row.reason : ""
            // Tab moves on to the next control (a tab character has no use on a label).
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            implicitHeight: Math.max(96, contentHeight + topPadding + bottomPadding)
            onEditingFinished: row.commit(text)
        }
    }
    Component {
        id: scheduleEditor
        Flow {
            objectName: "input_" + row.field
            spacing: 8
            Repeater {
                model: row.schedulePhrases
                delegate: TouchButton {
                    required property string modelData
                    objectName: "schedule_" + modelData.replace(/ /g, "_")
                    text: ScheduleNames.describe(modelData, Qt.uiLanguage)
                    highlighted: row.value === modelData
                    font.pixelSize: Style.fontLabel
                    minimumHeight: 48
                    leftPadding: 14
                    rightPadding: 14
                    onClicked: row.edited(modelData)
                }
            }
        }
    }
}
