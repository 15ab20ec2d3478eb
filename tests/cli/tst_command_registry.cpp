#include "cli/command_registry.h"

#include <QTest>

using kiosk::cli::CommandRegistry;

class TestCommandRegistry : public QObject {
    Q_OBJECT

private slots:
    void findsAndRunsCommands() {
        CommandRegistry registry;
        QStringList seen;
        registry.add({"meds", "medication list", [&](const QStringList &a) {
                          seen = a;
                          return 3;
                      }});
        registry.add({"cluster", "cluster health", [](const QStringList &) { return 0; }});
        QVERIFY(!registry.find("nope"));
        const auto meds = registry.find("meds");
        QVERIFY(meds);
        QCOMPARE(meds->run({"list", "--json"}), 3);
        QCOMPARE(seen, QStringList({"list", "--json"}));
        QCOMPARE(registry.commands().size(), 2);
    }

    void helpAlignsNames() {
        CommandRegistry registry;
        registry.add({"ocr", "read labels", {}});
        registry.add({"cluster", "cluster health", {}});
        const QString help = registry.helpText();
        QVERIFY(help.contains("  ocr      read labels\n"));
        QVERIFY(help.contains("  cluster  cluster health\n"));
    }
};

QTEST_GUILESS_MAIN(TestCommandRegistry)
#include "tst_command_registry.moc"
