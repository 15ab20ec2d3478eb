#pragma once

#include "synth/bottle_photo.h"

namespace kiosk::test {

// One dispensed bottle's label with invented names, for tests that photograph it (bench/synth).
inline kiosk::synth::LabelText lisinoprilBottleLabel() {
    kiosk::synth::LabelText text;
    text.pharmacyLine =
        QStringLiteral("CORNERSTONE PHARMACY  412 ELM ST  DAYTON OH  (937) 555-0142");
    text.rxLine = QStringLiteral("RX# 6084521");
    text.dateLine = QStringLiteral("DATE FILLED: 01/06/2026");
    text.patientLine = QStringLiteral("OLIVIA BENNETT");
    text.drugLine = QStringLiteral("LISINOPRIL 10MG TABLET");
    text.directions = QStringLiteral("TAKE 1 TABLET BY MOUTH DAILY");
    text.quantityLine = QStringLiteral("QTY: 30");
    text.refillsLine = QStringLiteral("Refills left: 2");
    text.prescriberLine = QStringLiteral("Dr. Peter Harper");
    return text;
}

// Its Spanish twin, as a Spanish-language pharmacy label prints it: the same medicine, schedule
// and people, the keys and directions in Spanish, the date day first.
inline kiosk::synth::LabelText lisinoprilBottleLabelSpanish() {
    kiosk::synth::LabelText text = lisinoprilBottleLabel();
    text.pharmacyLine =
        QStringLiteral("FARMACIA CORNERSTONE  412 ELM ST  DAYTON OH  (937) 555-0142");
    text.rxLine = QStringLiteral("RECETA # 6084521");
    text.dateLine = QStringLiteral("FECHA: 06/01/2026");
    text.drugLine = QStringLiteral("LISINOPRIL 10MG TABLETA");
    text.directions = QStringLiteral("TOME 1 TABLETA AL D\u00cdA POR V\u00cdA ORAL");
    text.quantityLine = QStringLiteral("CANTIDAD: 30");
    text.refillsLine = QStringLiteral("Resurtidos: 2");
    text.prescriberLine = QStringLiteral("Dr. Peter Harper");
    return text;
}

} // namespace kiosk::test
