#pragma once

#include "firinglog.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// One row of the trigger log: a firing and the state of its steps, kept compact (the payload stays as
// compact JSON bytes, each step as its latest attempt) so that a large window of rows stays small in memory.
// The model, its filter and the exporter share it.
struct TriggerLogRecord
{
    Q_DECLARE_TR_FUNCTIONS(TriggerLogRecord)

public:
    // The firing's overall state, from the latest attempt of each step.
    enum class Status : quint8
    {
        Pending,   // no step has started yet
        Running,   // a step runs, or the next one has not started yet
        Retrying,  // a step runs again after a failed attempt
        Succeeded, // every step succeeded
        Failed,    // a step failed for good (its latest attempt failed)
        NoSteps,   // the flow has no steps
    };

    enum class StepStatus : quint8
    {
        Pending,
        Running,
        Succeeded,
        Failed,
    };

    struct StepState
    {
        quint16 attempt = 0; // 0: not started
        StepStatus status = StepStatus::Pending;
    };

    QString id;
    qint64 flowId = 0;
    QString flowName;
    TriggerKind trigger = TriggerKind::DataSourceRefreshFailed;
    QString subject;
    std::optional<double> value, previousValue, threshold;
    QString jobId;
    QDateTime occurredAt, detectedAt;
    bool caughtUp = false;
    bool test = false;
    QByteArray payload;     // compact JSON (UTF-8)
    QList<StepState> steps; // by step index
    QString errors;         // the detail of every failed attempt, one a line (for search and tooltips)

    static TriggerLogRecord fromFiring(const Firing &firing, const QList<StepRun> &runs = {});
    // Applies one attempt; returns whether the row's steps changed. An older attempt than the one known is
    // ignored.
    bool apply(const StepRun &run);

    // `stepCount` is the number of steps of the flow, -1 when unknown (a deleted flow): then the steps that
    // ran are all there is to know.
    Status status(int stepCount) const;
    int succeededSteps() const;
    int totalSteps(int stepCount) const { return qMax(stepCount, int(steps.size())); }

    QJsonObject payloadObject() const;
    QString payloadText() const { return QString::fromUtf8(payload); }
    Firing toFiring() const;

    static QString statusText(Status status);
    static QString statusId(Status status); // "succeeded", ... (exports)
    static StepStatus stepStatusFromString(QStringView status);
};
