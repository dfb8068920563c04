#pragma once

#include "firinglog.h"
#include "jobtracker.h"
#include "observedvalue.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// What one poll cycle of the connector worker found, kept apart until ConnectorWorker::commit() writes all
// of it in one transaction: the job history after the cycle's listing, the firings, the detector states
// and the observed values. Nothing of it is stored or announced before then.
struct PollCycle
{
    QElapsedTimer started;
    bool dataSourcesRetried = false;    // a listing named an unknown data source: read them once again
    std::optional<JobTracker> tracker;  // after this cycle's job listing
    QList<Firing> firings;              // not yet in the firing log
    QHash<QString, QJsonObject> states; // detector states by key (TriggerEngine)
    QList<ObservedValue> observations;
    bool segmentsEvaluated = false; // (if the commit fails, they are evaluated again)
    bool measuresEvaluated = false;
};
