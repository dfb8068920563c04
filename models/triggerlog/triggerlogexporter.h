#pragma once

#include "triggerlogfiltermodel.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

class FiringLog;
class QSaveFile;

// Writes the firings a TriggerLogFilter selects, newest first, to a CSV (RFC 4180: comma separated, CRLF
// line ends, fields with a comma, quote or line break quoted and quotes doubled; UTF-8 with a byte order mark
// so spreadsheets read it as UTF-8) or JSON file (one array of objects). The whole store is read, not only
// the rows the view has loaded, in chunks of chunkSize() firings, one chunk per event-loop turn, so the GUI
// stays responsive; progress() reports as it goes. The file appears only when complete (QSaveFile).
class TriggerLogExporter : public QObject
{
    Q_OBJECT

public:
    enum class Format
    {
        Csv,
        Json
    };
    Q_ENUM(Format)

    // `log` must outlive the exporter.
    explicit TriggerLogExporter(FiringLog &log, QObject *parent = nullptr);
    ~TriggerLogExporter() override;

    // `now` anchors a relative range ("last hour") for the whole export.
    void setFilter(const TriggerLogFilter &filter, const QDateTime &now);
    void setStepCounts(const QHash<qint64, int> &stepCounts) { m_stepCounts = stepCounts; }
    int chunkSize() const { return m_chunkSize; }
    void setChunkSize(int firings) { m_chunkSize = qMax(1, firings); }

    // Starts writing `path`; false (errorString() set) when it cannot be created or an export runs.
    bool start(const QString &path, Format format);
    bool isRunning() const { return m_file != nullptr; }
    QString errorString() const { return m_error; }

    static QByteArray csvHeader();
    static QByteArray csvField(const QString &text);
    static QByteArray csvLine(const TriggerLogRecord &record, TriggerLogRecord::Status status, int stepCount);
    static QJsonObject jsonObject(const TriggerLogRecord &record, TriggerLogRecord::Status status,
                                  const QList<StepRun> &runs);

public slots:
    void cancel(); // discards the partial file; finished(false, ...) follows

signals:
    void progress(int percent);
    // `exported` firings were written (ok) or the export stopped (not ok; `error` says why, empty when
    // cancelled).
    void finished(bool ok, int exported, const QString &error);

private:
    void writeChunk();
    void finish(bool ok, const QString &error);

    FiringLog &m_log;
    TriggerLogFilter m_filter;
    QStringList m_words;
    QDateTime m_now, m_from, m_to;
    QHash<qint64, int> m_stepCounts;
    std::unique_ptr<QSaveFile> m_file;
    Format m_format = Format::Csv;
    QTimer m_chunkTimer;
    QDateTime m_lastDetected;
    QString m_lastId;
    qint64 m_total = 0;
    qint64 m_scanned = 0;
    int m_exported = 0;
    int m_chunkSize = 2000;
    bool m_started = false;
    QString m_error;
};
