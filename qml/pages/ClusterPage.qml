import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kilo.Backend
import Kilo.Ui

// Cluster health for administrators; here: whether a cluster is configured at all.
Page {
    id: page
    objectName: "clusterPage"
    required property AppContext app

    background: null
    padding: Style.margin

    header: PageHeader {
        title: qsTr("Cluster")
        subtitle: qsTr("Health of the kilo-guardian services.")
        leftPadding: Style.margin
        topPadding: Style.margin
        rightPadding: Style.margin
    }

    StateMessage {
        objectName: "clusterState"
        anchors.centerIn: parent
        icon: "qrc:/Kilo/Ui/icons/cloud-off.svg"
        title: {
            switch (page.app.clusterState) {
            case AppContext.DemoUnavailable: return qsTr("Demo cluster unavailable")
            case AppContext.Configured: return qsTr("Cluster configured")
            default: return qsTr("No cluster connected")
            }
        }
        body: {
            switch (page.app.clusterState) {
            case AppContext.DemoUnavailable:
                return qsTr("This version has no built-in cluster simulator, so the demo has no cluster to show.")
            case AppContext.Configured:
                return qsTr("A connection was found, but live cluster health is not available in this version of the kiosk yet.")
            default:
                return qsTr("An administrator connects the kiosk to the cluster with a kubeconfig file (~/.kube/config or $KUBECONFIG), or starts it with --server URL.")
            }
        }
        detail: page.app.clusterState === AppContext.Configured ? page.app.clusterSource : ""
    }
}
