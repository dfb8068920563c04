#include "database.h"
#include "flowsservice.h"
#include "observationstore.h"
#include "powerautomate/thresholdchart.h"
#include "powerautomate/triggereditor.h"
#include "translations.h"
#include "triggerkinddescriptor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The trigger section of the flow editor on its own, over a catalogue built here and the observations of a
// real database: each kind shows its descriptor's texts and only its parameters.
class TestTriggerEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FlowsService> m_flows;

    static InstanceCatalogue catalogue()
    {
        InstanceCatalogue catalogue;
        catalogue.instanceName = QStringLiteral("Contoso");
        catalogue.fetchedAt = QDateTime::currentDateTimeUtc();
        CiDataSource source;
        source.name = QStringLiteral("Crm");
        catalogue.dataSources = {source};
        CiSegment segment;
        segment.name = QStringLiteral("HighValue");
        segment.friendlyName = QStringLiteral("High value");
        segment.entityCount = 1200;
        catalogue.segments = {segment};
        CiMeasure plain;
        plain.name = QStringLiteral("Revenue");
        plain.value = 10.5;
        CiMeasure dimensioned;
        dimensioned.name = QStringLiteral("RevenueByCountry");
        dimensioned.hasDimensions = true;
        catalogue.measures = {plain, dimensioned};
        return catalogue;
    }

    template<typename T>
    static T *child(QWidget &editor, const char *name)
    {
        return editor.findChild<T *>(QLatin1String(name));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(Translations::install(*QCoreApplication::instance(), QStringLiteral("en"))); // plural forms
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(m_dir->path(), QStringLiteral("test")), qPrintable(m_db->errorString()));
        m_flows = std::make_unique<FlowsService>(*m_db);
    }

    void cleanup()
    {
        m_flows.reset();
        m_db.reset();
        m_dir.reset();
    }

    void eachKindShowsItsDescriptorAndParameters_data()
    {
        QTest::addColumn<int>("kind");
        for (const TriggerKindDescriptor &descriptor : TriggerKindDescriptor::all())
            QTest::addRow("%s", qPrintable(descriptor.id)) << int(descriptor.kind);
    }

    void eachKindShowsItsDescriptorAndParameters()
    {
        QFETCH(int, kind);
        const TriggerKindDescriptor &descriptor = TriggerKindDescriptor::of(TriggerKind(kind));
        TriggerEditor editor(*m_flows);
        editor.show();
        Trigger trigger;
        trigger.kind = descriptor.kind;
        editor.setTrigger(trigger);
        QCOMPARE(child<QLabel>(editor, "triggerDescriptionLabel")->text(), descriptor.description());
        QCOMPARE(child<QLabel>(editor, "triggerLimitsLabel")->text(), descriptor.limits());
        QCOMPARE(child<QComboBox>(editor, "subjectComboBox")->isVisible(), descriptor.takes(u"subject"));
        QCOMPARE(child<QDoubleSpinBox>(editor, "thresholdSpinBox")->isVisible(),
                 descriptor.takes(u"threshold"));
        QCOMPARE(child<QCheckBox>(editor, "permanentOnlyCheckBox")->isVisible(),
                 descriptor.takes(u"permanentFailuresOnly"));
        QCOMPARE(child<QCheckBox>(editor, "includeManualCheckBox")->isVisible(),
                 descriptor.takes(u"includeManualRefreshes"));
        QCOMPARE(editor.trigger().kind, descriptor.kind);
    }

    void aSegmentShowsItsValueAndItsObservations()
    {
        ObservationStore observations(*m_db);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(observations.record(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValue"), 900,
                                    now.addSecs(-120)));
        QVERIFY(observations.record(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValue"), 1100,
                                    now.addSecs(-60)));
        TriggerEditor editor(*m_flows);
        Trigger trigger;
        trigger.kind = TriggerKind::SegmentThresholdCrossed;
        trigger.subject = QStringLiteral("HighValue");
        trigger.threshold = 1000;
        editor.setTrigger(trigger);
        QVERIFY(editor.problems().isEmpty()); // no catalogue yet: nothing to say about the subject
        QSignalSpy changed(&editor, &TriggerEditor::changed);
        editor.setCatalogue(catalogue());
        QCOMPARE(changed.size(), 0);
        QCOMPARE(child<QComboBox>(editor, "subjectComboBox")->currentText(),
                 QStringLiteral("High value (1,200 members)"));
        QCOMPARE(child<QLabel>(editor, "currentValueLabel")->text(), QStringLiteral("Now: 1,200 members"));
        QCOMPARE(child<ThresholdChart>(editor, "thresholdChart")->values().size(),
                 3);                                                          // two observed, one now
        QVERIFY(!child<QLabel>(editor, "thresholdWarningLabel")->isHidden()); // already above
        QCOMPARE(editor.trigger(), trigger);
        child<QDoubleSpinBox>(editor, "thresholdSpinBox")->setValue(2000);
        QCOMPARE(changed.size(), 1);
        QVERIFY(child<QLabel>(editor, "thresholdWarningLabel")->isHidden());
    }

    void saysWhatIsWrongWithTheSubject()
    {
        TriggerEditor editor(*m_flows);
        editor.setCatalogue(catalogue());
        Trigger trigger;
        trigger.kind = TriggerKind::MeasureThresholdCrossed;
        editor.setTrigger(trigger);
        QCOMPARE(editor.problems().value(QStringLiteral("trigger.subject")),
                 QStringLiteral("Choose the measure to watch."));
        trigger.subject = QStringLiteral("RevenueByCountry");
        editor.setTrigger(trigger);
        QVERIFY(editor.problems().value(QStringLiteral("trigger.subject")).contains(u"has a dimension"));
        trigger.subject = QStringLiteral("Revenue");
        editor.setTrigger(trigger);
        QVERIFY(editor.problems().isEmpty());
        trigger.kind = TriggerKind::SegmentThresholdCrossed;
        trigger.subject = QStringLiteral("Gone");
        editor.setTrigger(trigger);
        QCOMPARE(editor.problems().value(QStringLiteral("trigger.subject")),
                 QStringLiteral("The segment \"Gone\" does not exist in this instance."));
    }

    void theCatalogueStatusOffersARetry()
    {
        TriggerEditor editor(*m_flows);
        QSignalSpy refresh(&editor, &TriggerEditor::catalogueRefreshRequested);
        editor.showCatalogueLoading();
        auto *retry = child<QPushButton>(editor, "catalogueRetryButton");
        QVERIFY(!retry->isEnabled());
        editor.showCatalogueError(QStringLiteral("the service is down"));
        QVERIFY(child<QLabel>(editor, "catalogueStatusLabel")->text().contains(u"the service is down"));
        QCOMPARE(retry->text(), QStringLiteral("Try again"));
        QTest::mouseClick(retry, Qt::LeftButton);
        QCOMPARE(refresh.size(), 1);
    }
};

QTEST_MAIN(TestTriggerEditor)
#include "tst_triggereditor.moc"
