#include "sandboxfixture.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

class TestControlApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_fixture;

    QUrl control(const QString &rest) const
    {
        return m_fixture->url(QStringLiteral("/sandbox/control/") + rest);
    }
    QUrl events(const QString &query) const
    {
        return m_fixture->url(QStringLiteral("/sandbox/control/events"), query);
    }
    QJsonObject job(const QString &jobId)
    {
        return m_fixture
            ->api(m_fixture->instanceUrl(QStringLiteral("/workflows/main/jobs/") + jobId,
                                         QStringLiteral("includeTasks=true")))
            .object();
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->listening);
    }
    void cleanup() { m_fixture.reset(); }

    void refreshCompletesWithinTwoSeconds()
    {
        m_fixture->sandbox->startClock();
        QSignalSpy finished(m_fixture->sandbox->scenario(), &Scenario::jobFinished);
        QElapsedTimer timer;
        timer.start();
        const auto response = m_fixture->http.postJson(control(QStringLiteral("refresh")),
                                                       {{QStringLiteral("kind"), QStringLiteral("full")}});
        QCOMPARE(response.status, 200);
        const QString jobId = response.object().value(QStringLiteral("jobId")).toString();
        QVERIFY(!jobId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            job(jobId).value(QStringLiteral("jobStatus")).toString() == QLatin1String("successful"), 2000);
        QVERIFY(timer.elapsed() < 2000);
        const QJsonObject done = job(jobId);
        QCOMPARE(done.value(QStringLiteral("operationType")).toString(), QStringLiteral("all"));
        QCOMPARE(done.value(QStringLiteral("jobSubmissionKind")).toString(), QStringLiteral("onDemand"));
        QStringList operations;
        for (const QJsonValue &task : done.value(QStringLiteral("tasks")).toArray())
            operations.append(task.toObject().value(QStringLiteral("operationType")).toString());
        QCOMPARE(operations, (QStringList{QStringLiteral("ingestion"), QStringLiteral("ingestion"),
                                          QStringLiteral("ingestion"), QStringLiteral("map"),
                                          QStringLiteral("match"), QStringLiteral("merge"),
                                          QStringLiteral("segmentation"), QStringLiteral("measures")}));
    }

    void refreshKinds()
    {
        auto *scenario = m_fixture->sandbox->scenario();
        const auto failed =
            m_fixture->http.postJson(control(QStringLiteral("refresh")),
                                     {{QStringLiteral("kind"), QStringLiteral("datasource")},
                                      {QStringLiteral("dataSource"), QStringLiteral("LoyaltyProgram")},
                                      {QStringLiteral("outcome"), QStringLiteral("failed")}});
        QCOMPARE(failed.status, 200);
        const auto scheduled =
            m_fixture->http.postJson(control(QStringLiteral("refresh")),
                                     {{QStringLiteral("kind"), QStringLiteral("full")},
                                      {QStringLiteral("scheduled"), true},
                                      {QStringLiteral("outcome"), QStringLiteral("failed")},
                                      {QStringLiteral("dataSource"), scenario->dataSources().at(1).id}});
        const auto unification = m_fixture->http.postJson(
            control(QStringLiteral("refresh")), {{QStringLiteral("kind"), QStringLiteral("unification")}});
        for (int i = 0; i < 6; ++i)
            scenario->tick(250);
        const QJsonObject failedJob = job(failed.object().value(QStringLiteral("jobId")).toString());
        QCOMPARE(failedJob.value(QStringLiteral("jobStatus")).toString(), QStringLiteral("failed"));
        const QJsonObject task = failedJob.value(QStringLiteral("tasks")).toArray().first().toObject();
        QCOMPARE(task.value(QStringLiteral("taskStatus")).toString(), QStringLiteral("failed"));
        QCOMPARE(task.value(QStringLiteral("friendlyName")).toString(), QStringLiteral("Loyalty program"));
        QVERIFY(!task.value(QStringLiteral("ciErrors")).toArray().isEmpty());

        const QJsonObject scheduledJob = job(scheduled.object().value(QStringLiteral("jobId")).toString());
        QCOMPARE(scheduledJob.value(QStringLiteral("jobSubmissionKind")).toString(),
                 QStringLiteral("scheduled"));
        QCOMPARE(scheduledJob.value(QStringLiteral("tasks"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("taskStatus"))
                     .toString(),
                 QStringLiteral("failed"));
        const QJsonObject unificationJob =
            job(unification.object().value(QStringLiteral("jobId")).toString());
        QCOMPARE(unificationJob.value(QStringLiteral("tasks")).toArray().size(), 3);
        QCOMPARE(unificationJob.value(QStringLiteral("jobStatus")).toString(), QStringLiteral("successful"));
    }

    void refreshRejectsBadBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addRow("malformed") << QByteArray("{\"kind\":") << 400;
        QTest::addRow("array") << QByteArray("[]") << 400;
        QTest::addRow("kind") << QByteArray("{\"kind\":\"partial\"}") << 400;
        QTest::addRow("outcome") << QByteArray("{\"outcome\":\"maybe\"}") << 400;
        QTest::addRow("scheduled") << QByteArray("{\"scheduled\":\"yes\"}") << 400;
        QTest::addRow("no source") << QByteArray("{\"kind\":\"datasource\"}") << 400;
        QTest::addRow("unknown source")
            << QByteArray("{\"kind\":\"datasource\",\"dataSource\":\"Nope\"}") << 404;
    }
    void refreshRejectsBadBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto response = m_fixture->http.send("POST", control(QStringLiteral("refresh")),
                                                   {{"Content-Type", "application/json"}}, body);
        QCOMPARE(response.status, status);
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        QVERIFY(!response.object().value(QStringLiteral("error")).toString().isEmpty());
    }

    void segmentsAndMeasures()
    {
        const auto segment = m_fixture->http.sendJson(
            "PUT", control(QStringLiteral("segments/HighValueCustomers")), {{QStringLiteral("count"), 4321}});
        QCOMPARE(segment.status, 200);
        const auto segments = m_fixture->api(m_fixture->instanceUrl(QStringLiteral("/manage/segments")));
        const QJsonObject status =
            segments.json().array().first().toObject().value(QStringLiteral("evaluationStatus")).toObject();
        QCOMPARE(status.value(QStringLiteral("entityCount")).toInt(), 4321);
        // A new evaluation: a finished segmentation job leads the job list.
        const auto jobs = m_fixture->api(
            m_fixture->instanceUrl(QStringLiteral("/workflows/main/jobs"), QStringLiteral("top=1")));
        QCOMPARE(jobs.json().array().first().toObject().value(QStringLiteral("operationType")).toString(),
                 QStringLiteral("segmentation"));
        QCOMPARE(jobs.json().array().first().toObject().value(QStringLiteral("jobId")).toString(),
                 segment.object().value(QStringLiteral("jobId")).toString());
        QCOMPARE(m_fixture->http
                     .sendJson("PUT", control(QStringLiteral("segments/Churn risk")),
                               {{QStringLiteral("count"), 5}})
                     .status,
                 200);
        QCOMPARE(
            m_fixture->http
                .sendJson("PUT", control(QStringLiteral("segments/Nope")), {{QStringLiteral("count"), 5}})
                .status,
            404);
        QCOMPARE(m_fixture->http
                     .sendJson("PUT", control(QStringLiteral("segments/ChurnRisk")),
                               {{QStringLiteral("count"), -1}})
                     .status,
                 400);
        QCOMPARE(m_fixture->http
                     .sendJson("PUT", control(QStringLiteral("segments/ChurnRisk")),
                               {{QStringLiteral("count"), QStringLiteral("5")}})
                     .status,
                 400);

        QCOMPARE(m_fixture->http
                     .sendJson("PUT", control(QStringLiteral("measures/TotalRevenue")),
                               {{QStringLiteral("value"), 2000000.5}})
                     .status,
                 200);
        const auto measure =
            m_fixture->api(m_fixture->instanceUrl(QStringLiteral("/manage/measures/TotalRevenue")));
        QCOMPARE(measure.object()
                     .value(QStringLiteral("output"))
                     .toObject()
                     .value(QStringLiteral("values"))
                     .toObject()
                     .value(QStringLiteral("TotalRevenue"))
                     .toString(),
                 QStringLiteral("2000000.50"));
        QCOMPARE(m_fixture->http
                     .sendJson("PUT", control(QStringLiteral("measures/RevenueByStore")),
                               {{QStringLiteral("value"), 1}})
                     .status,
                 400);
        QCOMPARE(m_fixture->http
                     .sendJson("PUT", control(QStringLiteral("measures/RevenueByStore")),
                               {{QStringLiteral("values"), QJsonObject{{QStringLiteral("Seattle"), 1.25}}}})
                     .status,
                 200);
        const auto byStore =
            m_fixture->api(m_fixture->instanceUrl(QStringLiteral("/manage/measures/RevenueByStore")));
        QCOMPARE(byStore.object()
                     .value(QStringLiteral("output"))
                     .toObject()
                     .value(QStringLiteral("values"))
                     .toObject()
                     .value(QStringLiteral("Seattle"))
                     .toString(),
                 QStringLiteral("1.25"));
        QCOMPARE(
            m_fixture->http
                .sendJson("PUT", control(QStringLiteral("measures/Nope")), {{QStringLiteral("value"), 1}})
                .status,
            404);
    }

    void faults()
    {
        const QUrl url = m_fixture->url(QStringLiteral("/v1/instances"));
        QCOMPARE(
            m_fixture->http
                .postJson(control(QStringLiteral("faults")),
                          {{QStringLiteral("kind"), QStringLiteral("http500")}, {QStringLiteral("count"), 2}})
                .status,
            200);
        QCOMPARE(
            m_fixture->http
                .postJson(control(QStringLiteral("faults")),
                          {{QStringLiteral("kind"), QStringLiteral("delay")}, {QStringLiteral("ms"), 300}})
                .status,
            200);
        QCOMPARE(m_fixture->http
                     .postJson(
                         control(QStringLiteral("faults")),
                         {{QStringLiteral("kind"), QStringLiteral("throttle")}, {QStringLiteral("ms"), 5000}})
                     .status,
                 200);
        QCOMPARE(m_fixture->http
                     .postJson(control(QStringLiteral("faults")),
                               {{QStringLiteral("kind"), QStringLiteral("drop")}})
                     .status,
                 200);
        QCOMPARE(m_fixture->http.get(control(QStringLiteral("faults")))
                     .object()
                     .value(QStringLiteral("pending"))
                     .toArray()
                     .size(),
                 4);

        QCOMPARE(m_fixture->api(url).status, 500);
        QCOMPARE(m_fixture->api(url).status, 500);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_fixture->api(url).status, 200);
        QVERIFY(timer.elapsed() >= 290);
        const auto throttled = m_fixture->api(url);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.header("Retry-After"), QByteArray("5"));
        // A raw connection: QNAM would silently resend a GET whose connection closed before any answer.
        QTcpSocket raw;
        QSignalSpy disconnected(&raw, &QTcpSocket::disconnected);
        raw.connectToHost(QHostAddress::LocalHost, m_fixture->sandbox->port());
        raw.write(
            "GET /v1/instances HTTP/1.1\r\nHost: 127.0.0.1\r\nOcp-Apim-Subscription-Key: sandbox-key\r\n"
            "Authorization: Bearer " +
            m_fixture->accessToken.toLatin1() + "\r\n\r\n");
        QVERIFY(disconnected.wait(5000));
        QVERIFY(raw.readAll().isEmpty());
        QCOMPARE(m_fixture->api(url).status, 200);

        QCOMPARE(
            m_fixture->http
                .postJson(control(QStringLiteral("faults")),
                          {{QStringLiteral("kind"), QStringLiteral("http500")}, {QStringLiteral("count"), 9}})
                .status,
            200);
        QCOMPARE(m_fixture->http.send("DELETE", control(QStringLiteral("faults"))).status, 200);
        QCOMPARE(m_fixture->api(url).status, 200);
        QCOMPARE(m_fixture->http
                     .postJson(control(QStringLiteral("faults")),
                               {{QStringLiteral("kind"), QStringLiteral("meteor")}})
                     .status,
                 400);
        QCOMPARE(
            m_fixture->http
                .postJson(control(QStringLiteral("faults")),
                          {{QStringLiteral("kind"), QStringLiteral("drop")}, {QStringLiteral("count"), 0}})
                .status,
            400);

        const auto counters = m_fixture->http.get(control(QStringLiteral("counters")));
        const QJsonObject connection =
            counters.object().value(QStringLiteral("connections")).toArray().first().toObject();
        QCOMPARE(connection.value(QStringLiteral("throttled429")).toInt(), 1);
        QCOMPARE(connection.value(QStringLiteral("callsLast60s")).toInt(), 6);
        // Every call the client made, the injected 429 included; none was over the limit itself.
        QCOMPARE(connection.value(QStringLiteral("attemptsLast60s")).toInt(), 7);
        QCOMPARE(connection.value(QStringLiteral("maxAttemptsInAny60s")).toInt(), 7);
        QCOMPARE(connection.value(QStringLiteral("refusedOverLimit")).toInt(), 0);
        QCOMPARE(counters.object().value(QStringLiteral("limit")).toInt(), 100);

        // The call record: what each of those calls met, in order.
        const auto calls = m_fixture->http.get(
            m_fixture->url(QStringLiteral("/sandbox/control/calls"), QStringLiteral("limit=3")));
        QCOMPARE(calls.status, 200);
        const QJsonArray first = calls.object().value(QStringLiteral("calls")).toArray();
        QCOMPARE(first.size(), 3);
        QCOMPARE(first.at(0).toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("http500"));
        QCOMPARE(first.at(0).toObject().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/v1/instances"));
        QCOMPARE(first.at(0).toObject().value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(first.at(0).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("5d2c8a71-3e4f-4b6a-9c8d-7e1f2a3b4c5d"));
        QCOMPARE(first.at(2).toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("served"));
        QCOMPARE(first.at(2).toObject().value(QStringLiteral("delayMs")).toInt(), 300);
        const auto rest = m_fixture->http.get(
            m_fixture->url(QStringLiteral("/sandbox/control/calls"), QStringLiteral("after=3")));
        QStringList outcomes;
        for (const QJsonValue &call : rest.object().value(QStringLiteral("calls")).toArray())
            outcomes.append(call.toObject().value(QStringLiteral("outcome")).toString());
        QCOMPARE(outcomes, (QStringList{QStringLiteral("throttled"), QStringLiteral("drop"),
                                        QStringLiteral("served"), QStringLiteral("served")}));
    }

    void teamsAndSmtpSinks()
    {
        const QJsonObject card{{QStringLiteral("type"), QStringLiteral("message")},
                               {QStringLiteral("text"), QStringLiteral("Segment crossed")}};
        const auto posted =
            m_fixture->http.postJson(m_fixture->url(QStringLiteral("/sandbox/teams/alerts")), card);
        QCOMPARE(posted.status, 200);
        QCOMPARE(posted.body, QByteArray("1"));
        QCOMPARE(m_fixture->http
                     .send("POST", m_fixture->url(QStringLiteral("/sandbox/teams/alerts")), {}, "not json")
                     .status,
                 400);

        QTcpSocket smtp;
        smtp.connectToHost(QHostAddress::LocalHost, m_fixture->sandbox->smtpPort());
        QByteArray received;
        auto expect = [&](const QByteArray &code) {
            // Read until a final reply line ("NNN " rather than "NNN-").
            for (int i = 0; i < 50; ++i) {
                const qsizetype start = received.lastIndexOf("\r\n", received.size() - 3);
                const QByteArray lastLine = received.mid(start < 0 ? 0 : start + 2);
                if (received.endsWith("\r\n") && lastLine.size() > 3 && lastLine.at(3) == ' ')
                    break;
                QSignalSpy readyRead(&smtp, &QTcpSocket::readyRead);
                if (smtp.bytesAvailable() == 0 && !readyRead.wait(5000))
                    break;
                received += smtp.readAll();
            }
            const qsizetype start = received.lastIndexOf("\r\n", received.size() - 3);
            const QByteArray lastLine = received.mid(start < 0 ? 0 : start + 2);
            received.clear();
            return lastLine.startsWith(code);
        };
        QSignalSpy connected(&smtp, &QTcpSocket::connected);
        QVERIFY(connected.wait(5000));
        QVERIFY(expect("220"));
        smtp.write("EHLO test\r\n");
        QVERIFY(expect("250"));
        smtp.write("AUTH PLAIN AGFkbWluAHNlY3JldA==\r\n");
        QVERIFY(expect("235"));
        smtp.write("MAIL FROM:<flows@contoso.example>\r\n");
        QVERIFY(expect("250"));
        smtp.write("RCPT TO:<ops@contoso.example>\r\n");
        QVERIFY(expect("250"));
        smtp.write("DATA\r\n");
        QVERIFY(expect("354"));
        smtp.write("Subject: Churn risk crossed 900\r\nFrom: flows@contoso.example\r\n\r\nHello\r\n..dot "
                   "line\r\n.\r\n");
        QVERIFY(expect("250"));
        smtp.write("QUIT\r\n");
        QVERIFY(expect("221"));

        const auto outbox = m_fixture->http.get(control(QStringLiteral("outbox")));
        QCOMPARE(outbox.status, 200);
        const QJsonObject body = outbox.object();
        QCOMPARE(body.value(QStringLiteral("smtp")).toObject().value(QStringLiteral("port")).toInt(),
                 int(m_fixture->sandbox->smtpPort()));
        const QJsonObject message = body.value(QStringLiteral("teams")).toArray().first().toObject();
        QCOMPARE(message.value(QStringLiteral("channel")).toString(), QStringLiteral("alerts"));
        QCOMPARE(message.value(QStringLiteral("message")).toObject(), card);
        const QJsonObject email = body.value(QStringLiteral("emails")).toArray().first().toObject();
        QCOMPARE(email.value(QStringLiteral("subject")).toString(), QStringLiteral("Churn risk crossed 900"));
        QCOMPARE(email.value(QStringLiteral("to")).toArray(),
                 QJsonArray{QStringLiteral("ops@contoso.example")});
        QVERIFY(email.value(QStringLiteral("data")).toString().contains(QLatin1String("\r\n.dot line\r\n")));

        QCOMPARE(m_fixture->http.send("DELETE", control(QStringLiteral("outbox"))).status, 200);
        QVERIFY(m_fixture->http.get(control(QStringLiteral("outbox")))
                    .object()
                    .value(QStringLiteral("teams"))
                    .toArray()
                    .isEmpty());
    }

    // The event record: the initial state, then every ended task and job and every evaluation, in order,
    // paged with after/limit.
    void eventRecord()
    {
        auto *scenario = m_fixture->sandbox->scenario();
        const auto initial = m_fixture->http.get(events({}));
        QCOMPARE(initial.status, 200);
        const QJsonArray start = initial.object().value(QStringLiteral("events")).toArray();
        QCOMPARE(start.size(), scenario->segments().size() + scenario->measures().size());
        for (const QJsonValue &value : start) {
            const QJsonObject event = value.toObject();
            QVERIFY(event.value(QStringLiteral("initial")).toBool());
            QVERIFY(QDateTime::fromString(event.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs)
                        .isValid());
        }
        const QJsonObject firstSegment = start.first().toObject();
        QCOMPARE(firstSegment.value(QStringLiteral("type")).toString(), QStringLiteral("segmentEvaluated"));
        QCOMPARE(firstSegment.value(QStringLiteral("count")).toInteger(), scenario->segments().first().count);
        const qint64 after = qint64(initial.object().value(QStringLiteral("last")).toDouble());
        QCOMPARE(after, qint64(start.size()));

        const QString failedJob =
            m_fixture->http
                .postJson(control(QStringLiteral("refresh")),
                          {{QStringLiteral("kind"), QStringLiteral("datasource")},
                           {QStringLiteral("dataSource"), QStringLiteral("LoyaltyProgram")},
                           {QStringLiteral("outcome"), QStringLiteral("failed")}})
                .object()
                .value(QStringLiteral("jobId"))
                .toString();
        scenario->tick(250);
        QCOMPARE(m_fixture->http
                     .sendJson("PUT", control(QStringLiteral("segments/ChurnRisk")),
                               {{QStringLiteral("count"), 950}})
                     .status,
                 200);

        const auto later = m_fixture->http.get(events(QStringLiteral("after=%1").arg(after)));
        QCOMPARE(later.status, 200);
        const QJsonArray recorded = later.object().value(QStringLiteral("events")).toArray();
        QStringList types;
        for (const QJsonValue &value : recorded)
            types.append(value.toObject().value(QStringLiteral("type")).toString());
        QCOMPARE(types, (QStringList{QStringLiteral("taskEnded"), QStringLiteral("jobEnded"),
                                     QStringLiteral("segmentEvaluated"), QStringLiteral("taskEnded"),
                                     QStringLiteral("jobEnded")}));
        const QJsonObject task = recorded.at(0).toObject();
        QCOMPARE(task.value(QStringLiteral("seq")).toInteger(), after + 1);
        QCOMPARE(task.value(QStringLiteral("jobId")).toString(), failedJob);
        QCOMPARE(task.value(QStringLiteral("operationType")).toString(), QStringLiteral("ingestion"));
        QCOMPARE(task.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(task.value(QStringLiteral("dataSource")).toString(), QStringLiteral("LoyaltyProgram"));
        QCOMPARE(task.value(QStringLiteral("jobOperationType")).toString(), QStringLiteral("ingestion"));
        QCOMPARE(task.value(QStringLiteral("submissionKind")).toString(), QStringLiteral("onDemand"));
        QCOMPARE(recorded.at(1).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("failed"));
        const QJsonObject segment = recorded.at(2).toObject();
        QCOMPARE(segment.value(QStringLiteral("segment")).toString(), QStringLiteral("ChurnRisk"));
        QCOMPARE(segment.value(QStringLiteral("count")).toInteger(), 950);
        QVERIFY(!segment.contains(QStringLiteral("initial")));
        QCOMPARE(recorded.at(3).toObject().value(QStringLiteral("operationType")).toString(),
                 QStringLiteral("segmentation"));

        const auto paged = m_fixture->http.get(events(QStringLiteral("after=%1&limit=2").arg(after)));
        QCOMPARE(paged.object().value(QStringLiteral("events")).toArray().size(), 2);
        QCOMPARE(qint64(paged.object().value(QStringLiteral("last")).toDouble()), after + 2);
        QCOMPARE(qint64(paged.object().value(QStringLiteral("next")).toDouble()), after + 6);
        QCOMPARE(m_fixture->http.get(events(QStringLiteral("after=-1"))).status, 400);
        QCOMPARE(m_fixture->http.get(events(QStringLiteral("limit=0"))).status, 400);
        QCOMPARE(m_fixture->http.get(events(QStringLiteral("after=x"))).status, 400);
    }

    // Token faults: expired access tokens get 401 and the refresh token still works; a revoked sign-in
    // loses both.
    void tokenExpiryAndRevocation()
    {
        const QUrl instances = m_fixture->url(QStringLiteral("/v1/instances"));
        const QJsonObject issued = m_fixture->http.postJson(control(QStringLiteral("tokens")), {}).object();
        const QString access = issued.value(QStringLiteral("access_token")).toString();
        const QString refresh = issued.value(QStringLiteral("refresh_token")).toString();
        QCOMPARE(m_fixture->http.get(instances, m_fixture->auth(access)).status, 200);

        const auto expired = m_fixture->http.postJson(control(QStringLiteral("tokens/expire")), {});
        QCOMPARE(expired.status, 200);
        QVERIFY(expired.object().value(QStringLiteral("expired")).toInt() >= 2); // the fixture's and this one
        const auto unauthorized = m_fixture->http.get(instances, m_fixture->auth(access));
        QCOMPARE(unauthorized.status, 401);
        QVERIFY(unauthorized.header("WWW-Authenticate").contains("invalid_token"));

        const QUrl tokenUrl = m_fixture->url(QStringLiteral("/contoso/oauth2/v2.0/token"));
        const auto refreshed = m_fixture->http.postForm(
            tokenUrl, {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                       {QStringLiteral("client_id"), QStringLiteral("insights-admin")},
                       {QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(refreshed.status, 200);
        const QString access2 = refreshed.object().value(QStringLiteral("access_token")).toString();
        const QString refresh2 = refreshed.object().value(QStringLiteral("refresh_token")).toString();
        QCOMPARE(m_fixture->http.get(instances, m_fixture->auth(access2)).status, 200);

        // Only the named subject: another one keeps working.
        const QString other = m_fixture->mintToken(QStringLiteral("someone-else"));
        const auto revoked = m_fixture->http.postJson(
            control(QStringLiteral("tokens/revoke")),
            {{QStringLiteral("subject"), QStringLiteral("5d2c8a71-3e4f-4b6a-9c8d-7e1f2a3b4c5d")}});
        QCOMPARE(revoked.status, 200);
        QVERIFY(revoked.object().value(QStringLiteral("revoked")).toInt() >= 1);
        QCOMPARE(m_fixture->http.get(instances, m_fixture->auth(access2)).status, 401);
        QCOMPARE(m_fixture->http.get(instances, m_fixture->auth(other)).status, 200);
        const auto refusedRefresh = m_fixture->http.postForm(
            tokenUrl, {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                       {QStringLiteral("client_id"), QStringLiteral("insights-admin")},
                       {QStringLiteral("refresh_token"), refresh2}});
        QCOMPARE(refusedRefresh.status, 400);
        QCOMPARE(refusedRefresh.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
        // A new sign-in works again.
        QCOMPARE(m_fixture->http.get(instances, m_fixture->auth(m_fixture->mintToken())).status, 200);

        QCOMPARE(m_fixture->http.send("POST", control(QStringLiteral("tokens/revoke")), {}, "[1]").status,
                 400);
        QCOMPARE(m_fixture->http
                     .postJson(control(QStringLiteral("tokens/expire")), {{QStringLiteral("subject"), 7}})
                     .status,
                 400);
    }

    void stateAndTokens()
    {
        const auto state = m_fixture->http.get(control(QStringLiteral("state")));
        QCOMPARE(state.status, 200);
        QVERIFY(state.object()
                    .value(QStringLiteral("segments"))
                    .toObject()
                    .contains(QStringLiteral("ChurnRisk")));
        const auto tokens = m_fixture->http.postJson(control(QStringLiteral("tokens")),
                                                     {{QStringLiteral("subject"), QStringLiteral("tester")}});
        QCOMPARE(tokens.status, 200);
        QCOMPARE(m_fixture->http
                     .get(m_fixture->url(QStringLiteral("/v1/instances")),
                          m_fixture->auth(tokens.object().value(QStringLiteral("access_token")).toString()))
                     .status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestControlApi)
#include "tst_controlapi.moc"
