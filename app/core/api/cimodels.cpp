#include "cimodels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

namespace {

// Reads typed fields of one JSON object and remembers the first problem, with its path.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {}

    QString string(const char *key, bool required = false)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (isAbsent(value, key, required))
            return {};
        if (!value.isString())
            return fail(key, "a string is expected"), QString();
        return value.toString();
    }

    QDateTime dateTime(const char *key)
    {
        const QString text = string(key);
        if (text.isEmpty())
            return {};
        const QDateTime parsed = CiModels::parseDateTime(text);
        if (!parsed.isValid())
            fail(key, "an ISO 8601 date-time is expected");
        return parsed;
    }

    std::optional<qint64> integer(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (isAbsent(value, key, false))
            return std::nullopt;
        // JSON numbers are doubles: only whole ones within 2^53 are exact integers (and safe to convert).
        constexpr double kLargestExact = 9007199254740992.0;
        const double number = value.toDouble();
        if (!value.isDouble() || !(std::abs(number) <= kLargestExact) || number != std::trunc(number))
            return fail(key, "an integer is expected"), std::nullopt;
        return qint64(number);
    }

    QJsonArray array(const char *key, bool required = false)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (isAbsent(value, key, required))
            return {};
        if (!value.isArray())
            return fail(key, "an array is expected"), QJsonArray();
        return value.toArray();
    }

    QJsonObject object(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (isAbsent(value, key, false))
            return {};
        if (!value.isObject())
            return fail(key, "an object is expected"), QJsonObject();
        return value.toObject();
    }

    QString path(const char *key) const { return m_path + u'.' + QLatin1String(key); }
    bool ok() const { return m_error->isEmpty(); }

    void fail(const char *key, const char *problem)
    {
        if (m_error->isEmpty())
            *m_error = path(key) + QStringLiteral(": ") + QLatin1String(problem);
    }

private:
    bool isAbsent(const QJsonValue &value, const char *key, bool required)
    {
        if (!value.isUndefined() && !value.isNull())
            return false;
        if (required)
            fail(key, "is missing");
        return true;
    }

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

// Parses `json` as one JSON object; nullopt with `error` set when it is not JSON or not an object.
std::optional<QJsonObject> parseObject(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON (at offset %1: %2)")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("a JSON object is expected");
        return std::nullopt;
    }
    return document.object();
}

// Parses `json` as an array of objects and hands each to `item`.
template<typename T, typename Item>
bool parseArray(const QByteArray &json, QList<T> *out, QString *error, Item item)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON (at offset %1: %2)")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (!document.isArray()) {
        *error = QStringLiteral("a JSON array is expected");
        return false;
    }
    QString problem;
    QList<T> result;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u'[' + QString::number(i) + u']';
        if (!array.at(i).isObject()) {
            *error = path + QStringLiteral(": an object is expected");
            return false;
        }
        result.append(item(array.at(i).toObject(), path, &problem));
        if (!problem.isEmpty()) {
            *error = problem;
            return false;
        }
    }
    *out = result;
    return true;
}

// Oldest first; of two entries at the same time the later one in the payload wins.
void sortEvaluations(QList<CiEvaluation> &evaluations)
{
    std::stable_sort(
        evaluations.begin(), evaluations.end(),
        [](const CiEvaluation &a, const CiEvaluation &b) { return a.evaluatedAt < b.evaluatedAt; });
}

// The value of a scalar measure's ScalarOutput.values: one entry, keyed by the measure's name.
std::optional<double> scalarValue(Reader &output, const QJsonObject &values, const QString &name)
{
    if (values.isEmpty())
        return std::nullopt;
    const QJsonValue value = values.contains(name) ? values.value(name) : *values.begin();
    bool ok = false;
    const double number = value.toString().toDouble(&ok);
    if (!value.isString() || !ok) {
        output.fail("values", "a number in a string is expected");
        return std::nullopt;
    }
    return number;
}

CiMeasure readMeasure(const QJsonObject &object, const QString &path, QString *problem)
{
    Reader r(object, path, problem);
    CiMeasure measure;
    measure.name = r.string("name", true);
    measure.displayName = r.string("displayName");
    Reader definition(r.object("definition"), r.path("definition"), problem);
    measure.hasDimensions = !definition.array("dimensions").isEmpty();
    Reader output(r.object("output"), r.path("output"), problem);
    measure.evaluationTime = output.dateTime("evaluationTime");
    const QJsonObject values = output.object("values");
    if (!measure.hasDimensions)
        measure.value = scalarValue(output, values, measure.name);
    const QJsonArray history = r.array("outputHistory");
    for (qsizetype i = 0; i < history.size(); ++i) {
        if (!history.at(i).isObject()) {
            r.fail("outputHistory", "objects are expected");
            break;
        }
        Reader entry(history.at(i).toObject(), r.path("outputHistory") + u'[' + QString::number(i) + u']',
                     problem);
        const QDateTime at = entry.dateTime("evaluationTime");
        const QJsonObject entryValues = entry.object("values");
        if (measure.hasDimensions)
            continue;
        const std::optional<double> value = scalarValue(entry, entryValues, measure.name);
        if (at.isValid() && value)
            measure.history.append({at, *value});
    }
    sortEvaluations(measure.history);
    return measure;
}

CiTask readTask(const QJsonObject &object, const QString &path, QString *error)
{
    Reader r(object, path, error);
    CiTask task;
    task.id = r.string("taskId", true);
    task.status = r.string("taskStatus", true);
    task.operationType = r.string("operationType");
    task.friendlyName = r.string("friendlyName");
    const QJsonArray jobIds = r.array("jobIds");
    for (const QJsonValue &id : jobIds) {
        if (!id.isString())
            r.fail("jobIds", "strings are expected");
        task.jobIds << id.toString();
    }
    task.submitted = r.dateTime("submittedTimestamp");
    task.ended = r.dateTime("endTimestamp");
    QStringList errors;
    const QJsonArray ciErrors = r.array("ciErrors");
    for (const QJsonValue &ciError : ciErrors) {
        const QString message = ciError.toObject().value(u"message").toString();
        if (!message.isEmpty())
            errors << message;
    }
    if (const QString single = r.object("ciError").value(u"message").toString(); !single.isEmpty())
        errors << single;
    task.errorText = errors.join(u"; ");
    return task;
}

CiJob readJob(const QJsonObject &object, const QString &path, QString *error)
{
    Reader r(object, path, error);
    CiJob job;
    job.id = r.string("jobId", true);
    job.status = r.string("jobStatus", true);
    job.submissionKind = r.string("jobSubmissionKind");
    job.operationType = r.string("operationType");
    job.submitted = r.dateTime("submittedTimestamp");
    job.ended = r.dateTime("endTimestamp");
    const QJsonArray tasks = r.array("tasks");
    for (qsizetype i = 0; i < tasks.size() && r.ok(); ++i) {
        const QString taskPath = r.path("tasks") + u'[' + QString::number(i) + u']';
        if (!tasks.at(i).isObject()) {
            *error = taskPath + QStringLiteral(": an object is expected");
            break;
        }
        job.tasks << readTask(tasks.at(i).toObject(), taskPath, error);
    }
    return job;
}

} // namespace

namespace CiModels {

bool isTerminal(const QString &status)
{
    static const QStringList terminal{QStringLiteral("failed"),     QStringLiteral("timedOut"),
                                      QStringLiteral("aborted"),    QStringLiteral("deleted"),
                                      QStringLiteral("successful"), QStringLiteral("skipped")};
    return terminal.contains(status);
}

QDateTime parseDateTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    QDateTime result = QDateTime::fromString(match.captured(1), Qt::ISODate);
    if (!result.isValid())
        return {};
    const QString offset = match.captured(3);
    if (offset.isEmpty() || offset == u"Z") {
        result.setTimeSpec(Qt::UTC);
    } else {
        const int sign = offset.startsWith(u'-') ? -1 : 1;
        const int seconds = sign * (offset.mid(1, 2).toInt() * 3600 + offset.mid(4, 2).toInt() * 60);
        result.setOffsetFromUtc(seconds);
    }
    // Fractions past milliseconds are truncated.
    const QString fraction = QString(match.captured(2) + QStringLiteral("000")).left(3);
    return result.addMSecs(fraction.toInt()).toUTC();
}

bool parseInstances(const QByteArray &json, QList<CiInstance> *out, QString *error)
{
    return parseArray(json, out, error, [](const QJsonObject &object, const QString &path, QString *problem) {
        Reader r(object, path, problem);
        return CiInstance{r.string("instanceId", true), r.string("name"), r.string("instanceType"),
                          r.string("azureRegion")};
    });
}

bool parseJobs(const QByteArray &json, QList<CiJob> *out, QString *error)
{
    return parseArray(json, out, error, readJob);
}

bool parseJob(const QByteArray &json, CiJob *out, QString *error)
{
    QList<CiJob> jobs;
    if (!parseJobs('[' + json + ']', &jobs, error))
        return false;
    if (jobs.size() != 1) {
        *error = QStringLiteral("one job object is expected");
        return false;
    }
    *out = jobs.constFirst();
    return true;
}

bool parseHistory(const QByteArray &json, QList<CiTask> *out, QString *error)
{
    return parseArray(json, out, error, readTask);
}

bool parseDataSources(const QByteArray &json, QList<CiDataSource> *out, QString *error)
{
    return parseArray(json, out, error, [](const QJsonObject &object, const QString &path, QString *problem) {
        Reader outer(object, path, problem);
        Reader r(outer.object("dataSourceMetadata"), outer.path("dataSourceMetadata"), problem);
        CiDataSource source;
        source.id = r.string("dataSourceId", true);
        source.name = r.string("name");
        source.friendlyName = r.string("friendlyName");
        source.refreshState = r.string("refreshState");
        source.lastRefresh = r.dateTime("lastRefresh");
        return source;
    });
}

bool parseSegments(const QByteArray &json, QList<CiSegment> *out, QString *error)
{
    return parseArray(json, out, error, [](const QJsonObject &object, const QString &path, QString *problem) {
        Reader r(object, path, problem);
        CiSegment segment;
        segment.name = r.string("name", true);
        segment.friendlyName = r.string("friendlyName");
        segment.state = r.string("state");
        Reader stats(r.object("evaluationStatus"), r.path("evaluationStatus"), problem);
        segment.evaluationStatus = stats.string("jobStatus");
        segment.evaluationDate = stats.dateTime("evaluationDate");
        segment.entityCount = stats.integer("entityCount");
        const QJsonArray history = r.array("evaluationStatusHistory");
        for (qsizetype i = 0; i < history.size(); ++i) {
            const QString entryPath = r.path("evaluationStatusHistory") + u'[' + QString::number(i) + u']';
            if (!history.at(i).isObject()) {
                r.fail("evaluationStatusHistory", "objects are expected");
                break;
            }
            Reader entry(history.at(i).toObject(), entryPath, problem);
            const QDateTime at = entry.dateTime("evaluationDate");
            const std::optional<qint64> count = entry.integer("entityCount");
            entry.string("jobStatus");
            if (at.isValid() && count)
                segment.history.append({at, double(*count)});
        }
        sortEvaluations(segment.history);
        return segment;
    });
}

bool parseMeasures(const QByteArray &json, QList<CiMeasure> *out, QString *error)
{
    return parseArray(json, out, error, readMeasure);
}

bool parseMeasure(const QByteArray &json, CiMeasure *out, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(json, error);
    if (!object)
        return false;
    QString problem;
    CiMeasure measure = readMeasure(*object, QString(), &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    *out = measure;
    return true;
}

bool parseRowsPage(const QByteArray &json, CiRowsPage *out, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(json, error);
    if (!object)
        return false;
    QString problem;
    Reader r(*object, QString(), &problem);
    CiRowsPage page;
    const QJsonArray value = r.array("value", true);
    for (const QJsonValue &row : value) {
        if (!row.isObject()) {
            r.fail("value", "rows must be objects");
            break;
        }
        page.rows << row.toObject();
    }
    page.count = r.integer("@odata.count");
    if (!problem.isEmpty()) {
        *error = problem.mid(1); // no leading dot at the top level
        return false;
    }
    *out = page;
    return true;
}

bool parseEntities(const QByteArray &json, QList<CiEntity> *out, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(json, error);
    if (!object)
        return false;
    QString problem;
    Reader model(*object, QString(), &problem);
    model.string("instanceId");
    const QJsonArray entities = model.array("entities");
    QList<CiEntity> result;
    for (qsizetype i = 0; i < entities.size() && problem.isEmpty(); ++i) {
        const QString path = model.path("entities") + u'[' + QString::number(i) + u']';
        if (!entities.at(i).isObject()) {
            problem = path + QStringLiteral(": an object is expected");
            break;
        }
        Reader r(entities.at(i).toObject(), path, &problem);
        CiEntity entity;
        entity.name = r.string("name", true);
        entity.qualifiedName = r.string("qualifiedEntityName");
        entity.dataSourceName = r.string("dataSourceName");
        const QJsonArray attributes = r.array("attributes");
        for (qsizetype a = 0; a < attributes.size() && problem.isEmpty(); ++a) {
            const QString attributePath = r.path("attributes") + u'[' + QString::number(a) + u']';
            if (!attributes.at(a).isObject()) {
                problem = attributePath + QStringLiteral(": an object is expected");
                break;
            }
            Reader attribute(attributes.at(a).toObject(), attributePath, &problem);
            entity.attributes << attribute.string("name", true);
        }
        result << entity;
    }
    if (!problem.isEmpty()) {
        *error = problem.startsWith(u'.') ? problem.mid(1) : problem; // no leading dot at the top level
        return false;
    }
    *out = result;
    return true;
}

QString errorCode(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().value(u"errorCode").toString();
}

QString errorMessage(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QString message = object.value(u"message").toString();
    const QString code = object.value(u"errorCode").toString();
    if (!code.isEmpty() && !message.isEmpty())
        message = code + QStringLiteral(": ") + message;
    return message;
}

} // namespace CiModels
