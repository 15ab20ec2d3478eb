// What an informer spends per object before caching it (CacheTrimmer, then JsonSubtreeInterner)
// on the simulator's `scale` namespace, built in-process and cut into the informer's 500-item
// list pages. Each round starts with an empty pool, as a re-list does; the counters report the
// cost per object, how many subtrees the pool ends with and the heap the cached objects take
// beyond the parsed pages (which stay alive here, so trimmed-only objects take almost none).
// Releasing the objects is not timed.
//
//   intern_bench [--benchmark_filter=replicaSets/1]   (argument 0: trimmed only; 1: and interned)
#include "k8s/cache_trimmer.h"
#include "k8s/json_subtree_interner.h"
#include "sim/event_recorder.h"
#include "sim/kubelet.h"
#include "sim/object_service.h"
#include "sim/object_store.h"
#include "sim/resource_type.h"
#include "sim/scenario.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <benchmark/benchmark.h>

#include <malloc.h>

namespace {

using kiosk::k8s::CacheTrimmer;
using kiosk::k8s::JsonSubtreeInterner;

constexpr qsizetype kPageSize = 500;

struct ScaleListPages {
    QList<QJsonObject> deployments;
    QList<QJsonObject> replicaSets;
    QList<QJsonObject> pods;
};

// The list pages as the informer receives them: parsed from the server's bytes.
QList<QJsonObject> listPages(const kiosk::sim::ObjectStore &store,
                             const kiosk::sim::ResourceType &type) {
    QList<QJsonObject> pages;
    QByteArrayList items;
    const auto flush = [&] {
        const QByteArray page = "{\"items\":[" + items.join(',') + "]}";
        pages.append(QJsonDocument::fromJson(page).object());
        items.clear();
    };
    store.visit(type, QStringLiteral("scale"), QString(),
                [&](const QString &, const QJsonObject &object, const QByteArray &json) {
                    items.append(json.isEmpty()
                                     ? QJsonDocument(object).toJson(QJsonDocument::Compact)
                                     : json);
                    if (items.size() == kPageSize)
                        flush();
                    return true;
                });
    if (!items.isEmpty())
        flush();
    return pages;
}

const ScaleListPages &scalePages() {
    static const ScaleListPages pages = [] {
        kiosk::sim::ObjectStore store;
        kiosk::sim::ObjectService service(&store);
        kiosk::sim::EventRecorder events(&service);
        kiosk::sim::Kubelet kubelet(&service, &events, kiosk::sim::Scenario::kNodeName);
        QString error;
        kiosk::sim::Scenario::load(QStringLiteral("scale"), &service, &kubelet, &error);
        const auto &catalog = kiosk::sim::ResourceCatalog::instance();
        return ScaleListPages{listPages(store, catalog.deployments()),
                              listPages(store, catalog.replicaSets()),
                              listPages(store, catalog.pods())};
    }();
    return pages;
}

void prepareForCache(benchmark::State &state, const QList<QJsonObject> &pages,
                     CacheTrimmer::Kind kind) {
    const CacheTrimmer trimmer(kind);
    const bool share = state.range(0) != 0;
    qint64 objects = 0;
    qsizetype pooled = 0;
    double cachedBytes = 0;
    for (auto _ : state) {
        const size_t heapBefore = mallinfo2().uordblks;
        JsonSubtreeInterner interner;
        QList<QJsonObject> cached;
        for (const QJsonObject &page : pages) {
            for (const auto &item : page.value(u"items").toArray())
                cached.append(share ? interner.intern(trimmer.trim(item.toObject()))
                                    : trimmer.trim(item.toObject()));
        }
        objects += cached.size();
        pooled = interner.pooledSubtrees();
        benchmark::DoNotOptimize(cached);
        state.PauseTiming();
        interner.clear();
        // What the informer keeps once the list is done: the objects, not the pool.
        cachedBytes = double(mallinfo2().uordblks) - double(heapBefore);
        cached.clear();
        state.ResumeTiming();
    }
    if (objects == 0) {
        state.SkipWithError("the scale scenario listed nothing");
        return;
    }
    state.counters["objects"] = double(objects) / double(state.iterations());
    state.counters["pooled_subtrees"] = double(pooled);
    state.counters["cached_MB"] = cachedBytes / 1e6;
    state.counters["per_object"] = benchmark::Counter(
        double(objects), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void replicaSets(benchmark::State &state) {
    prepareForCache(state, scalePages().replicaSets, CacheTrimmer::Kind::ReplicaSet);
}

void deployments(benchmark::State &state) {
    prepareForCache(state, scalePages().deployments, CacheTrimmer::Kind::Deployment);
}

void pods(benchmark::State &state) {
    prepareForCache(state, scalePages().pods, CacheTrimmer::Kind::Pod);
}

} // namespace

// Argument 0: trimmed only, the baseline; 1: trimmed and interned, as the informers cache them.
BENCHMARK(replicaSets)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(deployments)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(pods)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
