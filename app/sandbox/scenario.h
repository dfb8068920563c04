#pragma once

#include "customertable.h"
#include "eventlog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>
#include <optional>

class SandboxClock;

// The state of the emulated instance and the clock that moves it.
//
// A job is a list of stages run one after the other; a full refresh is
//   ingestion (one task per data source, side by side) -> map -> match -> merge -> segmentation -> measures
// Each tick of the scenario clock ends the running stage of every job (deciding its outcome) and starts the
// next. Segmentation re-evaluates the segments and measures the measures: each value swings around its base
// (a slow wave over six evaluations, so it rises and falls within a few minutes) plus seeded noise;
// ingestion now and then fails. Every random draw comes from one generator seeded with
// --seed and is made in a fixed order, so the same seed and the same ticks give the same history.
class Scenario : public QObject
{
    Q_OBJECT

public:
    struct Instance
    {
        QString id;
        QString name;
        QString type;
        QString region;
        QString scaleUnitId;
        QDateTime created;
    };

    struct DataSource
    {
        QString id;
        QString name;
        QString friendlyName;
        QString kind;
        QStringList entityNames;
        double failureRate = 0;
        QDateTime created;
        QDateTime lastRefresh;
        QString refreshState = QStringLiteral("notUpdated");
    };

    struct SegmentEvaluation
    {
        QDateTime date;
        qint64 count = 0;
        QString jobStatus;
    };

    struct Segment
    {
        QString name;
        QString friendlyName;
        QString description;
        qint64 baseCount = 0;
        qint64 count = 0;
        double volatility = 0;
        double phase = 0; // of the slow swing around the base count
        int evaluations = 0;
        QDateTime created;
        QString jobStatus = QStringLiteral("None"); // SegmentationPublishStats.jobStatus
        QDateTime evaluationDate;
        QString lastRunId;
        QList<SegmentEvaluation> history; // newest last
    };

    struct MeasureEvaluation
    {
        QDateTime time;
        QMap<QString, double> values;
        QString runId;
    };

    struct Measure
    {
        QString name;
        QString displayName;
        QString description;
        QString dimension; // empty: a scalar measure without dimension
        QMap<QString, double> base;
        QMap<QString, double> values; // scalar measures: one entry keyed by the measure name
        double volatility = 0;
        double phase = 0;
        int evaluations = 0;
        int decimals = 2;
        QDateTime created;
        QString state = QStringLiteral("none"); // Evaluation.state: none, running, completed, failed
        QDateTime evaluationTime;
        QString lastRunId;
        QList<MeasureEvaluation> history; // newest last

        bool isScalar() const { return dimension.isEmpty(); }
    };

    struct Task
    {
        QString id;
        QString operationType;
        QString friendlyName;
        QString status = QStringLiteral("queued");
        QString dataSourceId; // ingestion tasks
        QDateTime submitted;
        QDateTime end;
        QString failWith; // decided at submission: "", "failed" or "timedOut"
        QString errorMessage;
    };

    struct Job
    {
        QString id;
        QString operationType;
        QString submissionKind; // onDemand, scheduled
        QString status = QStringLiteral("queued");
        QDateTime submitted;
        QDateTime end;
        QStringList identifiers;
        QList<QList<Task>> stages;
        int currentStage = -1;

        bool isTerminal() const;
        QList<Task> tasks() const;
    };

    enum class RefreshKind
    {
        Full,
        Unification,
        DataSource,
        Segmentation,
        Measures,
    };

    struct RefreshRequest
    {
        RefreshKind kind = RefreshKind::Full;
        QString dataSource; // id or name; required for DataSource, optional failing source for Full
        bool fail = false;
        bool scheduled = false;
    };

    // The scenario JSON: `file`, or the built-in Contoso Retail one when `file` is empty. Checks the shape.
    static std::optional<QJsonObject> loadDefinition(const QString &file, QString *error);
    static bool validate(const QJsonObject &definition, QString *error);

    Scenario(const QJsonObject &definition, quint64 seed, std::shared_ptr<const SandboxClock> clock,
             QObject *parent = nullptr);

    // Runs the clock: one tick every 250 ms / speed (at least 10 ms); each tick is speed x its real length
    // of scenario time. Tests call tick() themselves instead.
    void start(double speed);
    void stop();
    void tick(qint64 scenarioMs);

    std::optional<QString> submit(const RefreshRequest &request, QString *error);
    bool cancel(const QString &jobId);
    std::optional<QString> setSegmentCount(const QString &name, qint64 count, QString *error);
    std::optional<QString> setMeasureValues(const QString &name, const QMap<QString, double> &values,
                                            QString *error);

    const Instance &instance() const { return m_instance; }
    const QList<DataSource> &dataSources() const { return m_dataSources; }
    const QList<Segment> &segments() const { return m_segments; }
    const QList<Measure> &measures() const { return m_measures; }
    const QList<Job> &jobs() const { return m_jobs; } // oldest first
    const Job *findJob(const QString &id) const;
    const DataSource *findDataSource(const QString &idOrName) const;
    const Segment *findSegment(const QString &name) const;
    const Measure *findMeasure(const QString &name) const;
    const CustomerTable &customers() const { return m_customers; }
    const EventLog &events() const { return m_events; } // what happened since the start, for tests
    qint64 scenarioMs() const { return m_scenarioMs; }

    // Everything that depends on the seed, as JSON: the determinism check and GET /sandbox/control/state.
    QJsonObject snapshot() const;

signals:
    void jobFinished(const QString &jobId, const QString &status);

private:
    QString newId();
    double uniform(); // [-1, 1)
    Job makeJob(const RefreshRequest &request, const QDateTime &at);
    // A one-task on-demand job of `kind` that has just completed successfully, as the service reports an
    // evaluation made outside a refresh (control API: set a segment count or a measure value).
    Job makeCompletedJob(RefreshKind kind, const QDateTime &at);
    void startJob(Job &job, const QDateTime &at);
    void advanceJob(Job &job, const QDateTime &at);
    void finishTask(Task &task, const QDateTime &at);
    void startTask(Task &task, const QDateTime &at);
    void evaluateSegments(const QDateTime &at, const QString &runId);
    void evaluateMeasures(const QDateTime &at, const QString &runId);
    void submitScheduledRefresh(const QDateTime &at);
    void seedHistory(int days);
    void trimJobs();
    void logTaskEnded(const Job &job, const Task &task);
    void logJobEnded(const Job &job);
    void logSegment(const Segment &segment, bool initial = false);
    void logMeasure(const Measure &measure, bool initial = false);

    std::shared_ptr<const SandboxClock> m_clock;
    QRandomGenerator m_rng;
    Instance m_instance;
    QList<DataSource> m_dataSources;
    QList<Segment> m_segments;
    QList<Measure> m_measures;
    QList<Job> m_jobs;
    CustomerTable m_customers;
    EventLog m_events;
    bool m_recording = false; // off while the seeded history is made up
    qint64 m_scenarioMs = 0;
    qint64 m_nextScheduledMs = 0;
    qint64 m_periodMs = 30000;
    int m_forceFailureAfter = 3;
    int m_cleanScheduledRefreshes = 0;
    double m_speed = 1.0;
    QTimer m_timer;
};
