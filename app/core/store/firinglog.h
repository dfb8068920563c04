#pragma once

#include "flow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>

#include <optional>

class Database;

// One firing of a flow's trigger, as the connector worker detected it.
struct Firing
{
    QString id; // Firing::makeId(): stable, so the same event is logged once, across restarts
    qint64 flowId = 0;
    QString flowName; // kept: the log outlives a renamed or deleted flow
    TriggerKind trigger = TriggerKind::DataSourceRefreshFailed;
    QString subject; // the data source, segment or measure it fired for (empty for job-level triggers)
    std::optional<double> value, previousValue, threshold; // threshold triggers
    QString jobId;                                         // the job (or task) behind the event
    QDateTime occurredAt;  // when it happened in the instance (UTC; invalid when unknown)
    QDateTime detectedAt;  // when the worker saw it (UTC); the log's order
    bool caughtUp = false; // found by catch-up after an outage, not live
    bool test = false;     // test-fired from the flow editor
    QJsonObject payload;   // what the steps receive (templates read it); never a secret

    // Hex SHA-256 of flow, instance, trigger, subject and the event key (the job or task id, or for the
    // threshold triggers the evaluation time), docs/triggers.md.
    static QString makeId(qint64 flowId, const QString &instanceId, TriggerKind trigger,
                          const QString &subject, const QString &eventKey);

    // One line of --headless output, ending in '\n': {"id", "flow" (name), "trigger" (id), "subject",
    // "value", "previousValue", "threshold" (numbers or null), "jobId" (null when empty), "occurredAt",
    // "detectedAt" (ISO 8601 UTC with milliseconds, or null), "caughtUp"}, in that order.
    QByteArray toJsonLine() const;

    friend bool operator==(const Firing &, const Firing &) = default;
};

// One attempt at one step of a firing.
struct StepRun
{
    QString firingId;
    int stepIndex = 0;               // position of the step in its flow
    int attempt = 1;                 // 1, 2, ... (retries)
    QString status;                  // "pending", "running", "succeeded", "failed"
    QDateTime startedAt, finishedAt; // UTC, invalid when not yet
    int httpStatus = 0;              // 0 when none
    QString detail;                  // outcome for the log, secrets redacted by the step runner
    int resubmission = 0;            // 0: the firing's own run; n: its n-th resubmission (StepRunner)

    static QString pending() { return QStringLiteral("pending"); }
    static QString running() { return QStringLiteral("running"); }
    static QString succeeded() { return QStringLiteral("succeeded"); }
    static QString failed() { return QStringLiteral("failed"); }

    friend bool operator==(const StepRun &, const StepRun &) = default;
};

Q_DECLARE_METATYPE(Firing)
Q_DECLARE_METATYPE(StepRun)

// The firing log (tables `firings` and `step_runs`): the worker records, the trigger log reads. Newest first
// means by detectedAt, then id, descending.
//
// Exactly once: record() inserts with the firing id as primary key (INSERT ... ON CONFLICT DO NOTHING) and
// returns only the firings that were not there yet, so the worker runs steps and tells the GUI about those
// only, after they are committed. A restart re-detecting the same event produces the same id: nothing new.
//
// Failures return empty / -1 / false with Database::errorString() set.
class FiringLog
{
    Q_DECLARE_TR_FUNCTIONS(FiringLog)

public:
    explicit FiringLog(Database &db); // `db` must be open and outlive the log

    // Stores `firings` in one transaction and returns those that were new, in the given order. A firing
    // without a detectedAt gets the current time. `ok` (optional) tells a failure (nothing stored) from
    // "all were duplicates".
    QList<Firing> record(const QList<Firing> &firings, bool *ok = nullptr);

    std::optional<Firing> get(const QString &id);
    // Newest first. page() skips `offset` rows (simple, slows down deep in a large log); olderThan() is the
    // keyset form for scrolling: the `limit` firings just older than (detectedAt, id) of the last row shown.
    QList<Firing> page(int offset, int limit);
    QList<Firing> olderThan(const QDateTime &detectedAt, const QString &id, int limit);
    qint64 count();
    // Firings of a flow detected at or after `since` (test firings included); -1 on failure.
    int countSince(qint64 flowId, const QDateTime &since);
    QDateTime lastFiredAt(qint64 flowId); // invalid when it never fired
    // Removes the firings (and their step runs) detected before `olderThan` (the retention setting); returns
    // how many firings went, -1 on failure.
    int prune(const QDateTime &olderThan);

    // Inserts or replaces the run (firingId, stepIndex, attempt): record "running", then its outcome.
    bool recordStepRun(const StepRun &run);
    QList<StepRun> stepRuns(const QString &firingId); // by step, then attempt
    // Runs left pending or running (e.g. by a crash), oldest firing first: the worker resumes them on start.
    QList<StepRun> unfinishedStepRuns();

private:
    QList<Firing> readFirings(const QString &where, const QVariantList &values, const char *what);
    QList<StepRun> readStepRuns(const QString &where, const QVariantList &values);

    Database &m_db;
};
