#include "triggerlogrecord.h"

#include <QJsonDocument>

TriggerLogRecord TriggerLogRecord::fromFiring(const Firing &firing, const QList<StepRun> &runs)
{
    TriggerLogRecord record;
    record.id = firing.id;
    record.flowId = firing.flowId;
    record.flowName = firing.flowName;
    record.trigger = firing.trigger;
    record.subject = firing.subject;
    record.value = firing.value;
    record.previousValue = firing.previousValue;
    record.threshold = firing.threshold;
    record.jobId = firing.jobId;
    record.occurredAt = firing.occurredAt;
    record.detectedAt = firing.detectedAt;
    record.caughtUp = firing.caughtUp;
    record.test = firing.test;
    if (!firing.payload.isEmpty())
        record.payload = QJsonDocument(firing.payload).toJson(QJsonDocument::Compact);
    for (const StepRun &run : runs)
        record.apply(run);
    return record;
}

TriggerLogRecord::StepStatus TriggerLogRecord::stepStatusFromString(QStringView status)
{
    if (status == StepRun::succeeded())
        return StepStatus::Succeeded;
    if (status == StepRun::failed())
        return StepStatus::Failed;
    if (status == StepRun::running())
        return StepStatus::Running;
    return StepStatus::Pending;
}

bool TriggerLogRecord::apply(const StepRun &run)
{
    if (run.stepIndex < 0 || run.stepIndex > 1000)
        return false;
    if (steps.size() <= run.stepIndex)
        steps.resize(run.stepIndex + 1);
    StepState &state = steps[run.stepIndex];
    const auto attempt = quint16(qBound(1, run.attempt, 65535));
    if (attempt < state.attempt)
        return false;
    const StepStatus status = stepStatusFromString(run.status);
    bool changed = state.attempt != attempt || state.status != status;
    if (status == StepStatus::Failed && !run.detail.isEmpty() && !errors.contains(run.detail)) {
        if (!errors.isEmpty())
            errors += u'\n';
        errors += run.detail;
        changed = true;
    }
    state.attempt = attempt;
    state.status = status;
    return changed;
}

TriggerLogRecord::Status TriggerLogRecord::status(int stepCount) const
{
    if (steps.isEmpty())
        return stepCount == 0 ? Status::NoSteps : Status::Pending;
    bool running = false;
    bool retrying = false;
    bool started = false;
    for (const StepState &step : steps) {
        switch (step.status) {
        case StepStatus::Failed:
            return Status::Failed;
        case StepStatus::Running:
        case StepStatus::Pending:
            running = running || step.status == StepStatus::Running || step.attempt > 1;
            retrying = retrying || step.attempt > 1;
            break;
        case StepStatus::Succeeded:
            started = true;
            break;
        }
    }
    if (retrying)
        return Status::Retrying;
    if (running)
        return Status::Running;
    const int done = succeededSteps();
    if (done == 0 && !started)
        return Status::Pending;
    return done >= totalSteps(stepCount) ? Status::Succeeded : Status::Running;
}

int TriggerLogRecord::succeededSteps() const
{
    int done = 0;
    for (const StepState &step : steps)
        done += step.status == StepStatus::Succeeded ? 1 : 0;
    return done;
}

QJsonObject TriggerLogRecord::payloadObject() const
{
    return payload.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(payload).object();
}

Firing TriggerLogRecord::toFiring() const
{
    Firing firing;
    firing.id = id;
    firing.flowId = flowId;
    firing.flowName = flowName;
    firing.trigger = trigger;
    firing.subject = subject;
    firing.value = value;
    firing.previousValue = previousValue;
    firing.threshold = threshold;
    firing.jobId = jobId;
    firing.occurredAt = occurredAt;
    firing.detectedAt = detectedAt;
    firing.caughtUp = caughtUp;
    firing.test = test;
    firing.payload = payloadObject();
    return firing;
}

QString TriggerLogRecord::statusText(Status status)
{
    switch (status) {
    case Status::Pending:
        return tr("Pending");
    case Status::Running:
        return tr("Running");
    case Status::Retrying:
        return tr("Retrying");
    case Status::Succeeded:
        return tr("Succeeded");
    case Status::Failed:
        return tr("Failed");
    case Status::NoSteps:
        return tr("No steps");
    }
    return {};
}

QString TriggerLogRecord::statusId(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Running:
        return QStringLiteral("running");
    case Status::Retrying:
        return QStringLiteral("retrying");
    case Status::Succeeded:
        return QStringLiteral("succeeded");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::NoSteps:
        return QStringLiteral("noSteps");
    }
    return {};
}
