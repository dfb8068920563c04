#include "scenario.h"

#include "sandboxclock.h"
#include "sandboxlog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kTickMs = 250;
constexpr int kMaxJobs = 500;
constexpr int kMaxHistory = 50;
constexpr int kSwingPeriod = 6; // evaluations per full swing
constexpr double kTwoPi = 6.283185307179586;
const QString kBuiltInScenario = QStringLiteral(":/sandbox/scenario/contoso-retail.json");

QStringList stringList(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        result.append(item.toString());
    return result;
}

CustomerTable makeCustomers(const QJsonObject &definition)
{
    const QJsonObject customers = definition.value(QStringLiteral("customers")).toObject();
    return CustomerTable(customers.value(QStringLiteral("count")).toInt(5000),
                         stringList(customers.value(QStringLiteral("stores"))),
                         stringList(customers.value(QStringLiteral("cities"))));
}

double roundTo(double value, int decimals)
{
    const double factor = std::pow(10.0, decimals);
    return std::round(value * factor) / factor;
}

bool requireString(const QJsonObject &object, const QString &key, const QString &where, QString *error)
{
    if (object.value(key).isString() && !object.value(key).toString().isEmpty())
        return true;
    *error = QStringLiteral("%1: '%2' must be a non-empty string").arg(where, key);
    return false;
}

bool requireArray(const QJsonObject &object, const QString &key, QString *error)
{
    if (object.value(key).isArray() && !object.value(key).toArray().isEmpty())
        return true;
    *error = QStringLiteral("'%1' must be a non-empty array").arg(key);
    return false;
}

} // namespace

bool Scenario::Job::isTerminal() const
{
    return status != QLatin1String("queued") && status != QLatin1String("running");
}

QList<Scenario::Task> Scenario::Job::tasks() const
{
    QList<Task> result;
    for (const auto &stage : stages)
        result.append(stage);
    return result;
}

std::optional<QJsonObject> Scenario::loadDefinition(const QString &file, QString *error)
{
    const QString path = file.isEmpty() ? kBuiltInScenario : file;
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read scenario file %1: %2").arg(path, input.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(input.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error =
            QStringLiteral("scenario file %1 is not a JSON object: %2")
                .arg(path, parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                        : QStringLiteral("not an object"));
        return std::nullopt;
    }
    QString problem;
    if (!validate(document.object(), &problem)) {
        *error = QStringLiteral("scenario file %1 is invalid: %2").arg(path, problem);
        return std::nullopt;
    }
    return document.object();
}

bool Scenario::validate(const QJsonObject &definition, QString *error)
{
    const QJsonObject instance = definition.value(QStringLiteral("instance")).toObject();
    if (!requireString(instance, QStringLiteral("instanceId"), QStringLiteral("instance"), error) ||
        !requireString(instance, QStringLiteral("name"), QStringLiteral("instance"), error)) {
        return false;
    }
    if (QUuid::fromString(instance.value(QStringLiteral("instanceId")).toString()).isNull()) {
        *error = QStringLiteral("instance: 'instanceId' must be a GUID");
        return false;
    }
    if (!requireArray(definition, QStringLiteral("dataSources"), error) ||
        !requireArray(definition, QStringLiteral("segments"), error) ||
        !requireArray(definition, QStringLiteral("measures"), error)) {
        return false;
    }
    const QJsonArray sources = definition.value(QStringLiteral("dataSources")).toArray();
    for (const QJsonValue &value : sources) {
        const QJsonObject source = value.toObject();
        const QString where = QStringLiteral("data source");
        if (!requireString(source, QStringLiteral("dataSourceId"), where, error) ||
            !requireString(source, QStringLiteral("name"), where, error) ||
            !requireString(source, QStringLiteral("friendlyName"), where, error)) {
            return false;
        }
        if (QUuid::fromString(source.value(QStringLiteral("dataSourceId")).toString()).isNull()) {
            *error = QStringLiteral("data source: 'dataSourceId' must be a GUID");
            return false;
        }
        const double rate = source.value(QStringLiteral("failureRate")).toDouble(0);
        if (rate < 0 || rate > 1) {
            *error = QStringLiteral("data source: 'failureRate' must be between 0 and 1");
            return false;
        }
    }
    const QJsonArray segments = definition.value(QStringLiteral("segments")).toArray();
    for (const QJsonValue &value : segments) {
        const QJsonObject segment = value.toObject();
        if (!requireString(segment, QStringLiteral("name"), QStringLiteral("segment"), error) ||
            !requireString(segment, QStringLiteral("friendlyName"), QStringLiteral("segment"), error)) {
            return false;
        }
        if (!segment.value(QStringLiteral("count")).isDouble() ||
            segment.value(QStringLiteral("count")).toDouble() < 0) {
            *error = QStringLiteral("segment: 'count' must be a non-negative number");
            return false;
        }
    }
    const QJsonArray measures = definition.value(QStringLiteral("measures")).toArray();
    for (const QJsonValue &value : measures) {
        const QJsonObject measure = value.toObject();
        if (!requireString(measure, QStringLiteral("name"), QStringLiteral("measure"), error) ||
            !requireString(measure, QStringLiteral("displayName"), QStringLiteral("measure"), error)) {
            return false;
        }
        const bool scalar = !measure.contains(QStringLiteral("dimension"));
        if (scalar && !measure.value(QStringLiteral("value")).isDouble()) {
            *error = QStringLiteral("measure: 'value' must be a number for a measure without dimension");
            return false;
        }
        if (!scalar && measure.value(QStringLiteral("values")).toObject().isEmpty()) {
            *error =
                QStringLiteral("measure: 'values' must be a non-empty object for a measure with a dimension");
            return false;
        }
    }
    const int customers =
        definition.value(QStringLiteral("customers")).toObject().value(QStringLiteral("count")).toInt(5000);
    if (customers < 1 || customers > 1000000) {
        *error = QStringLiteral("customers: 'count' must be between 1 and 1000000");
        return false;
    }
    return true;
}

Scenario::Scenario(const QJsonObject &definition, quint64 seed, std::shared_ptr<const SandboxClock> clock,
                   QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_rng(quint32(seed ^ (seed >> 32)))
    , m_customers(makeCustomers(definition))
    , m_timer(this)
{
    const QDateTime now = m_clock->now();
    const QDateTime created = now.addDays(-90);
    const QJsonObject instance = definition.value(QStringLiteral("instance")).toObject();
    m_instance = {instance.value(QStringLiteral("instanceId")).toString(),
                  instance.value(QStringLiteral("name")).toString(),
                  instance.value(QStringLiteral("instanceType")).toString(QStringLiteral("sandbox")),
                  instance.value(QStringLiteral("azureRegion")).toString(QStringLiteral("westeurope")),
                  instance.value(QStringLiteral("scaleUnitId")).toString(QStringLiteral("sandbox")),
                  created};

    const QJsonArray sources = definition.value(QStringLiteral("dataSources")).toArray();
    for (const QJsonValue &value : sources) {
        const QJsonObject source = value.toObject();
        DataSource ds;
        ds.id = source.value(QStringLiteral("dataSourceId")).toString();
        ds.name = source.value(QStringLiteral("name")).toString();
        ds.friendlyName = source.value(QStringLiteral("friendlyName")).toString();
        ds.kind = source.value(QStringLiteral("kind")).toString(QStringLiteral("powerQuery"));
        ds.entityNames = stringList(source.value(QStringLiteral("entityNames")));
        ds.failureRate = source.value(QStringLiteral("failureRate")).toDouble(0.1);
        ds.created = created;
        m_dataSources.append(ds);
    }
    const QJsonArray segments = definition.value(QStringLiteral("segments")).toArray();
    for (const QJsonValue &value : segments) {
        const QJsonObject object = value.toObject();
        Segment segment;
        segment.name = object.value(QStringLiteral("name")).toString();
        segment.friendlyName = object.value(QStringLiteral("friendlyName")).toString();
        segment.description = object.value(QStringLiteral("description")).toString();
        segment.baseCount =
            std::min<qint64>(qint64(object.value(QStringLiteral("count")).toDouble()), m_customers.size());
        segment.count = segment.baseCount;
        segment.volatility = object.value(QStringLiteral("volatility")).toDouble(0.04);
        segment.created = created;
        segment.phase = m_rng.generateDouble() * kTwoPi;
        const QJsonObject order = object.value(QStringLiteral("memberOrder")).toObject();
        m_customers.defineSegment(segment.name, order.value(QStringLiteral("attribute")).toString(),
                                  order.value(QStringLiteral("descending")).toBool());
        m_segments.append(segment);
    }
    const QJsonArray measures = definition.value(QStringLiteral("measures")).toArray();
    for (const QJsonValue &value : measures) {
        const QJsonObject object = value.toObject();
        Measure measure;
        measure.name = object.value(QStringLiteral("name")).toString();
        measure.displayName = object.value(QStringLiteral("displayName")).toString();
        measure.description = object.value(QStringLiteral("description")).toString();
        measure.dimension = object.value(QStringLiteral("dimension")).toString();
        measure.volatility = object.value(QStringLiteral("volatility")).toDouble(0.03);
        measure.decimals = object.value(QStringLiteral("decimals")).toInt(2);
        measure.created = created;
        if (measure.isScalar()) {
            measure.base.insert(measure.name, object.value(QStringLiteral("value")).toDouble());
        } else {
            const QJsonObject values = object.value(QStringLiteral("values")).toObject();
            for (auto it = values.begin(); it != values.end(); ++it)
                measure.base.insert(it.key(), it.value().toDouble());
        }
        measure.values = measure.base;
        measure.phase = m_rng.generateDouble() * kTwoPi;
        m_measures.append(measure);
    }

    const QJsonObject schedule = definition.value(QStringLiteral("schedule")).toObject();
    m_periodMs = qint64(schedule.value(QStringLiteral("fullRefreshEverySeconds")).toDouble(30) * 1000);
    m_periodMs = std::max<qint64>(m_periodMs, 1000);
    m_nextScheduledMs =
        qint64(schedule.value(QStringLiteral("firstFullRefreshAfterSeconds")).toDouble(5) * 1000);
    m_forceFailureAfter = schedule.value(QStringLiteral("forceSourceFailureAfterCleanRefreshes")).toInt(3);
    seedHistory(schedule.value(QStringLiteral("historyDays")).toInt(3));
    // The record starts with the state the seeded history left: the baseline of every evaluation after.
    m_recording = true;
    for (const Segment &segment : std::as_const(m_segments))
        logSegment(segment, true);
    for (const Measure &measure : std::as_const(m_measures))
        logMeasure(measure, true);

    connect(&m_timer, &QTimer::timeout, this, [this] { tick(qint64(m_timer.interval() * m_speed)); });
}

void Scenario::start(double speed)
{
    m_speed = speed;
    m_timer.start(std::max(10, int(kTickMs / std::max(1.0, speed))));
}

void Scenario::stop()
{
    m_timer.stop();
}

QString Scenario::newId()
{
    const quint64 high = m_rng.generate64();
    const quint64 low = m_rng.generate64();
    // Version 4, RFC 4122 variant.
    const QUuid id(uint(high >> 32), ushort(high >> 16), ushort((high & 0x0fff) | 0x4000),
                   uchar(((low >> 56) & 0x3f) | 0x80), uchar(low >> 48), uchar(low >> 40), uchar(low >> 32),
                   uchar(low >> 24), uchar(low >> 16), uchar(low >> 8), uchar(low));
    return id.toString(QUuid::WithoutBraces);
}

double Scenario::uniform()
{
    return m_rng.generateDouble() * 2.0 - 1.0;
}

Scenario::Job Scenario::makeJob(const RefreshRequest &request, const QDateTime &at)
{
    Job job;
    job.id = newId();
    job.submissionKind = request.scheduled ? QStringLiteral("scheduled") : QStringLiteral("onDemand");
    job.submitted = at;
    auto task = [&](const QString &operationType, const QString &friendlyName) {
        Task t;
        t.id = newId();
        t.operationType = operationType;
        t.friendlyName = friendlyName;
        t.submitted = at;
        return t;
    };
    const DataSource *failing = request.fail ? findDataSource(request.dataSource) : nullptr;
    auto ingestionStage = [&](const QList<const DataSource *> &sources) {
        QList<Task> stage;
        for (const DataSource *source : sources) {
            Task t = task(QStringLiteral("ingestion"), source->friendlyName);
            t.dataSourceId = source->id;
            if (failing == source)
                t.failWith = QStringLiteral("failed");
            job.identifiers.append(source->id);
            stage.append(t);
        }
        return stage;
    };
    QList<const DataSource *> all;
    for (const DataSource &source : std::as_const(m_dataSources))
        all.append(&source);

    switch (request.kind) {
    case RefreshKind::Full: {
        job.operationType = QStringLiteral("all");
        QList<Task> ingestion = ingestionStage(all);
        if (request.fail && !failing && !ingestion.isEmpty())
            ingestion.first().failWith = QStringLiteral("failed");
        if (request.scheduled && !request.fail) {
            // Occasional source failures, and at least one after a run of clean scheduled refreshes.
            bool anyFailed = false;
            for (Task &t : ingestion) {
                const DataSource *source = findDataSource(t.dataSourceId);
                if (m_rng.generateDouble() < source->failureRate) {
                    t.failWith =
                        m_rng.bounded(4) == 0 ? QStringLiteral("timedOut") : QStringLiteral("failed");
                    anyFailed = true;
                }
            }
            if (!anyFailed && m_forceFailureAfter > 0 && m_cleanScheduledRefreshes >= m_forceFailureAfter) {
                ingestion[int(m_rng.bounded(quint32(ingestion.size())))].failWith = QStringLiteral("failed");
                anyFailed = true;
            }
            m_cleanScheduledRefreshes = anyFailed ? 0 : m_cleanScheduledRefreshes + 1;
        }
        job.stages = {ingestion,
                      {task(QStringLiteral("map"), QStringLiteral("Map"))},
                      {task(QStringLiteral("match"), QStringLiteral("Match"))},
                      {task(QStringLiteral("merge"), QStringLiteral("Merge"))},
                      {task(QStringLiteral("segmentation"), QStringLiteral("Segments"))},
                      {task(QStringLiteral("measures"), QStringLiteral("Measures"))}};
        break;
    }
    case RefreshKind::Unification: {
        job.operationType = QStringLiteral("merge");
        job.stages = {{task(QStringLiteral("map"), QStringLiteral("Map"))},
                      {task(QStringLiteral("match"), QStringLiteral("Match"))},
                      {task(QStringLiteral("merge"), QStringLiteral("Merge"))}};
        if (request.fail)
            job.stages[1][0].failWith = QStringLiteral("failed");
        break;
    }
    case RefreshKind::DataSource: {
        job.operationType = QStringLiteral("ingestion");
        const DataSource *source = findDataSource(request.dataSource);
        QList<Task> stage = ingestionStage({source});
        if (request.fail)
            stage.first().failWith = QStringLiteral("failed");
        job.stages = {stage};
        break;
    }
    case RefreshKind::Segmentation:
        job.operationType = QStringLiteral("segmentation");
        job.stages = {{task(QStringLiteral("segmentation"), QStringLiteral("Segments"))}};
        break;
    case RefreshKind::Measures:
        job.operationType = QStringLiteral("measures");
        job.stages = {{task(QStringLiteral("measures"), QStringLiteral("Measures"))}};
        break;
    }
    return job;
}

void Scenario::startTask(Task &task, const QDateTime &at)
{
    task.status = QStringLiteral("running");
    task.submitted = at;
    if (task.operationType == QLatin1String("ingestion")) {
        for (DataSource &source : m_dataSources) {
            if (source.id == task.dataSourceId)
                source.refreshState = QStringLiteral("updating");
        }
    } else if (task.operationType == QLatin1String("segmentation")) {
        for (Segment &segment : m_segments)
            segment.jobStatus = QStringLiteral("Running");
    } else if (task.operationType == QLatin1String("measures")) {
        for (Measure &measure : m_measures)
            measure.state = QStringLiteral("running");
    }
}

void Scenario::finishTask(Task &task, const QDateTime &at)
{
    task.end = at;
    task.status = task.failWith.isEmpty() ? QStringLiteral("successful") : task.failWith;
    if (task.operationType == QLatin1String("ingestion")) {
        for (DataSource &source : m_dataSources) {
            if (source.id != task.dataSourceId)
                continue;
            source.lastRefresh = at;
            source.refreshState =
                task.failWith.isEmpty() ? QStringLiteral("updated") : QStringLiteral("updateFailed");
            if (task.failWith == QLatin1String("timedOut"))
                task.errorMessage =
                    QStringLiteral("The refresh of %1 did not finish in time.").arg(source.friendlyName);
            else if (!task.failWith.isEmpty())
                task.errorMessage = QStringLiteral("The connection to %1 failed: credentials expired.")
                                        .arg(source.friendlyName);
        }
    } else if (task.operationType == QLatin1String("segmentation")) {
        evaluateSegments(at, task.id);
    } else if (task.operationType == QLatin1String("measures")) {
        evaluateMeasures(at, task.id);
    } else if (!task.failWith.isEmpty()) {
        task.errorMessage = QStringLiteral("The %1 step failed.").arg(task.friendlyName);
    }
}

void Scenario::startJob(Job &job, const QDateTime &at)
{
    job.status = QStringLiteral("running");
    job.currentStage = 0;
    for (Task &task : job.stages[0])
        startTask(task, at);
}

void Scenario::advanceJob(Job &job, const QDateTime &at)
{
    if (job.isTerminal() || job.currentStage < 0)
        return;
    for (Task &task : job.stages[job.currentStage]) {
        finishTask(task, at);
        logTaskEnded(job, task);
    }
    ++job.currentStage;
    if (job.currentStage < job.stages.size()) {
        for (Task &task : job.stages[job.currentStage])
            startTask(task, at);
        return;
    }
    const QList<Task> tasks = job.tasks();
    const bool failed = std::any_of(tasks.cbegin(), tasks.cend(),
                                    [](const Task &t) { return t.status != QLatin1String("successful"); });
    job.status = failed ? QStringLiteral("failed") : QStringLiteral("successful");
    job.end = at;
    logJobEnded(job);
}

void Scenario::evaluateSegments(const QDateTime &at, const QString &runId)
{
    for (Segment &segment : m_segments) {
        const double swing = std::sin(segment.phase + kTwoPi * ++segment.evaluations / kSwingPeriod);
        const double base = double(segment.baseCount);
        const double next = base * (1.0 + segment.volatility * (2.0 * swing + 0.5 * uniform()));
        segment.count = std::clamp<qint64>(std::llround(next), 0, m_customers.size());
        segment.jobStatus = QStringLiteral("CompletedSuccess");
        segment.evaluationDate = at;
        segment.lastRunId = runId;
        segment.history.append({at, segment.count, segment.jobStatus});
        if (segment.history.size() > kMaxHistory)
            segment.history.removeFirst();
        logSegment(segment);
    }
}

void Scenario::evaluateMeasures(const QDateTime &at, const QString &runId)
{
    for (Measure &measure : m_measures) {
        const double swing = std::sin(measure.phase + kTwoPi * ++measure.evaluations / kSwingPeriod);
        for (auto it = measure.values.begin(); it != measure.values.end(); ++it) {
            const double base = measure.base.value(it.key());
            const double next = base * (1.0 + measure.volatility * (2.0 * swing + 0.5 * uniform()));
            it.value() = std::max(0.0, roundTo(next, measure.decimals));
        }
        measure.state = QStringLiteral("completed");
        measure.evaluationTime = at;
        measure.lastRunId = runId;
        measure.history.append({at, measure.values, runId});
        if (measure.history.size() > kMaxHistory)
            measure.history.removeFirst();
        logMeasure(measure);
    }
}

void Scenario::seedHistory(int days)
{
    // Past scheduled refreshes every 8 hours, each run through all its stages a few minutes apart.
    const QDateTime now = m_clock->now();
    for (int hoursAgo = days * 24; hoursAgo > 0; hoursAgo -= 8) {
        QDateTime at = now.addSecs(-qint64(hoursAgo) * 3600);
        RefreshRequest request;
        request.scheduled = true;
        Job job = makeJob(request, at);
        startJob(job, at);
        while (!job.isTerminal()) {
            at = at.addSecs(60 + m_rng.bounded(240));
            advanceJob(job, at);
        }
        m_jobs.append(job);
    }
}

void Scenario::trimJobs()
{
    while (m_jobs.size() > kMaxJobs && m_jobs.first().isTerminal())
        m_jobs.removeFirst();
}

void Scenario::submitScheduledRefresh(const QDateTime &at)
{
    const bool running = std::any_of(m_jobs.cbegin(), m_jobs.cend(), [](const Job &job) {
        return !job.isTerminal() && job.operationType == QLatin1String("all") &&
               job.submissionKind == QLatin1String("scheduled");
    });
    if (running)
        return;
    RefreshRequest request;
    request.scheduled = true;
    Job job = makeJob(request, at);
    startJob(job, at);
    qCDebug(lcSandbox) << "scheduled full refresh" << job.id;
    m_jobs.append(job);
    trimJobs();
}

void Scenario::tick(qint64 scenarioMs)
{
    const QDateTime now = m_clock->now();
    m_scenarioMs += scenarioMs;
    QList<QPair<QString, QString>> finished;
    for (Job &job : m_jobs) {
        if (job.isTerminal())
            continue;
        advanceJob(job, now);
        if (job.isTerminal())
            finished.append({job.id, job.status});
    }
    while (m_scenarioMs >= m_nextScheduledMs) {
        submitScheduledRefresh(now);
        m_nextScheduledMs += m_periodMs;
    }
    for (const auto &[id, status] : std::as_const(finished))
        emit jobFinished(id, status);
}

std::optional<QString> Scenario::submit(const RefreshRequest &request, QString *error)
{
    if (request.kind == RefreshKind::DataSource && !findDataSource(request.dataSource)) {
        *error = QStringLiteral("Unknown data source '%1'.").arg(request.dataSource);
        return std::nullopt;
    }
    if (request.kind == RefreshKind::Full && !request.dataSource.isEmpty() &&
        !findDataSource(request.dataSource)) {
        *error = QStringLiteral("Unknown data source '%1'.").arg(request.dataSource);
        return std::nullopt;
    }
    const QDateTime now = m_clock->now();
    Job job = makeJob(request, now);
    startJob(job, now);
    m_jobs.append(job);
    trimJobs();
    return job.id;
}

bool Scenario::cancel(const QString &jobId)
{
    const QDateTime now = m_clock->now();
    for (Job &job : m_jobs) {
        if (job.id != jobId)
            continue;
        if (job.isTerminal())
            return true;
        for (auto &stage : job.stages) {
            for (Task &task : stage) {
                if (task.status == QLatin1String("running")) {
                    task.status = QStringLiteral("aborted");
                    task.end = now;
                    logTaskEnded(job, task);
                } else if (task.status == QLatin1String("queued")) {
                    task.status = QStringLiteral("skipped");
                    logTaskEnded(job, task);
                }
            }
        }
        job.status = QStringLiteral("aborted");
        job.end = now;
        logJobEnded(job);
        emit jobFinished(job.id, job.status);
        return true;
    }
    return false;
}

std::optional<QString> Scenario::setSegmentCount(const QString &name, qint64 count, QString *error)
{
    auto it = std::find_if(m_segments.begin(), m_segments.end(), [&](const Segment &segment) {
        return segment.name == name || segment.friendlyName == name;
    });
    if (it == m_segments.end()) {
        *error = QStringLiteral("Unknown segment '%1'.").arg(name);
        return std::nullopt;
    }
    if (count < 0) {
        *error = QStringLiteral("'count' must not be negative.");
        return std::nullopt;
    }
    // A completed on-demand segmentation job, as if the service had just evaluated the segment.
    const QDateTime now = m_clock->now();
    const Job job = makeCompletedJob(RefreshKind::Segmentation, now);
    const Task &task = job.stages[0][0];
    it->count = count;
    it->jobStatus = QStringLiteral("CompletedSuccess");
    it->evaluationDate = now;
    it->lastRunId = task.id;
    it->history.append({now, count, it->jobStatus});
    if (it->history.size() > kMaxHistory)
        it->history.removeFirst();
    logSegment(*it);
    logTaskEnded(job, task);
    logJobEnded(job);
    m_jobs.append(job);
    trimJobs();
    emit jobFinished(job.id, job.status);
    return job.id;
}

Scenario::Job Scenario::makeCompletedJob(RefreshKind kind, const QDateTime &at)
{
    Job job = makeJob({kind, {}, false, false}, at);
    Task &task = job.stages[0][0];
    task.status = QStringLiteral("successful");
    task.end = at;
    job.status = QStringLiteral("successful");
    job.end = at;
    return job;
}

std::optional<QString> Scenario::setMeasureValues(const QString &name, const QMap<QString, double> &values,
                                                  QString *error)
{
    auto it = std::find_if(m_measures.begin(), m_measures.end(), [&](const Measure &measure) {
        return measure.name == name || measure.displayName == name;
    });
    if (it == m_measures.end()) {
        *error = QStringLiteral("Unknown measure '%1'.").arg(name);
        return std::nullopt;
    }
    if (values.isEmpty()) {
        *error = QStringLiteral("No value given.");
        return std::nullopt;
    }
    const QDateTime now = m_clock->now();
    const Job job = makeCompletedJob(RefreshKind::Measures, now);
    const Task &task = job.stages[0][0];
    if (it->isScalar()) {
        it->values = {{it->name, values.first()}};
    } else {
        for (auto value = values.cbegin(); value != values.cend(); ++value)
            it->values.insert(value.key(), value.value());
    }
    it->state = QStringLiteral("completed");
    it->evaluationTime = now;
    it->lastRunId = task.id;
    it->history.append({now, it->values, task.id});
    if (it->history.size() > kMaxHistory)
        it->history.removeFirst();
    logMeasure(*it);
    logTaskEnded(job, task);
    logJobEnded(job);
    m_jobs.append(job);
    trimJobs();
    emit jobFinished(job.id, job.status);
    return job.id;
}

void Scenario::logTaskEnded(const Job &job, const Task &task)
{
    if (!m_recording)
        return;
    QJsonObject event{{QStringLiteral("type"), QStringLiteral("taskEnded")},
                      {QStringLiteral("at"),
                       (task.end.isValid() ? task.end : m_clock->now()).toUTC().toString(Qt::ISODateWithMs)},
                      {QStringLiteral("jobId"), job.id},
                      {QStringLiteral("jobOperationType"), job.operationType},
                      {QStringLiteral("submissionKind"), job.submissionKind},
                      {QStringLiteral("taskId"), task.id},
                      {QStringLiteral("operationType"), task.operationType},
                      {QStringLiteral("friendlyName"), task.friendlyName},
                      {QStringLiteral("status"), task.status}};
    if (const DataSource *source =
            task.dataSourceId.isEmpty() ? nullptr : findDataSource(task.dataSourceId)) {
        event.insert(QStringLiteral("dataSourceId"), source->id);
        event.insert(QStringLiteral("dataSource"), source->name);
    }
    m_events.append(event);
}

void Scenario::logJobEnded(const Job &job)
{
    if (!m_recording)
        return;
    m_events.append({{QStringLiteral("type"), QStringLiteral("jobEnded")},
                     {QStringLiteral("at"), job.end.toUTC().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("jobId"), job.id},
                     {QStringLiteral("operationType"), job.operationType},
                     {QStringLiteral("submissionKind"), job.submissionKind},
                     {QStringLiteral("status"), job.status}});
}

void Scenario::logSegment(const Segment &segment, bool initial)
{
    if (!m_recording)
        return;
    QJsonObject event{{QStringLiteral("type"), QStringLiteral("segmentEvaluated")},
                      {QStringLiteral("at"), segment.evaluationDate.toUTC().toString(Qt::ISODateWithMs)},
                      {QStringLiteral("segment"), segment.name},
                      {QStringLiteral("count"), double(segment.count)},
                      {QStringLiteral("runId"), segment.lastRunId}};
    if (initial)
        event.insert(QStringLiteral("initial"), true);
    m_events.append(event);
}

void Scenario::logMeasure(const Measure &measure, bool initial)
{
    if (!m_recording)
        return;
    QJsonObject values;
    for (auto it = measure.values.cbegin(); it != measure.values.cend(); ++it)
        values.insert(it.key(), it.value());
    QJsonObject event{{QStringLiteral("type"), QStringLiteral("measureEvaluated")},
                      {QStringLiteral("at"), measure.evaluationTime.toUTC().toString(Qt::ISODateWithMs)},
                      {QStringLiteral("measure"), measure.name},
                      {QStringLiteral("values"), values},
                      {QStringLiteral("runId"), measure.lastRunId}};
    if (initial)
        event.insert(QStringLiteral("initial"), true);
    m_events.append(event);
}

const Scenario::Job *Scenario::findJob(const QString &id) const
{
    for (const Job &job : m_jobs) {
        if (job.id.compare(id, Qt::CaseInsensitive) == 0)
            return &job;
    }
    return nullptr;
}

const Scenario::DataSource *Scenario::findDataSource(const QString &idOrName) const
{
    for (const DataSource &source : m_dataSources) {
        if (source.id.compare(idOrName, Qt::CaseInsensitive) == 0 || source.name == idOrName ||
            source.friendlyName == idOrName) {
            return &source;
        }
    }
    return nullptr;
}

const Scenario::Segment *Scenario::findSegment(const QString &name) const
{
    for (const Segment &segment : m_segments) {
        if (segment.name == name || segment.friendlyName == name)
            return &segment;
    }
    return nullptr;
}

const Scenario::Measure *Scenario::findMeasure(const QString &name) const
{
    for (const Measure &measure : m_measures) {
        if (measure.name == name || measure.displayName == name)
            return &measure;
    }
    return nullptr;
}

QJsonObject Scenario::snapshot() const
{
    QJsonArray jobs;
    for (const Job &job : m_jobs) {
        QJsonArray tasks;
        for (const Task &task : job.tasks()) {
            tasks.append(QJsonObject{{QStringLiteral("id"), task.id},
                                     {QStringLiteral("operationType"), task.operationType},
                                     {QStringLiteral("friendlyName"), task.friendlyName},
                                     {QStringLiteral("status"), task.status}});
        }
        jobs.append(QJsonObject{{QStringLiteral("id"), job.id},
                                {QStringLiteral("operationType"), job.operationType},
                                {QStringLiteral("submissionKind"), job.submissionKind},
                                {QStringLiteral("status"), job.status},
                                {QStringLiteral("tasks"), tasks}});
    }
    QJsonObject segments;
    for (const Segment &segment : m_segments)
        segments.insert(segment.name, segment.count);
    QJsonObject measures;
    for (const Measure &measure : m_measures) {
        QJsonObject values;
        for (auto it = measure.values.cbegin(); it != measure.values.cend(); ++it)
            values.insert(it.key(), it.value());
        measures.insert(measure.name, values);
    }
    QJsonObject sources;
    for (const DataSource &source : m_dataSources)
        sources.insert(source.name, source.refreshState);
    return QJsonObject{{QStringLiteral("scenarioMs"), double(m_scenarioMs)},
                       {QStringLiteral("jobs"), jobs},
                       {QStringLiteral("segments"), segments},
                       {QStringLiteral("measures"), measures},
                       {QStringLiteral("dataSources"), sources}};
}
