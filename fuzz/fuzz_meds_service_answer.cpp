// libFuzzer target: an answer of the household's medication service (status and body, both
// untrusted) through MedsServiceClient::interpret, the one function that classifies them, and
// each record it accepts through SyncPayload, the way MedicationSync stores it.
// Input: byte 0 picks what was asked (changes, a record, health), bytes 1-2 the HTTP status,
// the rest is the body.
// Invariants: only a 2xx answer is Ok; an answer is Ok exactly when it has no error, and the
// error is one printable line a person can read; a record read from the service and written
// back (toService) reads as the same medication, so a round trip through this tablet changes
// nothing another tablet sees.
#include "meds/sync_payload.h"
#include "sync/meds_service_client.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {

using kiosk::meds::SyncPayload;
using kiosk::sync::MedsServiceClient;
using kiosk::sync::ServiceAnswer;

bool oneReadableLine(const QString &text) {
    if (text.size() > 600)
        return false;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return false;
    }
    return true;
}

void checkRoundTrip(const QJsonObject &record) {
    QStringList errors;
    const auto medication = SyncPayload::fromService(record, &errors);
    if (!medication) {
        if (errors.isEmpty())
            __builtin_trap(); // refused without saying why
        return;
    }
    const QJsonObject written =
        SyncPayload::toService(*medication, SyncPayload::extraOf(record), QStringLiteral("fuzz"));
    QStringList againErrors;
    const auto again = SyncPayload::fromService(written, &againErrors);
    if (!again)
        __builtin_trap(); // what this tablet sends, it cannot read back
    if (SyncPayload::content(*again) != SyncPayload::content(*medication))
        __builtin_trap(); // a round trip changed the medication
    if (SyncPayload::extraOf(written) != SyncPayload::extraOf(record))
        __builtin_trap(); // unknown fields were not kept untouched
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 3 || size > 262144)
        return 0;
    static const MedsServiceClient::Expect expectations[] = {MedsServiceClient::Expect::Changes,
                                                             MedsServiceClient::Expect::Record,
                                                             MedsServiceClient::Expect::Health};
    const auto expect = expectations[data[0] % 3];
    const int status = 100 + (int(data[1]) << 8 | data[2]) % 500;
    const QByteArray body(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));

    const ServiceAnswer answer =
        MedsServiceClient::interpret(status, body, expect, QStringLiteral("http://meds.test"));
    if (answer.status != status)
        __builtin_trap();
    if (answer.ok() != answer.error.isEmpty())
        __builtin_trap(); // an Ok answer with an error, or a failure without one
    if (answer.ok() && status / 100 != 2)
        __builtin_trap();
    if (!oneReadableLine(answer.error))
        __builtin_trap(); // the error reaches the screen, the CLI and the log as one line
    for (const QJsonObject &item : answer.items)
        checkRoundTrip(item);
    if (answer.kind == ServiceAnswer::Kind::Ok || answer.kind == ServiceAnswer::Kind::Conflict) {
        if (!answer.record.isEmpty())
            checkRoundTrip(answer.record);
    }
    return 0;
}
