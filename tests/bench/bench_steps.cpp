// Step throughput: 2,000 firings, each with one signed HTTP step (POST of a templated JSON body) to a
// loopback receiver (tests/support HttpReceiver), run by the StepRunner with its default concurrency and
// every attempt recorded in a fresh database in a temporary folder (docs/steps.md; target >= 200 steps/s).
//
//   BENCH steps_per_s <value> steps/s
//
// detection_p95_ms_with_slow_steps (issue 7) needs the connector worker and is measured with it, not here.
#include "clock.h"
#include "database.h"
#include "firinglog.h"
#include "flowstore.h"
#include "httpreceiver.h"
#include "secretstore.h"
#include "steprunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int kFirings = 2'000;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("insights.*=false"));
    QTemporaryDir dir;
    Database db;
    if (!dir.isValid() || !db.open(dir.path(), QStringLiteral("worker"))) {
        std::fprintf(stderr, "bench_steps: no database: %s\n", qPrintable(db.errorString()));
        return 1;
    }
    HttpReceiver receiver;
    receiver.setSigningSecret("bench-signing-secret");
    if (!receiver.listen())
        return 1;
    MemorySecretStore secrets;
    secrets.write(QStringLiteral("bench-signing"), QStringLiteral("bench-signing-secret"), &app,
                  [](bool, QString) {});

    Flow flow;
    flow.name = QStringLiteral("Bench flow");
    flow.trigger.kind = TriggerKind::SegmentThresholdCrossed;
    flow.trigger.subject = QStringLiteral("HighValueCustomers");
    flow.trigger.threshold = 1250;
    Step step;
    step.kind = StepKind::HttpCall;
    step.parameters = {
        {QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("url"), receiver.url().toString()},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("flow"), QStringLiteral("{{flow.name}}")},
                                             {QStringLiteral("subject"), QStringLiteral("{{subject}}")},
                                             {QStringLiteral("value"), QStringLiteral("{{value}}")}}},
        {QStringLiteral("signingSecretRef"), QStringLiteral("bench-signing")}};
    flow.steps = {step};
    FlowStore flows(db);
    flow.id = flows.insert(flow);

    QList<Firing> firings;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < kFirings; ++i) {
        Firing firing;
        firing.id = QStringLiteral("bench-%1").arg(i);
        firing.flowId = flow.id;
        firing.flowName = flow.name;
        firing.trigger = flow.trigger.kind;
        firing.subject = flow.trigger.subject;
        firing.value = 1251 + i;
        firing.threshold = 1250;
        firing.detectedAt = now;
        firings.append(firing);
    }
    FiringLog log(db);
    bool ok = false;
    log.record(firings, &ok);
    if (!ok)
        return 1;

    QNetworkAccessManager network;
    StepRunner runner(db, &secrets, &network, Clock::system());
    int completed = 0;
    int failed = 0;
    QElapsedTimer timer;
    QObject::connect(&runner, &StepRunner::firingCompleted, &app, [&](const QString &, bool allSucceeded) {
        failed += allSucceeded ? 0 : 1;
        if (++completed == kFirings)
            app.quit();
    });
    QTimer::singleShot(0, &app, [&] {
        timer.start();
        for (const Firing &firing : std::as_const(firings))
            runner.run(firing, flow);
    });
    QTimer::singleShot(120'000, &app, [&] { app.exit(2); });
    const int result = app.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (result != 0 || failed != 0 || receiver.count() != kFirings) {
        std::fprintf(stderr, "bench_steps: %d of %d completed, %d failed, %d received\n", completed, kFirings,
                     failed, receiver.count());
        return 1;
    }
    std::printf("BENCH steps_per_s %.0f steps/s\n", kFirings / seconds);
    return 0;
}
