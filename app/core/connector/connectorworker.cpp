#include "connectorworker.h"

#include "connectorlog.h"
#include "connectorrequests.h"
#include "database.h"
#include "detectorstatestore.h"
#include "flowstore.h"
#include "observationstore.h"
#include "ratewindowstore.h"
#include "secretstore.h"
#include "steprunner.h"

#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

using namespace std::chrono_literals;

namespace {
constexpr auto kMinInterval = 250ms;
constexpr auto kDataSourcesRetryAge = 60s;
// How far back the evaluation history of segments and measures reaches (the client's default for one
// measure; the service keeps at most that much).
constexpr int kHistoricStatsDays = 30;
} // namespace

ConnectorWorker::ConnectorWorker(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
    , m_limiter(new RateLimiter(clock, this))
    , m_client(new ApiClient(m_network, m_limiter, clock, this))
    , m_cycleTimer(new QTimer(this))
    , m_holdTimer(new QTimer(this))
    , m_requests(new ConnectorRequests(clock, m_network, m_client, this))
{
    m_cycleTimer->setSingleShot(true);
    connect(m_cycleTimer, &QTimer::timeout, this, &ConnectorWorker::runCycle);
    m_holdTimer->setSingleShot(true);
    connect(m_holdTimer, &QTimer::timeout, this, &ConnectorWorker::publishStatus);
    connect(m_client, &ApiClient::accessTokenRequired, this, &ConnectorWorker::accessTokenRequired);
    connect(m_limiter, &RateLimiter::budgetChanged, this, &ConnectorWorker::publishStatus);
    connect(m_limiter, &RateLimiter::heldUntilChanged, this, [this](const QDateTime &until) {
        // Whatever happens during the hold is found by the next cycle: a catch-up.
        m_catchUp = true;
        m_holdTimer->start(std::clamp<qint64>(m_clock.now().msecsTo(until) + 1, 0, 24 * 3600 * 1000));
        publishStatus();
    });
    connect(m_limiter, &RateLimiter::callAdmitted, this, [this](const QDateTime &at) {
        // Persisted before the call goes out: a crash-and-restart loop cannot exceed the budget.
        if (m_rateStore && !m_rateStore->append(m_config.effectiveConnectionKey(), at))
            qCWarning(lcConnector) << "cannot persist the API budget window:" << m_db->errorString();
    });
}

ConnectorWorker::~ConnectorWorker()
{
    abortCalls();
    delete std::exchange(m_requests, nullptr); // its calls go unanswered: the Connector is going
    // The runner and the stores borrow the database: they go first.
    delete std::exchange(m_runner, nullptr);
    m_observations.reset();
    m_rateStore.reset();
    m_stateStore.reset();
    m_firingLog.reset();
    m_flowStore.reset();
    m_db.reset();
}

QString ConnectorWorker::instancePath(const QString &rest) const
{
    return QStringLiteral("instances/") + m_instanceId + rest;
}

void ConnectorWorker::start(const ConnectorConfig &config, const QString &accessToken)
{
    if (m_running)
        stop();
    m_config = config;
    m_error.clear();
    if (!m_db || m_db->path() != Database::filePath(config.dataDir)) {
        delete std::exchange(m_runner, nullptr);
        m_observations.reset();
        m_rateStore.reset();
        m_stateStore.reset();
        m_firingLog.reset();
        m_flowStore.reset();
        m_db = std::make_unique<Database>();
        if (!m_db->open(config.dataDir, QStringLiteral("worker"))) {
            m_error = m_db->errorString();
            qCWarning(lcConnector).noquote() << "cannot open the database:" << m_error;
            m_db.reset();
            m_running = true; // shows the error; start() again to retry
            publishStatus();
            m_running = false;
            return;
        }
        m_flowStore = std::make_unique<FlowStore>(*m_db, m_clock);
        m_firingLog = std::make_unique<FiringLog>(*m_db);
        m_stateStore = std::make_unique<DetectorStateStore>(*m_db);
        m_rateStore = std::make_unique<RateWindowStore>(*m_db, m_clock);
        m_observations = std::make_unique<ObservationStore>(*m_db);
        m_runner = new StepRunner(*m_db, m_secrets, m_network, m_clock, this);
        connect(m_runner, &StepRunner::stepRunUpdated, this, &ConnectorWorker::stepRunUpdated);
        connect(m_runner, &StepRunner::firingCompleted, this, &ConnectorWorker::firingCompleted);
        connect(m_runner, &StepRunner::testFiringRecorded, this,
                [this](const Firing &firing) { emit firingsRecorded({firing}); });
        m_runnerResumed = false;
        m_historyRestored = false;
        m_instanceId.clear();
    }
    m_limiter->setLimit(config.rateLimit, config.rateWindow);
    m_limiter->setInteractiveReserve(config.interactiveReserve);
    if (!m_historyRestored) {
        m_limiter->restoreHistory(m_rateStore->load(config.effectiveConnectionKey()));
        m_historyRestored = true;
    }
    m_client->setBaseUrl(config.apiBase);
    m_client->setSubscriptionKey(config.subscriptionKey);
    m_client->setTransferTimeout(config.transferTimeout);
    m_client->setRetryPolicy(config.retry);
    m_client->setAccessToken(accessToken);
    if (!config.instanceId.isEmpty() && config.instanceId != m_instanceId) {
        m_instanceId = config.instanceId;
        m_instanceName.clear();
        m_tracker = JobTracker::fromJson(m_stateStore->load(TriggerEngine::jobsStateKey(m_instanceId)));
        m_engine.setInstance(m_instanceId, m_instanceName);
    } else if (config.instanceId.isEmpty() && m_instanceId.isEmpty()) {
        m_tracker = {};
    }
    m_running = true;
    m_signedOut = accessToken.isEmpty();
    // Whatever happened while the worker was away is a catch-up.
    m_catchUp = m_tracker.isInitialized();
    m_segmentsDirty = m_measuresDirty = true;
    m_dataSourcesAt = {};
    reloadFlows();
    qCInfo(lcConnector).noquote() << "worker started for" << config.apiBase.toString(QUrl::RemoveUserInfo);
    serveRequests();
    publishStatus();
    scheduleCycle(0ms);
}

void ConnectorWorker::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_cycleTimer->stop();
    abortCalls();
    m_cycle.reset(); // nothing of it was stored: the next start finds the same again
    serveRequests();
    m_requests->cancelAll(); // requests in flight are answered: "cancelled"
    qCInfo(lcConnector) << "worker stopped";
    publishStatus();
}

void ConnectorWorker::setAccessToken(const QString &accessToken)
{
    if (accessToken.isEmpty())
        return;
    m_client->setAccessToken(accessToken);
    if (m_running && m_signedOut) {
        m_signedOut = false;
        m_error.clear();
        m_catchUp = true;
        serveRequests();
        publishStatus();
        scheduleCycle(0ms);
    }
}

void ConnectorWorker::failAuthentication(const QString &reason)
{
    m_client->failAuthentication(reason);
    if (!m_running || m_signedOut)
        return;
    m_signedOut = true;
    m_cycleTimer->stop();
    abortCalls();
    if (m_cycle)
        commit(*std::exchange(m_cycle, std::nullopt)); // what the cycle found before the sign-out
    serveRequests();
    m_error = reason;
    m_catchUp = true;
    publishStatus();
}

void ConnectorWorker::reloadFlows()
{
    if (!m_flowStore)
        return;
    const QList<Flow> flows = m_flowStore->list();
    if (!m_db->errorString().isEmpty() && flows.isEmpty())
        qCWarning(lcConnector).noquote() << "cannot read the flows:" << m_db->errorString();
    m_engine.setFlows(flows);
    // New threshold flows need their baseline.
    m_segmentsDirty = m_measuresDirty = true;
    m_reportedProblems.clear();
    qCInfo(lcConnector) << "watching" << flows.size() << "flows";
    emit flowsReloaded(int(flows.size()));
}

void ConnectorWorker::setSecretStore(SecretStore *store)
{
    m_secrets = store;
    if (m_runner)
        m_runner->setSecretStore(store);
}

void ConnectorWorker::serveRequests()
{
    ConnectorRequests::Serving serving;
    if (m_running && !m_signedOut && m_db && m_runner) {
        serving.runner = m_runner;
        serving.db = m_db.get();
        serving.observations = m_observations.get();
        serving.instanceId = m_instanceId;
        serving.instanceName = m_instanceName;
        serving.configuredInstanceId = m_config.instanceId;
        serving.transferTimeout = m_config.transferTimeout;
    }
    m_requests->setServing(serving);
}

void ConnectorWorker::abortCalls()
{
    ++m_generation;
    const QList<QPointer<ApiJob>> inflight = std::exchange(m_inflight, {});
    for (const QPointer<ApiJob> &job : inflight) {
        if (job)
            job->abort();
    }
}

void ConnectorWorker::request(const QString &path, const QUrlQuery &query, BodyHandler onSuccess)
{
    ApiJob *job = m_client->get(path, query);
    m_inflight.append(job);
    const quint64 generation = m_generation;
    connect(job, &ApiJob::finished, this, [this, generation, onSuccess = std::move(onSuccess)](ApiJob *job) {
        m_inflight.removeAll(job);
        if (generation != m_generation)
            return; // stopped or signed out meanwhile
        if (job->error() != ApiJob::Error::None)
            return failCycle(job->error(), job->errorString(), job->details());
        onSuccess(job->body());
    });
}

void ConnectorWorker::scheduleCycle(std::chrono::milliseconds delay)
{
    if (!m_running)
        return;
    m_cycleTimer->start(std::max(0ms, delay));
}

std::chrono::milliseconds ConnectorWorker::nextInterval() const
{
    std::chrono::milliseconds interval =
        m_tracker.hasOpenJobs() ? m_config.activeInterval : m_config.idleInterval;
    // Near the end of the budget (steps and pickers use it too) polling gives way; below that the pace keeps
    // detection under 2 s.
    if (m_limiter->usedInWindow() * 100 >= m_limiter->limit() * 85)
        interval *= 2;
    return std::max<std::chrono::milliseconds>(interval, kMinInterval);
}

void ConnectorWorker::runCycle()
{
    if (!m_running || m_cycle || m_signedOut || !m_db)
        return;
    m_cycle.emplace();
    m_cycle->started.start();
    if (m_instanceId.isEmpty())
        return fetchInstances();
    continueCycle();
}

void ConnectorWorker::continueCycle()
{
    const bool stale = !m_dataSourcesAt.isValid() ||
                       m_dataSourcesAt.msecsTo(m_clock.now()) > m_config.dataSourcesMaxAge.count();
    if (stale && needsDataSources())
        return fetchDataSources([this] { fetchJobs(m_tracker.suggestedTop(m_config.jobsTop)); });
    fetchJobs(m_tracker.suggestedTop(m_config.jobsTop));
}

bool ConnectorWorker::needsDataSources() const
{
    // Only the data source triggers name data sources: no call when none is configured.
    return m_engine.needsDataSources();
}

void ConnectorWorker::fetchInstances()
{
    request(QStringLiteral("instances"), {}, [this](const QByteArray &body) {
        QList<CiInstance> instances;
        QString error;
        if (!CiModels::parseInstances(body, &instances, &error))
            return failCycle(ApiJob::Error::Malformed,
                             tr("Customer Insights sent an unexpected list of instances."), error);
        if (instances.isEmpty())
            return failCycle(ApiJob::Error::Http, tr("This account has no Customer Insights instance."), {});
        m_instanceId = instances.constFirst().id;
        m_instanceName = instances.constFirst().name;
        m_engine.setInstance(m_instanceId, m_instanceName);
        m_tracker = JobTracker::fromJson(m_stateStore->load(TriggerEngine::jobsStateKey(m_instanceId)));
        m_catchUp = m_catchUp || m_tracker.isInitialized();
        qCInfo(lcConnector).noquote() << "watching instance" << m_instanceId;
        serveRequests();
        continueCycle();
    });
}

void ConnectorWorker::fetchDataSources(std::function<void()> then)
{
    request(instancePath(QStringLiteral("/manage/datasources")), {}, [this, then](const QByteArray &body) {
        QList<CiDataSource> sources;
        QString error;
        if (!CiModels::parseDataSources(body, &sources, &error))
            return failCycle(ApiJob::Error::Malformed,
                             tr("Customer Insights sent an unexpected list of data sources."), error);
        m_engine.setDataSources(sources);
        m_dataSourcesAt = m_clock.now();
        then();
    });
}

void ConnectorWorker::fetchJobs(int top)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("top"), QString::number(top));
    query.addQueryItem(QStringLiteral("includeTasks"), QStringLiteral("true"));
    request(instancePath(QStringLiteral("/workflows/main/jobs")), query, [this, top](const QByteArray &body) {
        QList<CiJob> jobs;
        QString error;
        if (!CiModels::parseJobs(body, &jobs, &error))
            return failCycle(ApiJob::Error::Malformed,
                             tr("Customer Insights sent an unexpected list of jobs."), error);
        if (top < m_config.maxJobsTop && m_tracker.needsDeeperListing(jobs, top)) {
            // Catching up: the last job seen is further back than this listing reaches.
            const int deeper = std::min(m_config.maxJobsTop, top * 4);
            qCInfo(lcConnector) << "catching up: listing" << deeper << "jobs";
            m_catchUp = true;
            return fetchJobs(deeper);
        }
        handleJobs(jobs, top);
    });
}

void ConnectorWorker::handleJobs(const QList<CiJob> &jobs, int top)
{
    JobTracker next = m_tracker;
    const bool exhaustive = jobs.size() < top || top >= m_config.maxJobsTop;
    const QList<JobEvent> events = next.observe(jobs, exhaustive);
    bool unknownSource = false;
    for (const JobEvent &event : events) {
        if (event.kind == JobEvent::Kind::IngestionEnded && !m_engine.knowsDataSourceOf(event.task))
            unknownSource = true;
        if (event.kind == JobEvent::Kind::SegmentationEnded)
            m_segmentsDirty = true;
        if (event.kind == JobEvent::Kind::MeasuresEnded)
            m_measuresDirty = true;
    }
    const bool recent =
        m_dataSourcesAt.isValid() && m_dataSourcesAt.msecsTo(m_clock.now()) <
                                         qint64(std::chrono::milliseconds(kDataSourcesRetryAge).count());
    if (unknownSource && !m_cycle->dataSourcesRetried && !recent) {
        // A data source the catalogue does not know yet (added since): learn it before matching subjects.
        m_cycle->dataSourcesRetried = true;
        return fetchDataSources([this, jobs, top] { handleJobs(jobs, top); });
    }
    const QDateTime now = m_clock.now();
    m_cycle->firings += m_engine.firingsFor(events, now, m_catchUp);
    m_cycle->tracker = next;
    fetchSegments();
}

void ConnectorWorker::fetchSegments()
{
    const bool reconcile =
        !m_segmentsAt.isValid() || m_segmentsAt.msecsTo(m_clock.now()) > m_config.reconcileInterval.count();
    if (!m_engine.needsSegments() || !(m_segmentsDirty || reconcile))
        return fetchMeasures();
    // The evaluation history in the same call: every evaluation since the last look is replayed.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("includeHistoricStats"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("historicStatsDays"), QString::number(kHistoricStatsDays));
    request(instancePath(QStringLiteral("/manage/segments")), query, [this](const QByteArray &body) {
        QList<CiSegment> segments;
        QString error;
        if (!CiModels::parseSegments(body, &segments, &error))
            return failCycle(ApiJob::Error::Malformed,
                             tr("Customer Insights sent an unexpected list of segments."), error);
        const auto load = [this](const QString &key) { return stateOf(key); };
        addThresholdResult(m_engine.evaluateSegments(segments, load, m_clock.now(), m_catchUp));
        m_cycle->observations += ObservedValue::of(segments, {}, m_clock.now());
        m_segmentsDirty = false;
        m_cycle->segmentsEvaluated = true;
        m_segmentsAt = m_clock.now();
        fetchMeasures();
    });
}

void ConnectorWorker::fetchMeasures()
{
    const bool reconcile =
        !m_measuresAt.isValid() || m_measuresAt.msecsTo(m_clock.now()) > m_config.reconcileInterval.count();
    if (!m_engine.needsMeasures() || !(m_measuresDirty || reconcile))
        return finishCycle();
    request(instancePath(QStringLiteral("/manage/measures")), {}, [this](const QByteArray &body) {
        QList<CiMeasure> measures;
        QString error;
        if (!CiModels::parseMeasures(body, &measures, &error))
            return failCycle(ApiJob::Error::Malformed,
                             tr("Customer Insights sent an unexpected list of measures."), error);
        QStringList names =
            m_engine.measuresNeedingHistory(measures, [this](const QString &key) { return stateOf(key); });
        names.removeIf([](const QString &name) { return name.contains(u'/'); }); // not a path segment
        fetchMeasureHistories(measures, names);
    });
}

void ConnectorWorker::fetchMeasureHistories(QList<CiMeasure> measures, QStringList names)
{
    if (names.isEmpty())
        return evaluateMeasures(measures);
    // One call per measure whose evaluation changed since a flow last saw it (not per flow): its history.
    const QString name = names.takeFirst();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("includeHistoricStats"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("historicStatsDays"), QString::number(kHistoricStatsDays));
    request(instancePath(QStringLiteral("/manage/measures/") + name), query,
            [this, measures, names, name](const QByteArray &body) mutable {
                CiMeasure detail;
                QString error;
                if (!CiModels::parseMeasure(body, &detail, &error))
                    return failCycle(ApiJob::Error::Malformed,
                                     tr("Customer Insights sent an unexpected measure."), error);
                for (CiMeasure &measure : measures) {
                    if (measure.name != name)
                        continue;
                    measure.history = detail.history;
                    if (detail.value && detail.evaluationTime >= measure.evaluationTime) {
                        measure.value = detail.value; // evaluated again since the list: the newer one
                        measure.evaluationTime = detail.evaluationTime;
                    }
                }
                fetchMeasureHistories(std::move(measures), std::move(names));
            });
}

void ConnectorWorker::evaluateMeasures(const QList<CiMeasure> &measures)
{
    const auto load = [this](const QString &key) { return stateOf(key); };
    addThresholdResult(m_engine.evaluateMeasures(measures, load, m_clock.now(), m_catchUp));
    m_cycle->observations += ObservedValue::of({}, measures, m_clock.now());
    m_measuresDirty = false;
    m_cycle->measuresEvaluated = true;
    m_measuresAt = m_clock.now();
    finishCycle();
}

void ConnectorWorker::addThresholdResult(const TriggerEngine::ThresholdResult &result)
{
    m_cycle->firings += result.firings;
    for (auto it = result.states.cbegin(); it != result.states.cend(); ++it)
        m_cycle->states.insert(it.key(), it.value());
    reportProblems(result.problems);
}

void ConnectorWorker::reportProblems(const QStringList &problems)
{
    for (const QString &problem : problems) {
        if (!m_reportedProblems.contains(problem)) {
            m_reportedProblems.insert(problem);
            qCWarning(lcConnector).noquote() << problem;
        }
    }
}

QJsonObject ConnectorWorker::stateOf(const QString &key) const
{
    const auto own = m_cycle->states.constFind(key);
    return own != m_cycle->states.cend() ? *own : m_stateStore->load(key);
}

bool ConnectorWorker::commit(PollCycle cycle)
{
    if (!cycle.tracker && cycle.firings.isEmpty() && cycle.states.isEmpty() && cycle.observations.isEmpty())
        return true;
    Database::Transaction transaction(*m_db);
    bool ok = transaction.isActive();
    for (auto it = cycle.states.cbegin(); ok && it != cycle.states.cend(); ++it)
        ok = m_stateStore->save(it.key(), it.value());
    if (ok && cycle.tracker)
        ok = m_stateStore->save(TriggerEngine::jobsStateKey(m_instanceId), cycle.tracker->toJson());
    if (ok)
        ok = ObservedValue::record(*m_db, *m_observations, cycle.observations);
    QList<Firing> added;
    if (ok)
        added = m_firingLog->record(cycle.firings, &ok);
    if (ok)
        ok = transaction.commit();
    if (!ok) {
        // Nothing was stored: the same events are detected again by the next cycle.
        m_error = tr("The trigger log cannot be written: %1").arg(m_db->errorString());
        qCWarning(lcConnector).noquote() << m_error;
        m_segmentsDirty = m_segmentsDirty || cycle.segmentsEvaluated;
        m_measuresDirty = m_measuresDirty || cycle.measuresEvaluated;
        return false;
    }
    if (cycle.tracker)
        m_tracker = *cycle.tracker;
    if (!added.isEmpty()) {
        qCInfo(lcConnector) << "recorded" << added.size() << "firings";
        emit firingsRecorded(added);
    }
    runSteps(added);
    return true;
}

void ConnectorWorker::runSteps(const QList<Firing> &firings)
{
    if (!m_runner || m_instanceId.isEmpty())
        return;
    m_runner->setConnection(m_client, m_instanceId, m_instanceName);
    // Steps that were unfinished when the app stopped go on first; succeeded ones are never sent again.
    if (!std::exchange(m_runnerResumed, true))
        m_runner->resumeUnfinished();
    for (const Firing &firing : firings) {
        if (const std::optional<Flow> flow = m_flowStore->get(firing.flowId))
            m_runner->run(firing, *flow);
    }
}

void ConnectorWorker::finishCycle()
{
    const auto elapsed = std::chrono::milliseconds(m_cycle->started.elapsed());
    if (commit(*std::exchange(m_cycle, std::nullopt))) {
        m_catchUp = false;
        m_error.clear();
        m_lastPollAt = m_clock.now();
    }
    publishStatus();
    scheduleCycle(m_error.isEmpty() ? nextInterval() - elapsed : m_config.errorInterval);
}

void ConnectorWorker::failCycle(ApiJob::Error error, const QString &message, const QString &details)
{
    commit(*std::exchange(m_cycle, std::nullopt)); // what the cycle found before the failure
    m_catchUp = true;
    if (error == ApiJob::Error::Aborted)
        return;
    if (error == ApiJob::Error::SignInExpired) {
        qCInfo(lcConnector) << "signed out: waiting for a new access token";
        m_signedOut = true;
        m_error = message;
        serveRequests();
        publishStatus();
        return;
    }
    if (message != m_error) // once, not every cycle while it lasts
        qCWarning(lcConnector).noquote() << "poll failed:" << message << details;
    m_error = message;
    publishStatus();
    scheduleCycle(m_config.errorInterval);
}

void ConnectorWorker::publishStatus()
{
    ConnectorStatus status;
    status.callsInWindow = m_limiter->usedInWindow();
    status.limit = m_limiter->limit();
    status.windowSeconds = int(std::chrono::duration_cast<std::chrono::seconds>(m_config.rateWindow).count());
    status.windowResetsAt = m_limiter->windowResetsAt();
    status.lastPollAt = m_lastPollAt;
    status.instanceName = m_instanceName;
    const QDateTime held = m_limiter->heldUntil();
    if (!m_running) {
        status.state = m_error.isEmpty() ? ConnectorStatus::State::Stopped : ConnectorStatus::State::Error;
        status.message = m_error;
    } else if (m_signedOut) {
        status.state = ConnectorStatus::State::SignedOut;
        status.message = m_error;
    } else if (held.isValid()) {
        status.state = ConnectorStatus::State::Held;
        status.heldUntil = held;
    } else if (!m_error.isEmpty()) {
        status.state = ConnectorStatus::State::Error;
        status.message = m_error;
    } else {
        status.state =
            m_lastPollAt.isValid() ? ConnectorStatus::State::Polling : ConnectorStatus::State::Starting;
    }
    if (status == m_status)
        return;
    if (status.state != m_status.state)
        qCInfo(lcConnector).noquote() << "state:" << ConnectorStatus::stateId(status.state) << status.message;
    m_status = status;
    emit statusChanged(status);
}
