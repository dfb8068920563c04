#pragma once

// The parts of the Customer Insights API's wire format (../shared/ci-api-schema.json) that the connector
// reads, and their strict parsers: a payload whose shape is wrong is an error naming the place, never a
// silently defaulted value. Unknown keys are ignored, as the official client does.

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct CiInstance
{
    QString id;
    QString name;
    QString type;
    QString region;
};

struct CiTask
{
    QString id;
    QString status; // queued, needsUpdate, running, failed, timedOut, aborted, deleted, successful, skipped
    QString operationType;
    QString friendlyName;
    QStringList jobIds;
    QDateTime submitted;
    QDateTime ended;
    QString errorText; // from ciErrors / ciError, when present
};

struct CiJob
{
    QString id;
    QString status;
    QString submissionKind; // onDemand, scheduled
    QString operationType;
    QDateTime submitted;
    QDateTime ended;
    QList<CiTask> tasks;
};

struct CiDataSource
{
    QString id;
    QString name;
    QString friendlyName;
    QString refreshState;
    QDateTime lastRefresh;
};

// One past evaluation of a segment (HistoricalSegmentStats) or a scalar measure (outputHistory's
// ScalarOutput): when, and the member count or the value.
struct CiEvaluation
{
    QDateTime evaluatedAt;
    double value = 0;
    friend bool operator==(const CiEvaluation &, const CiEvaluation &) = default;
};

struct CiSegment
{
    QString name;
    QString friendlyName;
    QString state;
    QString evaluationStatus; // SegmentationPublishStats.jobStatus (PascalCase on the wire)
    QDateTime evaluationDate;
    std::optional<qint64> entityCount;
    // evaluationStatusHistory (only with includeHistoricStats=true), oldest first; entries without a count
    // or a time are left out. It may include the current evaluation.
    QList<CiEvaluation> history;
};

struct CiMeasure
{
    QString name;
    QString displayName;
    bool hasDimensions = false;  // the connector only supports measures without a dimension
    std::optional<double> value; // the scalar value (ScalarOutput.values travel as strings)
    QDateTime evaluationTime;
    // outputHistory (GET manage/measures/{name}?includeHistoricStats=true), oldest first; scalar measures
    // only, entries without a value or a time are left out. It may include the current evaluation.
    QList<CiEvaluation> history;
};

// One entity of GET instances/{id}/manage/entities (IEntityMetadata): what Get items can read.
struct CiEntity
{
    QString name;           // what GET instances/{id}/data/{entity} takes
    QString qualifiedName;  // qualifiedEntityName ("PosTransactions_Purchases"); may be empty
    QString dataSourceName; // empty for unified and derived entities
    QStringList attributes; // attribute names, in the service's order
};

struct CiRowsPage
{
    QList<QJsonObject> rows;
    std::optional<qint64> count;
};

namespace CiModels {

// Whether a task or job status is final.
bool isTerminal(const QString &status);

// ISO 8601 as the service writes it: up to 7 fraction digits, an offset or none (UTC is assumed).
QDateTime parseDateTime(const QString &text);

// Each parser returns false and sets `error` ("[3].jobStatus: a string is expected") on a malformed
// payload; `out` is untouched then.
bool parseInstances(const QByteArray &json, QList<CiInstance> *out, QString *error);
bool parseJobs(const QByteArray &json, QList<CiJob> *out, QString *error);
bool parseJob(const QByteArray &json, CiJob *out, QString *error);
bool parseHistory(const QByteArray &json, QList<CiTask> *out, QString *error);
bool parseDataSources(const QByteArray &json, QList<CiDataSource> *out, QString *error);
bool parseSegments(const QByteArray &json, QList<CiSegment> *out, QString *error);
bool parseMeasures(const QByteArray &json, QList<CiMeasure> *out, QString *error);
// GET instances/{id}/manage/measures/{name}: ONE MeasureMetadata object.
bool parseMeasure(const QByteArray &json, CiMeasure *out, QString *error);
bool parseRowsPage(const QByteArray &json, CiRowsPage *out, QString *error);
// GET instances/{id}/manage/entities: ONE IC360EntityModel object {instanceId, entities: [IEntityMetadata]}.
bool parseEntities(const QByteArray &json, QList<CiEntity> *out, QString *error);

// The message of an ApiErrorResult or ODataError body; empty when the body is neither.
QString errorMessage(const QByteArray &json);
// Its errorCode ("MissingSubscriptionKey"); empty when there is none.
QString errorCode(const QByteArray &json);

} // namespace CiModels
