#pragma once

#include "connector.h"
#include "database.h"
#include "embeddedsandbox.h"
#include "firinglog.h"
#include "flowstore.h"
#include "httptestclient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace std::chrono_literals;

// A real sandbox on 127.0.0.1 (quiet scenario: no scheduled refresh, no random failure; every event comes
// from the control API), a data folder with the test's own database connection, and a Connector on its
// thread polling the sandbox at test pace.
struct ConnectorFixture
{
    explicit ConnectorFixture(double speed = 10)
    {
        SandboxOptions options;
        options.scenarioFile = QStringLiteral(QUIET_SCENARIO);
        options.speed = speed;
        sandbox = std::make_unique<EmbeddedSandbox>(options);
        started = sandbox->start() && dataDir.isValid() && db.open(dataDir.path(), QStringLiteral("test"));
        flows = std::make_unique<FlowStore>(db);
        log = std::make_unique<FiringLog>(db);
        subject = QUuid::createUuid().toString(QUuid::WithoutBraces);
        token = mintToken();
    }

    ~ConnectorFixture()
    {
        connector.reset(); // the worker's thread quits and waits before the sandbox goes
        log.reset();
        flows.reset();
        db.close();
    }

    QString mintToken()
    {
        return http.postJson(control(QStringLiteral("tokens")), {{QStringLiteral("subject"), subject}})
            .object()
            .value(QStringLiteral("access_token"))
            .toString();
    }

    QUrl control(const QString &rest) const
    {
        QUrl url = sandbox->baseUrl();
        url.setPath(QStringLiteral("/sandbox/control/") + rest);
        return url;
    }

    ConnectorConfig config() const
    {
        ConnectorConfig config;
        config.dataDir = dataDir.path();
        config.apiBase = sandbox->apiBaseUrl();
        config.subscriptionKey = sandbox->subscriptionKey();
        config.activeInterval = 150ms;
        config.idleInterval = 250ms;
        config.errorInterval = 300ms;
        config.retry.firstDelay = 50ms;
        config.retry.maxDelay = 200ms;
        config.transferTimeout = 5s;
        // Test pace: far more calls than a real connection may make.
        config.rateLimit = 10000;
        return config;
    }

    qint64 addFlow(TriggerKind kind, const QString &subject = {}, double threshold = 0,
                   const std::function<void(Trigger &)> &tweak = {})
    {
        Flow flow;
        flow.name = Trigger::id(kind) + u' ' + subject + u' ' + QString::number(threshold);
        flow.trigger.kind = kind;
        flow.trigger.subject = subject;
        flow.trigger.threshold = threshold;
        if (tweak)
            tweak(flow.trigger);
        return flows->insert(flow);
    }

    // Starts a new Connector (a previous one is stopped and its thread joined first).
    void startConnector(const ConnectorConfig &configuration)
    {
        connector.reset();
        firings.clear();
        connector = std::make_unique<Connector>();
        QObject::connect(connector.get(), &Connector::firingsRecorded, connector.get(),
                         [this](const QList<Firing> &batch) { firings += batch; });
        QObject::connect(connector.get(), &Connector::statusChanged, connector.get(),
                         [this](const ConnectorStatus &s) {
                             if (s.lastPollAt.isValid() && s.lastPollAt != lastPoll) {
                                 lastPoll = s.lastPollAt;
                                 ++polls;
                             }
                             statuses.append(s);
                         });
        connector->start(configuration, token);
    }
    void startConnector() { startConnector(config()); }

    // Waits until `count` more cycles have completed (a cycle that started after this call included).
    bool waitForCycles(int count = 2, int timeoutMs = 15000)
    {
        const int target = polls + count;
        return QTest::qWaitFor([&] { return polls >= target; }, timeoutMs);
    }

    bool waitForFirings(int count, int timeoutMs = 15000)
    {
        return QTest::qWaitFor([&] { return firings.size() >= count; }, timeoutMs);
    }

    HttpTestClient::Response post(const QString &rest, const QJsonObject &body)
    {
        return http.postJson(control(rest), body);
    }
    QString refresh(const QString &kind, const QString &dataSource = {}, bool fail = false,
                    bool scheduled = false)
    {
        QJsonObject body{
            {QStringLiteral("kind"), kind},
            {QStringLiteral("outcome"), fail ? QStringLiteral("failed") : QStringLiteral("successful")},
            {QStringLiteral("scheduled"), scheduled}};
        if (!dataSource.isEmpty())
            body.insert(QStringLiteral("dataSource"), dataSource);
        return post(QStringLiteral("refresh"), body).object().value(QStringLiteral("jobId")).toString();
    }
    bool setSegment(const QString &name, qint64 count)
    {
        return http.sendJson("PUT", control(QStringLiteral("segments/") + name),
                             {{QStringLiteral("count"), count}})
                   .status == 200;
    }
    bool setMeasure(const QString &name, double value)
    {
        return http.sendJson("PUT", control(QStringLiteral("measures/") + name),
                             {{QStringLiteral("value"), value}})
                   .status == 200;
    }
    bool addFault(const QString &kind, int count, int ms = 0)
    {
        return post(QStringLiteral("faults"), {{QStringLiteral("kind"), kind},
                                               {QStringLiteral("count"), count},
                                               {QStringLiteral("ms"), ms}})
                   .status == 200;
    }
    // This connection's counters: callsLast60s, maxCallsInAny60s, throttled429.
    QJsonObject counters()
    {
        const QJsonArray connections = http.get(control(QStringLiteral("counters")))
                                           .object()
                                           .value(QStringLiteral("connections"))
                                           .toArray();
        for (const QJsonValue &value : connections) {
            if (value.toObject().value(QStringLiteral("subject")).toString() == subject)
                return value.toObject();
        }
        return {};
    }
    // Whether every job of the scenario has ended.
    bool allJobsEnded()
    {
        const QJsonArray jobs =
            http.get(control(QStringLiteral("state"))).object().value(QStringLiteral("jobs")).toArray();
        for (const QJsonValue &job : jobs) {
            const QString status = job.toObject().value(QStringLiteral("status")).toString();
            if (status == QLatin1String("queued") || status == QLatin1String("running"))
                return false;
        }
        return true;
    }
    QList<Firing> firingsOf(qint64 flowId) const
    {
        QList<Firing> result;
        for (const Firing &firing : firings) {
            if (firing.flowId == flowId)
                result.append(firing);
        }
        return result;
    }

    std::unique_ptr<EmbeddedSandbox> sandbox;
    QTemporaryDir dataDir;
    Database db;
    std::unique_ptr<FlowStore> flows;
    std::unique_ptr<FiringLog> log;
    HttpTestClient http;
    QString subject;
    QString token;
    bool started = false;

    std::unique_ptr<Connector> connector;
    QList<Firing> firings;
    QList<ConnectorStatus> statuses;
    QDateTime lastPoll;
    int polls = 0;
};
