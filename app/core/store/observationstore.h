#pragma once

#include "flow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

class Database;

// One observed value of a segment (its member count) or of a measure.
struct Observation
{
    QDateTime at; // UTC: when the service evaluated it (else when the worker saw it)
    double value = 0;

    friend bool operator==(const Observation &, const Observation &) = default;
};

// The segment member counts and measure values the connector worker observed (table `observations`), for
// the small chart beside the threshold field of the flow editor. The worker records every segment and
// measure of a list it fetched (once per fetch, not per flow), in the same transaction as the firings and
// detector state of that cycle; the GUI reads them through its own connection.
//
// One row per (kind, subject, at): `at` is the evaluation time, so the same evaluation seen again (a
// reconcile, a restart) replaces its value instead of adding a point. Bounded: each subject keeps its
// newest kMaxPerSubject observations.
//
// Failures return false / empty with Database::errorString() set.
class ObservationStore
{
    Q_DECLARE_TR_FUNCTIONS(ObservationStore)

public:
    static constexpr int kMaxPerSubject = 500;

    explicit ObservationStore(Database &db); // `db` must be open and outlive the store

    // `kind`: SegmentThresholdCrossed or MeasureThresholdCrossed (false for any other); `subject`: the
    // segment's or measure's API name.
    bool record(TriggerKind kind, const QString &subject, double value, const QDateTime &at);
    // The newest `limit` observations of `subject`, oldest first.
    QList<Observation> recent(TriggerKind kind, const QString &subject, int limit = 60);

private:
    Database &m_db;
};
