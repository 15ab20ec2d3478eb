#!/usr/bin/env python3
"""The official Kubernetes Python client (Debian's python3-kubernetes) against `kilo-kiosk sim`.

A second real client beside kubectl (tst_sim_kubectl): typed lists of every kind the kiosk
reads (so the client's deserialiser, with its client-side validation of required fields,
accepts what the simulator serves), a watch that sees ADDED then the MODIFIED and DELETED its
own changes cause, strategic merge patches of a deployment and its scale, pod logs (current,
previous, timestamps, tail) and a delete with preconditions (409 on a wrong uid, then gone).

Usage: test_sim_python_client.py PATH/TO/kilo-kiosk [unittest arguments]
Fails, never skips, when python3-kubernetes is missing. Every wait is a condition with a
deadline; each test starts its own simulator so none depends on another's changes.
"""

import datetime
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

try:
    from kubernetes import client, config, watch
    from kubernetes.client.rest import ApiException
    IMPORT_ERROR = None
except ImportError as error:  # reported as a failure by every test, see KubernetesClientTest.setUp
    IMPORT_ERROR = error

APP = os.environ.get("KIOSK_APP_PATH", "")
NAMESPACE = "kilo-guardian"
DEPLOYMENTS = sorted(
    "kilo-" + name
    for name in ("ai-brain", "cam", "financial", "frontend", "gateway", "habits", "library", "meds",
                 "ml-engine", "ollama", "reminder", "socketio", "usb-transfer", "voice"))
# The incident's stale ReplicaSets (63 old ones of the deployments and one orphan) plus the 14 current.
REPLICA_SETS = 63 + 1 + 14
START_TIMEOUT = 30  # seconds for the simulator to print its URL (a loaded CI machine)
WAIT_TIMEOUT = 30   # seconds for a change to show (the simulator acts within about a second)


def eventually(predicate, what, timeout=WAIT_TIMEOUT):
    """Polls `predicate` until it returns a true value or the deadline passes; returns that value.
    The pause between polls only spares the CPU; the deadline is what decides."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %ss waiting for %s" % (timeout, what))
        time.sleep(0.1)


class Simulator:
    """`kilo-kiosk sim --port 0 --write-kubeconfig FILE`, stopped with SIGTERM."""

    def __init__(self, app, directory):
        self.kubeconfig = os.path.join(directory, "kubeconfig")
        self.stderr_path = os.path.join(directory, "sim.stderr")
        self._stderr = open(self.stderr_path, "wb")
        self.process = subprocess.Popen([app, "sim", "--port", "0", "--write-kubeconfig", self.kubeconfig],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr)
        lines = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.process.stdout.readline()), daemon=True).start()
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            line = b""
        self.url = line.decode().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            self.stop()
            raise AssertionError("kilo-kiosk sim printed no URL within %ss (got %r); stderr: %s"
                                 % (START_TIMEOUT, self.url, self.stderr()))

    def stderr(self):
        with open(self.stderr_path, "rb") as f:
            return f.read().decode(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self._stderr.close()


class KubernetesClientTest(unittest.TestCase):

    def setUp(self):
        if IMPORT_ERROR is not None:
            self.fail("the official Kubernetes Python client is missing (%s): apt-get install python3-kubernetes"
                      % IMPORT_ERROR)
        self.assertTrue(APP and os.access(APP, os.X_OK), "no kilo-kiosk binary: pass its path as the first argument")
        self._dir = tempfile.TemporaryDirectory(prefix="kiosk-pyclient-")
        self.addCleanup(self._dir.cleanup)
        self.sim = Simulator(APP, self._dir.name)
        self.addCleanup(self.sim.stop)
        # The kubeconfig the simulator wrote, read by the client's own loader.
        self.api_client = config.new_client_from_config(config_file=self.sim.kubeconfig)
        self.addCleanup(self.api_client.close)
        self.addCleanup(self.api_client.rest_client.pool_manager.clear)  # closes its keep-alive sockets
        self.assertEqual(self.api_client.configuration.host, self.sim.url)
        # The default: the models raise ValueError when a field the schema requires is missing.
        self.assertTrue(self.api_client.configuration.client_side_validation)
        self.core = client.CoreV1Api(self.api_client)
        self.apps = client.AppsV1Api(self.api_client)

    def pod_of(self, app):
        pods = self.core.list_namespaced_pod(NAMESPACE, label_selector="app=" + app).items
        live = [p for p in pods if p.metadata.deletion_timestamp is None]
        self.assertEqual(len(live), 1, "one pod of %s" % app)
        return live[0]

    def status_of(self, exception):
        body = json.loads(exception.body)
        self.assertEqual(body.get("kind"), "Status")
        return body

    def test_lists_are_typed_objects(self):
        pods = self.core.list_namespaced_pod(NAMESPACE)
        self.assertIsInstance(pods, client.V1PodList)
        self.assertGreaterEqual(len(pods.items), len(DEPLOYMENTS))
        for pod in pods.items:
            self.assertIsInstance(pod, client.V1Pod)
            self.assertIsInstance(pod.metadata.creation_timestamp, datetime.datetime)
            self.assertTrue(pod.metadata.uid)
            self.assertIsInstance(pod.spec.containers[0], client.V1Container)
            for status in pod.status.container_statuses or []:
                self.assertIsInstance(status, client.V1ContainerStatus)
                self.assertIsNotNone(status.image_id)
        meds = self.pod_of("kilo-meds")
        self.assertEqual(meds.spec.containers[0].name, "meds")
        self.assertEqual(meds.spec.containers[0].image, "kilo-meds:ai-brain-ocr-v2")

        deployments = self.apps.list_namespaced_deployment(NAMESPACE)
        self.assertIsInstance(deployments, client.V1DeploymentList)
        self.assertEqual(sorted(d.metadata.name for d in deployments.items), DEPLOYMENTS)
        for deployment in deployments.items:
            self.assertIsInstance(deployment, client.V1Deployment)
            self.assertIsInstance(deployment.spec.selector, client.V1LabelSelector)
            self.assertEqual(deployment.spec.revision_history_limit, 10)

        replica_sets = self.apps.list_namespaced_replica_set(NAMESPACE)
        self.assertIsInstance(replica_sets, client.V1ReplicaSetList)
        self.assertEqual(len(replica_sets.items), REPLICA_SETS)
        for replica_set in replica_sets.items:
            self.assertIsInstance(replica_set, client.V1ReplicaSet)
            self.assertIsInstance(replica_set.status, client.V1ReplicaSetStatus)
            for owner in replica_set.metadata.owner_references or []:
                self.assertIsInstance(owner, client.V1OwnerReference)

        nodes = self.core.list_node()
        self.assertIsInstance(nodes, client.V1NodeList)
        self.assertEqual([n.metadata.name for n in nodes.items], ["kilo-server"])
        info = nodes.items[0].status.node_info
        self.assertIsInstance(info, client.V1NodeSystemInfo)
        for field in ("machine_id", "system_uuid", "boot_id", "kernel_version", "os_image", "container_runtime_version",
                      "kubelet_version", "kube_proxy_version", "operating_system", "architecture"):
            self.assertTrue(getattr(info, field), field)
        self.assertTrue(info.kubelet_version.endswith("+k3s1"))
        self.assertIsInstance(self.core.read_node("kilo-server"), client.V1Node)

        events = self.core.list_namespaced_event(NAMESPACE)
        self.assertIsInstance(events, client.CoreV1EventList)
        self.assertTrue(events.items)
        for event in events.items:
            self.assertIsInstance(event, client.CoreV1Event)
            self.assertIsInstance(event.involved_object, client.V1ObjectReference)
        self.assertIn("BackOff", {e.reason for e in events.items})

        namespaces = self.core.list_namespace()
        self.assertIsInstance(namespaces, client.V1NamespaceList)
        self.assertTrue({"default", "kube-system", NAMESPACE} <= {n.metadata.name for n in namespaces.items})
        self.assertIsInstance(self.core.read_namespace(NAMESPACE), client.V1Namespace)

        services = self.core.list_namespaced_service(NAMESPACE)
        self.assertIsInstance(services, client.V1ServiceList)
        self.assertEqual(len(services.items), 15)
        everywhere = self.core.list_pod_for_all_namespaces(limit=5)
        self.assertEqual(len(everywhere.items), 5)
        self.assertTrue(everywhere.metadata._continue)

    def test_watch_sees_added_then_modified_and_deleted(self):
        target = self.pod_of("kilo-habits")
        seen = []
        stream = watch.Watch()
        deadline = time.monotonic() + WAIT_TIMEOUT
        # timeout_seconds ends the watch on the server's side: a missing event fails, never hangs.
        for event in stream.stream(self.core.list_namespaced_pod, NAMESPACE, label_selector="app=kilo-habits",
                                   timeout_seconds=WAIT_TIMEOUT, _request_timeout=WAIT_TIMEOUT + 10):
            pod = event["object"]
            self.assertIsInstance(pod, client.V1Pod)
            if pod.metadata.uid != target.metadata.uid:
                continue
            seen.append(event["type"])
            if event["type"] == "ADDED" and len(seen) == 1:
                self.core.patch_namespaced_pod(target.metadata.name, NAMESPACE,
                                               {"metadata": {"labels": {"watched-by": "python"}}})
            elif event["type"] == "MODIFIED" and (pod.metadata.labels or {}).get("watched-by") == "python" \
                    and "DELETE" not in seen:
                seen.append("DELETE")
                self.core.delete_namespaced_pod(target.metadata.name, NAMESPACE,
                                                body=client.V1DeleteOptions(grace_period_seconds=0))
            elif event["type"] == "DELETED":
                stream.stop()
            if time.monotonic() > deadline:
                stream.stop()
        self.assertEqual(seen[0], "ADDED", seen)
        self.assertIn("MODIFIED", seen)
        self.assertEqual(seen[-1], "DELETED", seen)
        # The ReplicaSet replaces the pod, and a watch from the list's resourceVersion sees it.
        replacement = eventually(lambda: [p for p in self.core.list_namespaced_pod(NAMESPACE, label_selector="app=kilo-habits").items
                                          if p.metadata.uid != target.metadata.uid], "a replacement kilo-habits pod")
        self.assertIsInstance(replacement[0], client.V1Pod)

    def test_watch_from_resource_version_replays_later_changes(self):
        listed = self.apps.list_namespaced_deployment(NAMESPACE)
        # Changed after the list: a watch from the list's resourceVersion replays just that change.
        self.apps.patch_namespaced_deployment("kilo-library", NAMESPACE,
                                              {"metadata": {"annotations": {"kiosk.test/touched": "yes"}}})
        types = []
        found = False
        stream = watch.Watch()
        for event in stream.stream(self.apps.list_namespaced_deployment, NAMESPACE,
                                   resource_version=listed.metadata.resource_version, allow_watch_bookmarks=True,
                                   timeout_seconds=WAIT_TIMEOUT, _request_timeout=WAIT_TIMEOUT + 10):
            types.append(event["type"])
            deployment = event["object"]
            if event["type"] == "MODIFIED" and deployment.metadata.name == "kilo-library":
                self.assertIsInstance(deployment, client.V1Deployment)
                found = (deployment.metadata.annotations or {}).get("kiosk.test/touched") == "yes"
                if found:
                    stream.stop()
        self.assertTrue(found, types)
        self.assertNotIn("ADDED", types)

    def test_patch_deployment(self):
        name = "kilo-frontend"
        before = self.apps.read_namespaced_deployment(name, NAMESPACE)
        container = before.spec.template.spec.containers[0]
        # A dict body goes out as a strategic merge patch.
        patched = self.apps.patch_namespaced_deployment(
            name, NAMESPACE, {"metadata": {"annotations": {"kiosk.test/patched-by": "python"}}, "spec": {"replicas": 2}})
        self.assertIsInstance(patched, client.V1Deployment)
        self.assertEqual(patched.spec.replicas, 2)
        self.assertEqual(patched.metadata.annotations["kiosk.test/patched-by"], "python")
        self.assertGreater(int(patched.metadata.resource_version), int(before.metadata.resource_version))
        eventually(lambda: (self.apps.read_namespaced_deployment(name, NAMESPACE).status.ready_replicas or 0) == 2,
                   "two ready replicas of " + name)
        # Strategic merge: the container is merged by its name, so its image stays (a JSON merge
        # patch would replace the list and the deployment would be invalid without an image).
        merged = self.apps.patch_namespaced_deployment(
            name, NAMESPACE, {"spec": {"template": {"spec": {"containers": [
                {"name": container.name, "env": [{"name": "KIOSK_TEST", "value": "1"}]}]}}}})
        merged_container = merged.spec.template.spec.containers[0]
        self.assertEqual(merged_container.image, container.image)
        self.assertIn("KIOSK_TEST", [e.name for e in merged_container.env])
        # The scale subresource, typed as autoscaling/v1 Scale.
        scale = self.apps.patch_namespaced_deployment_scale(name, NAMESPACE, {"spec": {"replicas": 1}})
        self.assertIsInstance(scale, client.V1Scale)
        self.assertEqual(scale.spec.replicas, 1)
        self.assertEqual(self.apps.read_namespaced_deployment_scale(name, NAMESPACE).spec.replicas, 1)

    def test_pod_logs(self):
        meds = self.pod_of("kilo-meds").metadata.name
        previous = self.core.read_namespaced_pod_log(meds, NAMESPACE, previous=True)
        self.assertIsInstance(previous, str)
        self.assertTrue(previous.rstrip("\n").endswith("ModuleNotFoundError: No module named 'prometheus_client'"), previous)
        last = self.core.read_namespaced_pod_log(meds, NAMESPACE, previous=True, tail_lines=1)
        self.assertEqual(last, "ModuleNotFoundError: No module named 'prometheus_client'\n")
        stamped = self.core.read_namespaced_pod_log(meds, NAMESPACE, previous=True, timestamps=True, tail_lines=2)
        lines = stamped.splitlines()
        self.assertEqual(len(lines), 2, stamped)
        for line in lines:
            self.assertRegex(line, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z ")

        gateway = self.pod_of("kilo-gateway").metadata.name
        current = self.core.read_namespaced_pod_log(gateway, NAMESPACE)
        self.assertIsInstance(current, str)
        self.assertTrue(current.strip(), "the running gateway has a log")
        unstamped = self.core.read_namespaced_pod_log(gateway, NAMESPACE, timestamps=False, previous=False)
        self.assertEqual(unstamped, current)
        # A container that never restarted has no previous log: `previous=True` is read as true.
        with self.assertRaises(ApiException) as raised:
            self.core.read_namespaced_pod_log(gateway, NAMESPACE, previous=True)
        self.assertEqual(raised.exception.status, 400)
        self.assertIn("previous terminated container", self.status_of(raised.exception)["message"])

    def test_delete_with_preconditions(self):
        pod = self.pod_of("kilo-cam")
        wrong = str(uuid.uuid4())
        with self.assertRaises(ApiException) as raised:
            self.core.delete_namespaced_pod(pod.metadata.name, NAMESPACE,
                                            body=client.V1DeleteOptions(preconditions=client.V1Preconditions(uid=wrong)))
        self.assertEqual(raised.exception.status, 409)
        status = self.status_of(raised.exception)
        self.assertEqual(status["reason"], "Conflict")
        self.assertIn("Precondition failed", status["message"])
        self.assertIn(wrong, status["message"])
        self.assertEqual(self.core.read_namespaced_pod(pod.metadata.name, NAMESPACE).metadata.uid, pod.metadata.uid)

        stale = str(int(pod.metadata.resource_version) - 1)
        with self.assertRaises(ApiException) as raised:
            self.core.delete_namespaced_pod(pod.metadata.name, NAMESPACE, body=client.V1DeleteOptions(
                preconditions=client.V1Preconditions(uid=pod.metadata.uid, resource_version=stale)))
        self.assertEqual(raised.exception.status, 409)

        deleted = self.core.delete_namespaced_pod(pod.metadata.name, NAMESPACE, body=client.V1DeleteOptions(
            preconditions=client.V1Preconditions(uid=pod.metadata.uid, resource_version=pod.metadata.resource_version)))
        self.assertIsInstance(deleted, client.V1Pod)
        self.assertIsNotNone(deleted.metadata.deletion_timestamp)  # graceful: Terminating first

        def gone():
            try:
                self.core.read_namespaced_pod(pod.metadata.name, NAMESPACE)
                return False
            except ApiException as error:
                self.assertEqual(error.status, 404)
                return True
        eventually(gone, "pod %s to be gone" % pod.metadata.name)
        replacement = eventually(lambda: [p for p in self.core.list_namespaced_pod(NAMESPACE, label_selector="app=kilo-cam").items
                                          if p.metadata.uid != pod.metadata.uid], "a replacement kilo-cam pod")
        self.assertIsInstance(replacement[0], client.V1Pod)


if __name__ == "__main__":
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        APP = sys.argv.pop(1)
    unittest.main(verbosity=2)
