#pragma once

#include "firinglog.h"
#include "flow.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// The verdicts of the soak run, as pure functions of what the sandbox recorded and what the worker
// stored: unit-tested by tst_soakcheck, applied by the soak driver.
//
//   sandbox EventLog (GET /sandbox/control/events) ─┐
//   flows (ids, triggers)                           ├─ expectedEvents() ─> one Expected per (flow, event)
//   window [startSeq, endSeq)                       ┘
//   firings (the worker's database) ──────────────── matchFirings() ───> lost, duplicates, unexpected
//
// An event is what one flow should fire for once (docs/triggers.md):
//   dataSourceRefresh*     a "taskEnded" ingestion task with the matching status and data source (task id)
//   fullRefreshCompleted   a "jobEnded" job with operationType "all", scheduled unless the flow includes
//                          manual refreshes (job id)
//   unification...         a job whose map, match and merge tasks have all ended (job id)
//   *ThresholdCrossed      a crossing run: the evaluations from one that went from <= threshold to
//                          > threshold up to the last one above it. The worker only sees the latest
//                          evaluation when it looks, so a firing for any evaluation of the run counts
//                          (a late detection), but only one per run.
//
// Only events inside the window are expected: those before `startSeq` happened before the worker's first
// look (its baseline), those from `endSeq` on after the run stopped. A firing of an event outside the
// window is neither expected nor wrong; a firing that matches no recorded event at all is unexpected.
namespace SoakCheck {

struct Expected
{
    QString key; // "<flowId>/<event key>"
    qint64 flowId = 0;
    TriggerKind trigger = TriggerKind::DataSourceRefreshFailed;
    QString what; // for the report: subject, job or task id, when
    qint64 seq = 0;
    QDateTime at;
    int firings = 0;
};

struct Expectation
{
    QList<Expected> expected;       // inside the window
    QHash<QString, qint64> outside; // keys of events outside the window -> their seq
    // Threshold flows: every recorded evaluation of their subject, to place a firing's evaluation time.
    // key "<flowId>/<evaluation time in ms>" -> the key of its run ("" when it is no crossing run: not
    // above the threshold, or above it since the baseline), and -> its seq.
    QHash<QString, QString> evaluationRuns;
    QHash<QString, qint64> evaluationSeqs;
    QHash<QString, qint64> runSeqs; // run key -> seq of its first evaluation
    // Threshold flows: the evaluations of their subject in order (ms since the epoch), each above the
    // threshold or not, and the key of the crossing run it belongs to ("" when none).
    struct Evaluation
    {
        qint64 atMs = 0;
        bool above = false;
        QString run;
    };
    QHash<qint64, QList<Evaluation>> timelines; // by flow id
    int sandboxEvents = 0; // events of the record inside the window, whether a flow matches them or not
};

struct Verdict
{
    int expected = 0;
    int matched = 0;
    QList<Expected> lost;       // expected, never fired
    QList<Expected> duplicated; // expected, fired more than once (firings = how many)
    int duplicates = 0;         // firings beyond the first, over all events
    QStringList unexpected;     // firings that match no recorded event: "<firing id> <flow> <why>"
    int outside = 0;            // firings of events outside the window
    int late = 0;               // threshold firings for a later evaluation of their run
    QMap<TriggerKind, int> expectedByTrigger, lostByTrigger;
};

Expectation expectedEvents(const QList<Flow> &flows, const QJsonArray &events, qint64 startSeq,
                           qint64 endSeq);
Verdict matchFirings(const Expectation &expectation, const QList<Flow> &flows, const QList<Firing> &firings);

// When the worker got the current values of the segments and of the measures (ms since the epoch, from
// the sandbox's call record: served list calls it lived to process).
struct Observations
{
    QList<qint64> segments;
    QList<qint64> measures;
};

// The lost threshold crossings no look at the current value could have seen. Replaying the worker's looks
// (each sees the evaluation current at that time) through the crossing rule, a run is visible only when a
// look inside it follows a look at or below the threshold; when the dip before it or the whole run fell
// between two looks (the worker was down, held by a 429, signed out, or not fast enough), only the
// evaluation history of the API shows it.
QList<Expected> unobservable(const QList<Expected> &lost, const Expectation &expectation,
                             const Observations &observations);

// Ids printed more than once on --headless stdout over every run of the worker (a repeated firing).
QStringList repeatedIds(const QList<QByteArray> &stdoutOfEachRun);

// The deliveries of one step of one firing as the receiving end saw them, against the step's outcome.
struct Delivery
{
    QDateTime at; // when the receiver got it
    bool answered2xx = true;
};

struct DeliveryVerdict
{
    int resentAfterSuccess = 0; // received after the worker had recorded the step as succeeded: a bug
    int resentUnexcused = 0;    // a delivery after a 2xx answer, with no worker kill in between: a bug
    int resentAfterKill = 0;    // a delivery after a 2xx answer that a kill kept from being recorded
};

// `succeededAt`: when the worker recorded the step as succeeded (invalid: never). `kills`: when the
// worker process was killed.
DeliveryVerdict checkDeliveries(QList<Delivery> deliveries, const QDateTime &succeededAt,
                                const QList<QDateTime> &kills);

// RSS samples (kB) of one worker process over its life, oldest first: the mean of the last third against
// the mean of the first third. `growthKb` is set; returns false when it grew beyond max(`minKb`,
// `fraction` of the first third).
bool memoryFlat(const QList<qint64> &samplesKb, qint64 minKb, double fraction, qint64 *growthKb);

} // namespace SoakCheck
