#include "soakcheck.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace SoakCheck {

namespace {

bool isThreshold(TriggerKind kind)
{
    return kind == TriggerKind::SegmentThresholdCrossed || kind == TriggerKind::MeasureThresholdCrossed;
}

QString flowKey(qint64 flowId, const QString &eventKey)
{
    return QString::number(flowId) + u'/' + eventKey;
}

QString evaluationKey(qint64 flowId, const QDateTime &at)
{
    return flowKey(flowId, QString::number(at.toMSecsSinceEpoch()));
}

bool sourceMatches(const Trigger &trigger, const QJsonObject &event)
{
    if (trigger.subject.isEmpty())
        return true;
    return trigger.subject == event.value(QStringLiteral("dataSource")).toString() ||
           trigger.subject.compare(event.value(QStringLiteral("dataSourceId")).toString(),
                                   Qt::CaseInsensitive) == 0 ||
           trigger.subject == event.value(QStringLiteral("friendlyName")).toString();
}

struct ThresholdState
{
    bool seen = false;
    double last = 0;
    QString run;
};

} // namespace

Expectation expectedEvents(const QList<Flow> &flows, const QJsonArray &events, qint64 startSeq, qint64 endSeq)
{
    Expectation result;
    QHash<QString, QSet<QString>> unificationTasks; // job id -> which of map, match, merge ended
    QHash<qint64, ThresholdState> thresholds;       // flow id -> its view of its subject

    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        const qint64 seq = event.value(QStringLiteral("seq")).toInteger();
        const bool inside = seq >= startSeq && seq < endSeq;
        const QDateTime at =
            QDateTime::fromString(event.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
        const QString type = event.value(QStringLiteral("type")).toString();
        if (inside)
            ++result.sandboxEvents;
        const auto add = [&](const Flow &flow, const QString &eventKey, const QString &what) {
            const QString key = flowKey(flow.id, eventKey);
            if (!inside) {
                result.outside.insert(key, seq);
                return;
            }
            result.expected.append({key, flow.id, flow.trigger.kind, what, seq, at, 0});
        };

        if (type == QLatin1String("taskEnded")) {
            const QString operation = event.value(QStringLiteral("operationType")).toString();
            const QString status = event.value(QStringLiteral("status")).toString();
            const QString jobId = event.value(QStringLiteral("jobId")).toString();
            if (operation == QLatin1String("ingestion")) {
                const bool succeeded = status == QLatin1String("successful");
                const bool timedOut = status == QLatin1String("timedOut");
                const bool failed = status == QLatin1String("failed") || timedOut;
                const QString taskId = event.value(QStringLiteral("taskId")).toString();
                for (const Flow &flow : flows) {
                    const Trigger &trigger = flow.trigger;
                    const bool wanted =
                        (trigger.kind == TriggerKind::DataSourceRefreshSucceeded && succeeded) ||
                        (trigger.kind == TriggerKind::DataSourceRefreshFailed && failed &&
                         !(timedOut && trigger.permanentFailuresOnly));
                    if (wanted && sourceMatches(trigger, event)) {
                        add(flow, QStringLiteral("task/") + taskId,
                            QStringLiteral("%1 %2 task %3 of job %4")
                                .arg(event.value(QStringLiteral("dataSource")).toString(), status, taskId,
                                     jobId));
                    }
                }
            } else if (operation == QLatin1String("map") || operation == QLatin1String("match") ||
                       operation == QLatin1String("merge")) {
                QSet<QString> &ended = unificationTasks[jobId];
                ended.insert(operation);
                if (ended.size() == 3) {
                    for (const Flow &flow : flows) {
                        if (flow.trigger.kind == TriggerKind::UnificationRefreshCompleted)
                            add(flow, QStringLiteral("job/") + jobId,
                                QStringLiteral("unification of job %1").arg(jobId));
                    }
                    unificationTasks.remove(jobId);
                }
            }
        } else if (type == QLatin1String("jobEnded")) {
            if (event.value(QStringLiteral("operationType")).toString() != QLatin1String("all"))
                continue;
            const QString jobId = event.value(QStringLiteral("jobId")).toString();
            const bool scheduled =
                event.value(QStringLiteral("submissionKind")).toString() == QLatin1String("scheduled");
            for (const Flow &flow : flows) {
                if (flow.trigger.kind == TriggerKind::FullRefreshCompleted &&
                    (scheduled || flow.trigger.includeManualRefreshes)) {
                    add(flow, QStringLiteral("job/") + jobId,
                        QStringLiteral("full refresh %1 (%2, %3)")
                            .arg(jobId, event.value(QStringLiteral("submissionKind")).toString(),
                                 event.value(QStringLiteral("status")).toString()));
                }
            }
        } else if (type == QLatin1String("segmentEvaluated") || type == QLatin1String("measureEvaluated")) {
            const bool segment = type == QLatin1String("segmentEvaluated");
            const QString subject =
                event.value(segment ? QStringLiteral("segment") : QStringLiteral("measure")).toString();
            const QJsonValue measured = segment
                                            ? event.value(QStringLiteral("count"))
                                            : event.value(QStringLiteral("values")).toObject().value(subject);
            if (!measured.isDouble())
                continue; // a measure with a dimension: no flow may watch it
            const double number = measured.toDouble();
            const TriggerKind kind =
                segment ? TriggerKind::SegmentThresholdCrossed : TriggerKind::MeasureThresholdCrossed;
            for (const Flow &flow : flows) {
                if (flow.trigger.kind != kind || flow.trigger.subject != subject)
                    continue;
                ThresholdState &state = thresholds[flow.id];
                const double threshold = flow.trigger.threshold;
                if (!state.seen) {
                    state.seen = true; // the baseline: above the threshold is no crossing
                } else if (state.last <= threshold && number > threshold) {
                    state.run = QStringLiteral("run/") + QString::number(seq);
                    result.runSeqs.insert(flowKey(flow.id, state.run), seq);

                    add(flow, state.run,
                        QStringLiteral("%1 %2 -> %3 (threshold %4) at %5")
                            .arg(subject, QString::number(state.last, 'f', 2),
                                 QString::number(number, 'f', 2), QString::number(threshold, 'f', 2),
                                 at.toString(Qt::ISODateWithMs)));
                } else if (number <= threshold) {
                    state.run.clear();
                }
                state.last = number;
                const QString evaluation = evaluationKey(flow.id, at);
                result.evaluationRuns.insert(evaluation,
                                             state.run.isEmpty() ? QString() : flowKey(flow.id, state.run));
                result.evaluationSeqs.insert(evaluation, seq);
                result.timelines[flow.id].append(
                    {at.toMSecsSinceEpoch(), number > threshold,
                     state.run.isEmpty() ? QString() : flowKey(flow.id, state.run)});
            }
        }
    }
    return result;
}

Verdict matchFirings(const Expectation &expectation, const QList<Flow> &flows, const QList<Firing> &firings)
{
    Verdict verdict;
    QHash<qint64, Flow> flowsById;
    for (const Flow &flow : flows)
        flowsById.insert(flow.id, flow);
    QList<Expected> expected = expectation.expected;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < expected.size(); ++i)
        index.insert(expected.at(i).key, i);

    for (const Firing &firing : firings) {
        if (firing.test)
            continue;
        const auto flow = flowsById.constFind(firing.flowId);
        const QString described = firing.id.left(12) + u' ' + firing.flowName;
        if (flow == flowsById.cend()) {
            verdict.unexpected.append(described + QStringLiteral(": unknown flow"));
            continue;
        }
        QString key;
        bool late = false;
        const TriggerKind kind = flow->trigger.kind;
        if (kind == TriggerKind::DataSourceRefreshFailed || kind == TriggerKind::DataSourceRefreshSucceeded) {
            const QString taskId = firing.payload.value(QStringLiteral("task"))
                                       .toObject()
                                       .value(QStringLiteral("id"))
                                       .toString();
            key = flowKey(flow->id, QStringLiteral("task/") + taskId);
        } else if (isThreshold(kind)) {
            const QString evaluation = evaluationKey(flow->id, firing.occurredAt);
            if (!expectation.evaluationRuns.contains(evaluation)) {
                verdict.unexpected.append(
                    described + QStringLiteral(": no evaluation of %1 at %2")
                                    .arg(firing.subject, firing.occurredAt.toString(Qt::ISODateWithMs)));
                continue;
            }
            key = expectation.evaluationRuns.value(evaluation);
            if (key.isEmpty()) {
                verdict.unexpected.append(
                    described + QStringLiteral(": the evaluation of %1 at %2 (%3) is no crossing")
                                    .arg(firing.subject, firing.occurredAt.toString(Qt::ISODateWithMs),
                                         QString::number(firing.value.value_or(-1), 'f', 2)));
                continue;
            }
            late = expectation.evaluationSeqs.value(evaluation) != expectation.runSeqs.value(key);
        } else {
            key = flowKey(flow->id, QStringLiteral("job/") + firing.jobId);
        }
        if (const auto at = index.constFind(key); at != index.cend()) {
            ++expected[*at].firings;
            verdict.late += late ? 1 : 0;
        } else if (expectation.outside.contains(key)) {
            ++verdict.outside;
        } else {
            verdict.unexpected.append(described + QStringLiteral(": no such event (%1)").arg(key));
        }
    }

    verdict.expected = int(expected.size());
    for (const Expected &event : std::as_const(expected)) {
        ++verdict.expectedByTrigger[event.trigger];
        if (event.firings == 0) {
            verdict.lost.append(event);
            ++verdict.lostByTrigger[event.trigger];
            continue;
        }
        ++verdict.matched;
        if (event.firings > 1) {
            verdict.duplicated.append(event);
            verdict.duplicates += event.firings - 1;
        }
    }
    return verdict;
}

QList<Expected> unobservable(const QList<Expected> &lost, const Expectation &expectation,
                             const Observations &observations)
{
    QList<Expected> result;
    for (const Expected &event : lost) {
        if (!isThreshold(event.trigger))
            continue;
        const QList<Expectation::Evaluation> timeline = expectation.timelines.value(event.flowId);
        QList<qint64> looks = event.trigger == TriggerKind::SegmentThresholdCrossed ? observations.segments
                                                                                    : observations.measures;
        std::sort(looks.begin(), looks.end());
        // What each look saw: the last evaluation at or before it.
        const auto seen = [&](qint64 at) -> const Expectation::Evaluation * {
            const auto after = std::upper_bound(timeline.cbegin(), timeline.cend(), at,
                                                [](qint64 time, const Expectation::Evaluation &evaluation) {
                                                    return time < evaluation.atMs;
                                                });
            return after == timeline.cbegin() ? nullptr : &*(after - 1);
        };
        bool visible = false;
        for (qsizetype i = 1; i < looks.size() && !visible; ++i) {
            const Expectation::Evaluation *before = seen(looks.at(i - 1));
            const Expectation::Evaluation *now = seen(looks.at(i));
            visible = before && now && !before->above && now->run == event.key;
        }
        if (!visible)
            result.append(event);
    }
    return result;
}

QStringList repeatedIds(const QList<QByteArray> &stdoutOfEachRun)
{
    QHash<QString, int> counts;
    QStringList order;
    for (const QByteArray &output : stdoutOfEachRun) {
        const QList<QByteArray> lines = output.split('\n');
        for (const QByteArray &line : lines) {
            // A run killed while printing leaves a partial last line: not JSON, not a firing.
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            const QString id = object.value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                continue;
            if (counts[id]++ == 1)
                order.append(id);
        }
    }
    return order;
}

DeliveryVerdict checkDeliveries(QList<Delivery> deliveries, const QDateTime &succeededAt,
                                const QList<QDateTime> &kills)
{
    std::stable_sort(deliveries.begin(), deliveries.end(),
                     [](const Delivery &a, const Delivery &b) { return a.at < b.at; });
    DeliveryVerdict verdict;
    QDateTime last2xx;
    for (const Delivery &delivery : std::as_const(deliveries)) {
        if (last2xx.isValid()) {
            if (succeededAt.isValid() && delivery.at > succeededAt) {
                ++verdict.resentAfterSuccess;
            } else {
                const bool killed = std::any_of(kills.cbegin(), kills.cend(), [&](const QDateTime &kill) {
                    return kill >= last2xx && kill <= delivery.at;
                });
                ++(killed ? verdict.resentAfterKill : verdict.resentUnexcused);
            }
        }
        if (delivery.answered2xx)
            last2xx = delivery.at;
    }
    return verdict;
}

bool memoryFlat(const QList<qint64> &samplesKb, qint64 minKb, double fraction, qint64 *growthKb)
{
    *growthKb = 0;
    const qsizetype third = samplesKb.size() / 3;
    if (third == 0)
        return true;
    const auto mean = [](auto begin, auto end) {
        return double(std::accumulate(begin, end, qint64(0))) / double(std::distance(begin, end));
    };
    const double first = mean(samplesKb.cbegin(), samplesKb.cbegin() + third);
    const double last = mean(samplesKb.cend() - third, samplesKb.cend());
    *growthKb = qint64(last - first);
    return last - first <= std::max(double(minKb), fraction * first);
}

} // namespace SoakCheck
