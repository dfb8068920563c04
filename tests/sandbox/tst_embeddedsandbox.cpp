#include "embeddedsandbox.h"
#include "httptestclient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

class TestEmbeddedSandbox : public QObject
{
    Q_OBJECT

private slots:
    void servesFromItsOwnThread()
    {
        EmbeddedSandbox sandbox;
        QVERIFY(!sandbox.isRunning());
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        QVERIFY(sandbox.isRunning());
        QCOMPARE(sandbox.baseUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(sandbox.baseUrl().port() > 0);
        QCOMPARE(sandbox.apiBaseUrl().path(), QStringLiteral("/v1"));
        QCOMPARE(sandbox.authorityUrl().path(), QStringLiteral("/contoso"));
        QVERIFY(sandbox.smtpPort() > 0);
        QCOMPARE(sandbox.subscriptionKey(), QStringLiteral("sandbox-key"));

        HttpTestClient http;
        const QJsonObject tokens = signInToSandbox(http, sandbox.authorityUrl());
        QVERIFY(!tokens.isEmpty());
        QUrl instances = sandbox.apiBaseUrl();
        instances.setPath(instances.path() + QStringLiteral("/instances"));
        const auto response = http.get(
            instances, {{"Authorization",
                         "Bearer " + tokens.value(QStringLiteral("access_token")).toString().toLatin1()},
                        {"Ocp-Apim-Subscription-Key", "sandbox-key"}});
        QCOMPARE(response.status, 200);

        // The scenario clock runs on the sandbox thread: a control refresh completes by itself.
        QUrl refresh = sandbox.baseUrl();
        refresh.setPath(QStringLiteral("/sandbox/control/refresh"));
        const QString jobId =
            http.postJson(refresh, {{QStringLiteral("kind"), QStringLiteral("datasource")},
                                    {QStringLiteral("dataSource"), QStringLiteral("ECommerce")}})
                .object()
                .value(QStringLiteral("jobId"))
                .toString();
        QUrl job = sandbox.apiBaseUrl();
        job.setPath(job.path() +
                    QStringLiteral("/instances/3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b/workflows/main/jobs/") +
                    jobId);
        QTRY_COMPARE_WITH_TIMEOUT(
            http.get(job, {{"Authorization",
                            "Bearer " + tokens.value(QStringLiteral("access_token")).toString().toLatin1()},
                           {"Ocp-Apim-Subscription-Key", "sandbox-key"}})
                .object()
                .value(QStringLiteral("jobStatus"))
                .toString(),
            QStringLiteral("successful"), 3000);

        sandbox.stop();
        QVERIFY(!sandbox.isRunning());
        const auto refused = HttpTestClient(2000).get(sandbox.baseUrl());
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.networkError, int(QNetworkReply::ConnectionRefusedError));
    }

    void reportsABadScenario()
    {
        SandboxOptions options;
        options.scenarioFile = QStringLiteral("/nonexistent/scenario.json");
        EmbeddedSandbox sandbox(options);
        QVERIFY(!sandbox.start());
        QVERIFY(sandbox.errorString().contains(QLatin1String("scenario")));
        QVERIFY(!sandbox.isRunning());
    }

    // With an identity state file, a sign-in survives a restart of the sandbox; the file holds no token.
    void signInsSurviveARestart()
    {
        QTemporaryDir dir;
        SandboxOptions options;
        options.identityStateFile = dir.filePath(QStringLiteral("identity.json"));
        HttpTestClient http;
        QString refreshToken;
        {
            EmbeddedSandbox sandbox(options);
            QVERIFY(sandbox.start());
            const auto issued = http.postJson(
                sandbox.baseUrl().resolved(QUrl(QStringLiteral("/sandbox/control/tokens"))), {});
            QCOMPARE(issued.status, 200);
            refreshToken = QJsonDocument::fromJson(issued.body).object().value(u"refresh_token").toString();
            QVERIFY(!refreshToken.isEmpty());
        }
        QFile state(options.identityStateFile);
        QVERIFY(state.open(QIODevice::ReadOnly));
        QVERIFY(!state.readAll().contains(refreshToken.toUtf8()));

        EmbeddedSandbox restarted(options);
        QVERIFY(restarted.start());
        const QUrl token =
            restarted.authorityUrl().resolved(QUrl(QStringLiteral("contoso/oauth2/v2.0/token")));
        const QList<QPair<QString, QString>> refresh{
            {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("client_id"), QStringLiteral("insights-admin")},
            {QStringLiteral("refresh_token"), refreshToken}};
        const auto renewed = http.postForm(token, refresh);
        QCOMPARE(renewed.status, 200);
        QVERIFY(QJsonDocument::fromJson(renewed.body).object().contains(u"access_token"));
        // Reuse detection is kept too.
        QCOMPARE(http.postForm(token, refresh).status, 400);
    }

    void destructorStopsTheThread()
    {
        auto sandbox = std::make_unique<EmbeddedSandbox>();
        QVERIFY(sandbox->start());
        sandbox.reset(); // quits and waits; nothing left behind
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedSandbox)
#include "tst_embeddedsandbox.moc"
