// API calls per connection with 1, 50 and 500 flows (docs/performance.md: never more than 100 in any 60 s,
// flat in the number of flows). Three connectors run side by side for 65 s (BENCH_BUDGET_SECONDS), each
// with its own database, flows and token subject, i.e. its own connection in the sandbox's counters, at
// their default configuration, against one embedded sandbox on 127.0.0.1 running Contoso Retail at speed 1
// (a scheduled full refresh every 30 s) plus an injected data source refresh and segment change every 5 s.
// The figures are the sandbox's own counters: the most calls seen in any 60 s window, and the calls of
// the last 60 s at the end.
//
//   BENCH budget_max_calls_60s_flows_<N> <value> calls
//   BENCH budget_calls_per_min_flows_<N> <value> calls/min
#include "connector.h"
#include "database.h"
#include "embeddedsandbox.h"
#include "flowstore.h"
#include "httptestclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

const int kFlowCounts[] = {1, 50, 500};

Flow makeFlow(int n)
{
    static const QStringList segments{QStringLiteral("HighValueCustomers"), QStringLiteral("ChurnRisk"),
                                      QStringLiteral("NewsletterSubscribers")};
    static const QStringList sources{QString(), QStringLiteral("PosTransactions"),
                                     QStringLiteral("ECommerce")};
    Flow flow;
    flow.name = QStringLiteral("Flow %1").arg(n);
    const TriggerKind kind = Trigger::allKinds().at(n % Trigger::allKinds().size());
    flow.trigger.kind = kind;
    if (kind == TriggerKind::SegmentThresholdCrossed) {
        flow.trigger.subject = segments[n % segments.size()];
        flow.trigger.threshold = 500 + 10 * n;
    } else if (kind == TriggerKind::MeasureThresholdCrossed) {
        flow.trigger.subject = QStringLiteral("TotalRevenue");
        flow.trigger.threshold = 1200000 + 100 * n;
    } else if (Trigger::takesSubject(kind)) {
        flow.trigger.subject = sources[n % sources.size()];
    }
    return flow;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = qEnvironmentVariableIsSet("BENCH_BUDGET_SECONDS")
                            ? qEnvironmentVariableIntValue("BENCH_BUDGET_SECONDS")
                            : 65;
    EmbeddedSandbox sandbox;
    if (!sandbox.start()) {
        std::fprintf(stderr, "bench_budget: cannot start the sandbox: %s\n",
                     qPrintable(sandbox.errorString()));
        return 1;
    }
    const auto control = [&](const QString &rest) {
        QUrl url = sandbox.baseUrl();
        url.setPath(QStringLiteral("/sandbox/control/") + rest);
        return url;
    };
    HttpTestClient http;

    struct Run
    {
        int flows = 0;
        QString subject;
        std::unique_ptr<QTemporaryDir> dataDir = std::make_unique<QTemporaryDir>();
        std::unique_ptr<Connector> connector;
    };
    std::vector<Run> runs;
    for (const int count : kFlowCounts) {
        Run run;
        run.flows = count;
        run.subject = QStringLiteral("bench-flows-%1").arg(count);
        {
            Database db;
            db.open(run.dataDir->path(), QStringLiteral("bench"));
            FlowStore store(db);
            QList<Flow> flows;
            for (int n = 0; n < count; ++n)
                flows.append(makeFlow(n));
            store.insertAll(flows);
        }
        const QString token =
            http.postJson(control(QStringLiteral("tokens")), {{QStringLiteral("subject"), run.subject}})
                .object()
                .value(QStringLiteral("access_token"))
                .toString();
        ConnectorConfig config; // the defaults of a real connection
        config.dataDir = run.dataDir->path();
        config.apiBase = sandbox.apiBaseUrl();
        config.subscriptionKey = sandbox.subscriptionKey();
        run.connector = std::make_unique<Connector>();
        run.connector->start(config, token);
        runs.push_back(std::move(run));
    }

    // Some life besides the scheduled refreshes.
    QTimer events;
    int tick = 0;
    QObject::connect(&events, &QTimer::timeout, &app, [&] {
        ++tick;
        http.postJson(control(QStringLiteral("refresh")),
                      {{QStringLiteral("kind"), QStringLiteral("datasource")},
                       {QStringLiteral("dataSource"), QStringLiteral("ECommerce")}});
        http.sendJson("PUT", control(QStringLiteral("segments/ChurnRisk")),
                      {{QStringLiteral("count"), 700 + 50 * (tick % 5)}});
    });
    events.start(5000);
    QTest::qWait(seconds * 1000);
    events.stop();

    const QJsonArray connections =
        http.get(control(QStringLiteral("counters"))).object().value(QStringLiteral("connections")).toArray();
    for (const Run &run : runs) {
        for (const QJsonValue &value : connections) {
            const QJsonObject counters = value.toObject();
            if (counters.value(QStringLiteral("subject")).toString() != run.subject)
                continue;
            std::printf("BENCH budget_max_calls_60s_flows_%d %d calls\n", run.flows,
                        counters.value(QStringLiteral("maxCallsInAny60s")).toInt());
            std::printf("BENCH budget_calls_per_min_flows_%d %d calls/min\n", run.flows,
                        counters.value(QStringLiteral("callsLast60s")).toInt());
        }
    }
    std::fflush(stdout);
    return 0;
}
