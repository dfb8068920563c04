// The soak run (issue #9): `insights-admin --headless` against a separate `insights-sandbox` running the
// built-in Contoso Retail scenario at high speed, for a bounded time, while faults are injected:
//
//   soak ──control API──> insights-sandbox --speed 10 ──CI API, sign-in──> insights-admin --headless
//    │  (events, faults,      (scenario, Teams sink,                         (worker: polls, fires,
//    │   token expiry and      event record, counters)                        runs HTTP and Teams steps)
//    │   revocation)                                                                  │
//    ├── HttpReceiver on 127.0.0.1 <───────────── HTTP steps (Idempotency-Key) ────────┘
//    └── SIGKILL + restart of the worker, /proc/<pid>/status VmRSS every second
//
// Afterwards it checks, from the sandbox's own record (GET /sandbox/control/events) against the worker's
// database and its stdout (SoakCheck):
//   - every event a flow matches fired exactly once (lost = expected but never fired, duplicates = more);
//   - no step that succeeded was sent again (receiver and Teams sink deliveries per firing and step);
//   - never more than 100 calls in any 60 s (the sandbox counts every call the worker made);
//   - the worker's memory stayed flat (its last run: first third against last third of the samples).
// and prints the summary as BENCH lines. Exit code 0 when every check passed, 1 when one failed, 2 when
// the run itself could not be set up.
//
// It needs the OS secret store (the Teams step's webhook URL lives there, as for a user):
//   tests/support/with-keyring.sh build/soak/bin/soak                 # 5 minutes
//   tests/support/with-keyring.sh build/soak/bin/soak --seconds 75    # what CTest runs (soak_short)
// INSIGHTS_SOAK_SECONDS sets the default duration as well.
#include "database.h"
#include "firinglog.h"
#include "flowjson.h"
#include "flowstore.h"
#include "httpcallstep.h"
#include "httpreceiver.h"
#include "httptestclient.h"
#include "sandboxprocess.h"
#include "secretstore.h"
#include "soakcheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace {

constexpr int kBudget = 100; // calls per connection in any 60 s (docs/api-and-budget.md)
constexpr qint64 kRssMinGrowthKb = 24 * 1024;
constexpr double kRssGrowthFraction = 0.25;
constexpr int kRssWarmUpSeconds = 10;
constexpr int kTokenLifetimeSeconds = 120;
const QString kTeamsSecretRef = QStringLiteral("soak-teams");

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

void bench(const char *name, qint64 value, const char *unit)
{
    say(QStringLiteral("BENCH %1 %2 %3").arg(QLatin1String(name)).arg(value).arg(QLatin1String(unit)));
}

struct Options
{
    int seconds = 300;
    double speed = 10;
    quint64 seed = 1;
    int drainSeconds = 90;
    bool keep = false;
    bool getItems = false; // a Get items step on one flow (see the report: it starves the step runner)
    bool tolerateUnobservable = false; // crossings only the evaluation history shows do not fail the run
};

enum class Action
{
    // Events (besides the scenario's own scheduled refreshes and failures)
    DataSourceRefresh,
    UnificationRefresh,
    ManualFullRefresh,
    SegmentCount,
    MeasureValue,
    // Faults
    Http500,
    Delay,
    Drop,
    ThrottleStorm,
    TokenExpiry,
    TokenRevocation,
    Kill,
    ReceiverErrors,
};

bool isFault(Action action)
{
    return action >= Action::Http500;
}

const char *faultName(Action action)
{
    switch (action) {
    case Action::Http500:
        return "http500";
    case Action::Delay:
        return "delay";
    case Action::Drop:
        return "drop";
    case Action::ThrottleStorm:
        return "429_storm";
    case Action::TokenExpiry:
        return "token_expiry";
    case Action::TokenRevocation:
        return "token_revocation";
    case Action::Kill:
        return "sigkill_restart";
    case Action::ReceiverErrors:
        return "receiver_503";
    case Action::DataSourceRefresh:
    case Action::UnificationRefresh:
    case Action::ManualFullRefresh:
    case Action::SegmentCount:
    case Action::MeasureValue:
        break;
    }
    return "event";
}

const char *eventName(Action action)
{
    switch (action) {
    case Action::DataSourceRefresh:
        return "datasource_refresh";
    case Action::UnificationRefresh:
        return "unification_refresh";
    case Action::ManualFullRefresh:
        return "manual_full_refresh";
    case Action::SegmentCount:
        return "segment_count";
    case Action::MeasureValue:
        return "measure_value";
    default:
        return faultName(action);
    }
}

struct Planned
{
    qint64 atMs;
    Action action;
};

// One run of the worker process, from start to kill or exit.
struct Run
{
    qint64 pid = 0;
    qint64 startedMs = 0;
    QByteArray out;
    QList<QPair<qint64, qint64>> rss; // (ms since the soak started, kB)
};

class Soak : public QObject
{
    Q_OBJECT

public:
    explicit Soak(const Options &options)
        : m_options(options)
        , m_rng(quint32(options.seed * 7919 + 17))
    {}

    int run()
    {
        if (!setUp())
            return 2;
        const int code = soak();
        if (code != 0 || m_options.keep)
            m_dir.setAutoRemove(false);
        say(QStringLiteral("soak: data and logs in %1%2")
                .arg(QDir::toNativeSeparators(m_dir.path()),
                     m_dir.autoRemove() ? QStringLiteral(" (removed; --keep keeps them)") : QString()));
        return code;
    }

private:
    // ---- set-up ---------------------------------------------------------------------------------------

    bool setUp()
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary folder"));
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
        QString error;
        if (!m_sandbox.start(QStringLiteral(INSIGHTS_SANDBOX_EXE),
                             {QStringLiteral("--speed"), QString::number(m_options.speed),
                              QStringLiteral("--seed"), QString::number(m_options.seed),
                              QStringLiteral("--token-lifetime"), QString::number(kTokenLifetimeSeconds)},
                             &error))
            return fail(QStringLiteral("the sandbox did not start: ") + error);
        m_base = m_sandbox.baseUrl();
        if (!m_receiver.listen())
            return fail(QStringLiteral("the HTTP receiver cannot listen"));
        connect(&m_receiver, &HttpReceiver::received, this, [this](int index) {
            // The receiver answers from its script first: the requests that met an injected 503.
            const bool failed = m_pendingReceiverErrors > 0;
            m_pendingReceiverErrors -= failed ? 1 : 0;
            m_deliveries.insert(index, {QDateTime::currentDateTimeUtc(), !failed});
        });
        if (!writeTeamsSecret())
            return false;
        if (!importFlows())
            return false;
        return true;
    }

    bool fail(const QString &why)
    {
        say(QStringLiteral("soak: cannot run: ") + why);
        return false;
    }

    // The Teams step reads its webhook URL from the OS secret store, as it does for a user.
    bool writeTeamsSecret()
    {
        KeychainSecretStore secrets;
        std::optional<bool> ok;
        QString error;
        secrets.write(kTeamsSecretRef, m_base + QStringLiteral("/sandbox/teams/soak"), this,
                      [&](bool written, const QString &why) {
                          ok = written;
                          error = why;
                      });
        if (!QTest::qWaitFor([&] { return ok.has_value(); }, 30000) || !*ok) {
            return fail(QStringLiteral("the OS secret store is not available (%1). Run the soak under "
                                       "tests/support/with-keyring.sh.")
                            .arg(error));
        }
        return true;
    }

    QJsonObject httpStep() const
    {
        return {
            {QStringLiteral("type"), QStringLiteral("httpCall")},
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("url"), m_receiver.url(QStringLiteral("/hook")).toString()},
            {QStringLiteral("headers"), QJsonObject{{QStringLiteral("X-Soak"), QStringLiteral("1")}}},
            {QStringLiteral("body"), QJsonObject{{QStringLiteral("flow"), QStringLiteral("{{flow.name}}")},
                                                 {QStringLiteral("subject"), QStringLiteral("{{subject}}")},
                                                 {QStringLiteral("value"), QStringLiteral("{{value}}")},
                                                 {QStringLiteral("job"), QStringLiteral("{{job.id}}")},
                                                 {QStringLiteral("at"), QStringLiteral("{{firedAt}}")}}}};
    }

    static QJsonObject teamsStep()
    {
        // The text names the firing: the Teams sink has no Idempotency-Key to count deliveries by.
        return {{QStringLiteral("type"), QStringLiteral("teamsMessage")},
                {QStringLiteral("webhookSecretRef"), kTeamsSecretRef},
                {QStringLiteral("title"), QStringLiteral("{{trigger.name}}")},
                {QStringLiteral("text"),
                 QStringLiteral("soak-key {{flow.name}}|{{subject}}|{{job.id}}|{{firedAt}}")}};
    }

    static QJsonObject flow(const QString &name, const QJsonObject &trigger, const QJsonArray &steps)
    {
        return {{QStringLiteral("name"), name},
                {QStringLiteral("enabled"), true},
                {QStringLiteral("trigger"), trigger},
                {QStringLiteral("steps"), steps}};
    }

    // Every trigger kind, thresholds near the scenario's base values (they swing across them), some flows
    // with an HTTP step to the receiver and a Teams step to the sandbox's sink, one with a Get items step
    // (paged through the same API budget).
    bool importFlows()
    {
        const auto trigger = [](const QString &type) { return QJsonObject{{QStringLiteral("type"), type}}; };
        QJsonObject permanent = trigger(QStringLiteral("dataSourceRefreshFailed"));
        permanent.insert(QStringLiteral("permanentFailuresOnly"), true);
        QJsonObject anyFull = trigger(QStringLiteral("fullRefreshCompleted"));
        anyFull.insert(QStringLiteral("includeManualRefreshes"), true);
        const auto subject = [&](const QString &type, const QString &name, double threshold = -1) {
            QJsonObject result = trigger(type);
            result.insert(QStringLiteral("subject"), name);
            if (threshold >= 0)
                result.insert(QStringLiteral("threshold"), threshold);
            return result;
        };
        const QJsonObject getItems{
            {QStringLiteral("type"), QStringLiteral("getItems")},
            {QStringLiteral("entity"), QStringLiteral("Customer")},
            {QStringLiteral("filter"), QStringLiteral("IsMemberOfSegment('ChurnRisk')")},
            {QStringLiteral("select"), QStringLiteral("CustomerId,FullName")},
            {QStringLiteral("limit"), 250}};
        const QJsonArray churnSteps =
            m_options.getItems ? QJsonArray{getItems, httpStep()} : QJsonArray{httpStep()};
        const QJsonArray flows{
            flow(QStringLiteral("Soak: POS transactions failed"),
                 subject(QStringLiteral("dataSourceRefreshFailed"), QStringLiteral("PosTransactions")),
                 {httpStep()}),
            flow(QStringLiteral("Soak: a source failed for good"), permanent, {teamsStep()}),
            flow(QStringLiteral("Soak: a source refreshed"),
                 trigger(QStringLiteral("dataSourceRefreshSucceeded")), {httpStep()}),
            flow(QStringLiteral("Soak: eCommerce refreshed"),
                 subject(QStringLiteral("dataSourceRefreshSucceeded"), QStringLiteral("ECommerce")), {}),
            flow(QStringLiteral("Soak: high-value customers above 1200"),
                 subject(QStringLiteral("segmentThresholdCrossed"), QStringLiteral("HighValueCustomers"),
                         1200),
                 {httpStep()}),
            flow(QStringLiteral("Soak: churn risk above 800"),
                 subject(QStringLiteral("segmentThresholdCrossed"), QStringLiteral("ChurnRisk"), 800),
                 churnSteps),
            flow(QStringLiteral("Soak: total revenue above 1,250,000"),
                 subject(QStringLiteral("measureThresholdCrossed"), QStringLiteral("TotalRevenue"), 1250000),
                 {httpStep()}),
            flow(QStringLiteral("Soak: active customers above 3400"),
                 subject(QStringLiteral("measureThresholdCrossed"), QStringLiteral("ActiveCustomers"), 3400),
                 {}),
            flow(QStringLiteral("Soak: scheduled full refresh completed"),
                 trigger(QStringLiteral("fullRefreshCompleted")), {teamsStep(), httpStep()}),
            flow(QStringLiteral("Soak: any full refresh completed"), anyFull, {}),
            flow(QStringLiteral("Soak: unification completed"),
                 trigger(QStringLiteral("unificationRefreshCompleted")), {httpStep(), teamsStep()}),
        };
        const QString path = m_dir.filePath(QStringLiteral("flows.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(
                QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("flows"), flows}})
                    .toJson()) < 0)
            return fail(QStringLiteral("cannot write ") + path);
        file.close();
        QProcess import;
        import.setProcessEnvironment(workerEnvironment());
        import.start(QStringLiteral(INSIGHTS_ADMIN_EXE),
                     {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--data-dir"), m_dataDir,
                      QStringLiteral("--import-flows"), path});
        if (!import.waitForFinished(60000) || import.exitStatus() != QProcess::NormalExit ||
            import.exitCode() != 0) {
            return fail(QStringLiteral("--import-flows failed: ") +
                        QString::fromUtf8(import.readAllStandardError()));
        }
        Database db;
        if (!db.open(m_dataDir, QStringLiteral("soak-flows")))
            return fail(db.errorString());
        m_flows = FlowStore(db).list();
        if (m_flows.size() != flows.size())
            return fail(
                QStringLiteral("imported %1 flows instead of %2").arg(m_flows.size()).arg(flows.size()));
        return true;
    }

    QProcessEnvironment workerEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Sign-in without a person: the sandbox's form filled in by a stand-in browser.
        environment.insert(QStringLiteral("BROWSER"), QStringLiteral(SANDBOX_BROWSER));
        environment.insert(QStringLiteral("SANDBOX_CONSENT"), QStringLiteral("accept"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        // Times in the worker's log, to line it up with the fault timeline and the sandbox's record.
        environment.insert(QStringLiteral("QT_MESSAGE_PATTERN"),
                           QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{if-category}%{category}: "
                                          "%{endif}%{message}"));
        return environment;
    }

    // ---- the worker process ---------------------------------------------------------------------------

    void startWorker()
    {
        m_runs.append({0, elapsedMs(), {}, {}});
        m_worker = std::make_unique<QProcess>();
        m_worker->setProcessEnvironment(workerEnvironment());
        m_worker->setStandardErrorFile(
            m_dir.filePath(QStringLiteral("worker-%1.stderr.log").arg(m_runs.size())));
        QProcess *process = m_worker.get();
        connect(process, &QProcess::readyReadStandardOutput, this,
                [this, process] { m_runs.last().out += process->readAllStandardOutput(); });
        connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus status) {
            m_runs.last().out += process->readAllStandardOutput();
            if (!m_killing && !m_stopping) {
                m_crashes.append(QStringLiteral("run %1 ended by itself at %2 s (exit %3, %4)")
                                     .arg(m_runs.size())
                                     .arg(elapsedMs() / 1000)
                                     .arg(code)
                                     .arg(status == QProcess::NormalExit ? QStringLiteral("normal")
                                                                         : QStringLiteral("crash")));
                m_restartAtMs = elapsedMs() + 1000;
            }
        });
        process->start(QStringLiteral(INSIGHTS_ADMIN_EXE),
                       {QStringLiteral("--headless"), QStringLiteral("--lang"), QStringLiteral("en"),
                        QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--authority"),
                        m_base + QStringLiteral("/contoso"), QStringLiteral("--api"),
                        m_base + QStringLiteral("/v1"), QStringLiteral("--subscription-key"),
                        QStringLiteral("sandbox-key")});
        process->waitForStarted(10000);
        m_runs.last().pid = process->processId();
        m_timeline.append(QStringLiteral("%1 worker run %2 started, pid %3")
                              .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                              .arg(m_runs.size())
                              .arg(m_runs.last().pid));
        m_restartAtMs = -1;
    }

    bool workerRunning() const { return m_worker && m_worker->state() == QProcess::Running; }

    void killWorker(qint64 downtimeMs)
    {
        if (!workerRunning())
            return;
        m_killing = true;
        m_worker->kill(); // SIGKILL
        m_worker->waitForFinished(10000);
        m_killing = false;
        m_kills.append(QDateTime::currentDateTimeUtc());
        m_timeline.append(QStringLiteral("%1 worker run %2 killed")
                              .arg(m_kills.last().toString(Qt::ISODateWithMs))
                              .arg(m_runs.size()));
        m_restartAtMs = elapsedMs() + downtimeMs;
    }

    // The worker's stderr of the current run: has it polled once?
    bool workerHasPolled() const
    {
        QFile file(m_dir.filePath(QStringLiteral("worker-%1.stderr.log").arg(m_runs.size())));
        return file.open(QIODevice::ReadOnly) && file.readAll().contains("Connector: Polling");
    }

    void sampleMemory()
    {
        if (!workerRunning())
            return;
        QFile status(QStringLiteral("/proc/%1/status").arg(m_runs.last().pid));
        if (!status.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:")) {
                const qint64 kb = line.mid(6).trimmed().split(' ').value(0).toLongLong();
                m_runs.last().rss.append({elapsedMs(), kb});
                m_peakRssKb = std::max(m_peakRssKb, kb);
            }
        }
    }

    // ---- the control API ------------------------------------------------------------------------------

    QUrl control(const QString &rest, const QString &query = {}) const
    {
        QUrl url(m_base + QStringLiteral("/sandbox/control/") + rest);
        if (!query.isEmpty())
            url.setQuery(query);
        return url;
    }

    bool post(const QString &rest, const QJsonObject &body)
    {
        const auto response = m_http.postJson(control(rest), body);
        if (response.status != 200)
            say(QStringLiteral("soak: POST %1 answered %2 %3")
                    .arg(rest)
                    .arg(response.status)
                    .arg(QString::fromUtf8(response.body)));
        return response.status == 200;
    }

    qint64 nextEventSeq()
    {
        return qint64(m_http.get(control(QStringLiteral("events"), QStringLiteral("after=0&limit=1")))
                          .object()
                          .value(QStringLiteral("next"))
                          .toDouble());
    }

    // Appends the sandbox's record `name` ("events", "calls") after what `events` holds.
    void fetchRecord(const QString &name, QJsonArray &events)
    {
        qint64 after =
            events.isEmpty() ? 0 : events.last().toObject().value(QStringLiteral("seq")).toInteger();
        while (true) {
            const QJsonObject page =
                m_http.get(control(name, QStringLiteral("after=%1&limit=5000").arg(after))).object();
            if (after == 0 && page.value(QStringLiteral("first")).toDouble() > 1)
                say(QStringLiteral("soak: WARNING: the sandbox's %1 record dropped its oldest entries")
                        .arg(name));
            const QJsonArray entries = page.value(name).toArray();
            if (entries.isEmpty())
                break;
            for (const QJsonValue &event : entries)
                events.append(event);
            after = qint64(page.value(QStringLiteral("last")).toDouble());
        }
    }

    // ---- the plan -------------------------------------------------------------------------------------

    qint64 uniformMs(qint64 from, qint64 to) { return from + qint64(m_rng.bounded(quint32(to - from + 1))); }

    QList<Planned> plan()
    {
        const qint64 total = qint64(m_options.seconds) * 1000;
        QList<Planned> planned;
        // Faults every 3-7 s; token revocations and worker kills on a schedule of their own, the kills
        // within the first 60 % so that the last run of the worker is long enough to judge its memory.
        const Action kinds[] = {Action::Http500,     Action::Http500,        Action::Http500,
                                Action::Delay,       Action::Delay,          Action::Drop,
                                Action::Drop,        Action::ThrottleStorm,  Action::ThrottleStorm,
                                Action::TokenExpiry, Action::ReceiverErrors, Action::ReceiverErrors};
        for (qint64 at = 4000 + uniformMs(0, 3000); at < total * 9 / 10; at += uniformMs(3000, 7000))
            planned.append({at, kinds[m_rng.bounded(quint32(std::size(kinds)))]});
        const int revocations = std::max(1, m_options.seconds / 120);
        for (int i = 0; i < revocations; ++i)
            planned.append({uniformMs(total * 15 / 100, total * 85 / 100), Action::TokenRevocation});
        const int kills = std::max(2, m_options.seconds / 60);
        for (int i = 0; i < kills; ++i) {
            const qint64 slot = (total * 50 / 100) / kills;
            planned.append({total / 10 + i * slot + uniformMs(0, slot), Action::Kill});
        }
        // Events on top of the scenario's own: refreshes and segment/measure changes every 2-5 s.
        const Action events[] = {
            Action::DataSourceRefresh,  Action::DataSourceRefresh, Action::DataSourceRefresh,
            Action::UnificationRefresh, Action::ManualFullRefresh, Action::SegmentCount,
            Action::SegmentCount,       Action::MeasureValue,      Action::MeasureValue};
        for (qint64 at = 3000; at < total; at += uniformMs(2000, 5000))
            planned.append({at, events[m_rng.bounded(quint32(std::size(events)))]});
        std::stable_sort(planned.begin(), planned.end(),
                         [](const Planned &a, const Planned &b) { return a.atMs < b.atMs; });
        return planned;
    }

    // A value near the threshold of one of the flows watching `type`, above or below it.
    QPair<QString, double> nearThreshold(TriggerKind kind)
    {
        QList<const Flow *> watching;
        for (const Flow &flow : m_flows) {
            if (flow.trigger.kind == kind)
                watching.append(&flow);
        }
        const Flow *flow = watching.at(m_rng.bounded(quint32(watching.size())));
        const double offset = (0.01 + 0.09 * m_rng.generateDouble()) * flow->trigger.threshold;
        return {flow->trigger.subject,
                std::round(flow->trigger.threshold + (m_rng.bounded(2) == 0 ? offset : -offset))};
    }

    void perform(Action action)
    {
        static const QStringList sources{QStringLiteral("PosTransactions"), QStringLiteral("ECommerce"),
                                         QStringLiteral("LoyaltyProgram")};
        const auto count = [this](int from, int to) { return int(uniformMs(from, to)); };
        // One batch of API faults at a time: a worker slowed down by faults makes few calls, and faults that
        // pile up faster than it calls would keep it down for the rest of the run.
        const bool apiFault = action == Action::Http500 || action == Action::Delay ||
                              action == Action::Drop || action == Action::ThrottleStorm;
        if (apiFault && !m_http.get(control(QStringLiteral("faults")))
                             .object()
                             .value(QStringLiteral("pending"))
                             .toArray()
                             .isEmpty()) {
            ++m_skippedFaults;
            return;
        }
        bool done = true;
        switch (action) {
        case Action::DataSourceRefresh:
            done = post(QStringLiteral("refresh"),
                        {{QStringLiteral("kind"), QStringLiteral("datasource")},
                         {QStringLiteral("dataSource"), sources.at(count(0, 2))},
                         {QStringLiteral("outcome"),
                          count(0, 2) == 0 ? QStringLiteral("failed") : QStringLiteral("successful")}});
            break;
        case Action::UnificationRefresh:
            done = post(QStringLiteral("refresh"), {{QStringLiteral("kind"), QStringLiteral("unification")}});
            break;
        case Action::ManualFullRefresh:
            done = post(QStringLiteral("refresh"), {{QStringLiteral("kind"), QStringLiteral("full")}});
            break;
        case Action::SegmentCount: {
            const auto [name, value] = nearThreshold(TriggerKind::SegmentThresholdCrossed);
            done = m_http
                       .sendJson("PUT", control(QStringLiteral("segments/") + name),
                                 {{QStringLiteral("count"), value}})
                       .status == 200;
            break;
        }
        case Action::MeasureValue: {
            const auto [name, value] = nearThreshold(TriggerKind::MeasureThresholdCrossed);
            done = m_http
                       .sendJson("PUT", control(QStringLiteral("measures/") + name),
                                 {{QStringLiteral("value"), value}})
                       .status == 200;
            break;
        }
        case Action::Http500:
            done = post(QStringLiteral("faults"), {{QStringLiteral("kind"), QStringLiteral("http500")},
                                                   {QStringLiteral("count"), count(1, 5)}});
            break;
        case Action::Delay:
            done = post(QStringLiteral("faults"), {{QStringLiteral("kind"), QStringLiteral("delay")},
                                                   {QStringLiteral("count"), count(1, 3)},
                                                   {QStringLiteral("ms"), count(1000, 4000)}});
            break;
        case Action::Drop:
            done = post(QStringLiteral("faults"), {{QStringLiteral("kind"), QStringLiteral("drop")},
                                                   {QStringLiteral("count"), count(1, 3)}});
            break;
        case Action::ThrottleStorm:
            done = post(QStringLiteral("faults"), {{QStringLiteral("kind"), QStringLiteral("throttle")},
                                                   {QStringLiteral("count"), count(2, 4)},
                                                   {QStringLiteral("ms"), count(1000, 4000)}});
            break;
        case Action::TokenExpiry:
            done = post(QStringLiteral("tokens/expire"), {});
            break;
        case Action::TokenRevocation:
            done = post(QStringLiteral("tokens/revoke"), {});
            break;
        case Action::Kill:
            killWorker(uniformMs(0, 4000));
            break;
        case Action::ReceiverErrors: {
            const int errors = count(1, 3);
            for (int i = 0; i < errors; ++i)
                m_receiver.enqueue({503, QByteArrayLiteral("busy"), {}, false, 0});
            m_pendingReceiverErrors += errors;
            break;
        }
        }
        if (isFault(action) && done)
            ++m_faults[QLatin1String(faultName(action))];
        m_timeline.append(QStringLiteral("%1 %2 %3%4")
                              .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                   isFault(action) ? QStringLiteral("fault") : QStringLiteral("event"),
                                   QLatin1String(isFault(action) ? faultName(action) : eventName(action)),
                                   done ? QString() : QStringLiteral(" (refused)")));
    }

    // ---- the run --------------------------------------------------------------------------------------

    qint64 elapsedMs() const { return m_clock.elapsed(); }

    void keepWorkerUp()
    {
        if (!workerRunning() && m_restartAtMs >= 0 && elapsedMs() >= m_restartAtMs)
            startWorker();
    }

    // Lets `ms` of the soak pass (its duration, not a synchronisation), keeping the worker up and
    // sampling its memory every second.
    void pass(qint64 ms)
    {
        const qint64 until = elapsedMs() + ms;
        while (elapsedMs() < until) {
            QTest::qWait(int(std::min<qint64>(100, until - elapsedMs())));
            keepWorkerUp();
            if (elapsedMs() - m_lastSampleMs >= 1000) {
                m_lastSampleMs = elapsedMs();
                sampleMemory();
            }
        }
    }

    QList<Firing> storedFirings(Database &db)
    {
        FiringLog log(db);
        return log.page(0, 1000000);
    }

    int soak()
    {
        m_clock.start();
        startWorker();
        if (!QTest::qWaitFor([this] { return workerHasPolled() || !workerRunning(); }, 90000) ||
            !workerRunning()) {
            say(QStringLiteral("soak: the worker did not start polling; see its log"));
            return 2;
        }
        // The worker has its baseline: what happens from here on is what it must fire for.
        const qint64 startSeq = nextEventSeq();
        const qint64 runStartMs = elapsedMs();
        say(QStringLiteral("soak: worker polling after %1 ms; soaking for %2 s at speed %3, seed %4")
                .arg(runStartMs)
                .arg(m_options.seconds)
                .arg(m_options.speed)
                .arg(m_options.seed));

        const QList<Planned> planned = plan();
        qsizetype next = 0;
        const qint64 endMs = runStartMs + qint64(m_options.seconds) * 1000;
        qint64 lastReportMs = runStartMs;
        while (elapsedMs() < endMs) {
            while (next < planned.size() && runStartMs + planned.at(next).atMs <= elapsedMs())
                perform(planned.at(next++).action);
            const qint64 nextAt = next < planned.size() ? runStartMs + planned.at(next).atMs : endMs;
            pass(std::clamp<qint64>(std::min(nextAt, endMs) - elapsedMs(), 1, 250));
            if (elapsedMs() - lastReportMs >= 30000) {
                lastReportMs = elapsedMs();
                int faults = 0;
                for (const int count : std::as_const(m_faults))
                    faults += count;
                say(QStringLiteral("soak: %1 s, %2 faults, worker run %3, %4 receiver requests")
                        .arg((elapsedMs() - runStartMs) / 1000)
                        .arg(faults)
                        .arg(m_runs.size())
                        .arg(m_receiver.count()));
            }
        }

        // Faults stop; what happened up to here must be fired. The worker gets time to catch up.
        m_http.send("DELETE", control(QStringLiteral("faults")));
        const qint64 endSeq = nextEventSeq();
        if (!workerRunning() && m_restartAtMs < 0)
            m_restartAtMs = elapsedMs();
        say(QStringLiteral("soak: faults stopped; waiting for the worker to catch up"));
        // The record goes on while the worker catches up: its firings of later events are not wrong.
        QJsonArray events;
        SoakCheck::Expectation expectation;
        Database db;
        if (!db.open(m_dataDir, QStringLiteral("soak"))) {
            say(QStringLiteral("soak: cannot open the worker's database: ") + db.errorString());
            return 2;
        }
        const qint64 drainStartMs = elapsedMs();
        const qint64 drainStartUtcMs = QDateTime::currentMSecsSinceEpoch();
        SoakCheck::Verdict verdict;
        bool settled = false;
        while (elapsedMs() - drainStartMs < qint64(m_options.drainSeconds) * 1000) {
            pass(1000);
            fetchRecord(QStringLiteral("events"), events);
            expectation = SoakCheck::expectedEvents(m_flows, events, startSeq, endSeq);
            verdict = SoakCheck::matchFirings(expectation, m_flows, storedFirings(db));
            // Lost crossings nobody could have seen stay lost: no use waiting for them. But the worker
            // must have looked at the current values once the run was over.
            const SoakCheck::Observations looks = observations();
            const bool allFired =
                verdict.lost.size() == SoakCheck::unobservable(verdict.lost, expectation, looks).size();
            const bool looked = !looks.segments.isEmpty() && looks.segments.last() >= drainStartUtcMs &&
                                !looks.measures.isEmpty() && looks.measures.last() >= drainStartUtcMs;
            if (allFired && looked && FiringLog(db).unfinishedStepRuns().isEmpty() && workerRunning()) {
                settled = true;
                break;
            }
        }
        say(QStringLiteral("soak: drained in %1 s%2")
                .arg((elapsedMs() - drainStartMs) / 1000)
                .arg(settled ? QString() : QStringLiteral(" (gave up waiting)")));
        m_stopping = true;
        int exitCode = -1;
        if (workerRunning()) {
            m_worker->terminate(); // SIGTERM: a clean stop
            if (m_worker->waitForFinished(20000) && m_worker->exitStatus() == QProcess::NormalExit)
                exitCode = m_worker->exitCode();
        }
        fetchRecord(QStringLiteral("events"), events);
        writeFile(QStringLiteral("events.json"), QJsonDocument(events).toJson());
        writeFile(QStringLiteral("timeline.log"), m_timeline.join(u'\n').toUtf8() + '\n');
        return judge(SoakCheck::expectedEvents(m_flows, events, startSeq, endSeq), db, exitCode);
    }

    // ---- the verdict ----------------------------------------------------------------------------------

    void writeFile(const QString &name, const QByteArray &data)
    {
        QFile file(m_dir.filePath(name));
        if (file.open(QIODevice::WriteOnly))
            file.write(data);
    }

    int judge(const SoakCheck::Expectation &expectation, Database &db, int workerExitCode)
    {
        QStringList failures;
        FiringLog log(db);
        const QList<Firing> firings = storedFirings(db);
        const SoakCheck::Verdict verdict = SoakCheck::matchFirings(expectation, m_flows, firings);
        QList<QByteArray> outputs;
        for (const Run &run : std::as_const(m_runs))
            outputs.append(run.out);
        const QStringList repeated = SoakCheck::repeatedIds(outputs);
        QSet<QString> printed;
        for (const QByteArray &output : std::as_const(outputs)) {
            for (const QByteArray &line : output.split('\n')) {
                const QString id =
                    QJsonDocument::fromJson(line).object().value(QStringLiteral("id")).toString();
                if (!id.isEmpty())
                    printed.insert(id);
            }
        }
        int notPrinted = 0;
        for (const Firing &firing : firings)
            notPrinted += printed.contains(firing.id) ? 0 : 1;

        const QList<SoakCheck::Expected> unobservable =
            SoakCheck::unobservable(verdict.lost, expectation, observations());
        QSet<QString> unobservableKeys;
        for (const SoakCheck::Expected &event : unobservable)
            unobservableKeys.insert(event.key);
        for (const SoakCheck::Expected &lost : verdict.lost)
            say(QStringLiteral("LOST %1 flow %2 (%3): %4 [seq %5]%6")
                    .arg(Trigger::id(lost.trigger))
                    .arg(lost.flowId)
                    .arg(flowName(lost.flowId), lost.what)
                    .arg(lost.seq)
                    .arg(unobservableKeys.contains(lost.key)
                             ? QStringLiteral(
                                   " - no look of the worker at the current values fell inside this "
                                   "crossing after one inside the dip before it: only the "
                                   "evaluation history shows it")
                             : QString()));
        for (const SoakCheck::Expected &duplicated : verdict.duplicated)
            say(QStringLiteral("DUPLICATE %1 flow %2: %3 fired %4 times")
                    .arg(Trigger::id(duplicated.trigger))
                    .arg(duplicated.flowId)
                    .arg(duplicated.what)
                    .arg(duplicated.firings));
        for (const QString &id : repeated)
            say(QStringLiteral("DUPLICATE firing %1 printed more than once on stdout").arg(id));
        for (const QString &unexpected : verdict.unexpected)
            say(QStringLiteral("UNEXPECTED firing %1").arg(unexpected));
        const int duplicates = verdict.duplicates + int(repeated.size());
        const qsizetype lostSeen = verdict.lost.size() - unobservable.size();
        if (lostSeen > 0)
            failures.append(QStringLiteral("%1 events were never fired").arg(lostSeen));
        if (!unobservable.isEmpty()) {
            const QString known = QStringLiteral("%1 threshold crossings were never fired because the worker "
                                                 "only looks at current values")
                                      .arg(unobservable.size());
            if (m_options.tolerateUnobservable)
                say(QStringLiteral("KNOWN ISSUE (tolerated by --tolerate-unobservable): ") + known);
            else
                failures.append(known);
        }
        if (duplicates > 0)
            failures.append(QStringLiteral("%1 duplicate firings").arg(duplicates));
        if (!verdict.unexpected.isEmpty())
            failures.append(QStringLiteral("%1 firings of no recorded event").arg(verdict.unexpected.size()));
        if (!m_crashes.isEmpty())
            failures.append(m_crashes.join(QStringLiteral("; ")));
        if (workerExitCode != 0)
            failures.append(
                QStringLiteral("the worker did not stop cleanly on SIGTERM (exit %1)").arg(workerExitCode));

        // Steps: a succeeded step is never sent again, and none is still waiting long after its firing.
        const StepTally steps = checkSteps(log, firings);
        QHash<QString, QDateTime> detected;
        for (const Firing &firing : firings)
            detected.insert(firing.id, firing.detectedAt);
        const QDateTime stalledBefore = QDateTime::currentDateTimeUtc().addSecs(-30);
        int stalled = 0;
        for (const StepRun &run : log.unfinishedStepRuns())
            stalled += detected.value(run.firingId) < stalledBefore ? 1 : 0;
        if (stalled > 0)
            failures.append(QStringLiteral("%1 steps were still pending or running more than 30 s after "
                                           "their firing was recorded")
                                .arg(stalled));
        if (steps.resentAfterSuccess + steps.resentUnexcused > 0)
            failures.append(QStringLiteral("%1 steps were sent again after they succeeded")
                                .arg(steps.resentAfterSuccess + steps.resentUnexcused));

        // The budget: every call the worker made, as the sandbox counted them.
        const QJsonArray connections = m_http.get(control(QStringLiteral("counters")))
                                           .object()
                                           .value(QStringLiteral("connections"))
                                           .toArray();
        int maxCalls = 0, refused = 0, throttled = 0;
        for (const QJsonValue &value : connections) {
            const QJsonObject connection = value.toObject();
            maxCalls = std::max(maxCalls, connection.value(QStringLiteral("maxAttemptsInAny60s")).toInt());
            refused += connection.value(QStringLiteral("refusedOverLimit")).toInt();
            throttled += connection.value(QStringLiteral("throttled429")).toInt();
        }
        if (maxCalls > kBudget)
            failures.append(QStringLiteral("%1 calls in one 60 s window").arg(maxCalls));
        if (refused > 0)
            failures.append(QStringLiteral("the sandbox refused %1 calls over its limit").arg(refused));

        // Memory: the last run of the worker, after its warm-up.
        QList<qint64> samples;
        if (!m_runs.isEmpty()) {
            const Run &last = m_runs.last();
            for (const auto &[atMs, kb] : last.rss) {
                if (atMs - last.startedMs >= kRssWarmUpSeconds * 1000)
                    samples.append(kb);
            }
        }
        qint64 growthKb = 0;
        const bool flat = SoakCheck::memoryFlat(samples, kRssMinGrowthKb, kRssGrowthFraction, &growthKb);
        if (!flat)
            failures.append(QStringLiteral("the worker's memory grew by %1 kB").arg(growthKb));

        int faults = 0;
        QStringList faultList;
        for (auto it = m_faults.cbegin(); it != m_faults.cend(); ++it) {
            faults += it.value();
            faultList.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        }
        QStringList byTrigger;
        for (const TriggerKind kind : Trigger::allKinds())
            byTrigger.append(
                QStringLiteral("%1 %2/%3")
                    .arg(Trigger::id(kind))
                    .arg(verdict.expectedByTrigger.value(kind) - verdict.lostByTrigger.value(kind))
                    .arg(verdict.expectedByTrigger.value(kind)));
        say(QStringLiteral("soak: faults: %1 (%2 API faults skipped while a batch was pending)")
                .arg(faultList.join(QStringLiteral(", ")))
                .arg(m_skippedFaults));
        say(QStringLiteral("soak: fired/expected: %1").arg(byTrigger.join(QStringLiteral(", "))));
        say(QStringLiteral("soak: %1 sandbox events in the window; %2 firings of events before or after it; "
                           "%3 threshold firings detected late (a later evaluation of their crossing); "
                           "%4 stored firings never printed (killed while printing)")
                .arg(expectation.sandboxEvents)
                .arg(verdict.outside)
                .arg(verdict.late)
                .arg(notPrinted));
        say(QStringLiteral("soak: steps: %1 HTTP and %2 Teams deliveries; %3 sent again after a kill "
                           "before the success was recorded (same Idempotency-Key), %4 after success; "
                           "%5 steps not succeeded")
                .arg(steps.httpDeliveries)
                .arg(steps.teamsDeliveries)
                .arg(steps.resentAfterKill)
                .arg(steps.resentAfterSuccess + steps.resentUnexcused)
                .arg(steps.notSucceeded));
        say(QStringLiteral("soak: worker ran %1 times; 429s sent %2; memory of the last run %3 samples, "
                           "growth %4 kB")
                .arg(m_runs.size())
                .arg(throttled)
                .arg(samples.size())
                .arg(growthKb));

        bench("soak_events", verdict.expected, "events");
        bench("soak_firings", firings.size(), "firings");
        bench("soak_lost", verdict.lost.size(), "events");
        bench("soak_lost_unobservable", unobservable.size(), "events");
        bench("soak_duplicates", duplicates, "firings");
        bench("soak_faults", faults, "faults");
        bench("soak_max_calls_60s", maxCalls, "calls");
        bench("soak_peak_rss_mb", (m_peakRssKb + 1023) / 1024, "MB");

        for (const QString &failure : std::as_const(failures))
            say(QStringLiteral("FAIL: ") + failure);
        say(failures.isEmpty() ? QStringLiteral("soak: PASS") : QStringLiteral("soak: FAIL"));
        return failures.isEmpty() ? 0 : 1;
    }

    // When the worker got the current segments and measures: served list calls of a worker run that lived
    // 2 s past the answer (time to process and commit it).
    SoakCheck::Observations observations()
    {
        QJsonArray calls;
        fetchRecord(QStringLiteral("calls"), calls);
        writeFile(QStringLiteral("calls.json"), QJsonDocument(calls).toJson());
        SoakCheck::Observations result;
        for (const QJsonValue &value : std::as_const(calls)) {
            const QJsonObject call = value.toObject();
            if (call.value(QStringLiteral("outcome")).toString() != QLatin1String("served"))
                continue;
            const QString path = call.value(QStringLiteral("path")).toString();
            const bool segments = path.endsWith(QLatin1String("/manage/segments"));
            if (!segments && !path.endsWith(QLatin1String("/manage/measures")))
                continue;
            const QDateTime at =
                QDateTime::fromString(call.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
            const QDateTime processed = at.addMSecs(call.value(QStringLiteral("delayMs")).toInt() + 2000);
            const bool killed = std::any_of(m_kills.cbegin(), m_kills.cend(), [&](const QDateTime &kill) {
                return kill >= at && kill <= processed;
            });
            if (!killed)
                (segments ? result.segments : result.measures).append(at.toMSecsSinceEpoch());
        }
        return result;
    }

    QString flowName(qint64 id) const
    {
        for (const Flow &flow : m_flows) {
            if (flow.id == id)
                return flow.name;
        }
        return {};
    }

    struct StepTally
    {
        int httpDeliveries = 0;
        int teamsDeliveries = 0;
        int resentAfterSuccess = 0;
        int resentUnexcused = 0;
        int resentAfterKill = 0;
        int notSucceeded = 0;
    };

    static QString teamsKey(const QString &flowName, const QString &subject, const QString &jobId,
                            const QDateTime &firedAt)
    {
        return flowName + u'|' + subject + u'|' + jobId + u'|' +
               (firedAt.isValid() ? firedAt.toUTC().toString(Qt::ISODate) : QString());
    }

    StepTally checkSteps(FiringLog &log, const QList<Firing> &firings)
    {
        StepTally tally;
        // Deliveries as the receiving ends saw them: by Idempotency-Key, and by the text of the card.
        QHash<QByteArray, QList<SoakCheck::Delivery>> http;
        const QList<HttpReceiver::Request> &requests = m_receiver.requests();
        for (qsizetype i = 0; i < requests.size(); ++i)
            http[requests.at(i).header("Idempotency-Key")].append(m_deliveries.value(int(i)));
        tally.httpDeliveries = int(requests.size());
        QHash<QString, QList<SoakCheck::Delivery>> teams;
        const QJsonArray messages =
            m_http.get(control(QStringLiteral("outbox"))).object().value(QStringLiteral("teams")).toArray();
        if (messages.size() >= 1000)
            say(QStringLiteral("soak: WARNING: the Teams sink kept only its last 1000 messages"));
        for (const QJsonValue &value : messages) {
            const QJsonObject message = value.toObject();
            const QJsonArray body = message.value(QStringLiteral("message"))
                                        .toObject()
                                        .value(QStringLiteral("attachments"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("content"))
                                        .toObject()
                                        .value(QStringLiteral("body"))
                                        .toArray();
            for (const QJsonValue &block : body) {
                const QString text = block.toObject().value(QStringLiteral("text")).toString();
                if (text.startsWith(QLatin1String("soak-key "))) {
                    teams[text.mid(9)].append(
                        {QDateTime::fromString(message.value(QStringLiteral("receivedAt")).toString(),
                                               Qt::ISODateWithMs),
                         true});
                }
            }
        }
        tally.teamsDeliveries = int(messages.size());

        QHash<qint64, const Flow *> flows;
        for (const Flow &flow : m_flows)
            flows.insert(flow.id, &flow);
        for (const Firing &firing : firings) {
            const Flow *flow = flows.value(firing.flowId);
            if (!flow)
                continue;
            const QList<StepRun> runs = log.stepRuns(firing.id);
            for (qsizetype index = 0; index < flow->steps.size(); ++index) {
                QDateTime succeededAt;
                for (const StepRun &run : runs) {
                    if (run.stepIndex == index && run.status == StepRun::succeeded())
                        succeededAt = run.finishedAt;
                }
                if (!succeededAt.isValid()) {
                    // Informational: a step may fail for good (bounded retries) or still be pending.
                    if (++tally.notSucceeded <= 5) {
                        StepRun last;
                        for (const StepRun &run : runs) {
                            if (run.stepIndex == index)
                                last = run;
                        }
                        say(QStringLiteral(
                                "soak: step %1 of firing %2 (%3) did not succeed: attempt %4 %5 %6")
                                .arg(index)
                                .arg(firing.id.left(12), firing.flowName)
                                .arg(last.attempt)
                                .arg(last.status.isEmpty() ? QStringLiteral("never run") : last.status,
                                     last.detail));
                    }
                }
                QList<SoakCheck::Delivery> deliveries;
                const StepKind kind = flow->steps.at(index).kind;
                if (kind == StepKind::HttpCall)
                    deliveries = http.value(HttpCallStep::idempotencyKey(firing.id, int(index)));
                else if (kind == StepKind::TeamsMessage)
                    deliveries = teams.value(
                        teamsKey(firing.flowName, firing.subject, firing.jobId,
                                 firing.occurredAt.isValid() ? firing.occurredAt : firing.detectedAt));
                else
                    continue;
                const auto verdict = SoakCheck::checkDeliveries(deliveries, succeededAt, m_kills);
                tally.resentAfterSuccess += verdict.resentAfterSuccess;
                tally.resentUnexcused += verdict.resentUnexcused;
                tally.resentAfterKill += verdict.resentAfterKill;
                if (verdict.resentAfterSuccess + verdict.resentUnexcused > 0)
                    say(QStringLiteral(
                            "RESENT step %1 (%2) of firing %3 (%4): %5 deliveries, succeeded at %6")
                            .arg(index)
                            .arg(Step::id(kind), firing.id.left(12), firing.flowName)
                            .arg(deliveries.size())
                            .arg(succeededAt.toString(Qt::ISODateWithMs)));
            }
        }
        return tally;
    }

    Options m_options;
    QRandomGenerator m_rng;
    QTemporaryDir m_dir;
    QString m_dataDir;
    SandboxProcess m_sandbox;
    QString m_base;
    HttpTestClient m_http;
    HttpReceiver m_receiver;
    QHash<int, SoakCheck::Delivery> m_deliveries; // receiver request index -> when, and its answer
    int m_pendingReceiverErrors = 0;
    int m_skippedFaults = 0; // API faults not injected: the previous batch was still pending
    QList<Flow> m_flows;

    QElapsedTimer m_clock;
    std::unique_ptr<QProcess> m_worker;
    QList<Run> m_runs;
    QStringList m_timeline; // what the soak did when, for the post-mortem (timeline.log)
    QList<QDateTime> m_kills;
    QStringList m_crashes;
    qint64 m_restartAtMs = -1;
    bool m_killing = false;
    bool m_stopping = false;
    qint64 m_lastSampleMs = 0;
    qint64 m_peakRssKb = 0;
    QMap<QString, int> m_faults; // by kind
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("soak"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Soaks insights-admin --headless against insights-sandbox through faults."));
    parser.addHelpOption();
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("How long to inject events and faults (default 300, or "
                                                    "INSIGHTS_SOAK_SECONDS)."),
                                     QStringLiteral("N"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QStringLiteral("Scenario clock speed of the sandbox (default 10)."),
                                   QStringLiteral("X"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the sandbox and of the fault plan (default 1)."),
                                  QStringLiteral("S"));
    const QCommandLineOption drain(QStringLiteral("drain-seconds"),
                                   QStringLiteral("How long the worker may take to catch up after the run "
                                                  "(default 90)."),
                                   QStringLiteral("N"));
    const QCommandLineOption keep(
        QStringLiteral("keep"),
        QStringLiteral("Keep the data folder and the logs (kept anyway on failure)."));
    const QCommandLineOption getItems(
        QStringLiteral("get-items"), QStringLiteral("Give one flow a Get items step (250 rows, paged through "
                                                    "the API budget) before its HTTP step."));
    const QCommandLineOption tolerate(
        QStringLiteral("tolerate-unobservable"),
        QStringLiteral("Report, but do not fail on, threshold crossings that began and ended between two "
                       "looks of the worker at the current values (for workers older than the replay of "
                       "the evaluation history)."));
    parser.addOptions({seconds, speed, seed, drain, keep, getItems, tolerate});
    parser.process(app);

    Options options;
    if (qEnvironmentVariableIsSet("INSIGHTS_SOAK_SECONDS"))
        options.seconds = qEnvironmentVariableIntValue("INSIGHTS_SOAK_SECONDS");
    bool ok = true;
    if (parser.isSet(seconds))
        options.seconds = parser.value(seconds).toInt(&ok);
    if (ok && parser.isSet(speed))
        options.speed = parser.value(speed).toDouble(&ok);
    if (ok && parser.isSet(seed))
        options.seed = parser.value(seed).toULongLong(&ok);
    if (ok && parser.isSet(drain))
        options.drainSeconds = parser.value(drain).toInt(&ok);
    options.keep = parser.isSet(keep);
    options.getItems = parser.isSet(getItems);
    options.tolerateUnobservable = parser.isSet(tolerate);
    if (!ok || options.seconds < 10 || options.speed <= 0 || options.drainSeconds < 1) {
        std::fputs("soak: --seconds must be at least 10, --speed above 0, --drain-seconds at least 1\n",
                   stderr);
        return 2;
    }
    Soak soak(options);
    return soak.run();
}

#include "soak.moc"
