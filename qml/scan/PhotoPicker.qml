import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Qt.labs.folderlistmodel
import Kilo.Ui

// Picks a label photo with a finger: folders and photo thumbnails as large tiles, starting in
// the Pictures folder. (The stock file dialog has mouse-sized rows.)
Popup {
    id: picker
    signal photoChosen(url file)
    property url folder: StandardPaths.writableLocation(StandardPaths.PicturesLocation)
    readonly property url homeFolder: StandardPaths.writableLocation(StandardPaths.HomeLocation)
    readonly property int tileSize: 184

    parent: Overlay.overlay
    modal: true
    focus: true
    anchors.centerIn: parent
    width: parent ? parent.width - 2 * Style.margin : 1000
    height: parent ? parent.height - 2 * Style.margin : 700
    padding: 24
    enter: Transition {}
    exit: Transition {}
    Overlay.modal: Rectangle { color: Style.scrim }
    background: CardBackground {}

    function goUp() {
        const path = picker.folder.toString().replace(/\/+$/, "")
        const cut = path.lastIndexOf("/")
        if (cut > "file://".length - 1)
            picker.folder = path.substring(0, cut) || "file:///"
    }

    FolderListModel {
        id: entries
        folder: picker.folder
        nameFilters: ["*.jpg", "*.jpeg", "*.png"]
        caseSensitive: false
        showDirsFirst: true
        showDotAndDotDot: false
        showHidden: false
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spacing

        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            Label {
                text: qsTr("Open a photo of the label")
                font.pixelSize: Style.fontHeadline
                font.weight: Font.DemiBold
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            TouchButton {
                objectName: "pickerCancel"
                text: qsTr("Cancel")
                onClicked: picker.close()
            }
        }
        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            TouchButton {
                objectName: "pickerUp"
                text: qsTr("Up")
                enabled: picker.folder.toString() !== "file:///"
                onClicked: picker.goUp()
            }
            TouchButton {
                objectName: "pickerPictures"
                text: qsTr("Pictures")
                onClicked: picker.folder = StandardPaths.writableLocation(StandardPaths.PicturesLocation)
            }
            TouchButton {
                objectName: "pickerHome"
                text: qsTr("Home")
                onClicked: picker.folder = picker.homeFolder
            }
            Label {
                objectName: "pickerFolder"
                text: decodeURIComponent(picker.folder.toString().replace("file://", ""))
                font.pixelSize: Style.fontLabel
                opacity: 0.8
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
        }

        GridView {
            id: grid
            objectName: "pickerGrid"
            model: entries
            clip: true
            cellWidth: picker.tileSize + 12
            cellHeight: picker.tileSize + 52
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

            delegate: ItemDelegate {
                id: tile
                required property string fileName
                required property url fileUrl
                required property bool fileIsDir
                objectName: "pickerEntry_" + fileName
                Accessible.name: fileIsDir ? qsTr("Folder %1").arg(fileName) : qsTr("Photo %1").arg(fileName)
                width: picker.tileSize
                height: picker.tileSize + 40
                padding: 0
                onClicked: {
                    if (tile.fileIsDir)
                        picker.folder = tile.fileUrl
                    else {
                        picker.close()
                        picker.photoChosen(tile.fileUrl)
                    }
                }
                background: Rectangle {
                    radius: Style.radius
                    color: tile.down ? picker.Material.rippleColor : "transparent"
                    border.width: 1
                    border.color: picker.Material.dividerColor
                }
                contentItem: ColumnLayout {
                    spacing: 4
                    Item {
                        Layout.fillWidth: true
                        Layout.preferredHeight: picker.tileSize - 8
                        Layout.margins: 4
                        TintedIcon {
                            anchors.centerIn: parent
                            visible: tile.fileIsDir
                            source: "qrc:/Kilo/Ui/icons/folder.svg"
                            size: Style.iconLarge
                            color: picker.Material.foreground
                            opacity: 0.7
                        }
                        Image {
                            anchors.fill: parent
                            visible: !tile.fileIsDir
                            source: tile.fileIsDir ? "" : tile.fileUrl
                            asynchronous: true
                            autoTransform: true
                            fillMode: Image.PreserveAspectCrop
                            sourceSize: Qt.size(picker.tileSize * 2, picker.tileSize * 2)
                        }
                    }
                    Label {
                        text: tile.fileName
                        font.pixelSize: Style.fontLabel
                        elide: Text.ElideMiddle
                        horizontalAlignment: Text.AlignHCenter
                        Layout.fillWidth: true
                        Layout.leftMargin: 6
                        Layout.rightMargin: 6
                    }
                }
            }
        }

        Label {
            objectName: "pickerEmpty"
            visible: entries.status === FolderListModel.Ready && entries.count === 0
            text: qsTr("No folders or photos (JPEG, PNG) here.")
            font.pixelSize: Style.fontBody
            opacity: 0.8
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
