// The views show hostile strings as text, never as markup: flow names, segment names and step errors (an
// HTTP endpoint's answer ends up there) reach the trigger log's model, its detail pane and tooltips; names
// and descriptions reach the destination tiles. Qt renders a label or a tooltip as rich text when its text
// merely looks like HTML (Qt::AutoText), so every place must either be Qt::PlainText or escape.
//
// Checks:
// - every tooltip a model hands out is plain text, or rich text in which the hostile string is escaped;
// - every QLabel of the detail pane that shows a hostile string is Qt::PlainText, or escapes it;
// - the steps section (rich text built by the pane) shows each hostile string literally;
// - delegates that paint names (the item views' plain delegate, the destination tile delegate) draw the
//   hostile string itself (recorded by a paint engine), not its markup rendered.
#include "database.h"
#include "destinations/destinationcataloguemodel.h"
#include "exportdestinations/destinationtiledelegate.h"
#include "exportdestinations/destinationtileview.h"
#include "firinglog.h"
#include "hostilestrings.h"
#include "triggerlog/triggerlogdetails.h"
#include "triggerlog/triggerlogmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPaintEngine>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

namespace {

// A paint device that records the text drawn on it: a delegate that renders markup draws the rendered
// words ("bold"), one that draws plain text draws the markup itself ("<b>bold</b>").
class TextRecorder : public QPaintDevice
{
public:
    QPaintEngine *paintEngine() const override { return &m_engine; }
    QStringList texts() const { return m_engine.texts; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return 20000;
        case PdmHeight:
            return 400;
        case PdmWidthMM:
            return 5292;
        case PdmHeightMM:
            return 106;
        case PdmNumColors:
            return INT_MAX;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    class Engine : public QPaintEngine
    {
    public:
        // Without PainterPaths, QPainter hands text to drawTextItem() instead of turning it into paths.
        Engine()
            : QPaintEngine(PaintEngineFeatures(AllFeatures & ~PainterPaths))
        {}
        bool begin(QPaintDevice *) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState &) override {}
        void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
        void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
        void drawTextItem(const QPointF &, const QTextItem &textItem) override
        {
            texts.append(textItem.text());
        }
        Type type() const override { return QPaintEngine::User; }
        QStringList texts;
    };
    mutable Engine m_engine;
};

// Plain text for a tooltip or label: Qt shows it as typed, whatever it holds.
bool isSafeRichTextHolder(const QString &shown, const QString &hostile)
{
    if (!shown.contains(hostile) || !HostileStrings::hasMarkup(hostile))
        return true;
    return !Qt::mightBeRichText(shown);
}

QStringList drawnTexts(const QAbstractItemDelegate &delegate, const QModelIndex &index, const QSize &size,
                       const QWidget *view)
{
    TextRecorder device;
    QPainter painter(&device);
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), size);
    option.state = QStyle::State_Enabled;
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.palette = QApplication::palette();
    option.decorationSize = QSize(16, 16);
    option.widget = view;
    delegate.paint(&painter, option, index);
    painter.end();
    return device.texts();
}

bool drawnLiterally(const QStringList &texts, const QString &hostile)
{
    const QString joined = texts.join(QString());
    // A long string is elided: its start is enough, but it must be its literal start.
    return joined.contains(hostile.left(40));
}

Firing hostileFiring(int n, const QString &text)
{
    Firing f;
    f.flowId = 1;
    f.flowName = text;
    f.trigger = TriggerKind::SegmentThresholdCrossed;
    f.subject = text;
    f.value = 1300;
    f.previousValue = 1200;
    f.threshold = 1250;
    f.jobId = QStringLiteral("job-%1").arg(n);
    f.detectedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC).addSecs(n);
    f.occurredAt = f.detectedAt.addSecs(-2);
    f.payload = {{QStringLiteral("segment"), text}};
    f.id = Firing::makeId(f.flowId, QStringLiteral("instance"), f.trigger, f.subject, f.jobId);
    return f;
}

void addHostileRows()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("script") << HostileStrings::script();
    QTest::addRow("attribute") << HostileStrings::attribute();
    QTest::addRow("markup") << HostileStrings::markup();
    QTest::addRow("long") << HostileStrings::longName();
    QTest::addRow("rtl") << HostileStrings::rtl();
    QTest::addRow("emoji") << HostileStrings::emoji();
}

} // namespace

class TestHostileViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_db;
    std::unique_ptr<FiringLog> m_log;
    int m_next = 0;

    // One firing whose flow, subject, payload and failed step carry `text`.
    Firing record(const QString &text)
    {
        Firing firing = hostileFiring(m_next++, text);
        m_log->record({firing});
        StepRun run;
        run.firingId = firing.id;
        run.stepIndex = 0;
        run.attempt = 1;
        run.status = StepRun::failed();
        run.httpStatus = 400;
        run.startedAt = firing.detectedAt;
        run.finishedAt = firing.detectedAt.addMSecs(250);
        run.detail = QStringLiteral("HTTP 400: ") + text;
        m_log->recordStepRun(run);
        return firing;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_db.open(m_dir.path(), QStringLiteral("test")));
        m_log = std::make_unique<FiringLog>(m_db);
    }

    void cleanupTestCase()
    {
        m_log.reset();
        m_db.close();
    }

    void triggerLogModel_data() { addHostileRows(); }
    void triggerLogModel()
    {
        QFETCH(QString, text);
        const Firing firing = record(text);
        QVERIFY(m_log->get(firing.id).has_value());
        TriggerLogModel model(*m_log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, 0).data(TriggerLogModel::FiringIdRole).toString() == firing.id)
                row = r;
        }
        QVERIFY(row >= 0);
        // Display text is the string itself (item views draw DisplayRole as plain text).
        QCOMPARE(model.index(row, TriggerLogModel::FlowColumn).data().toString(), text);
        QCOMPARE(model.index(row, TriggerLogModel::SubjectColumn).data().toString(), text);

        bool tooltipsSafe = true;
        for (int column = 0; column < model.columnCount(); ++column) {
            const QString tip = model.index(row, column).data(Qt::ToolTipRole).toString();
            tooltipsSafe = tooltipsSafe && isSafeRichTextHolder(tip, text) &&
                           isSafeRichTextHolder(tip, QStringLiteral("HTTP 400: ") + text);
        }
        QVERIFY(tooltipsSafe);

        QTableView view;
        view.setModel(&model);
        // The plain item delegate the other columns use draws the name itself, not rendered markup.
        QStyledItemDelegate plain;
        if (HostileStrings::hasMarkup(text))
            QVERIFY2(drawnLiterally(drawnTexts(plain, model.index(row, TriggerLogModel::FlowColumn),
                                               QSize(19000, 24), &view),
                                    text),
                     "the flow name was not drawn as typed");
    }

    void triggerLogDetails_data() { addHostileRows(); }
    void triggerLogDetails()
    {
        QFETCH(QString, text);
        const Firing firing = record(text);
        TriggerLogDetails details;
        details.showFiring(TriggerLogRecord::fromFiring(firing, m_log->stepRuns(firing.id)),
                           m_log->stepRuns(firing.id), {text}, 1);

        // The steps section (built as HTML by the pane) shows the step name and the error as typed.
        const QString steps = details.stepsText();
        QVERIFY2(steps.contains(text.left(40)), qPrintable(steps.left(300)));
        QVERIFY(steps.contains(QStringLiteral("HTTP 400: ") + text.left(40)));
        // The payload is plain text: the JSON of the string, as typed.
        const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        QVERIFY(details.payloadText().contains(QString::fromUtf8(json.mid(2, json.size() - 4)).left(40)));

        QStringList unsafe;
        bool titleSafe = true;
        for (QLabel *label : details.findChildren<QLabel *>()) {
            if (!label->text().contains(text) || label->textFormat() == Qt::PlainText ||
                isSafeRichTextHolder(label->text(), text))
                continue;
            if (label->objectName() == QLatin1String("detailsTitleLabel"))
                titleSafe = false;
            else
                unsafe.append(label->objectName());
        }
        QVERIFY2(unsafe.isEmpty(), qPrintable(unsafe.join(u',')));
        QVERIFY(titleSafe);
    }

    void destinationTiles_data() { addHostileRows(); }
    void destinationTiles()
    {
        QFETCH(QString, text);
        const QJsonObject catalogue{
            {QStringLiteral("version"), 1},
            {QStringLiteral("destinations"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("hostile")},
                             {QStringLiteral("name"), text},
                             {QStringLiteral("category"), DestinationCatalogueModel::categories().value(0)},
                             {QStringLiteral("icon"), QStringLiteral("power-automate.svg")},
                             {QStringLiteral("configurable"), false},
                             {QStringLiteral("docsUrl"), QStringLiteral("https://learn.microsoft.com/")},
                             {QStringLiteral("description"), QJsonObject{{QStringLiteral("en"), text}}}}}}};
        const QString path = m_dir.filePath(QStringLiteral("catalogue.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QJsonDocument(catalogue).toJson());
        }
        DestinationCatalogueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(model.load(path), qPrintable(model.errorString()));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex index = model.index(0, 0);

        DestinationTileView view;
        view.setModel(&model);
        DestinationTileDelegate delegate;
        delegate.setTileWidth(19000);
        const QStringList drawn = drawnTexts(delegate, index, QSize(19000, 200), &view);
        QVERIFY(!drawn.isEmpty());
        if (HostileStrings::hasMarkup(text)) // (right-to-left text is drawn in runs, in visual order)
            QVERIFY2(drawnLiterally(drawn, text), qPrintable(drawn.join(u'|').left(400)));

        const QString tip = index.data(Qt::ToolTipRole).toString();
        QVERIFY(isSafeRichTextHolder(tip, text));
    }
};

QTEST_MAIN(TestHostileViews)
#include "tst_hostileviews.moc"
