// Detection latency at the default budget (docs/performance.md: p95 <= 1 s, <= 2 s while the step runner is
// saturated): an event injected through the sandbox's control API -> the firing committed to the firing log
// (Connector::firingsRecorded, which the worker emits after the commit). The connector runs with its default
// configuration (100 calls / 60 s, the default poll intervals) against an embedded sandbox on 127.0.0.1
// running the Contoso Retail scenario at speed 1; events alternate between a data source refresh (ends at the
// next scenario tick, <= 250 ms) and a segment crossing, injected at random moments relative to the poll
// cycle.
//
//   BENCH detection_p50_ms <value> ms
//   BENCH detection_p95_ms <value> ms
//   BENCH detection_samples <value> events
//
// With --slow-steps, every data source refresh also fires a flow of a Get items step (1,000 rows in 10 pages
// through the worker's own rate limiter) and 24 HTTP steps to a loopback endpoint that answers after 2 s, so
// that from the first events on the step runner is saturated (its concurrent firings busy, 100 and more
// steps waiting) and reads share the budget with polling while detection is measured:
//
//   BENCH detection_p50_ms_with_slow_steps <value> ms
//   BENCH detection_p95_ms_with_slow_steps <value> ms
#include "connector.h"
#include "database.h"
#include "embeddedsandbox.h"
#include "flowstore.h"
#include "httpreceiver.h"
#include "httptestclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kSamples = 40;
constexpr int kMaxWaitMs = 10000;

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const double rank = p * double(values.size() - 1);
    const auto low = qsizetype(rank);
    const auto high = std::min(low + 1, values.size() - 1);
    return values[low] + (values[high] - values[low]) * (rank - double(low));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool slowSteps = QCoreApplication::arguments().contains(QStringLiteral("--slow-steps"));
    const QString suffix = slowSteps ? QStringLiteral("_with_slow_steps") : QString();
    HttpReceiver slowEndpoint;
    HttpReceiver::Response slow;
    slow.delayMs = 2000;
    slowEndpoint.setDefaultResponse(slow);
    if (slowSteps && !slowEndpoint.listen()) {
        std::fprintf(stderr, "bench_detection: cannot listen for the slow steps\n");
        return 1;
    }
    EmbeddedSandbox sandbox;
    QTemporaryDir dataDir;
    if (!sandbox.start() || !dataDir.isValid()) {
        std::fprintf(stderr, "bench_detection: cannot start the sandbox: %s\n",
                     qPrintable(sandbox.errorString()));
        return 1;
    }
    const auto control = [&](const QString &rest) {
        QUrl url = sandbox.baseUrl();
        url.setPath(QStringLiteral("/sandbox/control/") + rest);
        return url;
    };
    HttpTestClient http;
    const QString token = http.postJson(control(QStringLiteral("tokens")),
                                        {{QStringLiteral("subject"), QStringLiteral("bench")}})
                              .object()
                              .value(QStringLiteral("access_token"))
                              .toString();
    {
        Database db;
        db.open(dataDir.path(), QStringLiteral("bench"));
        FlowStore flows(db);
        Flow refreshed;
        refreshed.name = QStringLiteral("Any data source refreshed");
        refreshed.trigger.kind = TriggerKind::DataSourceRefreshSucceeded;
        flows.insert(refreshed);
        Flow crossing;
        crossing.name = QStringLiteral("Churn risk above 4,999");
        crossing.trigger.kind = TriggerKind::SegmentThresholdCrossed;
        crossing.trigger.subject = QStringLiteral("ChurnRisk");
        crossing.trigger.threshold =
            4999; // the scenario's swings never reach it: only injected crossings fire
        flows.insert(crossing);
        if (slowSteps) {
            Flow slowFlow;
            slowFlow.name = QStringLiteral("Slow webhook on every refresh");
            slowFlow.trigger.kind = TriggerKind::DataSourceRefreshSucceeded;
            // First a Get items step reading 1,000 customers in 10 pages through the worker's rate limiter.
            slowFlow.steps.append(Step{
                StepKind::GetItems,
                {{QStringLiteral("entity"), QStringLiteral("Customer")}, {QStringLiteral("limit"), 1000}}});
            for (int step = 0; step < 24; ++step)
                slowFlow.steps.append(
                    Step{StepKind::HttpCall,
                         {{QStringLiteral("method"), QStringLiteral("POST")},
                          {QStringLiteral("url"), slowEndpoint.url().toString()},
                          {QStringLiteral("body"),
                           QJsonObject{{QStringLiteral("subject"), QStringLiteral("{{subject}}")}}}}});
            flows.insert(slowFlow);
        }
    }

    ConnectorConfig config; // the defaults: the budget and the pace of a real connection
    config.dataDir = dataDir.path();
    config.apiBase = sandbox.apiBaseUrl();
    config.subscriptionKey = sandbox.subscriptionKey();
    Connector connector;
    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> firedAt; // job id or segment value -> ms
    QObject::connect(&connector, &Connector::firingsRecorded, &app, [&](const QList<Firing> &firings) {
        for (const Firing &firing : firings) {
            const QString key = firing.trigger == TriggerKind::SegmentThresholdCrossed
                                    ? QString::number(firing.value.value_or(0))
                                    : firing.jobId;
            if (!firedAt.contains(key))
                firedAt.insert(key, clock.elapsed());
        }
    });
    bool polling = false;
    QObject::connect(&connector, &Connector::statusChanged, &app, [&](const ConnectorStatus &status) {
        polling = polling || status.state == ConnectorStatus::State::Polling;
    });
    connector.start(config, token);
    if (!QTest::qWaitFor([&] { return polling; }, 30000)) {
        std::fprintf(stderr, "bench_detection: the connector did not start polling\n");
        return 1;
    }

    const QStringList sources{QStringLiteral("PosTransactions"), QStringLiteral("ECommerce"),
                              QStringLiteral("LoyaltyProgram")};
    QList<double> latencies;
    for (int i = 0; i < kSamples; ++i) {
        // A random moment of the poll cycle.
        QTest::qWait(int(QRandomGenerator::global()->bounded(1500)));
        QString key;
        const qint64 injectedAt = clock.elapsed();
        if (i % 2 == 0) {
            key = http.postJson(control(QStringLiteral("refresh")),
                                {{QStringLiteral("kind"), QStringLiteral("datasource")},
                                 {QStringLiteral("dataSource"), sources[(i / 2) % sources.size()]}})
                      .object()
                      .value(QStringLiteral("jobId"))
                      .toString();
        } else {
            const int count = 5000 + i;
            key = QString::number(count);
            http.sendJson("PUT", control(QStringLiteral("segments/ChurnRisk")),
                          {{QStringLiteral("count"), count}});
        }
        if (!QTest::qWaitFor([&] { return firedAt.contains(key); }, kMaxWaitMs)) {
            std::fprintf(stderr, "bench_detection: event %d not detected within %d ms\n", i, kMaxWaitMs);
            latencies.append(kMaxWaitMs);
        } else {
            latencies.append(double(firedAt.value(key) - injectedAt));
        }
        if (i % 2 == 1) // re-arm the crossing (not measured)
            http.sendJson("PUT", control(QStringLiteral("segments/ChurnRisk")),
                          {{QStringLiteral("count"), 100}});
    }
    std::printf("BENCH detection_p50_ms%s %.0f ms\n", qPrintable(suffix), percentile(latencies, 0.50));
    std::printf("BENCH detection_p95_ms%s %.0f ms\n", qPrintable(suffix), percentile(latencies, 0.95));
    if (slowSteps)
        std::printf("BENCH slow_step_requests_received %d requests\n", slowEndpoint.count());
    std::printf("BENCH detection_samples %d events\n", int(latencies.size()));
    return 0;
}
