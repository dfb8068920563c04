#include "triggervalidation.h"

const CiMeasure *TriggerValidation::findMeasure(const QList<CiMeasure> &measures, const QString &subject)
{
    for (const CiMeasure &measure : measures) {
        if (measure.name == subject)
            return &measure;
    }
    for (const CiMeasure &measure : measures) {
        if (measure.displayName == subject)
            return &measure;
    }
    return nullptr;
}

const CiSegment *TriggerValidation::findSegment(const QList<CiSegment> &segments, const QString &subject)
{
    for (const CiSegment &segment : segments) {
        if (segment.name == subject)
            return &segment;
    }
    for (const CiSegment &segment : segments) {
        if (segment.friendlyName == subject)
            return &segment;
    }
    return nullptr;
}

QString TriggerValidation::measureProblem(const Trigger &trigger, const QList<CiMeasure> &measures)
{
    if (trigger.kind != TriggerKind::MeasureThresholdCrossed)
        return {};
    const CiMeasure *measure = findMeasure(measures, trigger.subject);
    if (!measure)
        return tr("The measure \"%1\" does not exist in this instance.").arg(trigger.subject);
    if (measure->hasDimensions)
        return tr("The measure \"%1\" has a dimension. The connector supports only business measures without "
                  "a dimension: choose another measure.")
            .arg(measure->displayName.isEmpty() ? measure->name : measure->displayName);
    return {};
}

QString TriggerValidation::segmentProblem(const Trigger &trigger, const QList<CiSegment> &segments)
{
    if (trigger.kind != TriggerKind::SegmentThresholdCrossed)
        return {};
    if (!findSegment(segments, trigger.subject))
        return tr("The segment \"%1\" does not exist in this instance.").arg(trigger.subject);
    return {};
}
