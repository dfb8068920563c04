#include "apiclient.h"
#include "clock.h"
#include "database.h"
#include "httpcallstep.h"
#include "httpreceiver.h"
#include "secretstore.h"
#include "steprunner.h"
#include "stepstesthelpers.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

// StepRunner with a real database, HttpReceiver as the endpoint and the sandbox for Get items: order,
// retries (503, timeouts, 429 Retry-After), failing at once on 400, the records of every attempt, redaction,
// resume after a kill, bounded concurrency, {{items}} between steps and test-fire.
class TestStepRunner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FlowStore> m_flows;
    std::unique_ptr<FiringLog> m_log;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpReceiver> m_receiver;
    int m_firings = 0;

    static constexpr const char *kSigningSecret = "signing-secret-5f2a9c";

    StepRunner::Options fastOptions() const
    {
        StepRunner::Options options;
        options.firstRetryDelay = std::chrono::milliseconds(20);
        options.maxRetryDelay = std::chrono::milliseconds(100);
        options.transferTimeout = std::chrono::milliseconds(2000);
        return options;
    }

    std::unique_ptr<StepRunner> makeRunner(const StepRunner::Options &options)
    {
        auto runner = std::make_unique<StepRunner>(*m_db, &m_secrets, &m_network, Clock::system());
        runner->setOptions(options);
        return runner;
    }

    Step httpStep(const QString &path, const QJsonValue &body = QJsonObject{
                                           {QStringLiteral("subject"), QStringLiteral("{{subject}}")}})
    {
        return makeStep(StepKind::HttpCall,
                        {{QStringLiteral("method"), QStringLiteral("POST")},
                         {QStringLiteral("url"), m_receiver->url(path).toString()},
                         {QStringLiteral("body"), body},
                         {QStringLiteral("signingSecretRef"), QStringLiteral("hook-signing")}});
    }

    // A stored flow with `steps` and a recorded firing of it.
    std::pair<Flow, Firing> flowAndFiring(const QList<Step> &steps)
    {
        Flow flow;
        flow.name = QStringLiteral("Flow %1").arg(++m_firings);
        flow.trigger.kind = TriggerKind::SegmentThresholdCrossed;
        flow.trigger.subject = QStringLiteral("HighValueCustomers");
        flow.trigger.threshold = 1250;
        flow.steps = steps;
        flow.id = m_flows->insert(flow);
        Firing firing = sampleFiring(QStringLiteral("firing-%1").arg(m_firings));
        firing.flowId = flow.id;
        firing.flowName = flow.name;
        bool ok = false;
        m_log->record({firing}, &ok);
        return {flow, firing};
    }

    QStringList statuses(const QString &firingId)
    {
        QStringList result;
        for (const StepRun &run : m_log->stepRuns(firingId))
            result << QStringLiteral("%1.%2 %3 %4")
                          .arg(run.stepIndex)
                          .arg(run.attempt)
                          .arg(run.status)
                          .arg(run.httpStatus);
        return result;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<StepRun>();
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(m_dir.path(), QStringLiteral("worker")), qPrintable(m_db->errorString()));
        m_flows = std::make_unique<FlowStore>(*m_db);
        m_log = std::make_unique<FiringLog>(*m_db);
        int written = 0;
        m_secrets.write(QStringLiteral("hook-signing"), QString::fromLatin1(kSigningSecret), this,
                        [&](bool, QString) { ++written; });
        QTRY_COMPARE(written, 1);
    }

    void init()
    {
        m_receiver = std::make_unique<HttpReceiver>();
        QVERIFY(m_receiver->listen());
        m_receiver->setSigningSecret(kSigningSecret);
    }

    void runsStepsInOrderAndRecordsEveryAttempt()
    {
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        QSignalSpy updated(runner.get(), &StepRunner::stepRunUpdated);
        const auto [flow, firing] =
            flowAndFiring({httpStep(QStringLiteral("/first")), httpStep(QStringLiteral("/second"))});
        QVERIFY(runner->run(firing, flow));
        QVERIFY(!runner->run(firing, flow)); // already running
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(0).toString(), firing.id);
        QCOMPARE(completed.constFirst().at(1).toBool(), true);
        QCOMPARE(m_receiver->count(), 2);
        QCOMPARE(m_receiver->requests().at(0).target, "/first");
        QCOMPARE(m_receiver->requests().at(1).target, "/second");
        QVERIFY(m_receiver->requests().at(0).signatureValid && m_receiver->requests().at(1).signatureValid);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 succeeded 200"), QStringLiteral("1.1 succeeded 200")}));
        const StepRun run = m_log->stepRuns(firing.id).constFirst();
        QVERIFY(run.startedAt.isValid() && run.finishedAt >= run.startedAt);
        QVERIFY(!run.detail.isEmpty());
        // pending x2, then running + succeeded per step
        QCOMPARE(updated.size(), 6);
        QVERIFY(runner->isIdle());
    }

    void retries503ThenSucceeds()
    {
        m_receiver->enqueue({503, "busy", {}, false});
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), true);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 failed 503"), QStringLiteral("0.2 succeeded 200")}));
        QCOMPARE(m_receiver->count(), 2);
        QCOMPARE(m_receiver->requests().at(0).header("Idempotency-Key"),
                 m_receiver->requests().at(1).header("Idempotency-Key"));
        QCOMPARE(m_receiver->duplicates(), 0);
    }

    void fails400AtOnce()
    {
        m_receiver->enqueue({400, "bad request", {}, false});
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] =
            flowAndFiring({httpStep(QStringLiteral("/hook")), httpStep(QStringLiteral("/never"))});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), false);
        QCOMPARE(m_receiver->count(), 1);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 failed 400"), QStringLiteral("1.1 failed 0")}));
        QVERIFY(m_log->stepRuns(firing.id).at(1).detail.contains(u"Not run"));
        QVERIFY(m_log->unfinishedStepRuns().isEmpty());
    }

    void retriesATimeout()
    {
        m_receiver->enqueue({200, {}, {}, true}); // never answered
        StepRunner::Options options = fastOptions();
        options.transferTimeout = std::chrono::milliseconds(300);
        auto runner = makeRunner(options);
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/slow"))});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), true);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 failed 0"), QStringLiteral("0.2 succeeded 200")}));
        QVERIFY(m_log->stepRuns(firing.id).constFirst().detail.contains(u"No answer"));
    }

    void honoursRetryAfter()
    {
        m_receiver->enqueue({429, "slow down", {{"Retry-After", "1"}}, false});
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        const QList<StepRun> runs = m_log->stepRuns(firing.id);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).httpStatus, 429);
        QVERIFY2(runs.at(0).finishedAt.msecsTo(runs.at(1).startedAt) >= 900,
                 qPrintable(QString::number(runs.at(0).finishedAt.msecsTo(runs.at(1).startedAt))));
    }

    void givesUpAfterTheLastAttempt()
    {
        m_receiver->setDefaultResponse({500, "down", {}, false});
        StepRunner::Options options = fastOptions();
        options.maxAttempts = 3;
        auto runner = makeRunner(options);
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), false);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 failed 500"), QStringLiteral("0.2 failed 500"),
                              QStringLiteral("0.3 failed 500")}));
    }

    void secretsNeverReachTheLog()
    {
        // A receiver that echoes the secret back in its error: the recorded detail must not carry it.
        m_receiver->enqueue({400, QByteArray("rejected signature made with ") + kSigningSecret, {}, false});
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        const QString detail = m_log->stepRuns(firing.id).constFirst().detail;
        QVERIFY2(!detail.contains(QString::fromLatin1(kSigningSecret)), qPrintable(detail));
        QVERIFY(detail.contains(u"[redacted]"));
    }

    void aMissingSecretFailsClearly()
    {
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        Step step = httpStep(QStringLiteral("/hook"));
        step.parameters.insert(QStringLiteral("signingSecretRef"), QStringLiteral("no-such-entry"));
        const auto [flow, firing] = flowAndFiring({step});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        QVERIFY(m_log->stepRuns(firing.id).constFirst().detail.contains(u"no-such-entry"));
        QCOMPARE(m_receiver->count(), 0);
    }

    void anUnknownPlaceholderIsNeverSent()
    {
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring({httpStep(
            QStringLiteral("/hook"), QJsonObject{{QStringLiteral("x"), QStringLiteral("{{subjct}}")}})});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), false);
        QVERIFY(m_log->stepRuns(firing.id).constFirst().detail.contains(u"{{subjct}}"));
        QCOMPARE(m_receiver->count(), 0);
    }

    void resumesAfterAKillWithoutResending()
    {
        // Step 0 is answered, step 1 hangs: the runner is destroyed (the app killed) while it runs.
        m_receiver->enqueue({200, "ok", {}, false});
        m_receiver->enqueue({200, {}, {}, true});
        const auto [flow, firing] =
            flowAndFiring({httpStep(QStringLiteral("/first")), httpStep(QStringLiteral("/second"))});
        {
            StepRunner::Options options = fastOptions();
            options.transferTimeout = std::chrono::seconds(60);
            auto runner = makeRunner(options);
            runner->run(firing, flow);
            QTRY_COMPARE(m_receiver->count(), 2);
        }
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 succeeded 200"), QStringLiteral("1.1 running 0")}));
        QCOMPARE(m_log->unfinishedStepRuns().size(), 1);

        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        QCOMPARE(runner->resumeUnfinished(), 1);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), true);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 succeeded 200"), QStringLiteral("1.1 failed 0"),
                              QStringLiteral("1.2 succeeded 200")}));
        QVERIFY(m_log->stepRuns(firing.id).at(1).detail.contains(u"Interrupted"));
        // /first once, /second twice with the same key; nothing succeeded was sent again.
        QCOMPARE(m_receiver->count(), 3);
        QCOMPARE(m_receiver->requests().at(2).target, "/second");
        QCOMPARE(m_receiver->requests().at(2).header("Idempotency-Key"),
                 HttpCallStep::idempotencyKey(firing.id, 1));
        QCOMPARE(m_receiver->duplicates(), 0);
        QVERIFY(m_log->unfinishedStepRuns().isEmpty());
        QCOMPARE(runner->resumeUnfinished(), 0);
    }

    void resumesAPendingRetry()
    {
        m_receiver->enqueue({503, "busy", {}, false});
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        {
            StepRunner::Options options = fastOptions();
            options.firstRetryDelay = std::chrono::minutes(10);
            options.maxRetryDelay = std::chrono::minutes(10);
            auto runner = makeRunner(options);
            QSignalSpy updated(runner.get(), &StepRunner::stepRunUpdated);
            runner->run(firing, flow);
            QTRY_COMPARE(statuses(firing.id),
                         (QStringList{QStringLiteral("0.1 failed 503"), QStringLiteral("0.2 pending 0")}));
        }
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        QCOMPARE(runner->resumeUnfinished(), 1);
        QVERIFY(completed.wait(10000));
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 failed 503"), QStringLiteral("0.2 succeeded 200")}));
    }

    void boundsConcurrencyAcrossFirings()
    {
        m_receiver->setDefaultResponse({200, {}, {}, true});
        StepRunner::Options options = fastOptions();
        options.maxConcurrentFirings = 2;
        options.maxAttempts = 1;
        options.transferTimeout = std::chrono::milliseconds(1500);
        auto runner = makeRunner(options);
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        for (int i = 0; i < 5; ++i) {
            const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
            runner->run(firing, flow);
        }
        QTRY_COMPARE(m_receiver->count(), 2);
        QCOMPARE(runner->runningFirings(), 2);
        QCOMPARE(runner->queuedFirings(), 3);
        m_receiver->setDefaultResponse({200, "ok", {}, false});
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 5, 15000);
        QCOMPARE(m_receiver->count(), 5);
    }

    void itemsFeedTheLaterSteps()
    {
        EmbeddedSandbox sandbox;
        QVERIFY(sandbox.start());
        RateLimiter limiter(Clock::system());
        ApiClient api(&m_network, &limiter, Clock::system());
        api.setBaseUrl(sandbox.apiBaseUrl());
        api.setSubscriptionKey(sandbox.subscriptionKey());
        api.setAccessToken(sandboxToken(sandbox));
        auto runner = makeRunner(fastOptions());
        runner->setConnection(&api, QStringLiteral("3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b"),
                              QStringLiteral("Contoso Retail"));
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring(
            {makeStep(StepKind::GetItems,
                      {{QStringLiteral("entity"), QStringLiteral("Customer")},
                       {QStringLiteral("filter"), QStringLiteral("IsMemberOfSegment('HighValueCustomers')")},
                       {QStringLiteral("limit"), 20}}),
             httpStep(QStringLiteral("/hook"),
                      QJsonObject{{QStringLiteral("count"), QStringLiteral("{{items.count}}")},
                                  {QStringLiteral("members"), QStringLiteral("{{items}}")},
                                  {QStringLiteral("instance"), QStringLiteral("{{instance.name}}")}})});
        runner->run(firing, flow);
        QVERIFY(completed.wait(20000));
        QCOMPARE(completed.constFirst().at(1).toBool(), true);
        const QJsonObject body = QJsonDocument::fromJson(m_receiver->requests().constFirst().body).object();
        QCOMPARE(body.value(u"count").toInt(), 20);
        QCOMPARE(body.value(u"members").toArray().size(), 20);
        QCOMPARE(body.value(u"instance").toString(), u"Contoso Retail");
    }

    void testFireRunsASampleFiring()
    {
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        Flow flow = flowAndFiring({httpStep(QStringLiteral("/hook"),
                                            QJsonObject{{QStringLiteral("v"), QStringLiteral("{{value}}")}})})
                        .first;
        const QString id = runner->testFire(flow);
        QVERIFY(!id.isEmpty());
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(0).toString(), id);
        const std::optional<Firing> firing = m_log->get(id);
        QVERIFY(firing && firing->test);
        QCOMPARE(
            QJsonDocument::fromJson(m_receiver->requests().constFirst().body).object().value(u"v").toDouble(),
            1251.0);
    }

    void testFireWithTheCallersSample()
    {
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        QSignalSpy recorded(runner.get(), &StepRunner::testFiringRecorded);
        Flow flow =
            flowAndFiring({httpStep(QStringLiteral("/hook"),
                                    QJsonObject{{QStringLiteral("v"), QStringLiteral("{{value}}")},
                                                {QStringLiteral("s"), QStringLiteral("{{subject}}")}})})
                .first;
        Firing sample = StepRunner::sampleFiring(flow, QDateTime::currentDateTimeUtc());
        sample.value = 1200;
        sample.subject = QStringLiteral("ChurnRisk");
        sample.test = false; // marked test anyway
        const QString id = runner->testFire(flow, sample);
        QVERIFY(id.startsWith(u"test-"));
        QCOMPARE(recorded.size(), 1); // before its steps run
        QVERIFY(completed.wait(10000));
        const std::optional<Firing> firing = m_log->get(id);
        QVERIFY(firing && firing->test);
        QCOMPARE(firing->payload.value(u"test").toBool(), true);
        QCOMPARE(firing->flowId, flow.id);
        const QJsonObject body = QJsonDocument::fromJson(m_receiver->requests().constFirst().body).object();
        QCOMPARE(body.value(u"v").toDouble(), 1200.0);
        QCOMPARE(body.value(u"s").toString(), u"ChurnRisk");
    }

    void resubmitAllSendsEveryStepAgainWithANewKey()
    {
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] =
            flowAndFiring({httpStep(QStringLiteral("/first")), httpStep(QStringLiteral("/second"))});
        QVERIFY(runner->run(firing, flow));
        QVERIFY(completed.wait(10000));

        QString error;
        QVERIFY2(runner->resubmit(firing.id, false, &error), qPrintable(error));
        QVERIFY(!runner->resubmit(firing.id, false, &error)); // still running
        QVERIFY2(error.contains(u"still running"), qPrintable(error));
        QTRY_COMPARE(completed.size(), 2);
        QCOMPARE(completed.at(1).at(0).toString(), firing.id);
        QCOMPARE(completed.at(1).at(1).toBool(), true);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 succeeded 200"), QStringLiteral("0.2 succeeded 200"),
                              QStringLiteral("1.1 succeeded 200"), QStringLiteral("1.2 succeeded 200")}));
        for (const StepRun &run : m_log->stepRuns(firing.id))
            QCOMPARE(run.resubmission, run.attempt - 1);
        QCOMPARE(m_receiver->count(), 4);
        const auto key = [&](int request) {
            return m_receiver->requests().at(request).header("Idempotency-Key");
        };
        QCOMPARE(m_receiver->requests().at(2).target, "/first");
        QCOMPARE(key(2), HttpCallStep::idempotencyKey(firing.id, 0, 1));
        QVERIFY(key(2) != key(0));
        QCOMPARE(key(0), HttpCallStep::idempotencyKey(firing.id, 0)); // the original run keeps its key
        QCOMPARE(m_receiver->duplicates(), 0); // an idempotent receiver takes the resubmission

        // Once more: another key again.
        QVERIFY(runner->resubmit(firing.id, false));
        QTRY_COMPARE(completed.size(), 3);
        QCOMPARE(key(4), HttpCallStep::idempotencyKey(firing.id, 0, 2));
        QCOMPARE(m_receiver->duplicates(), 0);
    }

    void resubmitFailedOnlyKeepsWhatSucceeded()
    {
        m_receiver->enqueue({200, "ok", {}, false});
        m_receiver->enqueue({400, "bad request", {}, false});
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        QSignalSpy updated(runner.get(), &StepRunner::stepRunUpdated);
        const auto [flow, firing] =
            flowAndFiring({httpStep(QStringLiteral("/first")), httpStep(QStringLiteral("/second")),
                           httpStep(QStringLiteral("/third"))});
        runner->run(firing, flow);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), false);

        // The resubmission's first attempt at /second meets a 503: retried with the same key.
        m_receiver->enqueue({503, "busy", {}, false});
        updated.clear();
        QString error;
        QVERIFY2(runner->resubmit(firing.id, true, &error), qPrintable(error));
        QCOMPARE(updated.size(), 2); // pending: steps 2 and 3, at once
        QTRY_COMPARE(completed.size(), 2);
        QCOMPARE(completed.at(1).at(1).toBool(), true);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 succeeded 200"), QStringLiteral("1.1 failed 400"),
                              QStringLiteral("1.2 failed 503"), QStringLiteral("1.3 succeeded 200"),
                              QStringLiteral("2.1 failed 0"), QStringLiteral("2.2 succeeded 200")}));
        QStringList targets;
        for (const HttpReceiver::Request &request : m_receiver->requests())
            targets << QString::fromLatin1(request.target);
        QCOMPARE(targets, (QStringList{QStringLiteral("/first"), QStringLiteral("/second"),
                                       QStringLiteral("/second"), QStringLiteral("/second"),
                                       QStringLiteral("/third")})); // /first was not sent again
        QCOMPARE(m_receiver->requests().at(2).header("Idempotency-Key"),
                 HttpCallStep::idempotencyKey(firing.id, 1, 1));
        QCOMPARE(m_receiver->requests().at(3).header("Idempotency-Key"),
                 m_receiver->requests().at(2).header("Idempotency-Key"));
        QVERIFY(m_log->unfinishedStepRuns().isEmpty());

        // Nothing failed any more.
        QVERIFY(!runner->resubmit(firing.id, true, &error));
        QVERIFY2(error.contains(u"nothing failed"), qPrintable(error));
    }

    void resubmitReadsEarlierItemsAgain()
    {
        EmbeddedSandbox sandbox;
        QVERIFY(sandbox.start());
        RateLimiter limiter(Clock::system());
        ApiClient api(&m_network, &limiter, Clock::system());
        api.setBaseUrl(sandbox.apiBaseUrl());
        api.setSubscriptionKey(sandbox.subscriptionKey());
        api.setAccessToken(sandboxToken(sandbox));
        m_receiver->enqueue({500, "down", {}, false});
        StepRunner::Options options = fastOptions();
        options.maxAttempts = 1;
        auto runner = makeRunner(options);
        runner->setConnection(&api, QStringLiteral("3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b"),
                              QStringLiteral("Contoso Retail"));
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring(
            {makeStep(StepKind::GetItems,
                      {{QStringLiteral("entity"), QStringLiteral("Customer")}, {QStringLiteral("limit"), 3}}),
             httpStep(QStringLiteral("/hook"),
                      QJsonObject{{QStringLiteral("count"), QStringLiteral("{{items.count}}")}})});
        runner->run(firing, flow);
        QVERIFY(completed.wait(20000));
        QCOMPARE(completed.constFirst().at(1).toBool(), false);
        QVERIFY(runner->resubmit(firing.id, true));
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 2, 20000);
        QCOMPARE(completed.at(1).at(1).toBool(), true);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 succeeded 200"), QStringLiteral("0.2 succeeded 200"),
                              QStringLiteral("1.1 failed 500"), QStringLiteral("1.2 succeeded 200")}));
        const QJsonObject body = QJsonDocument::fromJson(m_receiver->requests().constLast().body).object();
        QCOMPARE(body.value(u"count").toInt(), 3);
    }

    void resumesAnInterruptedResubmissionWithItsKey()
    {
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        {
            auto runner = makeRunner(fastOptions());
            QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
            runner->run(firing, flow);
            QVERIFY(completed.wait(10000));
            StepRunner::Options options = fastOptions();
            options.transferTimeout = std::chrono::seconds(60);
            runner->setOptions(options);
            m_receiver->enqueue({200, {}, {}, true}); // the resubmission hangs; the app is killed
            QVERIFY(runner->resubmit(firing.id, false));
            QTRY_COMPARE(m_receiver->count(), 2);
        }
        auto runner = makeRunner(fastOptions());
        QSignalSpy completed(runner.get(), &StepRunner::firingCompleted);
        QCOMPARE(runner->resumeUnfinished(), 1);
        QVERIFY(completed.wait(10000));
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 succeeded 200"), QStringLiteral("0.2 failed 0"),
                              QStringLiteral("0.3 succeeded 200")}));
        QCOMPARE(m_log->stepRuns(firing.id).constLast().resubmission, 1);
        QCOMPARE(m_receiver->requests().at(2).header("Idempotency-Key"),
                 HttpCallStep::idempotencyKey(firing.id, 0, 1));
        QCOMPARE(m_receiver->duplicates(), 0);
    }

    void resubmitIsRefusedClearly()
    {
        auto runner = makeRunner(fastOptions());
        QString error;
        QVERIFY(!runner->resubmit(QStringLiteral("no-such-firing"), false, &error));
        QVERIFY2(error.contains(u"no longer in the trigger log"), qPrintable(error));

        // Waiting to resume after a restart counts as running.
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        StepRun pending;
        pending.firingId = firing.id;
        pending.status = StepRun::pending();
        QVERIFY(m_log->recordStepRun(pending));
        QVERIFY(!runner->resubmit(firing.id, false, &error));
        QVERIFY2(error.contains(u"still running"), qPrintable(error));

        pending.status = StepRun::failed();
        QVERIFY(m_log->recordStepRun(pending));
        QVERIFY(m_flows->remove(flow.id));
        QVERIFY(!runner->resubmit(firing.id, false, &error));
        QVERIFY2(error.contains(u"was deleted"), qPrintable(error));
        QCOMPARE(m_receiver->count(), 0);
    }

    void waitsForTheSecretStore()
    {
        StepRunner runner(*m_db, nullptr, &m_network, Clock::system());
        runner.setOptions(fastOptions());
        QSignalSpy completed(&runner, &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        runner.run(firing, flow);
        QTRY_VERIFY(m_log->stepRuns(firing.id).constFirst().detail.contains(u"Waiting for the secret store"));
        QCOMPARE(m_log->stepRuns(firing.id).constFirst().status, StepRun::pending());
        QCOMPARE(m_receiver->count(), 0);
        runner.setSecretStore(&m_secrets); // the app's keychain probe has finished
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), true);
        QCOMPARE(statuses(firing.id), (QStringList{QStringLiteral("0.1 succeeded 200")}));
        QVERIFY(m_receiver->requests().constFirst().signatureValid);
    }

    void failsRetryablyWhenNoSecretStoreComes()
    {
        StepRunner::Options options = fastOptions();
        options.secretStoreWait = std::chrono::milliseconds(100);
        options.maxAttempts = 2;
        StepRunner runner(*m_db, nullptr, &m_network, Clock::system());
        runner.setOptions(options);
        QSignalSpy completed(&runner, &StepRunner::firingCompleted);
        const auto [flow, firing] = flowAndFiring({httpStep(QStringLiteral("/hook"))});
        runner.run(firing, flow);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), false);
        QCOMPARE(statuses(firing.id),
                 (QStringList{QStringLiteral("0.1 failed 0"), QStringLiteral("0.2 failed 0")}));
        QVERIFY2(m_log->stepRuns(firing.id).constFirst().detail.contains(u"No secret store is available yet"),
                 qPrintable(m_log->stepRuns(firing.id).constFirst().detail));
        QCOMPARE(m_receiver->count(), 0);

        // A step that names no secret does not wait for a store.
        Step plain = httpStep(QStringLiteral("/plain"));
        plain.parameters.remove(QStringLiteral("signingSecretRef"));
        const auto [plainFlow, plainFiring] = flowAndFiring({plain});
        runner.run(plainFiring, plainFlow);
        QTRY_COMPARE(completed.size(), 2);
        QCOMPARE(completed.at(1).at(1).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestStepRunner)
#include "tst_steprunner.moc"
