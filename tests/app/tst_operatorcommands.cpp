// insights-admin tried as an operator would, against a separate insights-sandbox, with the real OS secret
// store (run under tests/support/with-keyring.sh): sign in once, then run the connector; one connector per
// data folder.
#include "httptestclient.h"
#include "sandboxprocess.h"

#include <QFile>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestOperatorCommands : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QString m_base;
    HttpTestClient m_http;

    static QProcessEnvironment environment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("BROWSER"), QStringLiteral(SANDBOX_BROWSER));
        environment.insert(QStringLiteral("SANDBOX_CONSENT"), QStringLiteral("accept"));
        return environment;
    }

    static void start(QProcess &process, const QStringList &arguments)
    {
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(INSIGHTS_ADMIN_EXE),
                      QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
    }

    struct Run
    {
        int exitCode = -1;
        QString output; // stderr, then stdout
    };

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        start(process, arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardError() + process.readAllStandardOutput())};
    }

    // Reads stderr into `err` until it holds `text` or the process ends.
    static bool waitForStderr(QProcess &process, QByteArray &err, const QByteArray &text)
    {
        return QTest::qWaitFor(
                   [&] {
                       err += process.readAllStandardError();
                       return err.contains(text) || process.state() == QProcess::NotRunning;
                   },
                   60000) &&
               err.contains(text);
    }

    QStringList tenant() const
    {
        return {QStringLiteral("--authority"), m_base + QStringLiteral("/contoso"), QStringLiteral("--api"),
                m_base + QStringLiteral("/v1")};
    }

    QString signIn(const QString &dataDir)
    {
        const Run signedIn =
            run(QStringList{QStringLiteral("--sign-in"), QStringLiteral("--data-dir"), dataDir,
                            QStringLiteral("--subscription-key"), QStringLiteral("sandbox-key")} +
                tenant());
        if (signedIn.exitCode != 0)
            return signedIn.output;
        if (!signedIn.output.contains(QLatin1String("Subscription key: Stored")))
            return QStringLiteral("the key was not stored:\n") + signedIn.output;
        return {};
    }

    static void stop(QProcess &process)
    {
        process.terminate();
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 0);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start(QStringLiteral(INSIGHTS_SANDBOX_EXE),
                                 {QStringLiteral("--scenario"), QStringLiteral(QUIET_SCENARIO)}, &error),
                 qPrintable(error));
        m_base = m_sandbox.baseUrl();
    }

    // Sign in once with --subscription-key; then --headless without any option polls with the stored key.
    void theSubscriptionKeyIsRemembered()
    {
        QTemporaryDir dir;
        const QString problem = signIn(dir.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QFile settings(dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains("sandbox-key"));

        QProcess headless;
        start(headless, {QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir.path()});
        QByteArray err;
        QVERIFY2(waitForStderr(headless, err, "Connector: Polling"), err.constData());
        QVERIFY2(!err.contains("subscription key"), err.constData());
        stop(headless);
    }

    // A wrong key: one sentence saying what is wrong and where to enter the key.
    void aRefusedKeyIsSaidClearly()
    {
        QTemporaryDir dir;
        QProcess headless;
        start(headless, QStringList{QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir.path(),
                                    QStringLiteral("--subscription-key"), QStringLiteral("wrong")} +
                            tenant());
        QByteArray err;
        QVERIFY2(waitForStderr(headless, err,
                               "Connector: Error: Customer Insights refused the API subscription key of this "
                               "connection: enter the right one in the Account pane, or sign in again with "
                               "--subscription-key.\n"),
                 err.constData());
        stop(headless);
    }

    // A second --headless on the folder exits 3 with the sentence; the first keeps firing, and picks up
    // flows imported beside it. Killed, its lock is taken over by the next start.
    void oneConnectorPerDataFolder()
    {
        QTemporaryDir dir;
        const QString problem = signIn(dir.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QProcess first;
        start(first, {QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir.path()});
        QByteArray err;
        QVERIFY2(waitForStderr(first, err, "Connector: Polling"), err.constData());

        const Run second = run({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir.path()});
        QCOMPARE(second.exitCode, 3);
        QVERIFY2(second.output.contains(
                     QStringLiteral("another insights-admin is already running the connector for %1 (pid %2)")
                         .arg(dir.path())
                         .arg(first.processId())),
                 qPrintable(second.output));

        QTemporaryDir files;
        const QString flows = files.filePath(QStringLiteral("flows.json"));
        QFile file(flows);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "flows": [{"name": "E-commerce refreshed",
                     "trigger": {"type": "dataSourceRefreshSucceeded", "subject": "ECommerce"}}]})");
        file.close();
        const Run imported =
            run({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--import-flows"), flows});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.output));
        const QString job = m_http
                                .postJson(QUrl(m_base + QStringLiteral("/sandbox/control/refresh")),
                                          {{QStringLiteral("kind"), QStringLiteral("datasource")},
                                           {QStringLiteral("dataSource"), QStringLiteral("ECommerce")}})
                                .object()
                                .value(QStringLiteral("jobId"))
                                .toString();
        QVERIFY(!job.isEmpty());
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += first.readAllStandardOutput();
                return out.contains(job.toUtf8());
            },
            30000));

        first.kill(); // SIGKILL: the lock file stays behind
        QVERIFY(first.waitForFinished(10000));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("connector.lock"))));
        QProcess next;
        start(next, {QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir.path()});
        err.clear();
        QVERIFY2(waitForStderr(next, err, "Connector: Polling"), err.constData());
        stop(next);
    }

    // A second window raises the first and exits 0; --headless beside a window is refused.
    void aSecondWindowHandsOverToTheFirst()
    {
        QTemporaryDir dir;
        QProcess window;
        start(window, {QStringLiteral("--data-dir"), dir.path()});
        QLockFile lock(dir.filePath(QStringLiteral("connector.lock")));
        qint64 pid = 0;
        QString host, application;
        QTRY_VERIFY_WITH_TIMEOUT(lock.getLockInfo(&pid, &host, &application) && pid == window.processId(),
                                 30000);
        const Run second = run({QStringLiteral("--data-dir"), dir.path()});
        QVERIFY2(second.exitCode == 0, qPrintable(second.output));
        QCOMPARE(window.state(), QProcess::Running);
        const Run headless = run({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir.path()});
        QCOMPARE(headless.exitCode, 3);
        QVERIFY2(headless.output.contains(QLatin1String("already running the connector")),
                 qPrintable(headless.output));
        window.kill(); // a window does not watch SIGTERM
        QVERIFY(window.waitForFinished(15000));
    }
};

QTEST_GUILESS_MAIN(TestOperatorCommands)
#include "tst_operatorcommands.moc"
