#include "appoptions.h"

#include <QDir>
#include <QTest>

class TestAppOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("insights-admin"));
        QCoreApplication::setApplicationVersion(QStringLiteral("1.2.3"));
    }

    void defaults()
    {
        const CommandLineResult result = parseCommandLine({QStringLiteral("insights-admin")});
        QVERIFY(result.options);
        QCOMPARE(result.options->dataDir, QFileInfo(defaultDataDir()).absoluteFilePath());
        QVERIFY(result.options->dataDir.endsWith(QLatin1String("insights-admin")));
        QVERIFY(result.requestedLanguage.isEmpty());
        QVERIFY(!result.options->startupProbe);
    }

    void dataDirIsMadeAbsolute()
    {
        const CommandLineResult result = parseCommandLine(
            {QStringLiteral("insights-admin"), QStringLiteral("--data-dir"), QStringLiteral("rel/dir")});
        QVERIFY(result.options);
        QCOMPARE(result.options->dataDir, QDir::current().absoluteFilePath(QStringLiteral("rel/dir")));
    }

    void language()
    {
        const CommandLineResult result =
            parseCommandLine({QStringLiteral("insights-admin"), QStringLiteral("--lang=ro")});
        QVERIFY(result.options);
        QCOMPARE(result.requestedLanguage, QStringLiteral("ro"));
    }

    void helpAndVersionDoNotStart_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("expected");
        QTest::addRow("help") << QStringLiteral("--help") << QStringLiteral("--data-dir <dir>");
        QTest::addRow("short help") << QStringLiteral("-h") << QStringLiteral("--lang <code>");
        QTest::addRow("version") << QStringLiteral("--version") << QStringLiteral("insights-admin 1.2.3\n");
    }

    void helpAndVersionDoNotStart()
    {
        QFETCH(QString, flag);
        QFETCH(QString, expected);
        const CommandLineResult result = parseCommandLine({QStringLiteral("insights-admin"), flag});
        QVERIFY(!result.options);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.output.contains(expected), qPrintable(result.output));
        QVERIFY(!result.output.contains(QLatin1String("startup-probe")));
    }

    void connectorCommands()
    {
        const CommandLineResult headless =
            parseCommandLine({QStringLiteral("insights-admin"), QStringLiteral("--headless"),
                              QStringLiteral("--data-dir"), QStringLiteral("/tmp/insights")});
        QVERIFY(headless.options);
        QVERIFY(headless.options->headless);
        QCOMPARE(headless.options->dataDir, QStringLiteral("/tmp/insights"));
        QVERIFY(!headless.options->needsWindow());
        const CommandLineResult import = parseCommandLine(
            {QStringLiteral("insights-admin"), QStringLiteral("--import-flows"), QStringLiteral("in.json")});
        QVERIFY(import.options);
        QCOMPARE(import.options->importFlows, QStringLiteral("in.json"));
        QVERIFY(!import.options->headless);
        const CommandLineResult exported = parseCommandLine(
            {QStringLiteral("insights-admin"), QStringLiteral("--export-flows"), QStringLiteral("out.json")});
        QVERIFY(exported.options);
        QCOMPARE(exported.options->exportFlows, QStringLiteral("out.json"));
        const CommandLineResult plain = parseCommandLine({QStringLiteral("insights-admin")});
        QVERIFY(plain.options->needsWindow());
    }

    void badArgumentsFailWithMessage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::addRow("missing value")
            << QStringList{QStringLiteral("--data-dir")} << QStringLiteral("data-dir");
        QTest::addRow("positional") << QStringList{QStringLiteral("stray")} << QStringLiteral("stray");
        QTest::addRow("import without a file")
            << QStringList{QStringLiteral("--import-flows")} << QStringLiteral("import-flows");
        QTest::addRow("two commands")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--sign-in")}
            << QStringLiteral("exclude each other");
    }

    void badArgumentsFailWithMessage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        arguments.prepend(QStringLiteral("insights-admin"));
        const CommandLineResult result = parseCommandLine(arguments);
        QVERIFY(!result.options);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.output.contains(expected), qPrintable(result.output));
    }

    void onlyWindowlessFlagsSkipTheGui_data()
    {
        QTest::addColumn<QByteArrayList>("arguments");
        QTest::addColumn<bool>("gui");
        QTest::addRow("none") << QByteArrayList{} << true;
        QTest::addRow("data dir") << QByteArrayList{"--data-dir", "/tmp/x"} << true;
        QTest::addRow("version") << QByteArrayList{"--version"} << false;
        QTest::addRow("help after lang") << QByteArrayList{"--lang", "ro", "--help"} << false;
        QTest::addRow("sign-in") << QByteArrayList{"--sign-in"} << false;
        QTest::addRow("headless") << QByteArrayList{"--headless", "--data-dir", "/tmp/x"} << false;
        QTest::addRow("import") << QByteArrayList{"--import-flows", "flows.json"} << false;
        QTest::addRow("export") << QByteArrayList{"--export-flows", "flows.json"} << false;
        QTest::addRow("bad argument") << QByteArrayList{"--bogus"} << false;
    }

    void onlyWindowlessFlagsSkipTheGui()
    {
        QFETCH(QByteArrayList, arguments);
        QFETCH(bool, gui);
        arguments.prepend("insights-admin");
        std::vector<const char *> argv;
        for (const QByteArray &argument : std::as_const(arguments))
            argv.push_back(argument.constData());
        QCOMPARE(commandLineWantsGui(int(argv.size()), argv.data()), gui);
    }
};

QTEST_GUILESS_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
