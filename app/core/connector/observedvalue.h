#pragma once

#include "cimodels.h"
#include "flow.h"

#include <QDateTime>
#include <QList>
#include <QString>

class Database;
class ObservationStore;

// A segment's member count or a measure's value as a fetched list showed it: the poll cycle commits them
// with its firings, a catalogue request on its own (ObservationStore; the flow editor's threshold chart).
struct ObservedValue
{
    TriggerKind kind;
    QString subject;
    double value;
    QDateTime at; // the evaluation time (else `now`): the same evaluation seen again is the same point

    // Every segment with a count and every measure with a value (and no dimension) of the lists.
    static QList<ObservedValue> of(const QList<CiSegment> &segments, const QList<CiMeasure> &measures,
                                   const QDateTime &now);
    // Stores them in one transaction (joining the caller's, when there is one).
    static bool record(Database &db, ObservationStore &store, const QList<ObservedValue> &values);
};
