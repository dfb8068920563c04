#include "httptestclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// The insights-sandbox executable's contract: one "listening on" line, clean exit on SIGTERM/SIGINT, exit 2
// on bad arguments or a bad scenario.
class TestSandboxProcess : public QObject
{
    Q_OBJECT

private:
    static int runToExit(const QStringList &arguments, QByteArray *standardError)
    {
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SANDBOX_EXE), arguments);
        if (!finished.wait(10000))
            return -1;
        *standardError = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }

    void verifyStopsCleanlyOn(int signalNumber)
    {
        QProcess process;
        QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SANDBOX_EXE),
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--speed"),
                       QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("7")});
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        const QString line = QString::fromUtf8(process.readLine());
        static const QRegularExpression pattern(
            QStringLiteral("^insights-sandbox listening on http://127\\.0\\.0\\.1:(\\d+)\\n$"));
        const auto match = pattern.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        const int port = match.captured(1).toInt();
        QVERIFY(port > 0);

        HttpTestClient http;
        const auto discovery = http.get(QUrl(
            QStringLiteral("http://127.0.0.1:%1/contoso/v2.0/.well-known/openid-configuration").arg(port)));
        QCOMPARE(discovery.status, 200);

        ::kill(pid_t(process.processId()), signalNumber);
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().isEmpty()); // exactly one line on stdout
    }

private slots:
    void sigtermExitsCleanly() { verifyStopsCleanlyOn(SIGTERM); }
    void sigintExitsCleanly() { verifyStopsCleanlyOn(SIGINT); }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("port not a number") << QStringList{QStringLiteral("--port"), QStringLiteral("abc")};
        QTest::addRow("port too big") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::addRow("speed zero") << QStringList{QStringLiteral("--speed"), QStringLiteral("0")};
        QTest::addRow("speed text") << QStringList{QStringLiteral("--speed"), QStringLiteral("fast")};
        QTest::addRow("seed negative") << QStringList{QStringLiteral("--seed"), QStringLiteral("-1")};
        QTest::addRow("unknown option") << QStringList{QStringLiteral("--colour")};
        QTest::addRow("missing value") << QStringList{QStringLiteral("--port")};
        QTest::addRow("positional") << QStringList{QStringLiteral("extra")};
        QTest::addRow("missing scenario")
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("/nonexistent/s.json")};
    }
    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QByteArray standardError;
        QCOMPARE(runToExit(arguments, &standardError), 2);
        QVERIFY(standardError.startsWith("insights-sandbox: "));
    }

    void invalidScenarioFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("not json") << QByteArray("{ nope");
        QTest::addRow("array") << QByteArray("[]");
        QTest::addRow("no instance") << QByteArray("{\"dataSources\":[]}");
    }
    void invalidScenarioFiles()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("scenario.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QByteArray standardError;
        QCOMPARE(runToExit({QStringLiteral("--scenario"), file.fileName()}, &standardError), 2);
        QVERIFY(standardError.contains("scenario"));
    }

    void help()
    {
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SANDBOX_EXE), {QStringLiteral("--help")});
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray text = process.readAllStandardOutput();
        for (const char *option : {"--port", "--scenario", "--speed", "--seed", "--subscription-key"})
            QVERIFY2(text.contains(option), option);
    }
};

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandboxprocess.moc"
