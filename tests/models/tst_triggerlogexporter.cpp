#include "database.h"
#include "firinglog.h"
#include "triggerlog/triggerlogexporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDateTime kNow(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

Firing makeFiring(int n, const QString &subject, const QJsonObject &payload = {})
{
    Firing f;
    f.flowId = 1;
    f.flowName = QStringLiteral("Flow, \"quoted\"");
    f.trigger = TriggerKind::SegmentThresholdCrossed;
    f.subject = subject;
    f.value = 10 + n;
    f.threshold = 10;
    f.jobId = QStringLiteral("job-%1").arg(n);
    f.detectedAt = kNow.addSecs(-n);
    f.payload = payload;
    f.id = Firing::makeId(f.flowId, QStringLiteral("inst"), f.trigger, f.subject, f.jobId);
    return f;
}

// A small RFC 4180 reader: records of fields.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record << field;
            field.clear();
            records << record;
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

} // namespace

class TestTriggerLogExporter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    std::unique_ptr<FiringLog> m_log;
    QList<Firing> m_firings;

    QByteArray runExport(TriggerLogExporter::Format format, const TriggerLogFilter &filter = {},
                         int *exported = nullptr)
    {
        TriggerLogExporter exporter(*m_log);
        exporter.setChunkSize(2); // several event-loop turns
        exporter.setFilter(filter, kNow);
        const QString path =
            m_dir.filePath(format == TriggerLogExporter::Format::Csv ? QStringLiteral("out.csv")
                                                                     : QStringLiteral("out.json"));
        QFile::remove(path);
        QSignalSpy finished(&exporter, &TriggerLogExporter::finished);
        QSignalSpy progress(&exporter, &TriggerLogExporter::progress);
        if (!exporter.start(path, format))
            return "start failed: " + exporter.errorString().toUtf8();
        if (!finished.wait(5000) || !finished.at(0).at(0).toBool())
            return "export failed";
        if (exporter.isRunning() || progress.isEmpty() || progress.constLast().at(0).toInt() != 100)
            return "no progress";
        if (exported)
            *exported = finished.at(0).at(1).toInt();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return "no file";
        return file.readAll();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(m_dir.path(), QStringLiteral("test")));
        m_log = std::make_unique<FiringLog>(m_db);
        m_firings = {
            makeFiring(1, QStringLiteral("plain")),
            makeFiring(2, QStringLiteral("comma, inside")),
            makeFiring(3, QStringLiteral("say \"hi\"")),
            makeFiring(4, QStringLiteral("two\nlines\r\nhere")),
            makeFiring(5, QStringLiteral("שלום עולם 🎉 مرحبا"),
                       {{QStringLiteral("note"), QStringLiteral("emoji 🚀, \"quotes\"\nnewline")}}),
        };
        bool ok = false;
        m_log->record(m_firings, &ok);
        QVERIFY(ok);
        StepRun run;
        run.firingId = m_firings.at(0).id;
        run.status = StepRun::failed();
        run.httpStatus = 500;
        run.detail = QStringLiteral("Server error, \"retry\" later");
        QVERIFY(m_log->recordStepRun(run));
    }

    void cleanupTestCase() { m_log.reset(); }

    void csvField_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("plain") << QStringLiteral("abc") << QByteArray("abc");
        QTest::addRow("empty") << QString() << QByteArray("");
        QTest::addRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::addRow("quote") << QStringLiteral("say \"x\"") << QByteArray("\"say \"\"x\"\"\"");
        QTest::addRow("newline") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
        QTest::addRow("carriage return") << QStringLiteral("a\rb") << QByteArray("\"a\rb\"");
        QTest::addRow("emoji") << QStringLiteral("🎉") << QByteArray("\xF0\x9F\x8E\x89");
    }

    void csvField()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(TriggerLogExporter::csvField(text), expected);
    }

    void csvRoundTrips()
    {
        int exported = 0;
        const QByteArray bytes = runExport(TriggerLogExporter::Format::Csv, {}, &exported);
        QVERIFY2(bytes.startsWith("\xEF\xBB\xBF"), bytes.left(40).constData());
        QCOMPARE(exported, 5);
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(records.size(), 6);
        const QStringList header = records.at(0);
        QCOMPARE(header.first(), QStringLiteral("id"));
        for (const QStringList &record : records)
            QCOMPARE(record.size(), header.size());
        const int subject = int(header.indexOf(QStringLiteral("subject")));
        const int flow = int(header.indexOf(QStringLiteral("flow")));
        const int errors = int(header.indexOf(QStringLiteral("errors")));
        const int payload = int(header.indexOf(QStringLiteral("payload")));
        const int status = int(header.indexOf(QStringLiteral("status")));
        // Newest first: n = 1 .. 5.
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(records.at(i + 1).at(subject), m_firings.at(i).subject);
            QCOMPARE(records.at(i + 1).at(flow), m_firings.at(i).flowName);
        }
        QCOMPARE(records.at(1).at(errors), QStringLiteral("Server error, \"retry\" later"));
        QCOMPARE(records.at(1).at(status), QStringLiteral("failed"));
        QCOMPARE(QJsonDocument::fromJson(records.at(5).at(payload).toUtf8()).object(),
                 m_firings.at(4).payload);
    }

    void jsonIsValid()
    {
        const QByteArray bytes = runExport(TriggerLogExporter::Format::Json);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.isArray());
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), 5);
        for (int i = 0; i < 5; ++i) {
            const QJsonObject object = array.at(i).toObject();
            QCOMPARE(object.value(QStringLiteral("id")).toString(), m_firings.at(i).id);
            QCOMPARE(object.value(QStringLiteral("subject")).toString(), m_firings.at(i).subject);
            QCOMPARE(object.value(QStringLiteral("trigger")).toString(),
                     QStringLiteral("segmentThresholdCrossed"));
            QCOMPARE(object.value(QStringLiteral("detectedAt")).toString(),
                     m_firings.at(i).detectedAt.toString(Qt::ISODateWithMs));
        }
        const QJsonArray steps = array.at(0).toObject().value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps.at(0).toObject().value(QStringLiteral("httpStatus")).toInt(), 500);
        QCOMPARE(array.at(4).toObject().value(QStringLiteral("payload")).toObject(), m_firings.at(4).payload);
    }

    void exportsTheFilteredView()
    {
        TriggerLogFilter filter;
        filter.text = QStringLiteral("🎉");
        int exported = 0;
        QJsonDocument document =
            QJsonDocument::fromJson(runExport(TriggerLogExporter::Format::Json, filter, &exported));
        QCOMPARE(exported, 1);
        QCOMPARE(document.array().size(), 1);
        QCOMPARE(document.array().at(0).toObject().value(QStringLiteral("jobId")).toString(),
                 QStringLiteral("job-5"));

        filter = TriggerLogFilter();
        filter.range = TriggerLogFilter::Range::Custom;
        filter.customFrom = kNow.addSecs(-3);
        filter.customTo = kNow.addSecs(-2);
        document = QJsonDocument::fromJson(runExport(TriggerLogExporter::Format::Json, filter, &exported));
        QCOMPARE(exported, 2);
        QCOMPARE(document.array().size(), 2);

        filter.customFrom = kNow.addDays(1);
        filter.customTo = kNow.addDays(2);
        document = QJsonDocument::fromJson(runExport(TriggerLogExporter::Format::Json, filter, &exported));
        QCOMPARE(exported, 0);
        QVERIFY(document.isArray());
        QCOMPARE(document.array().size(), 0);
    }

    void cancelLeavesNoFile()
    {
        TriggerLogExporter exporter(*m_log);
        exporter.setChunkSize(1);
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        QSignalSpy finished(&exporter, &TriggerLogExporter::finished);
        QVERIFY(exporter.start(path, TriggerLogExporter::Format::Csv));
        QVERIFY(!exporter.start(path, TriggerLogExporter::Format::Csv));
        exporter.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(finished.at(0).at(2).toString().isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void unwritablePathFails()
    {
        TriggerLogExporter exporter(*m_log);
        QVERIFY(!exporter.start(m_dir.filePath(QStringLiteral("missing/folder/out.csv")),
                                TriggerLogExporter::Format::Csv));
        QVERIFY(!exporter.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTriggerLogExporter)
#include "tst_triggerlogexporter.moc"
