// `insights-admin --headless`, `--import-flows` and `--export-flows` driven as on a server: a separate
// insights-sandbox process, the sandbox's sign-in form completed by $BROWSER, firings read from stdout.
#include "database.h"
#include "firinglog.h"
#include "flowjson.h"
#include "httptestclient.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QStringList kKeys{
    QStringLiteral("id"),         QStringLiteral("flow"),    QStringLiteral("trigger"),
    QStringLiteral("subject"),    QStringLiteral("value"),   QStringLiteral("previousValue"),
    QStringLiteral("threshold"),  QStringLiteral("jobId"),   QStringLiteral("occurredAt"),
    QStringLiteral("detectedAt"), QStringLiteral("caughtUp")};

} // namespace

class TestHeadlessCommand : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QString m_base;
    HttpTestClient m_http;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("BROWSER"), QStringLiteral(SANDBOX_BROWSER));
        environment.insert(QStringLiteral("SANDBOX_CONSENT"), QStringLiteral("accept"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent"));
        return environment;
    }

    int runCommand(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(INSIGHTS_ADMIN_EXE),
                      QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
        if (!process.waitForFinished(30000))
            return -1;
        if (out)
            *out = process.readAllStandardOutput();
        if (err)
            *err = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    // Starts `--headless` and waits until its connector polls.
    bool startHeadless(QProcess &process, const QString &dataDir)
    {
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(INSIGHTS_ADMIN_EXE),
                      {QStringLiteral("--headless"), QStringLiteral("--lang"), QStringLiteral("en"),
                       QStringLiteral("--data-dir"), dataDir, QStringLiteral("--authority"),
                       m_base + QStringLiteral("/contoso"), QStringLiteral("--api"),
                       m_base + QStringLiteral("/v1"), QStringLiteral("--subscription-key"),
                       QStringLiteral("sandbox-key")});
        QByteArray err;
        return QTest::qWaitFor(
                   [&] {
                       err += process.readAllStandardError();
                       return err.contains("Connector: Polling") || process.state() == QProcess::NotRunning;
                   },
                   60000) &&
               process.state() == QProcess::Running;
    }

    QUrl control(const QString &rest) const
    {
        return QUrl(m_base + QStringLiteral("/sandbox/control/") + rest);
    }

    QString refresh(const QJsonObject &body)
    {
        return m_http.postJson(control(QStringLiteral("refresh")), body)
            .object()
            .value(QStringLiteral("jobId"))
            .toString();
    }

    bool allJobsEnded()
    {
        const QJsonArray jobs =
            m_http.get(control(QStringLiteral("state"))).object().value(QStringLiteral("jobs")).toArray();
        for (const QJsonValue &job : jobs) {
            const QString status = job.toObject().value(QStringLiteral("status")).toString();
            if (status == QLatin1String("queued") || status == QLatin1String("running"))
                return false;
        }
        return true;
    }

    static QList<QJsonObject> lines(const QByteArray &stdoutText, QStringList *problems)
    {
        QList<QJsonObject> result;
        const QList<QByteArray> rows = stdoutText.split('\n');
        for (const QByteArray &row : rows) {
            if (row.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(row, &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                problems->append(QString::fromUtf8(row));
                continue;
            }
            result.append(document.object());
        }
        return result;
    }

    QString writeFlows(const QTemporaryDir &dir, const QByteArray &json)
    {
        const QString path = dir.filePath(QStringLiteral("flows.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(json);
        return path;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start(QStringLiteral(INSIGHTS_SANDBOX_EXE),
                                 {QStringLiteral("--scenario"), QStringLiteral(QUIET_SCENARIO),
                                  QStringLiteral("--speed"), QStringLiteral("10")},
                                 &error),
                 qPrintable(error));
        m_base = m_sandbox.baseUrl();
    }

    void importAndExportFlows()
    {
        QTemporaryDir dir;
        QByteArray out, err;
        QCOMPARE(runCommand({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--import-flows"),
                             QStringLiteral(EXAMPLE_FLOWS)},
                            &out, &err),
                 0);
        QVERIFY2(out.contains("Imported 6 flows from"), out.constData());
        const QString exported = dir.filePath(QStringLiteral("exported.json"));
        QCOMPARE(runCommand(
                     {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--export-flows"), exported}),
                 0);
        const FlowJson::Result original = FlowJson::readFile(QStringLiteral(EXAMPLE_FLOWS));
        const FlowJson::Result roundTrip = FlowJson::readFile(exported);
        QVERIFY(roundTrip.ok());
        QCOMPARE(roundTrip.flows, original.flows);

        // Invalid: exit 2, every bad field named, nothing imported.
        const QString bad = writeFlows(
            dir,
            R"({"version": 1, "flows": [{"name": "x", "trigger": {"type": "segmentThresholdCrossed", "subject": "S"}},
                                              {"name": "y", "trigger": {"type": "teleport"}}]})");
        QCOMPARE(runCommand({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--import-flows"), bad},
                            &out, &err),
                 2);
        QVERIFY2(err.contains("flows[0].trigger.threshold"), err.constData());
        QVERIFY2(err.contains("flows[1].trigger.type"), err.constData());
        QVERIFY(out.isEmpty());
        QCOMPARE(runCommand(
                     {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--export-flows"), exported}),
                 0);
        QCOMPARE(FlowJson::readFile(exported).flows.size(), 6);
        QCOMPARE(runCommand({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--import-flows"),
                             dir.filePath(QStringLiteral("missing.json"))},
                            &out, &err),
                 2);
    }

    void headlessPrintsOneJsonLinePerFiring()
    {
        QTemporaryDir dir;
        QCOMPARE(runCommand({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--import-flows"),
                             QStringLiteral(EXAMPLE_FLOWS)}),
                 0);
        QProcess headless;
        QVERIFY(startHeadless(headless, dir.path()));
        // One event per trigger of the example flows. The full refresh first: its segmentation and measures
        // stages re-evaluate every segment and measure.
        refresh({{QStringLiteral("kind"), QStringLiteral("full")}, {QStringLiteral("scheduled"), true}});
        QTRY_VERIFY_WITH_TIMEOUT(allJobsEnded(), 15000);
        // Below the threshold first (the scenario may start above it): the crossing needs <= then >.
        m_http.sendJson("PUT", control(QStringLiteral("segments/HighValueCustomers")),
                        {{QStringLiteral("count"), 1000}});
        m_http.sendJson("PUT", control(QStringLiteral("measures/TotalRevenue")),
                        {{QStringLiteral("value"), 1000000}});
        refresh({{QStringLiteral("kind"), QStringLiteral("datasource")},
                 {QStringLiteral("dataSource"), QStringLiteral("PosTransactions")},
                 {QStringLiteral("outcome"), QStringLiteral("failed")}});
        // Its firing comes from a listing that also holds the segment and measure jobs submitted before it.
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += headless.readAllStandardOutput();
                return out.contains("dataSourceRefreshFailed");
            },
            30000));
        refresh({{QStringLiteral("kind"), QStringLiteral("unification")}});
        m_http.sendJson("PUT", control(QStringLiteral("segments/HighValueCustomers")),
                        {{QStringLiteral("count"), 1300}});
        m_http.sendJson("PUT", control(QStringLiteral("measures/TotalRevenue")),
                        {{QStringLiteral("value"), 1300000}});
        QSet<QString> triggers;
        QStringList problems;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += headless.readAllStandardOutput();
                         triggers.clear();
                         for (const QJsonObject &line : lines(out, &problems))
                             triggers.insert(line.value(QStringLiteral("trigger")).toString());
                         return triggers.size() == 6;
                     },
                     30000),
                 qPrintable(QStringList(triggers.cbegin(), triggers.cend()).join(u' ')));
        headless.terminate(); // SIGTERM
        QVERIFY(headless.waitForFinished(15000));
        QCOMPARE(headless.exitStatus(), QProcess::NormalExit);
        QCOMPARE(headless.exitCode(), 0);
        out += headless.readAllStandardOutput();

        problems.clear();
        const QList<QJsonObject> firings = lines(out, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(out.endsWith('\n'));
        QSet<QString> ids;
        for (const QJsonObject &firing : firings) {
            QCOMPARE(firing.keys().size(), kKeys.size());
            for (const QString &key : kKeys)
                QVERIFY2(firing.contains(key), qPrintable(key));
            QVERIFY(firing.value(QStringLiteral("id")).toString().size() == 64);
            QVERIFY(firing.value(QStringLiteral("detectedAt")).isString());
            QVERIFY(firing.value(QStringLiteral("caughtUp")).isBool());
            QVERIFY(!ids.contains(firing.value(QStringLiteral("id")).toString()));
            ids.insert(firing.value(QStringLiteral("id")).toString());
        }
        // The keys in the documented order.
        const QByteArray first = out.left(out.indexOf('\n'));
        qsizetype at = 0;
        for (const QString &key : kKeys) {
            const qsizetype next = first.indexOf(QByteArray('"' + key.toUtf8() + "\":"), at);
            QVERIFY2(next >= at, qPrintable(key));
            at = next;
        }
        for (const QJsonObject &firing : firings) {
            if (firing.value(QStringLiteral("trigger")).toString() ==
                QLatin1String("segmentThresholdCrossed")) {
                QCOMPARE(firing.value(QStringLiteral("value")).toDouble(), 1300.0);
                QCOMPARE(firing.value(QStringLiteral("threshold")).toDouble(), 1250.0);
            }
        }
    }

    // The firing log keeps the retention setting's days without a window too.
    void headlessPrunesByTheRetentionSetting()
    {
        QTemporaryDir dir;
        {
            QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            settings.setValue(QStringLiteral("triggerLog/retentionDays"), 3);
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<Firing> firings;
        for (const int days : {1, 2, 4, 30}) {
            Firing firing;
            firing.flowId = 1;
            firing.flowName = QStringLiteral("Old");
            firing.trigger = TriggerKind::DataSourceRefreshFailed;
            firing.subject = QStringLiteral("PosTransactions");
            firing.jobId = QStringLiteral("old-%1").arg(days);
            firing.id = firing.jobId;
            firing.detectedAt = now.addDays(-days);
            firing.occurredAt = firing.detectedAt;
            firings << firing;
        }
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("test")));
        FiringLog log(db);
        bool ok = false;
        log.record(firings, &ok);
        QVERIFY(ok);
        QCOMPARE(log.count(), 4);

        QProcess headless;
        QVERIFY(startHeadless(headless, dir.path()));
        QCOMPARE(log.count(), 2);
        QSet<QString> kept;
        for (const Firing &firing : log.page(0, 10))
            kept.insert(firing.jobId);
        QCOMPARE(kept, (QSet<QString>{QStringLiteral("old-1"), QStringLiteral("old-2")}));
        headless.terminate();
        QVERIFY(headless.waitForFinished(15000));
        QCOMPARE(headless.exitCode(), 0);
    }

    // The service revokes the sign-in (twice): each time the headless worker signs in again through the
    // browser and goes on polling.
    void signsInAgainAfterEachRevocation()
    {
        QTemporaryDir dir;
        QProcess headless;
        QVERIFY(startHeadless(headless, dir.path()));
        QByteArray err;
        for (int revocation = 1; revocation <= 2; ++revocation) {
            err.clear();
            QCOMPARE(m_http.postJson(control(QStringLiteral("tokens/revoke")), {}).status, 200);
            QVERIFY2(QTest::qWaitFor(
                         [&] {
                             err += headless.readAllStandardError();
                             const qsizetype signedOut = err.indexOf("Connector: Signed out");
                             return signedOut >= 0 &&
                                    err.indexOf("Connector: Polling", signedOut) > signedOut;
                         },
                         60000),
                     qPrintable(QStringLiteral("revocation %1:\n").arg(revocation) + QString::fromUtf8(err)));
        }
        headless.terminate();
        QVERIFY(headless.waitForFinished(15000));
        QCOMPARE(headless.exitCode(), 0);
    }

    void killedMidRunAndRestartedLosesAndRepeatsNothing()
    {
        QTemporaryDir dir;
        const QString flows = writeFlows(dir, R"({"version": 1, "flows": [{"name": "E-commerce refreshed",
                     "trigger": {"type": "dataSourceRefreshSucceeded", "subject": "ECommerce"}}]})");
        QCOMPARE(
            runCommand({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--import-flows"), flows}),
            0);
        QProcess first;
        QVERIFY(startHeadless(first, dir.path()));
        QStringList jobs;
        const QJsonObject ecommerce{{QStringLiteral("kind"), QStringLiteral("datasource")},
                                    {QStringLiteral("dataSource"), QStringLiteral("ECommerce")}};
        for (int i = 0; i < 10; ++i)
            jobs << refresh(ecommerce);
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += first.readAllStandardOutput();
                return out.count('\n') >= 1;
            },
            30000));
        first.kill(); // SIGKILL mid-run
        QVERIFY(first.waitForFinished(10000));
        out += first.readAllStandardOutput();
        for (int i = 0; i < 5; ++i)
            jobs << refresh(ecommerce); // while it is down
        QTRY_VERIFY_WITH_TIMEOUT(allJobsEnded(), 15000);

        QProcess second;
        QVERIFY(startHeadless(second, dir.path()));
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("test")));
        FiringLog log(db);
        QTRY_COMPARE_WITH_TIMEOUT(log.count(), qint64(jobs.size()), 30000);
        second.terminate();
        QVERIFY(second.waitForFinished(15000));
        QCOMPARE(second.exitCode(), 0);
        out += second.readAllStandardOutput();

        // Every job fired exactly once in the log; stdout never repeated a firing.
        QCOMPARE(log.count(), qint64(jobs.size()));
        QSet<QString> loggedJobs;
        for (const Firing &firing : log.page(0, 100))
            loggedJobs.insert(firing.jobId);
        QCOMPARE(loggedJobs, QSet<QString>(jobs.cbegin(), jobs.cend()));
        QStringList problems;
        QSet<QString> printed;
        for (const QJsonObject &line : lines(out, &problems)) {
            const QString id = line.value(QStringLiteral("id")).toString();
            QVERIFY2(!printed.contains(id), qPrintable(id));
            printed.insert(id);
        }
        QVERIFY(problems.isEmpty());
        QVERIFY(printed.size() >= jobs.size() - 1); // at most the line being printed when it was killed
    }
};

QTEST_GUILESS_MAIN(TestHeadlessCommand)
#include "tst_headlesscommand.moc"
