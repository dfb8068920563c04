#include "triggerlogexporter.h"

#include "triggerlogmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue jsonTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString numberText(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', 17) : QString();
}

} // namespace

TriggerLogExporter::TriggerLogExporter(FiringLog &log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    m_chunkTimer.setSingleShot(true);
    m_chunkTimer.setInterval(0);
    connect(&m_chunkTimer, &QTimer::timeout, this, &TriggerLogExporter::writeChunk);
}

TriggerLogExporter::~TriggerLogExporter() = default;

void TriggerLogExporter::setFilter(const TriggerLogFilter &filter, const QDateTime &now)
{
    m_filter = filter;
    m_now = now;
}

QByteArray TriggerLogExporter::csvHeader()
{
    return "id,detectedAt,occurredAt,flow,trigger,subject,value,previousValue,threshold,jobId,steps,status,"
           "caughtUp,test,errors,payload\r\n";
}

QByteArray TriggerLogExporter::csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray TriggerLogExporter::csvLine(const TriggerLogRecord &record, TriggerLogRecord::Status status,
                                       int stepCount)
{
    const QString fields[] = {
        record.id,
        isoTime(record.detectedAt),
        isoTime(record.occurredAt),
        record.flowName,
        Trigger::id(record.trigger),
        record.subject,
        numberText(record.value),
        numberText(record.previousValue),
        numberText(record.threshold),
        record.jobId,
        QString::number(record.succeededSteps()) + u'/' + QString::number(record.totalSteps(stepCount)),
        TriggerLogRecord::statusId(status),
        record.caughtUp ? QStringLiteral("true") : QStringLiteral("false"),
        record.test ? QStringLiteral("true") : QStringLiteral("false"),
        record.errors,
        record.payloadText(),
    };
    QByteArray line;
    bool first = true;
    for (const QString &field : fields) {
        if (!first)
            line += ',';
        first = false;
        line += csvField(field);
    }
    return line + "\r\n";
}

QJsonObject TriggerLogExporter::jsonObject(const TriggerLogRecord &record, TriggerLogRecord::Status status,
                                           const QList<StepRun> &runs)
{
    QJsonArray steps;
    for (const StepRun &run : runs) {
        steps.append(QJsonObject{
            {QStringLiteral("step"), run.stepIndex},
            {QStringLiteral("attempt"), run.attempt},
            {QStringLiteral("status"), run.status},
            {QStringLiteral("startedAt"), jsonTime(run.startedAt)},
            {QStringLiteral("finishedAt"), jsonTime(run.finishedAt)},
            {QStringLiteral("httpStatus"), run.httpStatus},
            {QStringLiteral("detail"), run.detail},
        });
    }
    return {
        {QStringLiteral("id"), record.id},
        {QStringLiteral("flowId"), record.flowId},
        {QStringLiteral("flow"), record.flowName},
        {QStringLiteral("trigger"), Trigger::id(record.trigger)},
        {QStringLiteral("subject"), record.subject},
        {QStringLiteral("value"), jsonNumber(record.value)},
        {QStringLiteral("previousValue"), jsonNumber(record.previousValue)},
        {QStringLiteral("threshold"), jsonNumber(record.threshold)},
        {QStringLiteral("jobId"), record.jobId},
        {QStringLiteral("occurredAt"), jsonTime(record.occurredAt)},
        {QStringLiteral("detectedAt"), jsonTime(record.detectedAt)},
        {QStringLiteral("caughtUp"), record.caughtUp},
        {QStringLiteral("test"), record.test},
        {QStringLiteral("status"), TriggerLogRecord::statusId(status)},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("payload"), record.payloadObject()},
    };
}

bool TriggerLogExporter::start(const QString &path, Format format)
{
    if (m_file) {
        m_error = tr("An export is already running.");
        return false;
    }
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, file->errorString());
        return false;
    }
    m_error.clear();
    m_file = std::move(file);
    m_format = format;
    m_words = m_filter.textWords();
    m_from = m_filter.from(m_now);
    m_to = m_filter.to(m_now);
    m_lastDetected = QDateTime();
    m_lastId.clear();
    m_scanned = 0;
    m_exported = 0;
    m_started = false;
    m_total = qMax<qint64>(1, m_log.count());
    if (m_format == Format::Csv)
        m_file->write("\xEF\xBB\xBF" + csvHeader());
    else
        m_file->write("[");
    emit progress(0);
    m_chunkTimer.start();
    return true;
}

void TriggerLogExporter::writeChunk()
{
    if (!m_file)
        return;
    QList<Firing> chunk;
    if (m_started)
        chunk = m_log.olderThan(m_lastDetected, m_lastId, m_chunkSize);
    else if (m_to.isValid())
        chunk = m_log.olderThan(m_to.addMSecs(1), QStringLiteral(""), m_chunkSize);
    else
        chunk = m_log.page(0, m_chunkSize);
    m_started = true;
    bool done = chunk.size() < m_chunkSize;
    QByteArray out;
    for (const Firing &firing : std::as_const(chunk)) {
        if (m_from.isValid() && firing.detectedAt < m_from) {
            done = true;
            break;
        }
        ++m_scanned;
        const QList<StepRun> runs = m_log.stepRuns(firing.id);
        const TriggerLogRecord record = TriggerLogRecord::fromFiring(firing, runs);
        const int steps = m_stepCounts.value(record.flowId, -1);
        const TriggerLogRecord::Status status = record.status(steps);
        if (!m_filter.matches(record, status, m_now, m_words))
            continue;
        if (m_format == Format::Csv) {
            out += csvLine(record, status, steps);
        } else {
            out += m_exported == 0 ? "\n  " : ",\n  ";
            out += QJsonDocument(jsonObject(record, status, runs)).toJson(QJsonDocument::Compact);
        }
        ++m_exported;
    }
    if (!chunk.isEmpty()) {
        m_lastDetected = chunk.constLast().detectedAt;
        m_lastId = chunk.constLast().id;
    }
    if (m_file->write(out) != out.size()) {
        finish(false, tr("Writing the export failed: %1").arg(m_file->errorString()));
        return;
    }
    if (!done) {
        emit progress(int(qMin<qint64>(99, m_scanned * 100 / m_total)));
        m_chunkTimer.start();
        return;
    }
    if (m_format == Format::Json)
        m_file->write(m_exported == 0 ? "]\n" : "\n]\n");
    if (!m_file->commit()) {
        finish(false, tr("Saving the export failed: %1").arg(m_file->errorString()));
        return;
    }
    emit progress(100);
    finish(true, QString());
}

void TriggerLogExporter::cancel()
{
    if (m_file)
        finish(false, QString());
}

void TriggerLogExporter::finish(bool ok, const QString &error)
{
    m_chunkTimer.stop();
    if (m_file && !ok)
        m_file->cancelWriting();
    m_file.reset();
    m_error = error;
    emit finished(ok, m_exported, error);
}
