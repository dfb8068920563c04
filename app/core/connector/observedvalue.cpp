#include "observedvalue.h"

#include "database.h"
#include "observationstore.h"

QList<ObservedValue> ObservedValue::of(const QList<CiSegment> &segments, const QList<CiMeasure> &measures,
                                       const QDateTime &now)
{
    const QDateTime utc = now.toUTC();
    QList<ObservedValue> values;
    for (const CiSegment &segment : segments) {
        if (segment.entityCount)
            values.append({TriggerKind::SegmentThresholdCrossed, segment.name, double(*segment.entityCount),
                           segment.evaluationDate.isValid() ? segment.evaluationDate : utc});
    }
    for (const CiMeasure &measure : measures) {
        if (measure.value && !measure.hasDimensions)
            values.append({TriggerKind::MeasureThresholdCrossed, measure.name, *measure.value,
                           measure.evaluationTime.isValid() ? measure.evaluationTime : utc});
    }
    return values;
}

bool ObservedValue::record(Database &db, ObservationStore &store, const QList<ObservedValue> &values)
{
    if (values.isEmpty())
        return true;
    Database::Transaction transaction(db);
    bool ok = transaction.isActive();
    for (const ObservedValue &value : values) {
        if (!ok)
            break;
        ok = store.record(value.kind, value.subject, value.value, value.at);
    }
    return ok && transaction.commit();
}
