#include "steprunner.h"

#include "apiclient.h"
#include "clock.h"
#include "database.h"
#include "secretstore.h"
#include "stepslog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>

struct StepRunner::Job
{
    Firing firing;
    Flow flow;
    TemplateContext context;
    int stepIndex = 0;
    int resumeAt = -1; // after a restart: re-read Get items at stepIndex, then go on here
    int attempt = 1;
    int generation = 0;            // bumped per attempt: late callbacks of an earlier one are ignored
    int resubmission = 0;          // StepRun::resubmission of the attempts this job records
    QSet<int> done;                // steps that succeeded before this job started: never sent again
    QHash<int, int> firstAttempts; // the attempt number a step starts at (default 1)
    bool allSucceeded = true;
    bool running = false;
    bool waitingForSecrets = false;
    StepRun current;
    QHash<QString, QString> secrets; // secretRef -> secret, of the step in progress
    QStringList redactions;          // every secret read for this firing, and its spellings
    QPointer<StepAction> action;
    QTimer *retryTimer = nullptr;

    // The step to run at or after `index`: succeeded ones are skipped, except Get items (its rows feed the
    // later steps and are not stored; reading them again sends nothing).
    int nextStep(int index) const
    {
        while (index < flow.steps.size() && done.contains(index) &&
               flow.steps.at(index).kind != StepKind::GetItems)
            ++index;
        return index;
    }

    ~Job()
    {
        // Possibly from inside the timer's own timeout(): not deleted at once.
        if (retryTimer) {
            retryTimer->stop();
            retryTimer->deleteLater();
        }
    }
};

StepRunner::StepRunner(Database &db, SecretStore *secrets, QNetworkAccessManager *network, const Clock &clock,
                       QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_log(db)
    , m_flows(db, clock)
    , m_secrets(secrets)
    , m_network(network)
    , m_clock(clock)
    , m_blockingPool(new QThreadPool(this))
{
    m_blockingPool->setObjectName(QStringLiteral("insights-smtp"));
    m_blockingPool->setMaxThreadCount(m_options.maxConcurrentEmails);
}

StepRunner::~StepRunner()
{
    // Quietly: whatever is in flight stays "running" or "pending" in the database and resumes next time.
    for (const std::shared_ptr<Job> &job : std::as_const(m_jobs)) {
        if (job->action)
            delete job->action.data();
    }
    m_jobs.clear();
    m_queue.clear();
    m_blockingPool->clear();
    m_blockingPool->waitForDone();
}

void StepRunner::setOptions(const Options &options)
{
    m_options = options;
    m_blockingPool->setMaxThreadCount(qMax(1, options.maxConcurrentEmails));
    pump();
}

void StepRunner::setConnection(ApiClient *api, const QString &instanceId, const QString &instanceName)
{
    m_api = api;
    m_instanceId = instanceId;
    m_instanceName = instanceName;
}

std::chrono::milliseconds StepRunner::retryDelay(int failedAttempt) const
{
    // Exponential, jittered between half and all of the step so that failed firings do not retry in step.
    const qint64 step =
        std::min<qint64>(m_options.maxRetryDelay.count(), m_options.firstRetryDelay.count()
                                                              << std::clamp(failedAttempt - 1, 0, 20));
    return std::chrono::milliseconds(step / 2 +
                                     qint64(QRandomGenerator::global()->bounded(double(step / 2 + 1))));
}

QStringList StepRunner::unknownPlaceholders(const Step &step)
{
    QStringList unknown;
    for (const auto &[key, found] : TemplateEngine::unknownPlaceholders(step)) {
        for (const QString &placeholder : found) {
            if (!unknown.contains(placeholder))
                unknown.append(placeholder);
        }
    }
    return unknown;
}

Firing StepRunner::sampleFiring(const Flow &flow, const QDateTime &now)
{
    Firing firing;
    firing.id = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    firing.flowId = flow.id;
    firing.flowName = flow.name;
    firing.trigger = flow.trigger.kind;
    firing.subject = flow.trigger.subject;
    if (Trigger::takesThreshold(flow.trigger.kind)) {
        firing.threshold = flow.trigger.threshold;
        firing.previousValue = flow.trigger.threshold;
        firing.value = flow.trigger.threshold + 1;
        if (firing.subject.isEmpty())
            firing.subject = tr("Sample");
    }
    firing.jobId = QStringLiteral("test");
    firing.occurredAt = now;
    firing.detectedAt = now;
    firing.test = true;
    firing.payload = {{QStringLiteral("test"), true}};
    return firing;
}

void StepRunner::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
    if (!m_secrets)
        return;
    const QList<std::shared_ptr<Job>> jobs = m_jobs.values();
    for (const std::shared_ptr<Job> &job : jobs) {
        if (std::exchange(job->waitingForSecrets, false))
            readSecrets(job);
    }
}

QString StepRunner::testFire(const Flow &flow)
{
    return testFire(flow, sampleFiring(flow, m_clock.now()));
}

QString StepRunner::testFire(const Flow &flow, const Firing &sample)
{
    Firing firing = sample;
    firing.id = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    firing.flowId = flow.id;
    firing.flowName = flow.name;
    firing.trigger = flow.trigger.kind;
    firing.test = true;
    firing.payload.insert(QStringLiteral("test"), true);
    if (!firing.detectedAt.isValid())
        firing.detectedAt = m_clock.now();
    bool ok = false;
    const QList<Firing> recorded = m_log.record({firing}, &ok);
    if (!ok || recorded.isEmpty()) {
        qCWarning(lcSteps) << "test firing not recorded:" << m_db.errorString();
        return {};
    }
    emit testFiringRecorded(recorded.constFirst());
    return run(recorded.constFirst(), flow) ? recorded.constFirst().id : QString();
}

bool StepRunner::run(const Firing &firing, const Flow &flow)
{
    if (m_jobs.contains(firing.id))
        return false;
    {
        Database::Transaction transaction(m_db);
        for (int i = 0; i < flow.steps.size(); ++i) {
            StepRun pending;
            pending.firingId = firing.id;
            pending.stepIndex = i;
            pending.status = StepRun::pending();
            if (!m_log.recordStepRun(pending))
                break;
        }
        if (!transaction.commit()) {
            qCWarning(lcSteps) << "steps of firing" << firing.id << "not recorded:" << m_db.errorString();
            return false;
        }
    }
    auto job = std::make_shared<Job>();
    job->firing = firing;
    job->flow = flow;
    job->context = TemplateContext::fromFiring(firing, m_instanceName);
    for (int i = 0; i < flow.steps.size(); ++i) {
        StepRun pending;
        pending.firingId = firing.id;
        pending.stepIndex = i;
        pending.status = StepRun::pending();
        emit stepRunUpdated(pending);
    }
    enqueue(std::move(job));
    return true;
}

bool StepRunner::resubmit(const QString &firingId, bool failedOnly, QString *error)
{
    const auto refuse = [error](const QString &message) {
        if (error)
            *error = message;
        qCInfo(lcSteps).noquote() << "resubmit refused:" << message;
        return false;
    };
    const QString stillRunning =
        tr("This firing is still running. Resubmit it once its steps have finished.");
    if (m_jobs.contains(firingId))
        return refuse(stillRunning);
    m_db.clearError(); // tells "not found" from "cannot read" below
    const std::optional<Firing> firing = m_log.get(firingId);
    if (!firing) {
        return refuse(m_db.errorString().isEmpty()
                          ? tr("This firing is no longer in the trigger log (retention may have removed it).")
                          : tr("The trigger log cannot be read: %1").arg(m_db.errorString()));
    }
    QMap<int, StepRun> latest; // by step: its last attempt
    int rounds = 0;
    for (const StepRun &run : m_log.stepRuns(firingId)) {
        if (run.status == StepRun::pending() || run.status == StepRun::running())
            return refuse(stillRunning); // e.g. waiting to resume after a restart
        latest.insert(run.stepIndex, run);
        rounds = std::max(rounds, run.resubmission);
    }
    const std::optional<Flow> flow = m_flows.get(firing->flowId);
    if (!flow)
        return refuse(tr("The flow \"%1\" was deleted, so the steps of this firing cannot be sent again.")
                          .arg(firing->flowName));
    if (flow->steps.isEmpty())
        return refuse(
            tr("The flow \"%1\" has no steps to send. Add steps in the flow editor first.").arg(flow->name));

    auto job = std::make_shared<Job>();
    job->firing = *firing;
    job->flow = *flow;
    job->context = TemplateContext::fromFiring(*firing, m_instanceName);
    job->resubmission = rounds + 1;
    QList<int> toRun;
    for (int i = 0; i < flow->steps.size(); ++i) {
        job->firstAttempts.insert(i, latest.contains(i) ? latest.value(i).attempt + 1 : 1);
        if (failedOnly && latest.value(i).status == StepRun::succeeded())
            job->done.insert(i);
        else
            toRun.append(i);
    }
    if (toRun.isEmpty())
        return refuse(tr("Every step of this firing succeeded: there is nothing failed to resubmit. Resubmit "
                         "all steps to send them again."));
    job->stepIndex = toRun.constFirst();
    // The rows of an earlier Get items step are not stored: read them again first.
    for (int i = job->stepIndex - 1; i >= 0; --i) {
        if (flow->steps.at(i).kind == StepKind::GetItems) {
            job->resumeAt = job->stepIndex;
            job->stepIndex = i;
            break;
        }
    }
    job->attempt = job->firstAttempts.value(job->stepIndex, 1);

    QList<StepRun> pendingRuns;
    {
        Database::Transaction transaction(m_db);
        bool ok = transaction.isActive();
        for (int i : std::as_const(toRun)) {
            StepRun pending;
            pending.firingId = firingId;
            pending.stepIndex = i;
            pending.attempt = job->firstAttempts.value(i);
            pending.status = StepRun::pending();
            pending.detail = tr("Resubmitted.");
            pending.resubmission = job->resubmission;
            ok = ok && m_log.recordStepRun(pending);
            pendingRuns.append(pending);
        }
        if (!ok || !transaction.commit())
            return refuse(tr("The resubmission could not be recorded: %1").arg(m_db.errorString()));
    }
    for (const StepRun &pending : std::as_const(pendingRuns))
        emit stepRunUpdated(pending);
    qCInfo(lcSteps) << "resubmitting firing" << firingId << (failedOnly ? "failed steps" : "all steps")
                    << "as resubmission" << job->resubmission;
    enqueue(std::move(job));
    return true;
}

int StepRunner::resumeUnfinished()
{
    QStringList firingIds;
    for (const StepRun &run : m_log.unfinishedStepRuns()) {
        if (!firingIds.contains(run.firingId))
            firingIds.append(run.firingId);
    }
    int resumed = 0;
    for (const QString &firingId : std::as_const(firingIds)) {
        if (m_jobs.contains(firingId))
            continue;
        const std::optional<Firing> firing = m_log.get(firingId);
        if (!firing)
            continue;
        QMap<int, StepRun> latest; // by step: its last attempt
        for (const StepRun &run : m_log.stepRuns(firingId))
            latest.insert(run.stepIndex, run);
        const std::optional<Flow> flow = m_flows.get(firing->flowId);
        auto job = std::make_shared<Job>();
        job->firing = *firing;
        job->context = TemplateContext::fromFiring(*firing, m_instanceName);
        if (!flow) {
            job->stepIndex = -1;
            skipRemaining(*job, tr("Not run: the flow was deleted before this step ran."));
            continue;
        }
        job->flow = *flow;
        for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
            job->resubmission = std::max(job->resubmission, it->resubmission);
            if (it->status == StepRun::succeeded())
                job->done.insert(it.key());
            // A pending row (a later step, or a retry) is the attempt to make; after any other, the next.
            job->firstAttempts.insert(it.key(),
                                      it->status == StepRun::pending() ? it->attempt : it->attempt + 1);
        }
        const int stepCount = int(flow->steps.size());
        int next = 0;
        while (next < stepCount && latest.contains(next) && latest.value(next).status == StepRun::succeeded())
            ++next;
        if (next == stepCount || (latest.contains(next) && latest.value(next).status == StepRun::failed())) {
            // Finished before the stop, but not every row says so (stale rows of removed steps, or of steps
            // after a failure).
            job->stepIndex = next;
            skipRemaining(*job, tr("Not run: an earlier step failed."));
            continue;
        }
        const StepRun last = latest.value(next);
        job->stepIndex = next;
        job->attempt = latest.contains(next) ? last.attempt : 1;
        if (last.status == StepRun::running()) {
            StepRun interrupted = last;
            interrupted.status = StepRun::failed();
            interrupted.finishedAt = m_clock.now();
            interrupted.detail = tr("Interrupted: the app stopped during this attempt. It is tried again.");
            record(interrupted);
            job->attempt = last.attempt + 1;
            StepRun pending;
            pending.firingId = firingId;
            pending.stepIndex = next;
            pending.attempt = job->attempt;
            pending.status = StepRun::pending();
            pending.resubmission = last.resubmission;
            record(pending);
        }
        // The rows of an earlier Get items step are not stored: read them again first (a read, never a send).
        for (int i = next - 1; i >= 0; --i) {
            if (flow->steps.at(i).kind == StepKind::GetItems) {
                job->resumeAt = next;
                job->stepIndex = i;
                job->attempt = latest.value(i).attempt + 1;
                break;
            }
        }
        qCInfo(lcSteps) << "resuming firing" << firingId << "at step" << next;
        enqueue(std::move(job));
        ++resumed;
    }
    return resumed;
}

void StepRunner::enqueue(std::shared_ptr<Job> job)
{
    m_jobs.insert(job->firing.id, job);
    m_queue.append(std::move(job));
    // From the event loop: run() returns before anything starts, and many firings queue up first.
    QMetaObject::invokeMethod(this, &StepRunner::pump, Qt::QueuedConnection);
}

void StepRunner::pump()
{
    while (m_running < qMax(1, m_options.maxConcurrentFirings) && !m_queue.isEmpty()) {
        std::shared_ptr<Job> job = m_queue.takeFirst();
        job->running = true;
        ++m_running;
        startStep(job);
    }
}

void StepRunner::startStep(const std::shared_ptr<Job> &job)
{
    if (job->stepIndex >= job->flow.steps.size())
        return complete(job);
    ++job->generation;
    job->current = StepRun();
    job->current.firingId = job->firing.id;
    job->current.stepIndex = job->stepIndex;
    job->current.attempt = job->attempt;
    job->current.status = StepRun::running();
    job->current.startedAt = m_clock.now();
    job->current.resubmission = job->resubmission;
    const Step &step = job->flow.steps.at(job->stepIndex);
    const QStringList unknown = unknownPlaceholders(step);
    if (!unknown.isEmpty()) {
        return finishAttempt(job,
                             StepOutcome::permanent(
                                 0, tr("The step uses unknown placeholders: %1. Fix them in the flow editor.")
                                        .arg(unknown.join(QStringLiteral(", ")))));
    }
    readSecrets(job);
}

void StepRunner::readSecrets(const std::shared_ptr<Job> &job)
{
    job->secrets.clear();
    const Step &step = job->flow.steps.at(job->stepIndex);
    QStringList refs;
    for (const QString &key : Step::secretRefKeys(step.kind)) {
        const QString ref = step.parameters.value(key).toString();
        if (!ref.isEmpty() && !refs.contains(ref))
            refs.append(ref);
    }
    if (refs.isEmpty())
        return execute(job);
    if (!m_secrets)
        return waitForSecretStore(job);
    auto outstanding = std::make_shared<int>(int(refs.size()));
    auto failed = std::make_shared<bool>(false);
    const int generation = job->generation;
    const std::weak_ptr<Job> weak = job;
    for (const QString &ref : std::as_const(refs)) {
        m_secrets->read(
            ref, this,
            [this, weak, generation, ref, outstanding, failed](std::optional<QString> secret, QString error) {
                const std::shared_ptr<Job> job = weak.lock();
                if (!job || job->generation != generation || *failed)
                    return;
                if (!secret) {
                    *failed = true;
                    if (error.isEmpty())
                        return finishAttempt(
                            job, StepOutcome::permanent(
                                     0, tr("The secret store has no entry \"%1\". Create it, or pick "
                                           "another one in the flow editor.")
                                            .arg(ref)));
                    return finishAttempt(
                        job,
                        StepOutcome::retryable(
                            0, tr("The secret store entry \"%1\" could not be read: %2").arg(ref, error)));
                }
                job->secrets.insert(ref, *secret);
                if (!secret->isEmpty()) {
                    job->redactions.append(*secret);
                    const QUrl url(*secret);
                    if (url.isValid() && !url.host().isEmpty()) {
                        job->redactions.append(url.toString(QUrl::FullyEncoded));
                        job->redactions.append(url.toDisplayString());
                        if (url.path().size() > 1)
                            job->redactions.append(url.path());
                    }
                    const QJsonObject object = QJsonDocument::fromJson(secret->toUtf8()).object();
                    const QString password = object.value(QLatin1String("password")).toString();
                    if (!password.isEmpty())
                        job->redactions.append(password);
                }
                if (--*outstanding == 0)
                    execute(job);
            });
    }
}

void StepRunner::waitForSecretStore(const std::shared_ptr<Job> &job)
{
    job->waitingForSecrets = true;
    StepRun waiting = job->current;
    waiting.status = StepRun::pending();
    waiting.startedAt = {};
    waiting.detail = tr("Waiting for the secret store, which the app is still opening.");
    record(waiting);
    const int generation = job->generation;
    const std::weak_ptr<Job> weak = job;
    QTimer::singleShot(m_options.secretStoreWait, this, [this, weak, generation] {
        const std::shared_ptr<Job> job = weak.lock();
        if (!job || job->generation != generation || !std::exchange(job->waitingForSecrets, false))
            return;
        finishAttempt(job,
                      StepOutcome::retryable(
                          0, tr("No secret store is available yet, so the step's secrets cannot be read. "
                                "The step is tried again; if this goes on, check the secret store on "
                                "the Account page.")));
    });
}

void StepRunner::execute(const std::shared_ptr<Job> &job)
{
    record(job->current);

    StepInput input;
    input.step = job->flow.steps.at(job->stepIndex);
    input.stepIndex = job->stepIndex;
    input.firingId = job->firing.id;
    input.context = job->context;
    input.secrets = job->secrets;
    input.resubmission = job->resubmission;
    input.network = m_network;
    input.api = m_api;
    input.instanceId = m_instanceId;
    input.smtp = &m_smtp;
    input.blockingPool = m_blockingPool;
    input.transferTimeout = m_options.transferTimeout;
    job->secrets.clear();

    StepAction *action = StepAction::create(std::move(input), this);
    job->action = action;
    const int generation = job->generation;
    const std::weak_ptr<Job> weak = job;
    connect(action, &StepAction::finished, this,
            [this, weak, generation, action](const StepOutcome &outcome) {
                action->deleteLater();
                const std::shared_ptr<Job> job = weak.lock();
                if (job && job->generation == generation)
                    finishAttempt(job, outcome);
            });
    action->start();
}

void StepRunner::finishAttempt(const std::shared_ptr<Job> &job, StepOutcome outcome)
{
    job->action = nullptr;
    StepRun &run = job->current;
    run.finishedAt = m_clock.now();
    if (!run.startedAt.isValid())
        run.startedAt = run.finishedAt;
    run.httpStatus = outcome.status;
    run.detail = redact(*job, outcome.detail);
    const bool succeeded = outcome.result == StepOutcome::Result::Succeeded;
    run.status = succeeded ? StepRun::succeeded() : StepRun::failed();
    record(run);

    if (succeeded) {
        if (outcome.hasItems) {
            job->context.items = outcome.items;
            job->context.hasItems = true;
        }
        job->stepIndex = job->nextStep(job->resumeAt > job->stepIndex ? job->resumeAt : job->stepIndex + 1);
        job->resumeAt = -1;
        job->attempt = job->firstAttempts.value(job->stepIndex, 1);
        // The rows of the next attempt: resumed ones may already have a later attempt pending.
        return startStep(job);
    }
    if (outcome.result == StepOutcome::Result::Retryable && job->attempt < m_options.maxAttempts) {
        ++job->attempt;
        StepRun pending;
        pending.firingId = job->firing.id;
        pending.stepIndex = job->stepIndex;
        pending.attempt = job->attempt;
        pending.status = StepRun::pending();
        pending.resubmission = job->resubmission;
        record(pending);
        std::chrono::milliseconds delay = retryDelay(job->attempt - 1);
        if (outcome.retryAfter)
            delay = std::clamp(*outcome.retryAfter, std::chrono::milliseconds(0), m_options.maxRetryAfter);
        if (!job->retryTimer) {
            job->retryTimer = new QTimer;
            job->retryTimer->setSingleShot(true);
            const std::weak_ptr<Job> weak = job;
            connect(job->retryTimer, &QTimer::timeout, this, [this, weak] {
                if (const std::shared_ptr<Job> job = weak.lock())
                    startStep(job);
            });
        }
        qCInfo(lcSteps) << "firing" << job->firing.id << "step" << run.stepIndex << "retried in"
                        << delay.count() << "ms";
        job->retryTimer->start(delay);
        return;
    }
    job->allSucceeded = false;
    skipRemaining(*job, tr("Not run: step %1 failed.").arg(run.stepIndex + 1));
    complete(job);
}

void StepRunner::skipRemaining(Job &job, const QString &reason)
{
    // Every later row still pending or running becomes failed, so that nothing resumes it.
    for (StepRun run : m_log.stepRuns(job.firing.id)) {
        if (run.status != StepRun::pending() && run.status != StepRun::running())
            continue;
        if (job.stepIndex >= 0 && run.stepIndex <= job.stepIndex)
            continue; // the step itself: its caller records it
        run.status = StepRun::failed();
        run.finishedAt = m_clock.now();
        run.detail = reason;
        record(run);
    }
}

void StepRunner::complete(const std::shared_ptr<Job> &job)
{
    m_jobs.remove(job->firing.id);
    m_queue.removeOne(job);
    if (job->running) {
        job->running = false;
        --m_running;
    }
    qCDebug(lcSteps) << "firing" << job->firing.id << (job->allSucceeded ? "completed" : "failed");
    emit firingCompleted(job->firing.id, job->allSucceeded);
    QMetaObject::invokeMethod(this, &StepRunner::pump, Qt::QueuedConnection);
}

void StepRunner::record(StepRun run)
{
    if (!m_log.recordStepRun(run))
        qCWarning(lcSteps) << "step run not recorded:" << m_db.errorString();
    qCDebug(lcSteps) << "firing" << run.firingId << "step" << run.stepIndex << "attempt" << run.attempt
                     << run.status << run.httpStatus << run.detail;
    emit stepRunUpdated(run);
}

QString StepRunner::redact(const Job &job, QString text) const
{
    // Longest first, so that a URL goes before its path.
    QStringList secrets = job.redactions;
    std::sort(secrets.begin(), secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &secret : std::as_const(secrets)) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("[redacted]"));
    }
    return text;
}
