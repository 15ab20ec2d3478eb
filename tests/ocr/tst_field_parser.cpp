#include "ocr/drug_lexicon.h"
#include "ocr/field_parser.h"

#include <QTest>

using namespace kiosk::ocr;

class TestFieldParser : public QObject {
    Q_OBJECT
private:
    DrugLexicon m_lexicon;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_lexicon.loadFile(
                     QStringLiteral(KIOSK_SOURCE_DIR "/resources/ocr/drug_lexicon.tsv"), &error),
                 qPrintable(error));
        QVERIFY(m_lexicon.entries().size() > 600); // 300+ generics plus brands
    }

    void lexiconCorrectsOcrSlips() {
        const auto exact = m_lexicon.bestMatch({QStringLiteral("LISINOPRIL")});
        QVERIFY(exact.isValid());
        QCOMPARE(m_lexicon.entries()[size_t(exact.entry)].name, QStringLiteral("Lisinopril"));
        QCOMPARE(exact.distance, 0);
        const auto slip = m_lexicon.bestMatch({QStringLiteral("Metfonnin")});
        QVERIFY(slip.isValid());
        QCOMPARE(m_lexicon.entries()[size_t(slip.entry)].name, QStringLiteral("Metformin"));
        QVERIFY(slip.distance > 0);
        const auto brand = m_lexicon.bestMatch({QStringLiteral("Lipitor")});
        QVERIFY(brand.isValid());
        QCOMPARE(m_lexicon.entries()[size_t(brand.entry)].generic, QStringLiteral("Atorvastatin"));
        const auto twoWords = m_lexicon.bestMatch(
            {QStringLiteral("POTASSIUM"), QStringLiteral("CHLORIDE"), QStringLiteral("20")});
        QVERIFY(twoWords.isValid());
        QCOMPARE(m_lexicon.entries()[size_t(twoWords.entry)].name,
                 QStringLiteral("Potassium Chloride"));
        QVERIFY(!m_lexicon.bestMatch({QStringLiteral("Signature")}).isValid());
    }

    void pharmacyLabel() {
        FieldParser parser(m_lexicon);
        const auto rx =
            parser.parseText(QStringLiteral("NORTHGATE PHARMACY\n"
                                            "1044 Main St, Springfield, IL (555) 394-4963\n"
                                            "Rx# 1702635      Date: 11/06/2026\n"
                                            "FATIMA IBRAHIM\n"
                                            "TAKE ONE TABLET BY MOUTH EVERY 8 HOURS WITH A\n"
                                            "FULL GLASS OF WATER\n"
                                            "ROSUVASTATIN 20 MG TABLET\n"
                                            "QTY: 90      REFILLS: 3\n"
                                            "DR. CARLOS PATEL\n"
                                            "Discard after: 11/06/2027"));
        QCOMPARE(rx.medicationName, QStringLiteral("Rosuvastatin"));
        QCOMPARE(rx.dosage, QStringLiteral("20 mg"));
        QCOMPARE(rx.dosageForm, QStringLiteral("tablet"));
        QCOMPARE(rx.schedule, QStringLiteral("every 8 hours"));
        QCOMPARE(rx.timesPerDay.value_or(-1), 3);
        QCOMPARE(
            rx.instructions,
            QStringLiteral("Take one tablet by mouth every 8 hours with a full glass of water"));
        QCOMPARE(rx.prescriber, QStringLiteral("Carlos Patel"));
        QCOMPARE(rx.patient, QStringLiteral("Fatima Ibrahim"));
        QCOMPARE(rx.pharmacy, QStringLiteral("Northgate Pharmacy"));
        QCOMPARE(rx.rxNumber, QStringLiteral("1702635"));
        QCOMPARE(rx.date, QStringLiteral("2026-11-06"));
        QCOMPARE(rx.quantity.value_or(-1), 90);
        QCOMPARE(rx.refills.value_or(-1), 3);
        QVERIFY2(rx.needsReview.isEmpty(), qPrintable(rx.needsReview.join(',')));
    }

    void prescriptionPad() {
        FieldParser parser(m_lexicon);
        const auto rx =
            parser.parseText(QStringLiteral("Maria Fischer, DO\n"
                                            "Family Medicine 1778 Hill St, Springfield, IL\n"
                                            "Patient: Priya Brennan      Date: 09/10/2026\n"
                                            "Rx\n"
                                            "Tramadol 50 mg tablets\n"
                                            "Sig: 1 tab PO Q6H PRN for pain\n"
                                            "Disp: #30\n"
                                            "Refills: none\n"
                                            "Signature"));
        QCOMPARE(rx.medicationName, QStringLiteral("Tramadol"));
        QCOMPARE(rx.dosage, QStringLiteral("50 mg"));
        QCOMPARE(rx.schedule, QStringLiteral("every 6 hours as needed"));
        QVERIFY(!rx.timesPerDay.has_value());
        QVERIFY(rx.asNeeded);
        QCOMPARE(rx.instructions, QStringLiteral("1 tab PO Q6H PRN for pain"));
        QCOMPARE(rx.instructionsPlain,
                 QStringLiteral("Take one tablet by mouth every 6 hours as needed for pain"));
        QCOMPARE(rx.prescriber, QStringLiteral("Maria Fischer"));
        QCOMPARE(rx.patient, QStringLiteral("Priya Brennan"));
        QCOMPARE(rx.quantity.value_or(-1), 30);
        QCOMPARE(rx.refills.value_or(-1), 0);
        QVERIFY(rx.rxNumber.isEmpty());
        QVERIFY(rx.pharmacy.isEmpty());
    }

    // The Spanish twin of pharmacyLabel: the same medicine and schedule, the label's own words.
    void spanishPharmacyLabel() {
        FieldParser parser(m_lexicon);
        const auto rx =
            parser.parseText(QStringLiteral("FARMACIA NORTHGATE\n"
                                            "1044 Main St, Springfield, IL (555) 394-4963\n"
                                            "Receta # 1702635      Fecha: 06/11/2026\n"
                                            "FATIMA IBRAHIM\n"
                                            "TOME UNA TABLETA POR VÍA ORAL CADA 8 HORAS CON UN\n"
                                            "VASO LLENO DE AGUA\n"
                                            "ROSUVASTATINA 20 MG TABLETA\n"
                                            "CANTIDAD: 90      RESURTIDOS: 3\n"
                                            "DR. CARLOS PATEL\n"
                                            "Desechar después de: 06/11/2027"));
        QCOMPARE(rx.language, QStringLiteral("es"));
        QCOMPARE(rx.medicationName, QStringLiteral("Rosuvastatina"));
        QCOMPARE(rx.dosage, QStringLiteral("20 mg"));
        QCOMPARE(rx.dosageForm, QStringLiteral("tablet"));
        QCOMPARE(rx.schedule, QStringLiteral("every 8 hours"));
        QCOMPARE(rx.timesPerDay.value_or(-1), 3);
        QCOMPARE(rx.instructions,
                 QStringLiteral("Tome una tableta por vía oral cada 8 horas con un vaso lleno de "
                                "agua"));
        // The readers lose accents; the label words get them back.
        QCOMPARE(parser
                     .parseText(QStringLiteral("LISINOPRIL 10 MG\nTOME 1 CAPSULA POR VIA ORAL "
                                               "CADA MANANA DESPUES DEL DESAYUNO"))
                     .instructions,
                 QStringLiteral("Tome 1 cápsula por vía oral cada mañana después del desayuno"));
        QCOMPARE(rx.prescriber, QStringLiteral("Carlos Patel"));
        QCOMPARE(rx.patient, QStringLiteral("Fatima Ibrahim"));
        QCOMPARE(rx.pharmacy, QStringLiteral("Farmacia Northgate"));
        QCOMPARE(rx.rxNumber, QStringLiteral("1702635"));
        QCOMPARE(rx.date, QStringLiteral("2026-11-06")); // day first on a Spanish label
        QCOMPARE(rx.quantity.value_or(-1), 90);
        QCOMPARE(rx.refills.value_or(-1), 3);
        QVERIFY2(rx.needsReview.isEmpty(), qPrintable(rx.needsReview.join(',')));

        const auto none = parser.parseText(
            QStringLiteral("METFORMINA 500 MG\nTome 1 tableta 2 veces al día con alimentos\n"
                           "Cantidad: 60   Sin resurtidos"));
        QCOMPARE(none.medicationName, QStringLiteral("Metformina"));
        QCOMPARE(none.schedule, QStringLiteral("twice daily"));
        QCOMPARE(none.refills.value_or(-1), 0);
        QCOMPARE(none.quantity.value_or(-1), 60);
    }

    void englishLabelStaysEnglish() {
        FieldParser parser(m_lexicon);
        const auto rx = parser.parseText(
            QStringLiteral("METFORMIN 500 MG\nTake 1 tablet by mouth twice daily with food"));
        QCOMPARE(rx.language, QStringLiteral("en"));
        QCOMPARE(rx.medicationName, QStringLiteral("Metformin"));
    }

    // Directions that stop on a word that needs more after it were cut short: the schedule read so
    // far may lack its "as needed", so a person checks both.
    void cutShortDirectionsAreFlagged() {
        FieldParser parser(m_lexicon);
        for (const QString &sig :
             {QStringLiteral("Take 1 tablet by mouth every 6 hours as"),
              QStringLiteral("Administre 5 ml por vía oral cada 6 horas si es")}) {
            const auto rx = parser.parseText(QStringLiteral("IBUPROFEN 400 MG\n") + sig);
            QCOMPARE(rx.schedule, QStringLiteral("every 6 hours"));
            QVERIFY2(rx.needsReview.contains(QStringLiteral("schedule")), qPrintable(sig));
            QVERIFY2(rx.needsReview.contains(QStringLiteral("instructions")), qPrintable(sig));
        }
        const auto whole = parser.parseText(
            QStringLiteral("IBUPROFEN 400 MG\nTake 1 tablet by mouth every 6 hours as needed"));
        QVERIFY(!whole.needsReview.contains(QStringLiteral("schedule")));
    }

    void correctedNameIsFlagged() {
        FieldParser parser(m_lexicon);
        const auto rx =
            parser.parseText(QStringLiteral("Metfonnin 500 mg tablet\nTake one tablet by mouth "
                                            "twice daily\nPrescriber: Ann Lee, MD"));
        QCOMPARE(rx.medicationName, QStringLiteral("Metformin"));
        QVERIFY(rx.needsReview.contains(QStringLiteral("medication_name")));
    }

    void lowOcrConfidenceIsFlagged() {
        // The same label, but Tesseract doubted the prescriber's name and a word of the sig.
        OcrPage page;
        auto line = [&](std::initializer_list<std::pair<const char *, double>> words, int y) {
            OcrLine l;
            int x = 0;
            for (const auto &[text, conf] : words) {
                const int w = int(qstrlen(text)) * 10;
                l.words.push_back({QString::fromLatin1(text), conf, QRect(x, y, w, 20)});
                x += w + 8;
            }
            page.lines.push_back(l);
        };
        line({{"Lisinopril", 0.95}, {"10", 0.95}, {"mg", 0.95}, {"tablet", 0.95}}, 0);
        line({{"Take", 0.95},
              {"one", 0.95},
              {"tablet", 0.95},
              {"by", 0.95},
              {"mouth", 0.95},
              {"dialy", 0.4},
              {"xqz", 0.3}},
             30);
        line({{"Prescriber:", 0.95}, {"Lvan", 0.6}, {"Smith", 0.9}}, 60);
        const auto rx = FieldParser(m_lexicon).parse(page);
        QCOMPARE(rx.medicationName, QStringLiteral("Lisinopril"));
        QVERIFY(rx.needsReview.contains(QStringLiteral("prescriber")));
        QVERIFY(rx.needsReview.contains(QStringLiteral("instructions")));
        QVERIFY(rx.needsReview.contains(QStringLiteral("schedule")));
        QVERIFY(!rx.needsReview.contains(QStringLiteral("medication_name")));
    }

    void rowsFollowTiltedText() {
        // Words of one printed row drift down by a few pixels each; a second row sits below.
        OcrPage page;
        OcrLine a, b;
        a.words = {{QStringLiteral("Refills:"), 0.9, QRect(0, 100, 80, 20)},
                   {QStringLiteral("11"), 0.9, QRect(90, 106, 20, 20)}};
        b.words = {{QStringLiteral("Disp:"), 0.9, QRect(0, 70, 50, 20)},
                   {QStringLiteral("#60"), 0.9, QRect(60, 76, 30, 20)}};
        page.lines = {a, b};
        const auto rows = FieldParser::layoutRows(page);
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[0].text(), QStringLiteral("Disp: #60"));
        QCOMPARE(rows[1].text(), QStringLiteral("Refills: 11"));
    }

    void garbageGivesEmptyFlaggedFields() {
        FieldParser parser(m_lexicon);
        const auto rx = parser.parseText(QStringLiteral("~~~ |||| 12/99/9999 \n\n Rx# \n Sig:"));
        QVERIFY(rx.medicationName.isEmpty());
        for (const QString &field : Prescription::coreFields())
            QVERIFY2(rx.needsReview.contains(field), qPrintable(field));
    }

    // Real bottles (layouts and slips seen on phone photos of dispensed labels; invented people).
    void genericForNamesTheBrandReplaced() {
        FieldParser parser(m_lexicon);
        const auto rx = parser.parseText(QStringLiteral("Olivia Bennett\n"
                                                        "Lovastatin Tabs 10mg\n"
                                                        "Generic for: Mevacor Tabs 10mg\n"
                                                        "Take 1 Tablet Every Night At Bedtime\n"
                                                        "CALL:800.555.0100      Rx: 171500000001\n"
                                                        "Pkg: 1 Of 1      Qty Filled:90"));
        QCOMPARE(rx.medicationName, QStringLiteral("Lovastatin")); // not the brand it replaces
        QCOMPARE(rx.dosage, QStringLiteral("10 mg"));
        QCOMPARE(rx.schedule, QStringLiteral("at bedtime"));
        QCOMPARE(rx.quantity.value_or(-1), 90);
        QVERIFY(!rx.needsReview.contains(QStringLiteral("medication_name"))); // two lines agree
    }
    void unreadableDrugLineFallsBackToTheBrandsGeneric() {
        FieldParser parser(m_lexicon);
        const auto rx =
            parser.parseText(QStringLiteral("Wd sisoine Besylate Vans Wo\n"
                                            "Generic for: Norvasc Tabs 10mg\n"
                                            "Take 1 Tablet Daily. Do Not Eat Grapefruit."));
        QCOMPARE(rx.medicationName, QStringLiteral("Amlodipine"));
        QCOMPARE(rx.dosage, QStringLiteral("10 mg"));
        // Inferred, not read: a person confirms both.
        QVERIFY(rx.needsReview.contains(QStringLiteral("medication_name")));
        QVERIFY(rx.needsReview.contains(QStringLiteral("dosage")));
    }
    void squeezedLineStartsAreRecoveredButFlagged() {
        FieldParser parser(m_lexicon);
        // The bottle's curve squeezed the first letters of each line away.
        const auto rx = parser.parseText(QStringLiteral("ovastatin Tabs 10mg\n"
                                                        "Tae 1 Tablet Every Night At Bedtime"));
        QCOMPARE(rx.medicationName, QStringLiteral("Lovastatin"));
        QVERIFY(rx.needsReview.contains(QStringLiteral("medication_name")));
        QCOMPARE(rx.instructions, QStringLiteral("Take 1 Tablet Every Night At Bedtime"));
        QVERIFY(rx.needsReview.contains(QStringLiteral("instructions")));
        // Digits read as letters in a strength ("10MG" as "LOMG"): put back, and flagged.
        const auto lettered = parser.parseText(
            QStringLiteral("LISINOPRIL LOMG TABLET\nTAKE 1 TABLET BY MOUTH DAILY"));
        QCOMPARE(lettered.dosage, QStringLiteral("10 mg"));
        QVERIFY(lettered.needsReview.contains(QStringLiteral("dosage")));
        // A stray mark from the label's edge before the verb is dropped, not read as directions.
        const auto stray = parser.parseText(
            QStringLiteral("Lovastatin Tabs 10mg\nFE Take 1 Tablet Every Night At Bedtime"));
        QCOMPARE(stray.instructions, QStringLiteral("Take 1 Tablet Every Night At Bedtime"));
        QCOMPARE(stray.schedule, QStringLiteral("at bedtime"));
        // A word that is no verb and a count the reader cannot see are never made up.
        const auto unsure =
            parser.parseText(QStringLiteral("Lovastatin Tabs 10mg\n| nie Tablet Daily"));
        QVERIFY(!unsure.instructions.startsWith(QLatin1String("Take 1")));
    }
    void manufacturerPrefixIsNotTheName() {
        FieldParser parser(m_lexicon);
        const auto rx = parser.parseText(
            QStringLiteral("APO-IBUPROFEN 400MG TABLET\n"
                           "TAKE 1 TABLET BY MOUTH EVERY 6 HOURS AS NEEDED FOR PAIN\n"
                           "QTY 6      NO REFILLS - DR. AUTHORIZATION REQUIRED\n"
                           "Dr. Peter Harper"));
        QCOMPARE(rx.medicationName, QStringLiteral("Ibuprofen"));
        QCOMPARE(rx.dosage, QStringLiteral("400 mg"));
        QCOMPARE(rx.dosageForm, QStringLiteral("tablet"));
        QCOMPARE(rx.schedule, QStringLiteral("every 6 hours as needed"));
        QCOMPARE(rx.quantity.value_or(-1), 6);
        QCOMPARE(rx.refills.value_or(-1), 0);
        QCOMPARE(rx.prescriber, QStringLiteral("Peter Harper"));
    }
    void prescriberKeysAreSynonyms_data() {
        QTest::addColumn<QString>("line");
        QTest::newRow("Doctor:") << "Doctor: Rosa Quinn";
        QTest::newRow("Prescribed by") << "Prescribed by: Rosa Quinn";
        QTest::newRow("by: Dr. (Prescribed lost)") << "by: Dr. Rosa Quinn";
        QTest::newRow("Dr.") << "DR. ROSA QUINN";
        QTest::newRow("Prescriber, comma") << "PRESCRIBER: QUINN, ROSA";
        QTest::newRow("credential after") << "Rosa Quinn, MD";
        QTest::newRow("Médico:") << "Médico: Rosa Quinn";
        QTest::newRow("Recetado por") << "Recetado por: Dra. Rosa Quinn";
        QTest::newRow("Dra.") << "DRA. ROSA QUINN";
    }
    void prescriberKeysAreSynonyms() {
        QFETCH(QString, line);
        FieldParser parser(m_lexicon);
        const auto rx = parser.parseText(
            QStringLiteral("PREDNISONE 20MG TAB\nTAKE 1 TABLET BY MOUTH DAILY\n") + line);
        QCOMPARE(rx.medicationName, QStringLiteral("Prednisone"));
        QStringList words =
            rx.prescriber.toLower().remove(QLatin1Char(',')).split(QLatin1Char(' '));
        words.sort();
        QCOMPARE(words, (QStringList{QStringLiteral("quinn"), QStringLiteral("rosa")}));
    }
};

QTEST_GUILESS_MAIN(TestFieldParser)
#include "tst_field_parser.moc"
