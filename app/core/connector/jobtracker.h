#pragma once

#include "cimodels.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

// What happened in the job list since the last look: the leading signal of the connector (docs/triggers.md).
//
//   GET workflows/main/jobs?top=N&includeTasks=true  (newest first)
//        |
//   observe() --> one event per task that became terminal, per full refresh job that ended and per job whose
//                 map, match and merge tasks are all terminal; each exactly once (the tracker remembers the
//                 tasks and jobs it reported for every job still running)
//
// The first observation is a baseline: what is already over is not reported. Afterwards a job is new when
// it is above the newest job of the previous listing; jobs below it are looked at only while they run. When
// a listing does not reach back to the newest job seen (or to a running job), needsDeeperListing() asks for
// a larger `top` first: that is the catch-up after an outage. The state is a JSON object saved in the
// DetectorStateStore together with the firings it produced.
struct JobEvent
{
    enum class Kind
    {
        IngestionEnded,    // an ingestion task reached a terminal status (task)
        SegmentationEnded, // a segmentation task ended: the segments have a new evaluation
        MeasuresEnded,     // a measures task ended: the measures have a new evaluation
        FullRefreshEnded,  // a job with operationType "all" reached a terminal status (job)
        UnificationEnded,  // the map, match and merge tasks of a job are all terminal (job)
    };

    Kind kind = Kind::IngestionEnded;
    CiJob job;   // without its tasks
    CiTask task; // the task of the task kinds
};

class JobTracker
{
public:
    bool isInitialized() const { return m_initialized; }
    bool hasOpenJobs() const { return !m_open.isEmpty(); }
    QString newestJobId() const { return m_newestJobId; }
    QStringList openJobIds() const { return m_open.keys(); }

    // The events of `jobs` (newest first, as the service lists them) not reported before, oldest first.
    // `exhaustive`: the listing holds every job there is to see (fewer than asked for, or the deepest
    // listing allowed): running jobs missing from it are given up.
    QList<JobEvent> observe(const QList<CiJob> &jobs, bool exhaustive);

    // Whether `jobs`, the answer to top=`requested`, misses the newest job seen before or a running job.
    bool needsDeeperListing(const QList<CiJob> &jobs, int requested) const;
    // The `top` that reaches the oldest running job of the last listing, at least `minimum`.
    int suggestedTop(int minimum) const;

    QJsonObject toJson() const;
    static JobTracker fromJson(const QJsonObject &json);

    // Whether the map, match and merge tasks of `job` are all present and terminal.
    static bool unificationDone(const CiJob &job);

private:
    bool m_initialized = false;
    QString m_newestJobId;
    QMap<QString, QSet<QString>> m_open; // running job -> the task ids and job keys already reported
    int m_deepestOpenIndex = -1;         // position of the oldest running job in the last listing
};
