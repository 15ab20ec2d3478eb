import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// The Settings page's cluster connection: server, namespace, token (to the keychain only),
// CA file, or a kubeconfig file with its context; test, save and forget. Everything it does is
// ConnectionSettings' work; saving and forgetting go through requestAdmin (the PIN in kiosk mode).
ColumnLayout {
    id: form
    required property ConnectionSettings settings
    // function(reason, action): runs action, after the admin PIN where one is needed.
    property var requestAdmin: function(reason, action) { action() }

    spacing: 12

    component FieldLabel: Label {
        font.pixelSize: Style.fontLabel
        opacity: 0.8
        Layout.topMargin: 4
    }
    component FormField: TextField {
        font.pixelSize: Style.fontBody
        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        selectByMouse: true
        enabled: !form.settings.busy
        Layout.fillWidth: true
        Layout.preferredHeight: Style.touchTarget + 8
    }

    ColumnLayout {
        spacing: 4
        Layout.fillWidth: true

        FieldLabel { text: qsTr("API server address") }
        FormField {
            Accessible.name: qsTr("API server address")
            objectName: "connectionServer"
            text: form.settings.server
            placeholderText: form.settings.kubeconfigPath.length > 0 ? qsTr("taken from the kubeconfig file")
                                                                      : "https://192.168.1.10:6443"
            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            onTextEdited: form.settings.server = text
        }

        FieldLabel { text: qsTr("Namespace") }
        FormField {
            Accessible.name: qsTr("Namespace")
            objectName: "connectionNamespace"
            text: form.settings.nameSpace
            placeholderText: "kilo-guardian"
            onTextEdited: form.settings.nameSpace = text
        }

        FieldLabel { text: qsTr("Token") }
        FormField {
            Accessible.name: qsTr("Token")
            id: tokenField
            objectName: "connectionToken"
            text: form.settings.token
            echoMode: TextInput.Password
            placeholderText: form.settings.tokenStored ? qsTr("saved in the keychain; type to replace")
                                                       : qsTr("service-account token (optional)")
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhHiddenText
            onTextEdited: form.settings.token = text
        }

        FieldLabel { text: qsTr("CA certificate file") }
        FormField {
            Accessible.name: qsTr("CA certificate file")
            objectName: "connectionCaFile"
            text: form.settings.caFile
            placeholderText: qsTr("optional, e.g. /etc/kilo-kiosk/ca.crt")
            enabled: !form.settings.busy && form.settings.kubeconfigPath.length === 0
            onTextEdited: form.settings.caFile = text
        }

        FieldLabel { text: qsTr("Kubeconfig file") }
        FormField {
            Accessible.name: qsTr("Kubeconfig file")
            objectName: "connectionKubeconfig"
            text: form.settings.kubeconfigPath
            placeholderText: qsTr("optional, e.g. /etc/rancher/k3s/k3s.yaml")
            onTextEdited: form.settings.kubeconfigPath = text
        }

        FieldLabel { text: qsTr("Kubeconfig context") }
        FormField {
            Accessible.name: qsTr("Kubeconfig context")
            objectName: "connectionContext"
            text: form.settings.context
            placeholderText: qsTr("the file's current context")
            enabled: !form.settings.busy && form.settings.kubeconfigPath.length > 0
            onTextEdited: form.settings.context = text
        }
    }

    Label {
        text: qsTr("The token is kept in the system keychain only, never in a settings file.")
        font.pixelSize: Style.fontLabel
        opacity: 0.7
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Flow {
        spacing: 12
        Layout.fillWidth: true
        TouchButton {
            objectName: "connectionTest"
            text: qsTr("Test connection")
            enabled: !form.settings.busy
            width: Math.max(implicitWidth, 200)
            onClicked: form.settings.testConnection()
        }
        TouchButton {
            objectName: "connectionSave"
            text: qsTr("Save")
            highlighted: true
            enabled: !form.settings.busy
            width: Math.max(implicitWidth, 160)
            onClicked: form.requestAdmin(qsTr("Enter the admin PIN to save the cluster connection."),
                                         () => form.settings.save())
        }
        TouchButton {
            objectName: "connectionForget"
            text: qsTr("Disconnect and forget")
            visible: form.settings.hasSavedConnection
            enabled: !form.settings.busy
            width: Math.max(implicitWidth, 200)
            onClicked: form.requestAdmin(qsTr("Enter the admin PIN to forget the cluster connection."),
                                         () => form.settings.forget())
        }
    }

    RowLayout {
        spacing: 12
        visible: form.settings.message.length > 0
        Layout.fillWidth: true
        BusyIndicator {
            running: form.settings.busy
            visible: running
            Layout.preferredWidth: 40
            Layout.preferredHeight: 40
        }
        Label {
            objectName: "connectionMessage"
            text: form.settings.message
            color: form.settings.state === ConnectionSettings.Failed ? Style.error
                 : form.settings.state === ConnectionSettings.TestPassed
                   || form.settings.state === ConnectionSettings.Saved
                   || form.settings.state === ConnectionSettings.Forgotten ? Style.success
                 : form.Material.foreground
            font.pixelSize: Style.fontBody
            font.weight: form.settings.state === ConnectionSettings.Failed ? Font.DemiBold : Font.Normal
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
    Label {
        objectName: "connectionWarning"
        text: form.settings.warning
        visible: text.length > 0
        color: Style.warning
        font.pixelSize: Style.fontLabel
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
