<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AlertBanner</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the problem on the Cluster page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckRow</name>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CleanupPanel</name>
    <message>
        <source>Clean up stale ReplicaSets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep per deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete orphans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the plan with the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaning up: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to clean up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server accepted every request in a dry run. Nothing has changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made</source>
        <translation>
            <numerusform>%n change made</numerusform>
            <numerusform>%n changes made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) failed</source>
        <translation>
            <numerusform>%n request failed</numerusform>
            <numerusform>%n requests failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server would refuse %n request(s); nothing will be changed.</source>
        <translation>
            <numerusform>The server would refuse %n request; nothing will be changed.</numerusform>
            <numerusform>The server would refuse %n requests; nothing will be changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2: %3 → %4 ReplicaSets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n ReplicaSet(s)</source>
        <translation>
            <numerusform>Delete %n ReplicaSet</numerusform>
            <numerusform>Delete %n ReplicaSets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>cap the history of %n deployment(s)</source>
        <translation>
            <numerusform>cap the history of %n deployment</numerusform>
            <numerusform>cap the history of %n deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter the admin PIN to delete %n ReplicaSet(s).</source>
        <translation>
            <numerusform>Enter the admin PIN to delete %n ReplicaSet.</numerusform>
            <numerusform>Enter the admin PIN to delete %n ReplicaSets.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep one fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterConnectionForm</name>
    <message>
        <source>API server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken from the kubeconfig file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved in the keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service-account token (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. /etc/kilo-kiosk/ca.crt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubeconfig file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. /etc/rancher/k3s/k3s.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubeconfig context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s current context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is kept in the system keychain only, never in a settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to save the cluster connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect and forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to forget the cluster connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterPage</name>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health of the kilo-guardian services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · namespace %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cluster connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator connects the kiosk with &quot;kilo-kiosk cluster connect&quot;, with a kubeconfig file (~/.kube/config or $KUBECONFIG), or by starting it with the option --server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still trying: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the last known state. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pods running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deployments healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale ReplicaSets of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checks passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean up ReplicaSets…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>Changed in two places: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both versions are kept until you choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this tablet&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it here too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the version from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeploymentCard</name>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n restart</numerusform>
            <numerusform>%n restarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale ReplicaSet(s)</source>
        <translation>
            <numerusform>%n stale ReplicaSet</numerusform>
            <numerusform>%n stale ReplicaSets</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not healthy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeploymentHealthText</name>
    <message>
        <source>%1/%2 available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>counts (failing pods)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>progress deadline exceeded, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replica failure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled to 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, but %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, update not yet observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, rolling out: %2 of %3 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n old replica(s) pending termination</source>
        <translation>
            <numerusform>%1, %n old replica pending termination</numerusform>
            <numerusform>%1, %n old replicas pending termination</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Roll back to revision %1 (image(s) %2)</source>
        <translation>
            <numerusform>Roll back to revision %1 (image %2)</numerusform>
            <numerusform>Roll back to revision %1 (images %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoseHistory</name>
    <message>
        <source>Dose history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the history of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No doses logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Doses given or skipped in the last %n day(s) show here.</source>
        <translation>
            <numerusform>Doses given or skipped in the last %n day show here.</numerusform>
            <numerusform>Doses given or skipped in the last %n days show here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoseReminder</name>
    <message>
        <source>Label photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose time · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your first name (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Ana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your first name, for the dose history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this dose and say why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me again in 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this dose skipped?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unwell / vomiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor said to hold it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Dose time · %1 · %n dose(s) due</source>
        <translation>
            <numerusform>Dose time · %1 · %n dose due</numerusform>
            <numerusform>Dose time · %1 · %n doses due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoseStatusChip</name>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthCheckText</name>
    <message numerus="yes">
        <source>%1 +%n more</source>
        <translation>
            <numerusform>%1 +%n more</numerusform>
            <numerusform>%1 +%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>All pods running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CrashLoopBackOff pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ImagePullBackOff pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Error pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Pending pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Unknown pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All deployments healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One current ReplicaSet per deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale ReplicaSets within history limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orphaned ReplicaSets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revisionHistoryLimit set to %1 or less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; not running: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pod in CrashLoopBackOff</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) in CrashLoopBackOff: %1</source>
        <translation>
            <numerusform>%n pod in CrashLoopBackOff: %1</numerusform>
            <numerusform>%n pods in CrashLoopBackOff: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod failing to pull its image</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) failing to pull the image: %1</source>
        <translation>
            <numerusform>%n pod failing to pull the image: %1</numerusform>
            <numerusform>%n pods failing to pull the image: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) in error: %1</source>
        <translation>
            <numerusform>%n pod in error: %1</numerusform>
            <numerusform>%n pods in error: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) pending: %1</source>
        <translation>
            <numerusform>%n pod pending: %1</numerusform>
            <numerusform>%n pods pending: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod in an unknown state</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) in an unknown state: %1</source>
        <translation>
            <numerusform>%n pod in an unknown state: %1</numerusform>
            <numerusform>%n pods in an unknown state: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; unhealthy: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 deployments have a current ReplicaSet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; none for: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ReplicaSet(s) in all, %1 stale</source>
        <translation>
            <numerusform>%n ReplicaSet in all, %1 stale</numerusform>
            <numerusform>%n ReplicaSets in all, %1 stale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale ReplicaSet(s), each deployment within its limit</source>
        <translation>
            <numerusform>%n stale ReplicaSet, each deployment within its limit</numerusform>
            <numerusform>%n stale ReplicaSets, each deployment within its limit</numerusform>
        </translation>
    </message>
    <message>
        <source>over the limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orphaned ReplicaSet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n orphaned: %1</source>
        <translation>
            <numerusform>%n orphaned: %1</numerusform>
            <numerusform>%n orphaned: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%1 deployments at %2 or less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 above %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 unset: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Brain answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication service answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilo Guardian Kiosk (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilo Guardian Kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: nothing here touches a real cluster or real medications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to open the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to close the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationDetail</name>
    <message>
        <source>‹ All medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No label photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label photo cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rx number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date on label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this tablet (scanned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Brain (scanned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop taking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose history of this medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationEditor</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Lisinopril</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10 mg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tablet, capsule, solution…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the usual times; or e.g. 07:30, 19:30 (one per dose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose times, one per dose of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Take one tablet by mouth twice daily with food</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rx number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationRow</name>
    <message>
        <source>Refill soon: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationSyncController</name>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rx number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationsPage</name>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept on this tablet, available without network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save list as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for printing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medications yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medications are saved on this tablet. Medications you confirm after scanning a label will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication list unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication list on this tablet could not be opened. Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, prescriber, directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medication matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stopped medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the spelling, or search for part of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose “All” to see every medication on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search medications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Open a photo of the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folders or photos (JPEG, PNG) here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>The photo cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the number pad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete the last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PodDetailPanel</name>
    <message>
        <source>Pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to roll %1 back to revision %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pod no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deployment has no pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1 · restarts: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last termination: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart replaces every pod of %1 with a new one, one at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to restart %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last %1 ago, first %2 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resume (%n new)</source>
        <translation>
            <numerusform>Resume (%n new)</numerusform>
            <numerusform>Resume (%n new)</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrescriptionReview</name>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rx number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The demo cluster could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingProgress</name>
    <message>
        <source>Reading the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefillText</name>
    <message numerus="yes">
        <source>about %n day(s) left</source>
        <translation>
            <numerusform>about %n day left</numerusform>
            <numerusform>about %n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>runs out today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ran out yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>ran out %n day(s) ago</source>
        <translation>
            <numerusform>ran out %n day ago</numerusform>
            <numerusform>ran out %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewField</name>
    <message>
        <source>%1% sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs checking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>No medication name was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already on the list: %1. Save only if this is a new prescription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this medication?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already on the list. Save only if this is a new prescription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be added to the medication list on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is not kept (setting &quot;Forget photos after save&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionHistory</name>
    <message>
        <source>Hide revision history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show revision history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rollout history found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pods ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pods never ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back to this revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to roll %1 back to revision %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Scan a prescription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check each field against the label, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the label. You can cancel at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the label flat in the frame; the photo is taken when it is sharp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a photo of a prescription or pharmacy label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tablet has no camera, or another program is using it. Open a photo of the label instead, or drop one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is on the medication list now, on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan another label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the medication list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleText</name>
    <message>
        <source>once daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>twice daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>three times daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>four times daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at bedtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>every %n hours as needed</source>
        <translation>
            <numerusform>every %n hours as needed</numerusform>
            <numerusform>every %n hours as needed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hours</source>
        <translation>
            <numerusform>every %n hours</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>once weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the cluster&apos;s AI Brain service. Leave empty to read labels on this tablet only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token saved in the keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to save the AI Brain settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to remove the AI Brain token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo syncs with a built-in medication service. Saving an address here uses a real one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the household&apos;s medication service (kilo-meds), which keeps every tablet&apos;s list the same. Leave empty to keep the list on this tablet only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to save the medication service settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN to remove the medication service token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. Enter the cluster&apos;s address and a token, or a kubeconfig file, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: %1, namespace %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget photos after save: a saved medication keeps what was read, not the photo of its label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chime when a dose is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute the kiosk: no sound at all (reminders still show)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute the kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No admin PIN is set. Set one so that only an administrator can repair the cluster, change settings or close the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked: admin actions are allowed. Locks itself after %1 without a touch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked. Too many wrong PINs: try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked. Cluster repairs and other admin actions ask for the PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN protects cluster repairs, the settings and closing the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock admin actions on this kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every text on every page 1.3 times as big.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Brain address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget photos after save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryTile</name>
    <message>
        <source>fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync the medication list now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>When needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active medication has a dose planned for today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give another dose?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 of %n dose(s) still to come</source>
        <translation>
            <numerusform>%1 · %2 of %n dose still to come</numerusform>
            <numerusform>%1 · %2 of %n doses still to come</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Viewfinder</name>
    <message>
        <source>The camera reported a problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the camera again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::AdminSession</name>
    <message>
        <source>The two PINs are not the same. Enter the new PIN again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new PINs are not the same. Enter the new PIN again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set an admin PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the admin PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PIN of %1 to %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the same PIN again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the current PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new PIN of %1 to %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new PIN again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::AiBrainSettings</name>
    <message>
        <source>Saved: labels are read on this tablet only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the AI Brain is at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the AI Brain address that the token belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the token from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI Brain token could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the AI Brain is at %1; its token is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be removed from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI Brain token was removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::AppContext</name>
    <message>
        <source>Not a valid address. Example: http://kilo-ai-brain.kilo-guardian:8000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put a user name or password in the address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::ClusterController</name>
    <message>
        <source>Demo cluster (built-in simulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since %1, reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, exit code %2, %3 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last %n line(s) before the last crash</source>
        <translation>
            <numerusform>Last %n line before the last crash</numerusform>
            <numerusform>Last %n lines before the last crash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n line(s)</source>
        <translation>
            <numerusform>Last %n line</numerusform>
            <numerusform>Last %n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>deployment (why unhealthy)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live log of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live log stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::ConnectionSettings</name>
    <message>
        <source>Reading the saved connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the cluster&apos;s API server address (e.g. https://192.168.1.10:6443) or a kubeconfig file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The Cluster page now connects to %1, namespace %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved token could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::DoseController</name>
    <message>
        <source>This dose is no longer on today&apos;s plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication list is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A medication no longer on the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::HealthAlerts</name>
    <message>
        <source>The medication service is not working. The list on this tablet still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading labels with AI Brain is not working. The tablet reads labels by itself in the meantime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the home-care system (%1) is not working. The medication list on this tablet still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n more problem(s) on the Cluster page)</source>
        <translation>
            <numerusform>%1 (%n more problem on the Cluster page)</numerusform>
            <numerusform>%1 (%n more problems on the Cluster page)</numerusform>
        </translation>
    </message>
    <message>
        <source>The tablet cannot reach the home-care system. The medication list on this tablet still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Kubernetes API has not answered for more than a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps crashing (%n restart(s))</source>
        <translation>
            <numerusform>%1 keeps crashing (%n restart)</numerusform>
            <numerusform>%1 keeps crashing (%n restarts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiosk::ui::MedicationListModel</name>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fixed time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::MedicationStoreController</name>
    <message>
        <source>Saved changes to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is taken again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no documents folder to save the list in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::MedicationSyncController</name>
    <message>
        <source>another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here and changed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed here and deleted on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on %2 and here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept on this tablet only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the medication service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced just now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synced %n min ago.</source>
        <translation>
            <numerusform>Synced %n min ago.</numerusform>
            <numerusform>Synced %n min ago.</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n change(s) waiting. The list on this tablet still works.</source>
        <translation>
            <numerusform>Offline: %n change waiting. The list on this tablet still works.</numerusform>
            <numerusform>Offline: %n changes waiting. The list on this tablet still works.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline. The list on this tablet still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication service refused this tablet. Check its token in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is not working. The list on this tablet still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication list is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The list is kept on this tablet only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: the token could not be stored in the keychain (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, with the token in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the medication service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication service at %1 answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication service does not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::PrescriptionReview</name>
    <message>
        <source>Not found on the label: type it in, or confirm it is not there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read with only %1% confidence: compare with the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader was unsure: compare with the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by AI Brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read on this tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (AI Brain not used: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the medication name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too long (at most %2 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number from 0 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a date like 2026-11-26</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the listed schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no field called %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication list is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Check the %n highlighted field(s)</source>
        <translation>
            <numerusform>Check the highlighted field</numerusform>
            <numerusform>Check the %n highlighted fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiosk::ui::ScanController</name>
    <message>
        <source>Ready: press the shutter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera has not delivered a picture yet. Wait a moment, or open a photo instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the picture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the frame could not be encoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no photo at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no file chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo %1 cannot be read (no permission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader is not set up right: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point the camera at the label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk::ui::TodayDoseModel</name>
    <message>
        <source>When needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
