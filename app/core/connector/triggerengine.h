#pragma once

#include "cimodels.h"
#include "firinglog.h"
#include "flow.h"
#include "jobtracker.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <functional>

// Turns what the detectors saw into firings of the enabled flows (docs/triggers.md). Pure: no network, no
// database. The worker feeds it the job events, the segments and the measures of one instance and stores
// the firings and the new threshold states in one transaction.
//
//   JobEvent (ingestion task ended)  -> dataSourceRefreshFailed / dataSourceRefreshSucceeded, once per task
//   JobEvent (full refresh ended)    -> fullRefreshCompleted, once per job (scheduled unless the flow
//                                       includes manual refreshes)
//   JobEvent (map+match+merge done)  -> unificationRefreshCompleted, once per job
//   segments / measures              -> segmentThresholdCrossed / measureThresholdCrossed, once per crossing
//                                       (ThresholdDetector; state per flow and subject). Their evaluation
//                                       history, when given, is replayed from the last evaluation seen,
//                                       so a crossing between two looks fires too (caughtUp).
//
// Subjects are API names: a data source's name or dataSourceId, a segment's or measure's name; the friendly
// (display) name matches when no API name does.
class TriggerEngine
{
    Q_DECLARE_TR_FUNCTIONS(TriggerEngine)

public:
    using StateLoader = std::function<QJsonObject(const QString &key)>;

    struct ThresholdResult
    {
        QList<Firing> firings;
        QHash<QString, QJsonObject> states; // key -> new state, to save with the firings
        QStringList problems;               // translated: flows that cannot fire as configured
    };

    TriggerEngine() = default;
    TriggerEngine(const QString &instanceId, const QString &instanceName);

    void setInstance(const QString &instanceId, const QString &instanceName);
    void setFlows(const QList<Flow> &flows);
    void setDataSources(const QList<CiDataSource> &dataSources) { m_dataSources = dataSources; }
    QString instanceId() const { return m_instanceId; }

    bool needsDataSources() const;
    bool needsSegments() const;
    bool needsMeasures() const;
    // Whether the data source of an ingestion task is in the catalogue (else refresh it before matching).
    bool knowsDataSourceOf(const CiTask &task) const;

    QList<Firing> firingsFor(const QList<JobEvent> &events, const QDateTime &detectedAt, bool caughtUp) const;
    ThresholdResult evaluateSegments(const QList<CiSegment> &segments, const StateLoader &load,
                                     const QDateTime &detectedAt, bool caughtUp) const;
    // The measures (API names) whose evaluation history is worth a call (GET manage/measures/{name}): an
    // enabled flow watches it, has seen it before (a baseline needs no history) and its current evaluation
    // is newer than the last one that flow saw.
    QStringList measuresNeedingHistory(const QList<CiMeasure> &measures, const StateLoader &load) const;
    ThresholdResult evaluateMeasures(const QList<CiMeasure> &measures, const StateLoader &load,
                                     const QDateTime &detectedAt, bool caughtUp) const;

    static QString jobsStateKey(const QString &instanceId);
    static QString thresholdStateKey(const QString &instanceId, qint64 flowId);

private:
    // One observation of a flow's segment or measure: updates its crossing state and fires on a crossing.
    // `subjectJson` describes the subject in the payload under `subjectKey` ("segment", "measure").
    // `history` is replayed first (ThresholdDetector::replay): a crossing found only there is caughtUp.
    void observeThreshold(const Flow &flow, const QString &subject, double value,
                          const QDateTime &evaluatedAt, const QList<CiEvaluation> &history,
                          const QString &subjectKey, const QJsonObject &subjectJson, const StateLoader &load,
                          const QDateTime &detectedAt, bool caughtUp, ThresholdResult &result) const;
    const CiDataSource *dataSourceOf(const CiTask &task) const;
    Firing makeFiring(const Flow &flow, const QString &subject, const QString &eventKey,
                      const QDateTime &detectedAt, bool caughtUp) const;
    QJsonObject instanceJson() const;

    QString m_instanceId;
    QString m_instanceName;
    QList<Flow> m_flows; // enabled flows only
    QList<CiDataSource> m_dataSources;
};
