<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AlertBanner</name>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Show the problem on the Cluster page</source>
        <translation>Mostrar el problema en la página Clúster</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Ocultar este mensaje</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>denegado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Todavía no hay nada registrado.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
</context>
<context>
    <name>CheckRow</name>
    <message>
        <source>Passed</source>
        <translation>Superada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
</context>
<context>
    <name>CleanupPanel</name>
    <message>
        <source>Clean up stale ReplicaSets</source>
        <translation>Limpiar ReplicaSets obsoletos</translation>
    </message>
    <message>
        <source>Keep per deployment</source>
        <translation>Conservar por Deployment</translation>
    </message>
    <message>
        <source>Also delete orphans</source>
        <translation>Eliminar también los huérfanos</translation>
    </message>
    <message>
        <source>Checking the plan with the server…</source>
        <translation>Comprobando el plan con el servidor…</translation>
    </message>
    <message>
        <source>Cleaning up: %1 of %2</source>
        <translation>Limpiando: %1 de %2</translation>
    </message>
    <message>
        <source>Nothing to clean up.</source>
        <translation>No hay nada que limpiar.</translation>
    </message>
    <message>
        <source>The server accepted every request in a dry run. Nothing has changed yet.</source>
        <translation>El servidor aceptó todas las solicitudes en una prueba (dry run). Todavía no ha cambiado nada.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Done: %1, %2.</source>
        <translation>Hecho: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made</source>
        <translation>
            <numerusform>%n cambio realizado</numerusform>
            <numerusform>%n cambios realizados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n omitido</numerusform>
            <numerusform>%n omitidos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2.</source>
        <translation>%1; %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) failed</source>
        <translation>
            <numerusform>%n solicitud falló</numerusform>
            <numerusform>%n solicitudes fallaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n hecha</numerusform>
            <numerusform>%n hechas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server would refuse %n request(s); nothing will be changed.</source>
        <translation>
            <numerusform>El servidor rechazaría %n solicitud; no se cambiará nada.</numerusform>
            <numerusform>El servidor rechazaría %n solicitudes; no se cambiará nada.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2: %3 → %4 ReplicaSets.</source>
        <translation>%1 y %2: de %3 a %4 ReplicaSets.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n ReplicaSet(s)</source>
        <translation>
            <numerusform>Eliminar %n ReplicaSet</numerusform>
            <numerusform>Eliminar %n ReplicaSets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>cap the history of %n deployment(s)</source>
        <translation>
            <numerusform>limitar el historial de %n Deployment</numerusform>
            <numerusform>limitar el historial de %n Deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter the admin PIN to delete %n ReplicaSet(s).</source>
        <translation>
            <numerusform>Introduzca el PIN de administrador para eliminar %n ReplicaSet.</numerusform>
            <numerusform>Introduzca el PIN de administrador para eliminar %n ReplicaSets.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep one fewer</source>
        <translation>Conservar uno menos</translation>
    </message>
    <message>
        <source>Keep one more</source>
        <translation>Conservar uno más</translation>
    </message>
</context>
<context>
    <name>ClusterConnectionForm</name>
    <message>
        <source>API server address</source>
        <translation>Dirección del servidor de API</translation>
    </message>
    <message>
        <source>taken from the kubeconfig file</source>
        <translation>tomada del archivo kubeconfig</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espacio de nombres</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>saved in the keychain; type to replace</source>
        <translation>guardado en el llavero; escriba para reemplazarlo</translation>
    </message>
    <message>
        <source>service-account token (optional)</source>
        <translation>token de la cuenta de servicio (opcional)</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Archivo del certificado de la CA</translation>
    </message>
    <message>
        <source>optional, e.g. /etc/kilo-kiosk/ca.crt</source>
        <translation>opcional, p. ej., /etc/kilo-kiosk/ca.crt</translation>
    </message>
    <message>
        <source>Kubeconfig file</source>
        <translation>Archivo kubeconfig</translation>
    </message>
    <message>
        <source>optional, e.g. /etc/rancher/k3s/k3s.yaml</source>
        <translation>opcional, p. ej., /etc/rancher/k3s/k3s.yaml</translation>
    </message>
    <message>
        <source>Kubeconfig context</source>
        <translation>Contexto de kubeconfig</translation>
    </message>
    <message>
        <source>the file&apos;s current context</source>
        <translation>el contexto actual del archivo</translation>
    </message>
    <message>
        <source>The token is kept in the system keychain only, never in a settings file.</source>
        <translation>El token se guarda solo en el llavero del sistema, nunca en un archivo de configuración.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Enter the admin PIN to save the cluster connection.</source>
        <translation>Introduzca el PIN de administrador para guardar la conexión con el clúster.</translation>
    </message>
    <message>
        <source>Disconnect and forget</source>
        <translation>Desconectar y olvidar</translation>
    </message>
    <message>
        <source>Enter the admin PIN to forget the cluster connection.</source>
        <translation>Introduzca el PIN de administrador para olvidar la conexión con el clúster.</translation>
    </message>
</context>
<context>
    <name>ClusterPage</name>
    <message>
        <source>Cluster</source>
        <translation>Clúster</translation>
    </message>
    <message>
        <source>Health of the kilo-guardian services.</source>
        <translation>Estado de los servicios de kilo-guardian.</translation>
    </message>
    <message>
        <source>%1 · namespace %2</source>
        <translation>%1 · espacio de nombres %2</translation>
    </message>
    <message>
        <source>Cannot connect to the cluster</source>
        <translation>No se puede conectar con el clúster</translation>
    </message>
    <message>
        <source>No cluster connected</source>
        <translation>No hay ningún clúster conectado</translation>
    </message>
    <message>
        <source>An administrator connects the kiosk with &quot;kilo-kiosk cluster connect&quot;, with a kubeconfig file (~/.kube/config or $KUBECONFIG), or by starting it with the option --server URL.</source>
        <translation>Un administrador conecta el quiosco con «kilo-kiosk cluster connect», con un archivo kubeconfig (~/.kube/config o $KUBECONFIG) o iniciándolo con la opción --server URL.</translation>
    </message>
    <message>
        <source>Connecting to the cluster…</source>
        <translation>Conectando con el clúster…</translation>
    </message>
    <message>
        <source>Still trying: %1</source>
        <translation>Se sigue intentando: %1</translation>
    </message>
    <message>
        <source>Showing the last known state. %1</source>
        <translation>Se muestra el último estado conocido. %1</translation>
    </message>
    <message>
        <source>pods running</source>
        <translation>pods en ejecución</translation>
    </message>
    <message>
        <source>deployments healthy</source>
        <translation>Deployments en buen estado</translation>
    </message>
    <message>
        <source>stale ReplicaSets of %1</source>
        <translation>ReplicaSets obsoletos de %1</translation>
    </message>
    <message>
        <source>checks passed</source>
        <translation>comprobaciones superadas</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de comprobación</translation>
    </message>
    <message>
        <source>Clean up ReplicaSets…</source>
        <translation>Limpiar ReplicaSets…</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>Changed in two places: %1</source>
        <translation>Cambiado en dos sitios: %1</translation>
    </message>
    <message>
        <source>Both versions are kept until you choose one.</source>
        <translation>Se conservan las dos versiones hasta que usted elija una.</translation>
    </message>
    <message>
        <source>On this tablet</source>
        <translation>En esta tableta</translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>En %1</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>Mantenerlo eliminado</translation>
    </message>
    <message>
        <source>Keep this tablet&apos;s version</source>
        <translation>Conservar la versión de esta tableta</translation>
    </message>
    <message>
        <source>Delete it here too</source>
        <translation>Eliminarlo también aquí</translation>
    </message>
    <message>
        <source>Keep the version from %1</source>
        <translation>Conservar la versión de %1</translation>
    </message>
</context>
<context>
    <name>DeploymentCard</name>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n reinicio</numerusform>
            <numerusform>%n reinicios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale ReplicaSet(s)</source>
        <translation>
            <numerusform>%n ReplicaSet obsoleto</numerusform>
            <numerusform>%n ReplicaSets obsoletos</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>En buen estado</translation>
    </message>
    <message>
        <source>Not healthy</source>
        <translation>Con problemas</translation>
    </message>
</context>
<context>
    <name>DeploymentHealthText</name>
    <message>
        <source>%1/%2 available</source>
        <translation>%1/%2 disponibles</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>counts (failing pods)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>progress deadline exceeded, %1</source>
        <translation>plazo de progreso superado, %1</translation>
    </message>
    <message>
        <source>replica failure: %1</source>
        <translation>fallo de réplicas: %1</translation>
    </message>
    <message>
        <source>scaled to 0</source>
        <translation>escalado a 0</translation>
    </message>
    <message>
        <source>%1, but %2</source>
        <translation>%1, pero %2</translation>
    </message>
    <message>
        <source>%1, paused</source>
        <translation>%1, en pausa</translation>
    </message>
    <message>
        <source>%1, update not yet observed</source>
        <translation>%1, actualización aún no observada</translation>
    </message>
    <message>
        <source>%1, rolling out: %2 of %3 updated</source>
        <translation>%1, desplegando: %2 de %3 actualizadas</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n old replica(s) pending termination</source>
        <translation>
            <numerusform>%1, %n réplica antigua pendiente de finalizar</numerusform>
            <numerusform>%1, %n réplicas antiguas pendientes de finalizar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Roll back to revision %1 (image(s) %2)</source>
        <translation>
            <numerusform>Revertir a la revisión %1 (imagen %2)</numerusform>
            <numerusform>Revertir a la revisión %1 (imágenes %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoseHistory</name>
    <message>
        <source>Dose history</source>
        <translation>Historial de dosis</translation>
    </message>
    <message>
        <source>All medications</source>
        <translation>Todos los medicamentos</translation>
    </message>
    <message>
        <source>Show the history of</source>
        <translation>Mostrar el historial de</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>the %1 dose</source>
        <translation>la dosis de las %1</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>según necesidad</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>No doses logged</source>
        <translation>No hay dosis registradas</translation>
    </message>
    <message numerus="yes">
        <source>Doses given or skipped in the last %n day(s) show here.</source>
        <translation>
            <numerusform>Aquí se muestran las dosis administradas u omitidas en el último día (%n).</numerusform>
            <numerusform>Aquí se muestran las dosis administradas u omitidas en los últimos %n días.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoseReminder</name>
    <message>
        <source>Label photo</source>
        <translation>Foto de la etiqueta</translation>
    </message>
    <message>
        <source>Dose time · %1</source>
        <translation>Hora de la dosis · %1</translation>
    </message>
    <message>
        <source>Your first name (optional):</source>
        <translation>Su nombre (opcional):</translation>
    </message>
    <message>
        <source>e.g. Ana</source>
        <translation>p. ej., Ana</translation>
    </message>
    <message>
        <source>Your first name, for the dose history</source>
        <translation>Su nombre, para el historial de dosis</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Administrada</translation>
    </message>
    <message>
        <source>Given: %1</source>
        <translation>Administrada: %1</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>Omitir…</translation>
    </message>
    <message>
        <source>Skip this dose and say why</source>
        <translation>Omitir esta dosis e indicar el motivo</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>Posponer 10 min</translation>
    </message>
    <message>
        <source>Remind me again in 10 minutes</source>
        <translation>Recordármelo de nuevo en 10 minutos</translation>
    </message>
    <message>
        <source>Why is this dose skipped?</source>
        <translation>¿Por qué se omite esta dosis?</translation>
    </message>
    <message>
        <source>Refused it</source>
        <translation>La rechazó</translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation>Dormido/a</translation>
    </message>
    <message>
        <source>Unwell / vomiting</source>
        <translation>Se encuentra mal / vómitos</translation>
    </message>
    <message>
        <source>None left</source>
        <translation>No queda medicamento</translation>
    </message>
    <message>
        <source>Doctor said to hold it</source>
        <translation>El médico indicó suspenderla</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Omitida: %1</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back to the dose</source>
        <translation>Volver a la dosis</translation>
    </message>
    <message numerus="yes">
        <source>Dose time · %1 · %n dose(s) due</source>
        <translation>
            <numerusform>Hora de la dosis · %1 · %n dosis pendiente</numerusform>
            <numerusform>Hora de la dosis · %1 · %n dosis pendientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoseStatusChip</name>
    <message>
        <source>Given</source>
        <translation>Administrada</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitida</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>No administrada</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Próxima</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>Según necesidad</translation>
    </message>
</context>
<context>
    <name>HealthCheckText</name>
    <message numerus="yes">
        <source>%1 +%n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>All pods running</source>
        <translation>Todos los pods en ejecución</translation>
    </message>
    <message>
        <source>No CrashLoopBackOff pods</source>
        <translation>Ningún pod en CrashLoopBackOff</translation>
    </message>
    <message>
        <source>No ImagePullBackOff pods</source>
        <translation>Ningún pod en ImagePullBackOff</translation>
    </message>
    <message>
        <source>No Error pods</source>
        <translation>Ningún pod en Error</translation>
    </message>
    <message>
        <source>No Pending pods</source>
        <translation>Ningún pod en Pending</translation>
    </message>
    <message>
        <source>No Unknown pods</source>
        <translation>Ningún pod en Unknown</translation>
    </message>
    <message>
        <source>All deployments healthy</source>
        <translation>Todos los Deployments en buen estado</translation>
    </message>
    <message>
        <source>One current ReplicaSet per deployment</source>
        <translation>Un ReplicaSet actual por Deployment</translation>
    </message>
    <message>
        <source>Stale ReplicaSets within history limits</source>
        <translation>ReplicaSets obsoletos dentro de los límites del historial</translation>
    </message>
    <message>
        <source>No orphaned ReplicaSets</source>
        <translation>Ningún ReplicaSet huérfano</translation>
    </message>
    <message>
        <source>revisionHistoryLimit set to %1 or less</source>
        <translation>revisionHistoryLimit fijado en %1 o menos</translation>
    </message>
    <message>
        <source>%1/%2 running</source>
        <translation>%1/%2 en ejecución</translation>
    </message>
    <message>
        <source>%1; not running: %2</source>
        <translation>%1; sin ejecutarse: %2</translation>
    </message>
    <message>
        <source>No pod in CrashLoopBackOff</source>
        <translation>Ningún pod en CrashLoopBackOff</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) in CrashLoopBackOff: %1</source>
        <translation>
            <numerusform>%n pod en CrashLoopBackOff: %1</numerusform>
            <numerusform>%n pods en CrashLoopBackOff: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod failing to pull its image</source>
        <translation>Ningún pod con fallos al descargar su imagen</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) failing to pull the image: %1</source>
        <translation>
            <numerusform>%n pod no puede descargar la imagen: %1</numerusform>
            <numerusform>%n pods no pueden descargar la imagen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod in error</source>
        <translation>Ningún pod con error</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) in error: %1</source>
        <translation>
            <numerusform>%n pod con error: %1</numerusform>
            <numerusform>%n pods con error: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod pending</source>
        <translation>Ningún pod pendiente</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) pending: %1</source>
        <translation>
            <numerusform>%n pod pendiente: %1</numerusform>
            <numerusform>%n pods pendientes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod in an unknown state</source>
        <translation>Ningún pod en estado desconocido</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) in an unknown state: %1</source>
        <translation>
            <numerusform>%n pod en estado desconocido: %1</numerusform>
            <numerusform>%n pods en estado desconocido: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 healthy</source>
        <translation>%1/%2 en buen estado</translation>
    </message>
    <message>
        <source>%1; unhealthy: %2</source>
        <translation>%1; con problemas: %2</translation>
    </message>
    <message>
        <source>%1/%2 deployments have a current ReplicaSet</source>
        <translation>%1/%2 Deployments tienen un ReplicaSet actual</translation>
    </message>
    <message>
        <source>%1; none for: %2</source>
        <translation>%1; ninguno para: %2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message numerus="yes">
        <source>%n ReplicaSet(s) in all, %1 stale</source>
        <translation>
            <numerusform>%n ReplicaSet en total (obsoletos: %1)</numerusform>
            <numerusform>%n ReplicaSets en total (obsoletos: %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale ReplicaSet(s), each deployment within its limit</source>
        <translation>
            <numerusform>%n ReplicaSet obsoleto, cada Deployment dentro de su límite</numerusform>
            <numerusform>%n ReplicaSets obsoletos, cada Deployment dentro de su límite</numerusform>
        </translation>
    </message>
    <message>
        <source>over the limit: %1</source>
        <translation>por encima del límite: %1</translation>
    </message>
    <message>
        <source>No orphaned ReplicaSet</source>
        <translation>Ningún ReplicaSet huérfano</translation>
    </message>
    <message numerus="yes">
        <source>%n orphaned: %1</source>
        <translation>
            <numerusform>%n huérfano: %1</numerusform>
            <numerusform>%n huérfanos: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%1 deployments at %2 or less</source>
        <translation>%1/%1 Deployments en %2 o menos</translation>
    </message>
    <message>
        <source>%1 of %2 above %3: %4</source>
        <translation>%1 de %2 por encima de %3: %4</translation>
    </message>
    <message>
        <source>%1 of %2 unset: %3</source>
        <translation>%1 de %2 sin fijar: %3</translation>
    </message>
    <message>
        <source>AI Brain answers</source>
        <translation>AI Brain responde</translation>
    </message>
    <message>
        <source>Medication service answers</source>
        <translation>El servicio de medicamentos responde</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Scan</source>
        <translation>Escanear</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Clúster</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Kilo Guardian Kiosk (demo)</source>
        <translation>Quiosco Kilo Guardian (demostración)</translation>
    </message>
    <message>
        <source>Kilo Guardian Kiosk</source>
        <translation>Quiosco Kilo Guardian</translation>
    </message>
    <message>
        <source>Demo mode: nothing here touches a real cluster or real medications.</source>
        <translation>Modo de demostración: nada de lo que se haga aquí afecta a un clúster real ni a medicamentos reales.</translation>
    </message>
    <message>
        <source>Enter the admin PIN to open the settings.</source>
        <translation>Introduzca el PIN de administrador para abrir los ajustes.</translation>
    </message>
    <message>
        <source>Enter the admin PIN to close the kiosk.</source>
        <translation>Introduzca el PIN de administrador para cerrar el quiosco.</translation>
    </message>
</context>
<context>
    <name>MedicationDetail</name>
    <message>
        <source>‹ All medications</source>
        <translation>‹ Todos los medicamentos</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>No label photo</source>
        <translation>Sin foto de la etiqueta</translation>
    </message>
    <message>
        <source>The label photo cannot be shown</source>
        <translation>No se puede mostrar la foto de la etiqueta</translation>
    </message>
    <message>
        <source>Loading photo…</source>
        <translation>Cargando la foto…</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Posología</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma farmacéutica</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Médico prescriptor</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Refills</source>
        <translation>Resurtidos</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Rx number</source>
        <translation>N.º de receta</translation>
    </message>
    <message>
        <source>Date on label</source>
        <translation>Fecha en la etiqueta</translation>
    </message>
    <message>
        <source>Read by</source>
        <translation>Leído por</translation>
    </message>
    <message>
        <source>this tablet (scanned)</source>
        <translation>esta tableta (escaneado)</translation>
    </message>
    <message>
        <source>AI Brain (scanned)</source>
        <translation>AI Brain (escaneado)</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>introducido a mano</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Take again</source>
        <translation>Volver a tomar</translation>
    </message>
    <message>
        <source>Stop taking</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <source>Dose history</source>
        <translation>Historial de dosis</translation>
    </message>
    <message>
        <source>Dose history of this medication</source>
        <translation>Historial de dosis de este medicamento</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>MedicationEditor</name>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>e.g. Lisinopril</source>
        <translation>p. ej., Lisinopril</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <source>e.g. 10 mg</source>
        <translation>p. ej., 10 mg</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma farmacéutica</translation>
    </message>
    <message>
        <source>tablet, capsule, solution…</source>
        <translation>comprimido, cápsula, solución…</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Dose times</source>
        <translation>Horas de las dosis</translation>
    </message>
    <message>
        <source>empty: the usual times; or e.g. 07:30, 19:30 (one per dose)</source>
        <translation>vacío: las horas habituales; o p. ej., 07:30, 19:30 (una por dosis)</translation>
    </message>
    <message>
        <source>Dose times, one per dose of the day</source>
        <translation>Horas de las dosis, una por cada dosis del día</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Posología</translation>
    </message>
    <message>
        <source>e.g. Take one tablet by mouth twice daily with food</source>
        <translation>p. ej., Tome un comprimido por vía oral dos veces al día con alimentos</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Médico prescriptor</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Refills</source>
        <translation>Resurtidos</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Rx number</source>
        <translation>N.º de receta</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar los cambios</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>MedicationRow</name>
    <message>
        <source>Refill soon: %1</source>
        <translation>Reponer pronto: %1</translation>
    </message>
</context>
<context>
    <name>MedicationSyncController</name>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma farmacéutica</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Pauta</translation>
    </message>
    <message>
        <source>Times a day</source>
        <translation>Veces al día</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>Según necesidad</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Posología</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Médico prescriptor</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Refills</source>
        <translation>Resurtidos</translation>
    </message>
    <message>
        <source>Rx number</source>
        <translation>N.º de receta</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Fill date</source>
        <translation>Fecha de dispensación</translation>
    </message>
    <message>
        <source>Taken now</source>
        <translation>Se toma actualmente</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>MedicationsPage</name>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Kept on this tablet, available without network.</source>
        <translation>Guardada en esta tableta, disponible sin conexión.</translation>
    </message>
    <message>
        <source>Save list as PDF</source>
        <translation>Guardar la lista en PDF</translation>
    </message>
    <message>
        <source>The list was not saved: %1</source>
        <translation>La lista no se ha guardado: %1</translation>
    </message>
    <message>
        <source>Saved for printing: %1</source>
        <translation>Guardada para imprimir: %1</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>No medications yet</source>
        <translation>Todavía no hay medicamentos</translation>
    </message>
    <message>
        <source>No medications are saved on this tablet. Medications you confirm after scanning a label will be listed here.</source>
        <translation>No hay medicamentos guardados en esta tableta. Los medicamentos que usted confirme después de escanear una etiqueta aparecerán aquí.</translation>
    </message>
    <message>
        <source>Medication list unavailable</source>
        <translation>Lista de medicamentos no disponible</translation>
    </message>
    <message>
        <source>The medication list on this tablet could not be opened. Nothing has been changed.</source>
        <translation>No se ha podido abrir la lista de medicamentos de esta tableta. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Search name, prescriber, directions</source>
        <translation>Buscar por nombre, médico o posología</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activos</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Suspendidos</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Next dose</source>
        <translation>Próxima dosis</translation>
    </message>
    <message>
        <source>No medication matches “%1”</source>
        <translation>Ningún medicamento coincide con «%1»</translation>
    </message>
    <message>
        <source>No stopped medications</source>
        <translation>No hay medicamentos suspendidos</translation>
    </message>
    <message>
        <source>No active medications</source>
        <translation>No hay medicamentos activos</translation>
    </message>
    <message>
        <source>Check the spelling, or search for part of the name.</source>
        <translation>Revise la ortografía o busque una parte del nombre.</translation>
    </message>
    <message>
        <source>Choose “All” to see every medication on this tablet.</source>
        <translation>Elija «Todos» para ver todos los medicamentos de esta tableta.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todos</translation>
    </message>
    <message>
        <source>Search medications</source>
        <translation>Buscar medicamentos</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Open a photo of the label</source>
        <translation>Abrir una foto de la etiqueta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Carpeta personal</translation>
    </message>
    <message>
        <source>No folders or photos (JPEG, PNG) here.</source>
        <translation>Aquí no hay carpetas ni fotos (JPEG, PNG).</translation>
    </message>
    <message>
        <source>Folder %1</source>
        <translation>Carpeta %1</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Foto %1</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>The photo cannot be shown</source>
        <translation>No se puede mostrar la foto</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Use the number pad.</source>
        <translation>Use el teclado numérico.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete the last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>PodDetailPanel</name>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Reversión</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Enter the admin PIN to roll %1 back to revision %2.</source>
        <translation>Introduzca el PIN de administrador para revertir %1 a la revisión %2.</translation>
    </message>
    <message>
        <source>This pod no longer exists.</source>
        <translation>Este pod ya no existe.</translation>
    </message>
    <message>
        <source>This deployment has no pods.</source>
        <translation>Este Deployment no tiene pods.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listos</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Reinicios</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>Container %1</source>
        <translation>Contenedor %1</translation>
    </message>
    <message>
        <source>State: %1 · restarts: %2</source>
        <translation>Estado: %1 · reinicios: %2</translation>
    </message>
    <message>
        <source>Last termination: %1</source>
        <translation>Última finalización: %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Loading the log…</source>
        <translation>Cargando el registro…</translation>
    </message>
    <message>
        <source>Restart replaces every pod of %1 with a new one, one at a time.</source>
        <translation>Reiniciar sustituye cada pod de %1 por uno nuevo, de uno en uno.</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Enter the admin PIN to restart %1.</source>
        <translation>Introduzca el PIN de administrador para reiniciar %1.</translation>
    </message>
    <message>
        <source>last %1 ago, first %2 ago</source>
        <translation>el último hace %1, el primero hace %2</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>hace %1</translation>
    </message>
    <message numerus="yes">
        <source>Resume (%n new)</source>
        <translation>
            <numerusform>Reanudar (%n nueva)</numerusform>
            <numerusform>Reanudar (%n nuevas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Stop live</source>
        <translation>Detener en directo</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>Seguir en directo</translation>
    </message>
</context>
<context>
    <name>PrescriptionReview</name>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma farmacéutica</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Pauta</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Médico prescriptor</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Refills</source>
        <translation>Resurtidos</translation>
    </message>
    <message>
        <source>Date filled</source>
        <translation>Fecha de dispensación</translation>
    </message>
    <message>
        <source>Rx number</source>
        <translation>N.º de receta</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The demo cluster could not start: %1</source>
        <translation>No se pudo iniciar el clúster de demostración: %1</translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation>Clúster de demostración</translation>
    </message>
</context>
<context>
    <name>ReadingProgress</name>
    <message>
        <source>Reading the label</source>
        <translation>Leyendo la etiqueta</translation>
    </message>
    <message>
        <source>This takes a few seconds.</source>
        <translation>Esto tarda unos segundos.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RefillText</name>
    <message numerus="yes">
        <source>about %n day(s) left</source>
        <translation>
            <numerusform>queda aproximadamente %n día</numerusform>
            <numerusform>quedan aproximadamente %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>runs out today</source>
        <translation>se acaba hoy</translation>
    </message>
    <message>
        <source>ran out yesterday</source>
        <translation>se acabó ayer</translation>
    </message>
    <message numerus="yes">
        <source>ran out %n day(s) ago</source>
        <translation>
            <numerusform>se acabó hace %n día</numerusform>
            <numerusform>se acabó hace %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewField</name>
    <message>
        <source>%1% sure</source>
        <translation>%1 % de seguridad</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Comprobado</translation>
    </message>
    <message>
        <source>Looks right</source>
        <translation>Parece correcto</translation>
    </message>
    <message>
        <source>Not on the label</source>
        <translation>No figura en la etiqueta</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Needs checking</source>
        <translation>Por comprobar</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>No medication name was read</source>
        <translation>No se ha leído el nombre del medicamento</translation>
    </message>
    <message>
        <source>Already on the list: %1. Save only if this is a new prescription.</source>
        <translation>Ya está en la lista: %1. Guárdelo solo si es una receta nueva.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Save to the list</source>
        <translation>Guardar en la lista</translation>
    </message>
    <message>
        <source>Save this medication?</source>
        <translation>¿Guardar este medicamento?</translation>
    </message>
    <message>
        <source>%1 is already on the list. Save only if this is a new prescription.</source>
        <translation>%1 ya está en la lista. Guárdelo solo si es una receta nueva.</translation>
    </message>
    <message>
        <source>It will be added to the medication list on this tablet.</source>
        <translation>Se añadirá a la lista de medicamentos de esta tableta.</translation>
    </message>
    <message>
        <source>The photo is not kept (setting &quot;Forget photos after save&quot;).</source>
        <translation>La foto no se conserva (ajuste «Olvidar las fotos al guardar»).</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>RevisionHistory</name>
    <message>
        <source>Hide revision history</source>
        <translation>Ocultar el historial de revisiones</translation>
    </message>
    <message>
        <source>Show revision history</source>
        <translation>Mostrar el historial de revisiones</translation>
    </message>
    <message>
        <source>No rollout history found.</source>
        <translation>No se ha encontrado historial de despliegues.</translation>
    </message>
    <message>
        <source>created %1 ago</source>
        <translation>creada hace %1</translation>
    </message>
    <message>
        <source>pods ran</source>
        <translation>los pods se ejecutaron</translation>
    </message>
    <message>
        <source>pods never ran</source>
        <translation>los pods nunca se ejecutaron</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Roll back to this revision</source>
        <translation>Revertir a esta revisión</translation>
    </message>
    <message>
        <source>Enter the admin PIN to roll %1 back to revision %2 (%3).</source>
        <translation>Introduzca el PIN de administrador para revertir %1 a la revisión %2 (%3).</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Scan a prescription</source>
        <translation>Escanear una receta</translation>
    </message>
    <message>
        <source>Check each field against the label, then save.</source>
        <translation>Compare cada campo con la etiqueta y después guarde.</translation>
    </message>
    <message>
        <source>Reading the label. You can cancel at any time.</source>
        <translation>Leyendo la etiqueta. Puede cancelar en cualquier momento.</translation>
    </message>
    <message>
        <source>Hold the label flat in the frame; the photo is taken when it is sharp.</source>
        <translation>Sostenga la etiqueta plana dentro del marco; la foto se toma cuando esté nítida.</translation>
    </message>
    <message>
        <source>Open a photo of a prescription or pharmacy label.</source>
        <translation>Abra una foto de una receta o de una etiqueta de farmacia.</translation>
    </message>
    <message>
        <source>Auto-capture</source>
        <translation>Captura automática</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>Abrir foto</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>No se encontró ninguna cámara</translation>
    </message>
    <message>
        <source>This tablet has no camera, or another program is using it. Open a photo of the label instead, or drop one here.</source>
        <translation>Esta tableta no tiene cámara u otro programa la está usando. Abra una foto de la etiqueta o suéltela aquí.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>It is on the medication list now, on this tablet.</source>
        <translation>Ya está en la lista de medicamentos de esta tableta.</translation>
    </message>
    <message>
        <source>Scan another label</source>
        <translation>Escanear otra etiqueta</translation>
    </message>
    <message>
        <source>Show the medication list</source>
        <translation>Mostrar la lista de medicamentos</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>No ha funcionado</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Open another photo</source>
        <translation>Abrir otra foto</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Escanear</translation>
    </message>
</context>
<context>
    <name>ScheduleText</name>
    <message>
        <source>once daily</source>
        <translation>una vez al día</translation>
    </message>
    <message>
        <source>twice daily</source>
        <translation>dos veces al día</translation>
    </message>
    <message>
        <source>three times daily</source>
        <translation>tres veces al día</translation>
    </message>
    <message>
        <source>four times daily</source>
        <translation>cuatro veces al día</translation>
    </message>
    <message>
        <source>every morning</source>
        <translation>cada mañana</translation>
    </message>
    <message>
        <source>at bedtime</source>
        <translation>al acostarse</translation>
    </message>
    <message numerus="yes">
        <source>every %n hours as needed</source>
        <translation>
            <numerusform>cada %n hora si es necesario</numerusform>
            <numerusform>cada %n horas si es necesario</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hours</source>
        <translation>
            <numerusform>cada %n hora</numerusform>
            <numerusform>cada %n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>once weekly</source>
        <translation>una vez a la semana</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>según necesidad</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>AI Brain</source>
        <translation>AI Brain</translation>
    </message>
    <message>
        <source>Address of the cluster&apos;s AI Brain service. Leave empty to read labels on this tablet only.</source>
        <translation>Dirección del servicio AI Brain del clúster. Déjela vacía para leer las etiquetas solo en esta tableta.</translation>
    </message>
    <message>
        <source>Bearer token saved in the keychain; type to replace</source>
        <translation>Token de portador guardado en el llavero; escriba para reemplazarlo</translation>
    </message>
    <message>
        <source>Bearer token (optional)</source>
        <translation>Token de portador (opcional)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Enter the admin PIN to save the AI Brain settings.</source>
        <translation>Introduzca el PIN de administrador para guardar los ajustes de AI Brain.</translation>
    </message>
    <message>
        <source>Remove token</source>
        <translation>Quitar el token</translation>
    </message>
    <message>
        <source>Enter the admin PIN to remove the AI Brain token.</source>
        <translation>Introduzca el PIN de administrador para quitar el token de AI Brain.</translation>
    </message>
    <message>
        <source>Medication service</source>
        <translation>Servicio de medicamentos</translation>
    </message>
    <message>
        <source>The demo syncs with a built-in medication service. Saving an address here uses a real one.</source>
        <translation>La demostración se sincroniza con un servicio de medicamentos integrado. Si guarda aquí una dirección, se usará un servicio real.</translation>
    </message>
    <message>
        <source>Address of the household&apos;s medication service (kilo-meds), which keeps every tablet&apos;s list the same. Leave empty to keep the list on this tablet only.</source>
        <translation>Dirección del servicio de medicamentos del hogar (kilo-meds), que mantiene la misma lista en todas las tabletas. Déjela vacía para guardar la lista solo en esta tableta.</translation>
    </message>
    <message>
        <source>Enter the admin PIN to save the medication service settings.</source>
        <translation>Introduzca el PIN de administrador para guardar los ajustes del servicio de medicamentos.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Probar</translation>
    </message>
    <message>
        <source>Enter the admin PIN to remove the medication service token.</source>
        <translation>Introduzca el PIN de administrador para quitar el token del servicio de medicamentos.</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Clúster</translation>
    </message>
    <message>
        <source>Not connected. Enter the cluster&apos;s address and a token, or a kubeconfig file, then save.</source>
        <translation>Sin conexión. Introduzca la dirección del clúster y un token, o un archivo kubeconfig, y después guarde.</translation>
    </message>
    <message>
        <source>Now: %1, namespace %2 (%3)</source>
        <translation>Ahora: %1, espacio de nombres %2 (%3)</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Forget photos after save: a saved medication keeps what was read, not the photo of its label.</source>
        <translation>Olvidar las fotos al guardar: un medicamento guardado conserva lo que se leyó, no la foto de su etiqueta.</translation>
    </message>
    <message>
        <source>Dose reminders</source>
        <translation>Recordatorios de dosis</translation>
    </message>
    <message>
        <source>Chime when a dose is due</source>
        <translation>Sonar cuando toque una dosis</translation>
    </message>
    <message>
        <source>Mute the kiosk: no sound at all (reminders still show)</source>
        <translation>Silenciar el quiosco: ningún sonido (los recordatorios se siguen mostrando)</translation>
    </message>
    <message>
        <source>Mute the kiosk</source>
        <translation>Silenciar el quiosco</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>No admin PIN is set. Set one so that only an administrator can repair the cluster, change settings or close the kiosk.</source>
        <translation>No hay ningún PIN de administrador. Establezca uno para que solo un administrador pueda reparar el clúster, cambiar los ajustes o cerrar el quiosco.</translation>
    </message>
    <message>
        <source>Unlocked: admin actions are allowed. Locks itself after %1 without a touch.</source>
        <translation>Desbloqueado: se permiten las acciones de administrador. Se bloquea solo tras %1 sin que nadie toque la pantalla.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Locked. Too many wrong PINs: try again in %1 s.</source>
        <translation>Bloqueado. Demasiados PIN incorrectos: vuelva a intentarlo dentro de %1 s.</translation>
    </message>
    <message>
        <source>Locked. Cluster repairs and other admin actions ask for the PIN.</source>
        <translation>Bloqueado. Las reparaciones del clúster y las demás acciones de administrador piden el PIN.</translation>
    </message>
    <message>
        <source>Set a PIN</source>
        <translation>Establecer un PIN</translation>
    </message>
    <message>
        <source>The PIN protects cluster repairs, the settings and closing the kiosk.</source>
        <translation>El PIN protege las reparaciones del clúster, los ajustes y el cierre del quiosco.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock admin actions on this kiosk.</source>
        <translation>Desbloquear las acciones de administrador en este quiosco.</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Cambiar el PIN</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Every text on every page 1.3 times as big.</source>
        <translation>Todos los textos de todas las páginas, 1,3 veces más grandes.</translation>
    </message>
    <message>
        <source>AI Brain address</source>
        <translation>Dirección de AI Brain</translation>
    </message>
    <message>
        <source>Forget photos after save</source>
        <translation>Olvidar las fotos al guardar</translation>
    </message>
</context>
<context>
    <name>SummaryTile</name>
    <message>
        <source>fine</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>requiere atención</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync the medication list now</source>
        <translation>Sincronizar ahora la lista de medicamentos</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>When needed</source>
        <translation>Cuando sea necesario</translation>
    </message>
    <message>
        <source>Give now</source>
        <translation>Administrar ahora</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Administrada</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Anteriores</translation>
    </message>
    <message>
        <source>Nothing due today</source>
        <translation>No hay dosis previstas para hoy</translation>
    </message>
    <message>
        <source>No active medication has a dose planned for today.</source>
        <translation>Ningún medicamento activo tiene una dosis prevista para hoy.</translation>
    </message>
    <message>
        <source>Give another dose?</source>
        <translation>¿Administrar otra dosis?</translation>
    </message>
    <message>
        <source>Do not give</source>
        <translation>No administrar</translation>
    </message>
    <message>
        <source>Give anyway</source>
        <translation>Administrar de todos modos</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 of %n dose(s) still to come</source>
        <translation>
            <numerusform>%1 · queda %2 de %n dosis</numerusform>
            <numerusform>%1 · quedan %2 de %n dosis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>Viewfinder</name>
    <message>
        <source>The camera reported a problem: %1</source>
        <translation>La cámara informó de un problema: %1</translation>
    </message>
    <message>
        <source>Try the camera again</source>
        <translation>Volver a probar la cámara</translation>
    </message>
    <message>
        <source>Take the photo</source>
        <translation>Tomar la foto</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::AdminSession</name>
    <message>
        <source>The two PINs are not the same. Enter the new PIN again.</source>
        <translation>Los dos PIN no coinciden. Vuelva a introducir el PIN nuevo.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same. Enter the new PIN again.</source>
        <translation>Los dos PIN nuevos no coinciden. Vuelva a introducir el PIN nuevo.</translation>
    </message>
    <message>
        <source>Set an admin PIN</source>
        <translation>Establecer un PIN de administrador</translation>
    </message>
    <message>
        <source>Change the admin PIN</source>
        <translation>Cambiar el PIN de administrador</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>PIN de administrador</translation>
    </message>
    <message>
        <source>Choose a PIN of %1 to %2 digits.</source>
        <translation>Elija un PIN de %1 a %2 dígitos.</translation>
    </message>
    <message>
        <source>Enter the same PIN again.</source>
        <translation>Vuelva a introducir el mismo PIN.</translation>
    </message>
    <message>
        <source>Enter the current PIN.</source>
        <translation>Introduzca el PIN actual.</translation>
    </message>
    <message>
        <source>Choose a new PIN of %1 to %2 digits.</source>
        <translation>Elija un PIN nuevo de %1 a %2 dígitos.</translation>
    </message>
    <message>
        <source>Enter the new PIN again.</source>
        <translation>Vuelva a introducir el PIN nuevo.</translation>
    </message>
    <message>
        <source>Enter the admin PIN.</source>
        <translation>Introduzca el PIN de administrador.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Demasiados PIN incorrectos. Vuelva a intentarlo dentro de %1 s.</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::AiBrainSettings</name>
    <message>
        <source>Saved: labels are read on this tablet only.</source>
        <translation>Guardado: las etiquetas se leen solo en esta tableta.</translation>
    </message>
    <message>
        <source>Saved: the AI Brain is at %1.</source>
        <translation>Guardado: AI Brain está en %1.</translation>
    </message>
    <message>
        <source>Enter the AI Brain address that the token belongs to.</source>
        <translation>Introduzca la dirección de AI Brain a la que pertenece el token.</translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation>Guardando el token en el llavero…</translation>
    </message>
    <message>
        <source>Removing the token from the keychain…</source>
        <translation>Quitando el token del llavero…</translation>
    </message>
    <message>
        <source>The AI Brain token could not be read: %1</source>
        <translation>No se pudo leer el token de AI Brain: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>No se ha guardado nada: %1</translation>
    </message>
    <message>
        <source>Saved: the AI Brain is at %1; its token is in the keychain.</source>
        <translation>Guardado: AI Brain está en %1; su token está en el llavero.</translation>
    </message>
    <message>
        <source>The token could not be removed from the keychain: %1</source>
        <translation>No se pudo quitar el token del llavero: %1</translation>
    </message>
    <message>
        <source>The AI Brain token was removed from the keychain.</source>
        <translation>Se ha quitado el token de AI Brain del llavero.</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::AppContext</name>
    <message>
        <source>Not a valid address. Example: http://kilo-ai-brain.kilo-guardian:8000</source>
        <translation>No es una dirección válida. Ejemplo: http://kilo-ai-brain.kilo-guardian:8000</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://</source>
        <translation>La dirección debe empezar por http:// o https://</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the address</source>
        <translation>No ponga un nombre de usuario ni una contraseña en la dirección</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::ClusterController</name>
    <message>
        <source>Demo cluster (built-in simulator)</source>
        <translation>Clúster de demostración (simulador integrado)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>No se puede conectar</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <source>Offline since %1, reconnecting</source>
        <translation>Sin conexión desde las %1; reconectando</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconectando</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Last update %1 ago</source>
        <translation>Última actualización hace %1</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin iniciar</translation>
    </message>
    <message>
        <source>%1, exit code %2, %3 ago</source>
        <translation>%1, código de salida %2, hace %3</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Log unavailable</source>
        <translation>Registro no disponible</translation>
    </message>
    <message numerus="yes">
        <source>Last %n line(s) before the last crash</source>
        <translation>
            <numerusform>Última línea antes del último fallo (%n)</numerusform>
            <numerusform>Últimas %n líneas antes del último fallo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n line(s)</source>
        <translation>
            <numerusform>Última línea (%n)</numerusform>
            <numerusform>Últimas %n líneas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation>%1 (código de salida %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>deployment (why unhealthy)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Live log of %1</source>
        <translation>Registro en directo de %1</translation>
    </message>
    <message>
        <source>The live log stopped: %1</source>
        <translation>El registro en directo se detuvo: %1</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::ConnectionSettings</name>
    <message>
        <source>Reading the saved connection…</source>
        <translation>Leyendo la conexión guardada…</translation>
    </message>
    <message>
        <source>Enter the cluster&apos;s API server address (e.g. https://192.168.1.10:6443) or a kubeconfig file.</source>
        <translation>Introduzca la dirección del servidor de API del clúster (p. ej., https://192.168.1.10:6443) o un archivo kubeconfig.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>No se ha guardado nada: %1</translation>
    </message>
    <message>
        <source>from Settings</source>
        <translation>desde Ajustes</translation>
    </message>
    <message>
        <source>Saved. The Cluster page now connects to %1, namespace %2.</source>
        <translation>Guardado. La página Clúster se conecta ahora a %1, espacio de nombres %2.</translation>
    </message>
    <message>
        <source>The saved token could not be read: %1</source>
        <translation>No se pudo leer el token guardado: %1</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::DoseController</name>
    <message>
        <source>This dose is no longer on today&apos;s plan.</source>
        <translation>Esta dosis ya no está en el plan de hoy.</translation>
    </message>
    <message>
        <source>The medication list is not open.</source>
        <translation>La lista de medicamentos no está abierta.</translation>
    </message>
    <message>
        <source>A medication no longer on the list</source>
        <translation>Un medicamento que ya no está en la lista</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::HealthAlerts</name>
    <message>
        <source>The medication service is not working. The list on this tablet still works.</source>
        <translation>El servicio de medicamentos no funciona. La lista de esta tableta sigue funcionando.</translation>
    </message>
    <message>
        <source>Reading labels with AI Brain is not working. The tablet reads labels by itself in the meantime.</source>
        <translation>La lectura de etiquetas con AI Brain no funciona. Mientras tanto, la tableta lee las etiquetas por sí misma.</translation>
    </message>
    <message>
        <source>Part of the home-care system (%1) is not working. The medication list on this tablet still works.</source>
        <translation>Una parte del sistema de atención domiciliaria (%1) no funciona. La lista de medicamentos de esta tableta sigue funcionando.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n more problem(s) on the Cluster page)</source>
        <translation>
            <numerusform>%1 (%n problema más en la página Clúster)</numerusform>
            <numerusform>%1 (%n problemas más en la página Clúster)</numerusform>
        </translation>
    </message>
    <message>
        <source>The tablet cannot reach the home-care system. The medication list on this tablet still works.</source>
        <translation>La tableta no puede conectar con el sistema de atención domiciliaria. La lista de medicamentos de esta tableta sigue funcionando.</translation>
    </message>
    <message>
        <source>The Kubernetes API has not answered for more than a minute.</source>
        <translation>La API de Kubernetes lleva más de un minuto sin responder.</translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps crashing (%n restart(s))</source>
        <translation>
            <numerusform>%1 sigue fallando (%n reinicio)</numerusform>
            <numerusform>%1 sigue fallando (%n reinicios)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiosk::ui::MedicationListModel</name>
    <message>
        <source>Stopped</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>When needed</source>
        <translation>Cuando sea necesario</translation>
    </message>
    <message>
        <source>No fixed time</source>
        <translation>Sin hora fija</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Hoy %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Mañana %1</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::MedicationStoreController</name>
    <message>
        <source>Saved changes to %1</source>
        <translation>Cambios guardados en %1</translation>
    </message>
    <message>
        <source>%1 is taken again</source>
        <translation>%1 se vuelve a tomar</translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation>%1 suspendido</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 eliminado</translation>
    </message>
    <message>
        <source>There is nothing to undo</source>
        <translation>No hay nada que deshacer</translation>
    </message>
    <message>
        <source>There is no documents folder to save the list in</source>
        <translation>No hay ninguna carpeta de documentos donde guardar la lista</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::MedicationSyncController</name>
    <message>
        <source>another device</source>
        <translation>otro dispositivo</translation>
    </message>
    <message>
        <source>Deleted here and changed on %1.</source>
        <translation>Eliminado aquí y cambiado en %1.</translation>
    </message>
    <message>
        <source>Changed here and deleted on %1.</source>
        <translation>Cambiado aquí y eliminado en %1.</translation>
    </message>
    <message>
        <source>%1 changed on %2 and here.</source>
        <translation>%1: cambiado en %2 y aquí.</translation>
    </message>
    <message>
        <source>Kept on this tablet only.</source>
        <translation>Guardada solo en esta tableta.</translation>
    </message>
    <message>
        <source>Syncing with the medication service…</source>
        <translation>Sincronizando con el servicio de medicamentos…</translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation>Sincronizada.</translation>
    </message>
    <message>
        <source>Synced just now.</source>
        <translation>Sincronizada hace un momento.</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n min ago.</source>
        <translation>
            <numerusform>Sincronizada hace %n min.</numerusform>
            <numerusform>Sincronizada hace %n min.</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced at %1.</source>
        <translation>Sincronizada a las %1.</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n change(s) waiting. The list on this tablet still works.</source>
        <translation>
            <numerusform>Sin conexión: %n cambio pendiente. La lista de esta tableta sigue funcionando.</numerusform>
            <numerusform>Sin conexión: %n cambios pendientes. La lista de esta tableta sigue funcionando.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline. The list on this tablet still works.</source>
        <translation>Sin conexión. La lista de esta tableta sigue funcionando.</translation>
    </message>
    <message>
        <source>The medication service refused this tablet. Check its token in Settings.</source>
        <translation>El servicio de medicamentos rechazó esta tableta. Revise su token en Ajustes.</translation>
    </message>
    <message>
        <source>Sync is not working. The list on this tablet still works.</source>
        <translation>La sincronización no funciona. La lista de esta tableta sigue funcionando.</translation>
    </message>
    <message>
        <source>The medication list is not open.</source>
        <translation>La lista de medicamentos no está abierta.</translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation>Guardando el token en el llavero…</translation>
    </message>
    <message>
        <source>Saved. The list is kept on this tablet only.</source>
        <translation>Guardado. La lista se guarda solo en esta tableta.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Removing the token…</source>
        <translation>Quitando el token…</translation>
    </message>
    <message>
        <source>Nothing was saved: the token could not be stored in the keychain (%1).</source>
        <translation>No se ha guardado nada: no se pudo guardar el token en el llavero (%1).</translation>
    </message>
    <message>
        <source>Saved, with the token in the keychain.</source>
        <translation>Guardado, con el token en el llavero.</translation>
    </message>
    <message>
        <source>The token could not be removed: %1</source>
        <translation>No se pudo quitar el token: %1</translation>
    </message>
    <message>
        <source>Token removed.</source>
        <translation>Token quitado.</translation>
    </message>
    <message>
        <source>Asking the medication service…</source>
        <translation>Consultando el servicio de medicamentos…</translation>
    </message>
    <message>
        <source>The medication service at %1 answers.</source>
        <translation>El servicio de medicamentos de %1 responde.</translation>
    </message>
    <message>
        <source>The medication service does not answer: %1</source>
        <translation>El servicio de medicamentos no responde: %1</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::PrescriptionReview</name>
    <message>
        <source>Not found on the label: type it in, or confirm it is not there</source>
        <translation>No se encontró en la etiqueta: escríbalo o confirme que no figura</translation>
    </message>
    <message>
        <source>Read with only %1% confidence: compare with the label</source>
        <translation>Leído con solo un %1 % de confianza: compárelo con la etiqueta</translation>
    </message>
    <message>
        <source>The reader was unsure: compare with the label</source>
        <translation>El lector no estaba seguro: compárelo con la etiqueta</translation>
    </message>
    <message>
        <source>Read by AI Brain</source>
        <translation>Leído por AI Brain</translation>
    </message>
    <message>
        <source>Read on this tablet</source>
        <translation>Leído en esta tableta</translation>
    </message>
    <message>
        <source>%1 (AI Brain not used: %2)</source>
        <translation>%1 (no se usó AI Brain: %2)</translation>
    </message>
    <message>
        <source>Nothing has been read yet</source>
        <translation>Todavía no se ha leído nada</translation>
    </message>
    <message>
        <source>Type the medication name</source>
        <translation>Escriba el nombre del medicamento</translation>
    </message>
    <message>
        <source>%1 is too long (at most %2 characters)</source>
        <translation>%1 es demasiado largo (%2 caracteres como máximo)</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 0 to %2</source>
        <translation>%1 debe ser un número entero de 0 a %2</translation>
    </message>
    <message>
        <source>%1 must be a date like 2026-11-26</source>
        <translation>%1 debe ser una fecha como 2026-11-26</translation>
    </message>
    <message>
        <source>Choose one of the listed schedules</source>
        <translation>Elija una de las pautas de la lista</translation>
    </message>
    <message>
        <source>There is no field called %1</source>
        <translation>No hay ningún campo llamado %1</translation>
    </message>
    <message>
        <source>The medication list is not open</source>
        <translation>La lista de medicamentos no está abierta</translation>
    </message>
    <message numerus="yes">
        <source>Check the %n highlighted field(s)</source>
        <translation>
            <numerusform>Revise %n campo resaltado</numerusform>
            <numerusform>Revise los %n campos resaltados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiosk::ui::ScanController</name>
    <message>
        <source>Ready: press the shutter</source>
        <translation>Listo: pulse el disparador</translation>
    </message>
    <message>
        <source>The camera has not delivered a picture yet. Wait a moment, or open a photo instead.</source>
        <translation>La cámara todavía no ha enviado ninguna imagen. Espere un momento o abra una foto.</translation>
    </message>
    <message>
        <source>Could not keep the picture: %1</source>
        <translation>No se pudo conservar la imagen: %1</translation>
    </message>
    <message>
        <source>the frame could not be encoded</source>
        <translation>no se pudo codificar el fotograma</translation>
    </message>
    <message>
        <source>There is no photo at %1</source>
        <translation>No hay ninguna foto en %1</translation>
    </message>
    <message>
        <source>(no file chosen)</source>
        <translation>(no se eligió ningún archivo)</translation>
    </message>
    <message>
        <source>The photo %1 cannot be read (no permission)</source>
        <translation>No se puede leer la foto %1 (sin permiso)</translation>
    </message>
    <message>
        <source>The reader is not set up right: %1</source>
        <translation>El lector no está bien configurado: %1</translation>
    </message>
    <message>
        <source>Reading the label</source>
        <translation>Leyendo la etiqueta</translation>
    </message>
    <message>
        <source>The label could not be read: %1</source>
        <translation>No se pudo leer la etiqueta: %1</translation>
    </message>
    <message>
        <source>There is nothing to save</source>
        <translation>No hay nada que guardar</translation>
    </message>
    <message>
        <source>Point the camera at the label</source>
        <translation>Apunte la cámara a la etiqueta</translation>
    </message>
</context>
<context>
    <name>kiosk::ui::TodayDoseModel</name>
    <message>
        <source>When needed</source>
        <translation>Cuando sea necesario</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Noche</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Mediodía</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Tarde</translation>
    </message>
</context>
</TS>
