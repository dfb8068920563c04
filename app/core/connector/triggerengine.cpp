#include "triggerengine.h"

#include "thresholddetector.h"
#include "triggervalidation.h"

#include <QJsonArray>

#include <algorithm>

namespace {

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QJsonObject jobJson(const CiJob &job)
{
    return {{QStringLiteral("id"), job.id},
            {QStringLiteral("operationType"), job.operationType},
            {QStringLiteral("submissionKind"), job.submissionKind},
            {QStringLiteral("status"), job.status},
            {QStringLiteral("submittedAt"), timeJson(job.submitted)},
            {QStringLiteral("endedAt"), timeJson(job.ended)}};
}

QJsonObject taskJson(const CiTask &task)
{
    return {{QStringLiteral("id"), task.id},
            {QStringLiteral("operationType"), task.operationType},
            {QStringLiteral("friendlyName"), task.friendlyName},
            {QStringLiteral("status"), task.status},
            {QStringLiteral("error"), task.errorText},
            {QStringLiteral("endedAt"), timeJson(task.ended)}};
}

QString eventKeyFor(const QDateTime &evaluatedAt, double value)
{
    return evaluatedAt.isValid() ? evaluatedAt.toUTC().toString(Qt::ISODateWithMs)
                                 : QStringLiteral("value:") + QString::number(value, 'g', 17);
}

} // namespace

TriggerEngine::TriggerEngine(const QString &instanceId, const QString &instanceName)
    : m_instanceId(instanceId)
    , m_instanceName(instanceName)
{}

void TriggerEngine::setInstance(const QString &instanceId, const QString &instanceName)
{
    m_instanceId = instanceId;
    m_instanceName = instanceName;
}

void TriggerEngine::setFlows(const QList<Flow> &flows)
{
    m_flows.clear();
    for (const Flow &flow : flows) {
        if (flow.enabled)
            m_flows.append(flow);
    }
}

bool TriggerEngine::needsDataSources() const
{
    return std::any_of(m_flows.cbegin(), m_flows.cend(), [](const Flow &flow) {
        return flow.trigger.kind == TriggerKind::DataSourceRefreshFailed ||
               flow.trigger.kind == TriggerKind::DataSourceRefreshSucceeded;
    });
}

bool TriggerEngine::needsSegments() const
{
    return std::any_of(m_flows.cbegin(), m_flows.cend(), [](const Flow &flow) {
        return flow.trigger.kind == TriggerKind::SegmentThresholdCrossed;
    });
}

bool TriggerEngine::needsMeasures() const
{
    return std::any_of(m_flows.cbegin(), m_flows.cend(), [](const Flow &flow) {
        return flow.trigger.kind == TriggerKind::MeasureThresholdCrossed;
    });
}

QString TriggerEngine::jobsStateKey(const QString &instanceId)
{
    return QStringLiteral("jobs/") + instanceId;
}

QString TriggerEngine::thresholdStateKey(const QString &instanceId, qint64 flowId)
{
    return QStringLiteral("threshold/") + instanceId + u'/' + QString::number(flowId);
}

const CiDataSource *TriggerEngine::dataSourceOf(const CiTask &task) const
{
    // Ingestion tasks carry the data source's friendly name.
    for (const CiDataSource &source : m_dataSources) {
        if (source.friendlyName == task.friendlyName)
            return &source;
    }
    for (const CiDataSource &source : m_dataSources) {
        if (source.name == task.friendlyName)
            return &source;
    }
    return nullptr;
}

bool TriggerEngine::knowsDataSourceOf(const CiTask &task) const
{
    return dataSourceOf(task) != nullptr;
}

QJsonObject TriggerEngine::instanceJson() const
{
    return {{QStringLiteral("id"), m_instanceId}, {QStringLiteral("name"), m_instanceName}};
}

Firing TriggerEngine::makeFiring(const Flow &flow, const QString &subject, const QString &eventKey,
                                 const QDateTime &detectedAt, bool caughtUp) const
{
    Firing firing;
    firing.id = Firing::makeId(flow.id, m_instanceId, flow.trigger.kind, subject, eventKey);
    firing.flowId = flow.id;
    firing.flowName = flow.name;
    firing.trigger = flow.trigger.kind;
    firing.subject = subject;
    firing.detectedAt = detectedAt;
    firing.caughtUp = caughtUp;
    firing.payload = {{QStringLiteral("trigger"), Trigger::id(flow.trigger.kind)},
                      {QStringLiteral("subject"), subject},
                      {QStringLiteral("instance"), instanceJson()},
                      {QStringLiteral("caughtUp"), caughtUp}};
    return firing;
}

QList<Firing> TriggerEngine::firingsFor(const QList<JobEvent> &events, const QDateTime &detectedAt,
                                        bool caughtUp) const
{
    QList<Firing> firings;
    for (const JobEvent &event : events) {
        switch (event.kind) {
        case JobEvent::Kind::IngestionEnded: {
            const bool succeeded = event.task.status == QLatin1String("successful");
            const bool failed = event.task.status == QLatin1String("failed");
            const bool timedOut = event.task.status == QLatin1String("timedOut");
            if (!succeeded && !failed && !timedOut)
                break; // aborted, skipped, deleted: neither
            const CiDataSource *source = dataSourceOf(event.task);
            const QString subject = source ? source->name : event.task.friendlyName;
            for (const Flow &flow : m_flows) {
                const Trigger &trigger = flow.trigger;
                if (succeeded ? trigger.kind != TriggerKind::DataSourceRefreshSucceeded
                              : trigger.kind != TriggerKind::DataSourceRefreshFailed)
                    continue;
                if (timedOut && trigger.permanentFailuresOnly)
                    continue;
                if (!trigger.subject.isEmpty()) {
                    const bool matches =
                        source ? (trigger.subject == source->name ||
                                  trigger.subject.compare(source->id, Qt::CaseInsensitive) == 0 ||
                                  trigger.subject == source->friendlyName)
                               : trigger.subject == event.task.friendlyName;
                    if (!matches)
                        continue;
                }
                Firing firing = makeFiring(flow, subject, event.task.id, detectedAt, caughtUp);
                firing.jobId = event.job.id;
                firing.occurredAt = event.task.ended;
                firing.payload.insert(QStringLiteral("job"), jobJson(event.job));
                firing.payload.insert(QStringLiteral("task"), taskJson(event.task));
                QJsonObject dataSource{{QStringLiteral("name"), subject},
                                       {QStringLiteral("friendlyName"), event.task.friendlyName}};
                if (source)
                    dataSource.insert(QStringLiteral("id"), source->id);
                firing.payload.insert(QStringLiteral("dataSource"), dataSource);
                firings.append(firing);
            }
            break;
        }
        case JobEvent::Kind::FullRefreshEnded:
        case JobEvent::Kind::UnificationEnded: {
            const TriggerKind kind = event.kind == JobEvent::Kind::FullRefreshEnded
                                         ? TriggerKind::FullRefreshCompleted
                                         : TriggerKind::UnificationRefreshCompleted;
            for (const Flow &flow : m_flows) {
                if (flow.trigger.kind != kind)
                    continue;
                if (kind == TriggerKind::FullRefreshCompleted && !flow.trigger.includeManualRefreshes &&
                    event.job.submissionKind != QLatin1String("scheduled"))
                    continue;
                Firing firing = makeFiring(flow, QString(), event.job.id, detectedAt, caughtUp);
                firing.jobId = event.job.id;
                firing.occurredAt = event.job.ended.isValid() ? event.job.ended : detectedAt;
                firing.payload.insert(QStringLiteral("job"), jobJson(event.job));
                firings.append(firing);
            }
            break;
        }
        case JobEvent::Kind::SegmentationEnded:
        case JobEvent::Kind::MeasuresEnded:
            break; // the worker fetches the new evaluation
        }
    }
    return firings;
}

TriggerEngine::ThresholdResult TriggerEngine::evaluateSegments(const QList<CiSegment> &segments,
                                                               const StateLoader &load,
                                                               const QDateTime &detectedAt,
                                                               bool caughtUp) const
{
    ThresholdResult result;
    for (const Flow &flow : m_flows) {
        if (flow.trigger.kind != TriggerKind::SegmentThresholdCrossed)
            continue;
        const CiSegment *segment = TriggerValidation::findSegment(segments, flow.trigger.subject);
        if (!segment) {
            result.problems.append(
                tr("Flow \"%1\": %2")
                    .arg(flow.name, TriggerValidation::segmentProblem(flow.trigger, segments)));
            continue;
        }
        if (!segment->entityCount)
            continue; // not evaluated yet
        observeThreshold(flow, segment->name, double(*segment->entityCount), segment->evaluationDate,
                         segment->history, QStringLiteral("segment"),
                         QJsonObject{{QStringLiteral("name"), segment->name},
                                     {QStringLiteral("friendlyName"), segment->friendlyName}},
                         load, detectedAt, caughtUp, result);
    }
    return result;
}

TriggerEngine::ThresholdResult TriggerEngine::evaluateMeasures(const QList<CiMeasure> &measures,
                                                               const StateLoader &load,
                                                               const QDateTime &detectedAt,
                                                               bool caughtUp) const
{
    ThresholdResult result;
    for (const Flow &flow : m_flows) {
        if (flow.trigger.kind != TriggerKind::MeasureThresholdCrossed)
            continue;
        if (const QString problem = TriggerValidation::measureProblem(flow.trigger, measures);
            !problem.isEmpty()) {
            result.problems.append(tr("Flow \"%1\": %2").arg(flow.name, problem));
            continue;
        }
        const CiMeasure *measure = TriggerValidation::findMeasure(measures, flow.trigger.subject);
        if (!measure->value)
            continue; // not evaluated yet
        observeThreshold(flow, measure->name, *measure->value, measure->evaluationTime, measure->history,
                         QStringLiteral("measure"),
                         QJsonObject{{QStringLiteral("name"), measure->name},
                                     {QStringLiteral("displayName"), measure->displayName}},
                         load, detectedAt, caughtUp, result);
    }
    return result;
}

QStringList TriggerEngine::measuresNeedingHistory(const QList<CiMeasure> &measures,
                                                  const StateLoader &load) const
{
    QStringList names;
    for (const Flow &flow : m_flows) {
        if (flow.trigger.kind != TriggerKind::MeasureThresholdCrossed ||
            !TriggerValidation::measureProblem(flow.trigger, measures).isEmpty())
            continue;
        const CiMeasure *measure = TriggerValidation::findMeasure(measures, flow.trigger.subject);
        if (!measure->value || !measure->evaluationTime.isValid() || names.contains(measure->name))
            continue;
        const auto state = ThresholdDetector::State::fromJson(load(thresholdStateKey(m_instanceId, flow.id)));
        if (state && state->subject == measure->name && state->evaluatedAt.isValid() &&
            measure->evaluationTime > state->evaluatedAt)
            names.append(measure->name);
    }
    return names;
}

void TriggerEngine::observeThreshold(const Flow &flow, const QString &subject, double value,
                                     const QDateTime &evaluatedAt, const QList<CiEvaluation> &history,
                                     const QString &subjectKey, const QJsonObject &subjectJson,
                                     const StateLoader &load, const QDateTime &detectedAt, bool caughtUp,
                                     ThresholdResult &result) const
{
    const QString key = thresholdStateKey(m_instanceId, flow.id);
    QList<ThresholdDetector::Evaluation> evaluations;
    evaluations.reserve(history.size() + 1);
    for (const CiEvaluation &evaluation : history)
        evaluations.append({evaluation.value, evaluation.evaluatedAt});
    evaluations.append({value, evaluatedAt}); // last: it wins over a history entry of the same time
    const auto replay = ThresholdDetector::replay(ThresholdDetector::State::fromJson(load(key)), subject,
                                                  flow.trigger.threshold, evaluations);
    if (replay.changed)
        result.states.insert(key, replay.next.toJson());
    for (const ThresholdDetector::Crossing &crossing : replay.crossings) {
        const bool found = caughtUp || !crossing.newest;
        Firing firing =
            makeFiring(flow, subject, eventKeyFor(crossing.evaluatedAt, crossing.value), detectedAt, found);
        firing.value = crossing.value;
        firing.previousValue = crossing.previousValue;
        firing.threshold = flow.trigger.threshold;
        firing.occurredAt = crossing.evaluatedAt;
        firing.payload.insert(QStringLiteral("value"), crossing.value);
        firing.payload.insert(QStringLiteral("previousValue"), crossing.previousValue);
        firing.payload.insert(QStringLiteral("threshold"), flow.trigger.threshold);
        QJsonObject subjectWithTime = subjectJson;
        subjectWithTime.insert(QStringLiteral("evaluatedAt"), timeJson(crossing.evaluatedAt));
        firing.payload.insert(subjectKey, subjectWithTime);
        result.firings.append(firing);
    }
}
