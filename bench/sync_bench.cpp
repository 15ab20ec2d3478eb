// Sync speed: N records (default 1,000) added on one tablet, pushed to an in-process meds-sim,
// pulled by a second tablet; then every record edited on the second and the changes pulled
// back. Prints the wall time of each round, records per second and the peak RSS.
//   sync_bench [N]
#include "meds/medication_store.h"
#include "sim/meds_service_simulator.h"
#include "sync/medication_sync.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using kiosk::meds::Medication;
using kiosk::meds::MedicationStore;
using kiosk::sync::MedicationSync;

namespace {

long peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool timedRound(MedicationSync &sync, const char *what, int records) {
    QElapsedTimer clock;
    clock.start();
    const auto report = sync.syncBlocking();
    const qint64 ms = qMax<qint64>(1, clock.elapsed());
    QTextStream(stdout) << QStringLiteral("%1: %2 ms (%3 records/s; pushed %4, pulled %5)%6\n")
                               .arg(QLatin1String(what))
                               .arg(ms)
                               .arg(records * 1000 / ms)
                               .arg(report.pushed)
                               .arg(report.pulled)
                               .arg(report.ok() ? QString()
                                                : QStringLiteral(" FAILED: ") + report.error);
    return report.ok();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    if (count <= 0) {
        QTextStream(stderr) << "usage: sync_bench [N]\n";
        return 2;
    }
    QTemporaryDir dir;
    kiosk::sim::MedsServiceSimulator service;
    if (!dir.isValid() || !service.listen()) {
        QTextStream(stderr) << "sync_bench: cannot start: " << service.errorString() << '\n';
        return 1;
    }
    MedicationStore kitchen(dir.filePath(QStringLiteral("kitchen.sqlite"))),
        bedroom(dir.filePath(QStringLiteral("bedroom.sqlite")));
    QString error;
    if (!kitchen.open(&error) || !bedroom.open(&error)) {
        QTextStream(stderr) << "sync_bench: " << error << '\n';
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        Medication m;
        m.medicationName = QStringLiteral("Medicine %1").arg(i, 5, 10, QLatin1Char('0'));
        m.dosage = QStringLiteral("%1 mg").arg(i % 50 + 1);
        m.schedule = QStringLiteral("once daily");
        m.instructions = QStringLiteral("Take 1 tablet by mouth once daily");
        if (!kitchen.add(m, &error)) {
            QTextStream(stderr) << "sync_bench: " << error << '\n';
            return 1;
        }
    }
    MedicationSync kitchenSync(kitchen), bedroomSync(bedroom);
    kitchenSync.client().setBaseUrl(service.url());
    bedroomSync.client().setBaseUrl(service.url());
    QTextStream(stdout) << count << " records, meds-sim on " << service.url().toString() << '\n';
    bool ok = timedRound(kitchenSync, "push (kitchen)", count) &&
              timedRound(bedroomSync, "pull (bedroom)", count);
    for (Medication m : bedroom.list(&error).value_or(QList<Medication>())) {
        m.instructions = QStringLiteral("Take 1 tablet by mouth in the morning");
        bedroom.update(m, &error);
    }
    ok = ok && timedRound(bedroomSync, "push edits (bedroom)", count) &&
         timedRound(kitchenSync, "pull edits (kitchen)", count);
    QTextStream(stdout) << "peak RSS: " << peakRssMiB() << " MiB\n";
    return ok ? 0 : 1;
}
