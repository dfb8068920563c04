// The trigger log view over a large log (docs/performance.md: 1,000,000 stored firings open in < 0.1 s, an
// event-loop p99 < 16 ms, <= 120 MB resident). A child process (`bench_logview --fill DIR`) fills a fresh
// database in a temporary folder with 1,000,000 firings spread over the last 20 days (the first 10,000
// through FiringLog::record with step runs, the rest with one INSERT ... SELECT), so that the heap of the
// filling is not counted as the view's. Then, on the offscreen platform:
//
//   BENCH logview_open_ms <value> ms            construct + show the pane (first page loaded)
//   BENCH logview_rss_mb <value> MB             VmRSS after scrolling until the model holds its maximum
//                                               (100,000 rows, the newest tenth of the log)
//   BENCH logview_rows_mb <value> MB            what those rows added to VmRSS (after scrolling - after open)
//   BENCH logview_rows_disk_mb <value> MB       the bytes of the same rows' columns on disk (SQLite's
//   length()) BENCH logview_rss_ratio <value> x           rows in memory / the same rows on disk BENCH
//   logview_scroll_page_ms <value> ms     mean time of one fetchMore page while scrolling BENCH
//   logview_eventloop_p99_ms <value> ms   99th percentile lateness of a 10 ms timer while a worker
//                                               thread records 100 firings/s (and their step runs) for 10 s
//                                               and the pane inserts them live
//
// `bench_logview --screenshot FILE [--firings N] [--width W --height H]` instead shows the pane with N
// (default 3,000) varied sample firings and saves a PNG of it.
#include "database.h"
#include "firinglog.h"
#include "flowstore.h"
#include "triggerlog/triggerlogfiltermodel.h"
#include "triggerlog/triggerlogmodel.h"
#include "triggerlog/triggerlogpane.h"
#include "triggerlog/triggerlogview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QItemSelectionModel>
#include <QProcess>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kTotal = 1'000'000;
constexpr int kRecorded = 10'000;
constexpr qint64 kSpanMs = 20LL * 24 * 3600 * 1000;

void print(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

const QStringList kSources = {QStringLiteral("PosTransactions"), QStringLiteral("ECommerceOrders"),
                              QStringLiteral("LoyaltyMembers"), QStringLiteral("WebVisits"),
                              QStringLiteral("SupportCases")};

struct SampleFlow
{
    const char *name;
    TriggerKind trigger;
    int steps;
};

const SampleFlow kFlows[] = {
    {"Post to Teams when a data source refresh fails", TriggerKind::DataSourceRefreshFailed, 1},
    {"Email the team when a refresh succeeds", TriggerKind::DataSourceRefreshSucceeded, 1},
    {"High-value segment above 1,250", TriggerKind::SegmentThresholdCrossed, 2},
    {"Churn rate alert", TriggerKind::MeasureThresholdCrossed, 2},
    {"Nightly full refresh report", TriggerKind::FullRefreshCompleted, 3},
    {"Unification done → CRM webhook", TriggerKind::UnificationRefreshCompleted, 1},
};

Firing sampleFiring(int n, const QDateTime &detectedAt, qint64 flowId)
{
    const SampleFlow &flow = kFlows[(flowId - 1) % std::size(kFlows)];
    Firing f;
    f.flowId = flowId;
    f.flowName = QString::fromUtf8(flow.name);
    f.trigger = flow.trigger;
    switch (flow.trigger) {
    case TriggerKind::DataSourceRefreshFailed:
    case TriggerKind::DataSourceRefreshSucceeded:
        f.subject = kSources.at(n % kSources.size());
        f.payload = {{QStringLiteral("dataSource"), f.subject},
                     {QStringLiteral("taskId"), QStringLiteral("task-%1").arg(n)},
                     {QStringLiteral("taskStatus"), flow.trigger == TriggerKind::DataSourceRefreshFailed
                                                        ? QStringLiteral("failed")
                                                        : QStringLiteral("successful")}};
        break;
    case TriggerKind::SegmentThresholdCrossed:
        f.subject = QStringLiteral("HighValueCustomers");
        f.threshold = 1250;
        f.previousValue = 1240 + n % 10;
        f.value = 1251 + n % 90;
        f.payload = {{QStringLiteral("segment"), f.subject}, {QStringLiteral("entityCount"), *f.value}};
        break;
    case TriggerKind::MeasureThresholdCrossed:
        f.subject = QStringLiteral("ChurnRate");
        f.threshold = 0.05;
        f.previousValue = 0.049;
        f.value = 0.05 + (n % 7) / 1000.0;
        f.payload = {{QStringLiteral("measure"), f.subject}, {QStringLiteral("value"), *f.value}};
        break;
    case TriggerKind::FullRefreshCompleted:
    case TriggerKind::UnificationRefreshCompleted:
        f.payload = {{QStringLiteral("jobId"), QStringLiteral("job-%1").arg(n)},
                     {QStringLiteral("jobStatus"), QStringLiteral("successful")}};
        break;
    }
    f.jobId = QStringLiteral("job-%1").arg(n);
    f.detectedAt = detectedAt;
    f.occurredAt = detectedAt.addSecs(-(5 + n % 40));
    f.caughtUp = n % 37 == 0;
    f.id = Firing::makeId(flowId, QStringLiteral("bench-instance"), f.trigger, f.subject, f.jobId);
    return f;
}

QList<StepRun> sampleRuns(const Firing &firing, int n, int steps, const QDateTime &now)
{
    QList<StepRun> runs;
    const bool recent = firing.detectedAt.secsTo(now) < 20;
    for (int step = 0; step < steps; ++step) {
        StepRun run;
        run.firingId = firing.id;
        run.stepIndex = step;
        run.attempt = 1;
        run.startedAt = firing.detectedAt.addMSecs(300 + step * 800);
        run.finishedAt = run.startedAt.addMSecs(250 + n % 400);
        run.httpStatus = 200;
        run.status = StepRun::succeeded();
        run.detail =
            QStringLiteral("POST https://contoso.webhook.office.com/webhookb2/… → 200 OK (1 message)");
        if (n % 11 == 3 && step == steps - 1) {
            run.status = StepRun::failed();
            run.httpStatus = 503;
            run.detail = QStringLiteral("POST https://contoso.webhook.office.com/webhookb2/… → 503 Service "
                                        "Unavailable: the channel's webhook is over its rate limit");
            runs.append(run);
            break;
        }
        if (n % 13 == 5 && step == 0) {
            StepRun failedAttempt = run;
            failedAttempt.status = StepRun::failed();
            failedAttempt.httpStatus = 429;
            failedAttempt.detail = QStringLiteral("429 Too Many Requests, Retry-After 2");
            runs.append(failedAttempt);
            run.attempt = 2;
            if (recent) {
                run.status = StepRun::pending();
                run.finishedAt = QDateTime();
                run.detail.clear();
                runs.append(run);
                break;
            }
        }
        if (recent && n % 3 == 0 && step == steps - 1) {
            run.status = StepRun::running();
            run.finishedAt = QDateTime();
            run.detail.clear();
        }
        runs.append(run);
    }
    return runs;
}

QList<qint64> storeFlows(Database &db)
{
    FlowStore store(db);
    QList<qint64> ids;
    for (const SampleFlow &sample : kFlows) {
        Flow flow;
        flow.name = QString::fromUtf8(sample.name);
        flow.trigger.kind = sample.trigger;
        for (int i = 0; i < sample.steps; ++i) {
            Step step;
            step.kind = i == 0 ? StepKind::TeamsMessage : (i == 1 ? StepKind::Email : StepKind::HttpCall);
            flow.steps.append(step);
        }
        ids.append(store.insert(flow));
    }
    return ids;
}

int screenshot(const QString &path, int firings, int width, int height)
{
    QTemporaryDir dir;
    Database db;
    if (!db.open(dir.path(), QStringLiteral("gui"))) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    const QList<qint64> flowIds = storeFlows(db);
    FiringLog log(db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Firing> batch;
    QList<StepRun> runs;
    for (int n = 0; n < firings; ++n) {
        const qint64 flowId = flowIds.at((n * 7 + n / 3) % flowIds.size());
        const Firing firing = sampleFiring(n, now.addSecs(-qint64(n) * 97 - 3), flowId);
        batch.append(firing);
        runs += sampleRuns(firing, n, kFlows[(flowId - 1) % std::size(kFlows)].steps, now);
    }
    log.record(batch);
    for (const StepRun &run : std::as_const(runs))
        log.recordStepRun(run);

    TriggerLogPane pane(db);
    pane.resize(width, height);
    pane.show();
    QApplication::processEvents();
    // Select a failed firing so the detail pane shows its steps.
    for (int row = 0; row < pane.filterModel()->rowCount(); ++row) {
        const QModelIndex index = pane.filterModel()->index(row, 0);
        if (index.data(TriggerLogModel::StatusRole).toInt() == int(TriggerLogRecord::Status::Failed)) {
            pane.view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                      QItemSelectionModel::Rows);
            break;
        }
    }
    QApplication::processEvents();
    if (!pane.grab().save(path)) {
        std::fprintf(stderr, "Cannot save %s\n", qPrintable(path));
        return 1;
    }
    std::printf("saved %s\n", qPrintable(path));
    return 0;
}

// Records 10 firings (and a succeeded step run each) every 100 ms on its own thread and connection, as the
// connector worker and the step runner do.
class LiveSource : public QObject
{
    Q_OBJECT

public:
    explicit LiveSource(QString dataDir)
        : m_dataDir(std::move(dataDir))
    {}

    void start()
    {
        m_db = std::make_unique<Database>();
        if (!m_db->open(m_dataDir, QStringLiteral("worker")))
            qFatal("%s", qPrintable(m_db->errorString()));
        m_log = std::make_unique<FiringLog>(*m_db);
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &LiveSource::tick);
        m_timer->start(100);
    }

    void stop()
    {
        delete m_timer;
        m_timer = nullptr;
        m_log.reset();
        m_db.reset();
    }

signals:
    void firingsRecorded(const QList<Firing> &firings);
    void stepRunUpdated(const StepRun &run);

private:
    void tick()
    {
        QList<Firing> firings;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 10; ++i, ++m_n)
            firings.append(sampleFiring(kTotal + m_n, now, 1 + m_n % 6));
        const QList<Firing> added = m_log->record(firings);
        emit firingsRecorded(added);
        for (const Firing &firing : added) {
            StepRun run;
            run.firingId = firing.id;
            run.status = StepRun::succeeded();
            run.startedAt = now;
            run.finishedAt = now;
            run.httpStatus = 200;
            m_log->recordStepRun(run);
            emit stepRunUpdated(run);
        }
    }

    QString m_dataDir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FiringLog> m_log;
    QTimer *m_timer = nullptr;
    int m_n = 0;
};

bool fill(Database &db, const QDateTime &now)
{
    const QList<qint64> flowIds = storeFlows(db);
    FiringLog log(db);
    const QDateTime start = now.addMSecs(-kSpanMs);
    const qint64 stepMs = kSpanMs / kTotal;
    // The newest 10,000 through the store's own API, with step runs.
    QList<Firing> batch;
    QList<StepRun> runs;
    for (int n = kTotal - kRecorded; n < kTotal; ++n) {
        const qint64 flowId = flowIds.at(n % flowIds.size());
        const Firing firing = sampleFiring(n, start.addMSecs(qint64(n) * stepMs), flowId);
        batch.append(firing);
        runs += sampleRuns(firing, n, kFlows[(flowId - 1) % std::size(kFlows)].steps, now);
    }
    bool ok = false;
    log.record(batch, &ok);
    if (!ok)
        return false;
    {
        Database::Transaction transaction(db);
        for (const StepRun &run : std::as_const(runs))
            log.recordStepRun(run);
        if (!transaction.commit())
            return false;
    }
    // The older 990,000 in one statement.
    Database::Transaction transaction(db);
    QSqlQuery fillRest(db.handle());
    if (!fillRest.prepare(QStringLiteral(
            "WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ?)"
            " INSERT INTO firings (id, flow_id, flow_name, trigger_type, subject, value, previous_value,"
            " threshold, job_id, occurred_at, detected_at, caught_up, is_test, payload)"
            " SELECT printf('%064d', n), 1 + n % 6, 'Post to Teams when a data source refresh fails',"
            " 'dataSourceRefreshFailed', 'PosTransactions', NULL, NULL, NULL, 'job-' || n, ? + n * ? - 5000,"
            " ? + n * ?, 0, 0,"
            " '{\"dataSource\":\"PosTransactions\",\"taskId\":\"task-' || n || "
            "'\",\"taskStatus\":\"failed\"}'"
            " FROM seq"))) {
        return false;
    }
    fillRest.addBindValue(kTotal - kRecorded - 1);
    fillRest.addBindValue(start.toMSecsSinceEpoch());
    fillRest.addBindValue(stepMs);
    fillRest.addBindValue(start.toMSecsSinceEpoch());
    fillRest.addBindValue(stepMs);
    return fillRest.exec() && transaction.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QStringLiteral("Save a PNG."),
                                              QStringLiteral("file"));
    const QCommandLineOption firingsOption(QStringLiteral("firings"), QStringLiteral("Sample firings."),
                                           QStringLiteral("n"), QStringLiteral("3000"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("Width."),
                                         QStringLiteral("px"), QStringLiteral("1280"));
    const QCommandLineOption heightOption(QStringLiteral("height"), QStringLiteral("Height."),
                                          QStringLiteral("px"), QStringLiteral("800"));
    const QCommandLineOption fillOption(QStringLiteral("fill"), QStringLiteral("Fill the log in a folder."),
                                        QStringLiteral("dir"));
    parser.addOptions({screenshotOption, firingsOption, widthOption, heightOption, fillOption});
    parser.process(app);
    if (parser.isSet(screenshotOption)) {
        return screenshot(parser.value(screenshotOption), parser.value(firingsOption).toInt(),
                          parser.value(widthOption).toInt(), parser.value(heightOption).toInt());
    }
    if (parser.isSet(fillOption)) {
        Database db;
        if (!db.open(parser.value(fillOption), QStringLiteral("fill")) ||
            !fill(db, QDateTime::currentDateTimeUtc())) {
            std::fprintf(stderr, "Filling the log failed: %s\n", qPrintable(db.errorString()));
            return 1;
        }
        return 0;
    }

    QTemporaryDir dir;
    QProcess filler;
    filler.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    filler.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--fill"), dir.path()});
    if (!filler.waitForFinished(300'000) || filler.exitStatus() != QProcess::NormalExit ||
        filler.exitCode() != 0)
        return 1;

    Database db;
    if (!db.open(dir.path(), QStringLiteral("gui")))
        return 1;
    {
        FiringLog log(db);
        std::printf("stored firings: %lld\n", log.count());
    }

    // Open: construct and show the pane, first page loaded and painted.
    QElapsedTimer timer;
    timer.start();
    auto pane = std::make_unique<TriggerLogPane>(db);
    pane->resize(1280, 800);
    pane->show();
    QApplication::processEvents();
    pane->grab(); // one full paint
    print("logview_open_ms", double(timer.nsecsElapsed()) / 1e6, "ms");
    const double openMb = residentMb();

    // Scroll down until the model holds its maximum.
    TriggerLogView *view = pane->view();
    TriggerLogModel *model = pane->model();
    int pages = 0;
    QElapsedTimer scrollTimer;
    scrollTimer.start();
    while (model->canFetchMore({})) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QApplication::processEvents();
        ++pages;
        if (scrollTimer.elapsed() > 120'000)
            break;
    }
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
    QApplication::processEvents();
    std::printf("loaded rows: %d (capped: %s) in %d scroll steps\n", model->rowCount(),
                model->isCapped() ? "yes" : "no", pages);
    print("logview_scroll_page_ms", pages ? double(scrollTimer.elapsed()) / pages : 0.0, "ms");
    const double scrolledMb = residentMb();
    print("logview_rss_mb", scrolledMb, "MB");
    {
        // The same rows on disk: the bytes of their columns (text and blob lengths, 8 per number).
        QSqlQuery disk(db.handle());
        disk.prepare(QStringLiteral(
            "SELECT SUM(LENGTH(id) + LENGTH(flow_name) + LENGTH(trigger_type) + LENGTH(COALESCE(subject, ''))"
            " + LENGTH(COALESCE(job_id, '')) + LENGTH(COALESCE(payload, '')) + 8 * 8) FROM"
            " (SELECT * FROM firings ORDER BY detected_at DESC, id DESC LIMIT ?)"));
        disk.addBindValue(model->rowCount());
        const double diskMb = disk.exec() && disk.next() ? disk.value(0).toDouble() / (1024.0 * 1024.0) : 0;
        print("logview_rows_mb", scrolledMb - openMb, "MB");
        print("logview_rows_disk_mb", diskMb, "MB");
        if (diskMb > 0)
            std::printf("BENCH logview_rss_ratio %.2f x\n", (scrolledMb - openMb) / diskMb);
    }

    // Back to the top, then live arrivals at 100 firings/s for 10 s while a 10 ms timer measures lateness.
    view->scrollToTop();
    QThread thread;
    thread.setObjectName(QStringLiteral("bench-worker"));
    auto *source = new LiveSource(dir.path());
    source->moveToThread(&thread);
    QObject::connect(source, &LiveSource::firingsRecorded, pane.get(), &TriggerLogPane::insertFirings);
    QObject::connect(source, &LiveSource::stepRunUpdated, pane.get(), &TriggerLogPane::updateStepRun);
    thread.start();
    QMetaObject::invokeMethod(source, &LiveSource::start);

    QList<double> lateness;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    qint64 last = 0;
    clock.start();
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 nowNs = clock.nsecsElapsed();
        if (last > 0)
            lateness.append(std::max(0.0, double(nowNs - last) / 1e6 - 10.0));
        last = nowNs;
        if (nowNs > 10'000'000'000LL)
            app.quit();
    });
    probe.start();
    app.exec();
    QMetaObject::invokeMethod(source, &LiveSource::stop, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    delete source;

    std::sort(lateness.begin(), lateness.end());
    const double p99 = lateness.isEmpty() ? 0 : lateness.at(qsizetype(lateness.size() * 0.99));
    std::printf("live rows inserted, model rows now %d, %lld probe samples\n", model->rowCount(),
                qint64(lateness.size()));
    print("logview_eventloop_p99_ms", p99, "ms");
    pane.reset();
    return 0;
}

#include "bench_logview.moc"
