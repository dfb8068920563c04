#pragma once

#include "cimodels.h"
#include "flow.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// Checks of a trigger against what the instance has, for the flow editor, the import and the worker. The
// connector supports only measures without a dimension (docs/triggers.md): a dimensioned one is refused at
// configuration time with a clear message.
class TriggerValidation
{
    Q_DECLARE_TR_FUNCTIONS(TriggerValidation)

public:
    // Translated sentences; empty when `trigger` can be used with `measures` / `segments`.
    static QString measureProblem(const Trigger &trigger, const QList<CiMeasure> &measures);
    static QString segmentProblem(const Trigger &trigger, const QList<CiSegment> &segments);
    // The measure a measure trigger names: the API name first, then the display name; null when none.
    static const CiMeasure *findMeasure(const QList<CiMeasure> &measures, const QString &subject);
    static const CiSegment *findSegment(const QList<CiSegment> &segments, const QString &subject);
};
