#include "connectorfixture.h"
#include "flowsservice.h"
#include "powerautomate/floweditor.h"
#include "powerautomate/stepeditor.h"
#include "secretstore.h"
#include "stepkinddescriptor.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

// The flow editor on its own, over a real sandbox and a running connector worker (the instance's data),
// a real database and the in-memory secret store (through the FlowsService).
class TestFlowEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConnectorFixture> m_fixture;
    MemorySecretStore m_secrets;
    std::unique_ptr<FlowsService> m_flows;
    std::unique_ptr<FlowEditor> m_editor;

    template<typename T>
    T *child(QObject *parent, const char *name)
    {
        return parent->findChild<T *>(QLatin1String(name));
    }

    static Flow teamsFlow()
    {
        Flow flow;
        flow.name = QStringLiteral("Refresh failed");
        flow.trigger.kind = TriggerKind::DataSourceRefreshFailed;
        flow.steps = {
            Step{StepKind::TeamsMessage, {{QStringLiteral("text"), QStringLiteral("{{subject}} failed")}}}};
        return flow;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<ConnectorFixture>();
        QVERIFY(m_fixture->started);
        m_fixture->startConnector();
        m_fixture->connector->setSecretStore(&m_secrets);
        m_flows = std::make_unique<FlowsService>(m_fixture->db, [this] { return &m_secrets; });
        m_editor = std::make_unique<FlowEditor>(*m_flows, m_fixture->connector.get());
        m_editor->resize(1000, 700);
        m_editor->show();
    }

    void cleanup()
    {
        m_editor.reset();
        m_flows.reset();
        m_fixture.reset();
    }

    void editShowsTheFlowAndReadsTheInstance()
    {
        m_editor->edit(teamsFlow());
        QCOMPARE(child<QLineEdit>(m_editor.get(), "nameLineEdit")->text(), QStringLiteral("Refresh failed"));
        QCOMPARE(m_editor->stepCount(), 1);
        QVERIFY(!m_editor->isModified());
        // The data sources come from the sandbox through the connector.
        auto *subjects = child<QComboBox>(m_editor.get(), "subjectComboBox");
        QTRY_VERIFY_WITH_TIMEOUT(subjects->count() > 1, 15000);
        QCOMPARE(subjects->itemText(0), QStringLiteral("Any data source"));
        QCOMPARE(m_editor->flow().trigger, teamsFlow().trigger);
    }

    void savesTheSecretAndTheFlow()
    {
        m_editor->edit(teamsFlow());
        QVERIFY(m_editor->problems().contains(
            QStringLiteral("steps[0].webhookSecretRef: Enter the webhook URL of the channel.")));
        auto *save = child<QPushButton>(m_editor.get(), "saveButton");
        QVERIFY(!save->isEnabled());
        child<QLineEdit>(m_editor->stepEditor(0), "webhookLineEdit")
            ->setText(QStringLiteral("https://hooks.example/1"));
        QVERIFY2(m_editor->problems().isEmpty(), qPrintable(m_editor->problems().join(u'\n')));
        QVERIFY(save->isEnabled());
        QSignalSpy saved(m_editor.get(), &FlowEditor::saved);
        QSignalSpy changed(m_flows.get(), &FlowsService::flowsChanged);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(changed.size(), 1);
        const qint64 id = saved.at(0).at(0).toLongLong();
        QCOMPARE(m_editor->flowId(), id);
        const std::optional<Flow> stored = m_flows->get(id);
        QVERIFY(stored);
        const QString ref = stored->secretRefs().value(0);
        QVERIFY(ref.startsWith(u"teams-webhook-"));
        QCOMPARE(m_secrets.keys(), QStringList{ref});
        QVERIFY(!m_editor->isModified());
        QVERIFY(!save->isEnabled()); // nothing to save again
        QVERIFY(child<QLineEdit>(m_editor->stepEditor(0), "webhookLineEdit")->text().isEmpty());
    }

    void saysWhatKeepsSaveDisabled()
    {
        Flow flow = teamsFlow();
        flow.name.clear();
        flow.steps.clear();
        m_editor->edit(flow);
        QVERIFY(m_editor->problems().contains(QStringLiteral("name: Enter a name for the flow.")));
        QVERIFY(m_editor->problems().contains(QStringLiteral(
            "steps: Add at least one step: a flow without steps only writes to the trigger log.")));
        auto *trigger = child<QComboBox>(m_editor.get(), "triggerComboBox");
        trigger->setCurrentIndex(trigger->findData(int(TriggerKind::SegmentThresholdCrossed)));
        QVERIFY(
            m_editor->problems().contains(QStringLiteral("trigger.subject: Choose the segment to watch.")));
    }

    void everyStepKindHasItsEditor_data()
    {
        QTest::addColumn<int>("kind");
        for (const StepKindDescriptor &descriptor : StepKindDescriptor::all())
            QTest::addRow("%s", qPrintable(descriptor.id)) << int(descriptor.kind);
    }

    void everyStepKindHasItsEditor()
    {
        QFETCH(int, kind);
        m_editor->edit(teamsFlow());
        m_editor->addStep(StepKind(kind));
        QCOMPARE(m_editor->stepCount(), 2);
        QCOMPARE(m_editor->stepEditor(1)->kind(), StepKind(kind));
        QCOMPARE(m_editor->flow().steps.at(1).kind, StepKind(kind));
    }

    void stepsAreAddedMovedAndRemoved()
    {
        Flow flow = teamsFlow();
        m_editor->edit(flow);
        m_editor->addStep(StepKind::HttpCall);
        QCOMPARE(m_editor->stepCount(), 2);
        // A new step starts from its kind's defaults.
        QCOMPARE(m_editor->stepEditor(1)->step().parameters.value(u"method").toString(),
                 StepKindDescriptor::of(StepKind::HttpCall).defaults.value(u"method").toString());
        auto *list = child<QListWidget>(m_editor.get(), "stepListWidget");
        QCOMPARE(list->item(1)->text(), QStringLiteral("2. ") + Step::displayName(StepKind::HttpCall));
        QCOMPARE(list->currentRow(), 1);
        QTest::mouseClick(child<QPushButton>(m_editor.get(), "moveStepUpButton"), Qt::LeftButton);
        QCOMPARE(m_editor->stepEditor(0)->kind(), StepKind::HttpCall);
        QCOMPARE(m_editor->flow().steps.at(1).kind, StepKind::TeamsMessage);
        QVERIFY(m_editor->isModified());
        QTest::mouseClick(child<QPushButton>(m_editor.get(), "removeStepButton"), Qt::LeftButton);
        QTRY_COMPARE(m_editor->stepCount(), 1);
        QCOMPARE(m_editor->stepEditor(0)->kind(), StepKind::TeamsMessage);
    }
};

QTEST_MAIN(TestFlowEditor)
#include "tst_floweditor.moc"
