#include "authsession.h"
#include "common/messageprompt.h"
#include "connectorfixture.h"
#include "flowjson.h"
#include "flows/flowlistmodel.h"
#include "flowsservice.h"
#include "httpreceiver.h"
#include "powerautomate/floweditor.h"
#include "powerautomate/powerautomatepane.h"
#include "powerautomate/stepeditor.h"
#include "secretstore.h"
#include "templateengine.h"
#include "translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>

// The Power Automate pane and its flow editor against a real sandbox and a running connector worker: flows
// are created, edited and validated through the widgets (found by objectName), as a user would.
class TestPowerAutomatePane : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConnectorFixture> m_fixture;
    QNetworkAccessManager m_network;
    MemorySecretStore m_secrets;
    std::unique_ptr<AuthSession> m_session;
    std::unique_ptr<FlowsService> m_flows;
    std::unique_ptr<PowerAutomatePane> m_pane;
    HttpReceiver m_receiver;

    template<typename T>
    T *child(QObject *parent, const char *name)
    {
        T *found = parent->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    FlowEditor *editor() { return m_pane->editor(); }
    StepEditor *step(int index) { return editor()->stepEditor(index); }
    QLabel *error(QObject *parent, const QString &name)
    {
        return parent->findChild<QLabel *>(name + QStringLiteral("Error"));
    }
    bool errorShown(QObject *parent, const QString &name)
    {
        QLabel *label = error(parent, name);
        return label && !label->isHidden() && !label->text().isEmpty();
    }

    void setTrigger(TriggerKind kind)
    {
        auto *combo = child<QComboBox>(editor(), "triggerComboBox");
        combo->setCurrentIndex(combo->findData(int(kind)));
    }
    // Chooses a subject from the list the instance gave (waits for it).
    bool chooseSubject(const QString &subject)
    {
        auto *combo = child<QComboBox>(editor(), "subjectComboBox");
        if (!QTest::qWaitFor([&] { return combo->findData(subject) >= 0; }, 15000))
            return false;
        combo->setCurrentIndex(combo->findData(subject));
        return true;
    }
    void addHttpStep(const QUrl &url)
    {
        editor()->addStep(StepKind::HttpCall);
        StepEditor *added = step(editor()->stepCount() - 1);
        child<QLineEdit>(added, "urlLineEdit")->setText(url.toString());
    }
    QPushButton *saveButton() { return child<QPushButton>(editor(), "saveButton"); }

private slots:
    void initTestCase()
    {
        QVERIFY(Translations::install(*QCoreApplication::instance(), QStringLiteral("en"))); // plural forms
        QVERIFY(m_receiver.listen());
    }

    void init()
    {
        MessagePrompt::clearAnswers();
        m_fixture = std::make_unique<ConnectorFixture>();
        QVERIFY(m_fixture->started);
        m_fixture->startConnector();
        m_fixture->connector->setSecretStore(&m_secrets);
        m_session = std::make_unique<AuthSession>(&m_network, &m_secrets);
        m_flows = std::make_unique<FlowsService>(m_fixture->db, [this] { return m_session->secretStore(); });
        m_pane = std::make_unique<PowerAutomatePane>(*m_flows, m_session.get(), m_fixture->connector.get());
        connect(m_flows.get(), &FlowsService::flowsChanged, m_fixture->connector.get(),
                &Connector::reloadFlows);
        m_pane->resize(1060, 740);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    }

    void cleanup()
    {
        m_pane.reset();
        m_flows.reset();
        m_session.reset();
        m_fixture.reset();
    }

    void startsWithTheEmptyStateAndTheTemplates()
    {
        auto *empty = child<QWidget>(m_pane.get(), "emptyState");
        QVERIFY(empty->isVisible());
        QVERIFY(!child<QPushButton>(m_pane.get(), "exportButton")->isEnabled());
        QVERIFY(!child<QPushButton>(m_pane.get(), "editButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(empty, "template0Button"), Qt::LeftButton);
        QVERIFY(m_pane->isEditing());
        QCOMPARE(child<QLineEdit>(editor(), "nameLineEdit")->text(),
                 QStringLiteral("Post to Teams when a data source refresh fails"));
        QCOMPARE(editor()->stepCount(), 1);
        QCOMPARE(step(0)->kind(), StepKind::TeamsMessage);
        // Only the channel is missing.
        QVERIFY(errorShown(step(0), QStringLiteral("webhookSecretRef")));
        QVERIFY(!saveButton()->isEnabled());
    }

    void createsAFlowOfEachTriggerKind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<double>("threshold");
        QTest::addRow("failed") << int(TriggerKind::DataSourceRefreshFailed)
                                << QStringLiteral("LoyaltyProgram") << 0.0;
        QTest::addRow("succeeded") << int(TriggerKind::DataSourceRefreshSucceeded) << QString() << 0.0;
        QTest::addRow("segment") << int(TriggerKind::SegmentThresholdCrossed) << QStringLiteral("ChurnRisk")
                                 << 1500.0;
        QTest::addRow("measure") << int(TriggerKind::MeasureThresholdCrossed)
                                 << QStringLiteral("TotalRevenue") << 2500000.0;
        QTest::addRow("full") << int(TriggerKind::FullRefreshCompleted) << QString() << 0.0;
        QTest::addRow("unification") << int(TriggerKind::UnificationRefreshCompleted) << QString() << 0.0;
    }

    void createsAFlowOfEachTriggerKind()
    {
        QFETCH(int, kind);
        QFETCH(QString, subject);
        QFETCH(double, threshold);
        const TriggerKind trigger = TriggerKind(kind);
        QTest::mouseClick(child<QToolButton>(m_pane.get(), "newButton"), Qt::LeftButton);
        QVERIFY(m_pane->isEditing());
        const QString name = QStringLiteral("Flow for ") + Trigger::id(trigger);
        child<QLineEdit>(editor(), "nameLineEdit")->setText(name);
        setTrigger(trigger);
        if (!subject.isEmpty())
            QVERIFY(chooseSubject(subject));
        if (Trigger::takesThreshold(trigger)) {
            child<QDoubleSpinBox>(editor(), "thresholdSpinBox")->setValue(threshold);
            // The current value is shown beside the threshold, from the instance.
            QTRY_VERIFY(
                child<QLabel>(editor(), "currentValueLabel")->text().startsWith(QLatin1String("Now: ")));
        }
        if (trigger == TriggerKind::FullRefreshCompleted)
            child<QCheckBox>(editor(), "includeManualCheckBox")->setChecked(true);
        QVERIFY(!saveButton()->isEnabled()); // no step yet
        addHttpStep(m_receiver.url());
        QVERIFY2(saveButton()->isEnabled(), qPrintable(editor()->problems().join(u'\n')));
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QVERIFY(editor()->flowId() != 0);

        const std::optional<Flow> stored = FlowStore(m_fixture->db).get(editor()->flowId());
        QVERIFY(stored);
        QCOMPARE(stored->name, name);
        QCOMPARE(stored->trigger.kind, trigger);
        QCOMPARE(stored->trigger.subject, subject);
        QCOMPARE(stored->trigger.threshold, threshold);
        QCOMPARE(stored->trigger.includeManualRefreshes, trigger == TriggerKind::FullRefreshCompleted);
        QCOMPARE(stored->steps.size(), 1);
        QCOMPARE(stored->steps.first().parameters.value(QLatin1String("url")).toString(),
                 m_receiver.url().toString());

        QTest::mouseClick(child<QPushButton>(editor(), "cancelButton"), Qt::LeftButton); // nothing unsaved
        QVERIFY(!m_pane->isEditing());
        const int row = m_pane->model()->rowOf(stored->id);
        QVERIFY(row >= 0);
        QCOMPARE(m_pane->model()->index(row, FlowListModel::NameColumn).data().toString(), name);
        QCOMPARE(m_pane->model()->index(row, FlowListModel::TriggerColumn).data().toString(),
                 Trigger::displayName(trigger));
    }

    void validatesEveryField()
    {
        m_pane->newFlow();
        auto *name = child<QLineEdit>(editor(), "nameLineEdit");
        name->clear();
        QVERIFY(errorShown(editor(), QStringLiteral("name")));
        name->setText(QStringLiteral("Validation"));
        QVERIFY(!errorShown(editor(), QStringLiteral("name")));

        setTrigger(TriggerKind::SegmentThresholdCrossed);
        QVERIFY(errorShown(editor(), QStringLiteral("subject")));
        QVERIFY(chooseSubject(QStringLiteral("ChurnRisk")));
        QVERIFY(!errorShown(editor(), QStringLiteral("subject")));
        // A segment the instance does not have.
        child<QComboBox>(editor(), "subjectComboBox")->setEditText(QStringLiteral("NoSuchSegment"));
        QVERIFY(errorShown(editor(), QStringLiteral("subject")));
        QVERIFY(chooseSubject(QStringLiteral("ChurnRisk")));
        QVERIFY(errorShown(editor(), QStringLiteral("steps")));

        // Teams: the webhook URL and the text.
        editor()->addStep(StepKind::TeamsMessage);
        QVERIFY(!errorShown(editor(), QStringLiteral("steps")));
        StepEditor *teams = step(0);
        QVERIFY(errorShown(teams, QStringLiteral("webhookSecretRef")));
        QVERIFY(errorShown(teams, QStringLiteral("text")));
        child<QLineEdit>(teams, "webhookLineEdit")->setText(QStringLiteral("ftp://nope"));
        QVERIFY(errorShown(teams, QStringLiteral("webhookSecretRef")));
        child<QLineEdit>(teams, "webhookLineEdit")
            ->setText(QStringLiteral("https://contoso.webhook.office.com/x"));
        QVERIFY(!errorShown(teams, QStringLiteral("webhookSecretRef")));
        child<QPlainTextEdit>(teams, "textPlainTextEdit")
            ->setPlainText(QStringLiteral("{{subject}} has {{members}}"));
        QVERIFY(errorShown(teams, QStringLiteral("text")));
        QVERIFY(error(teams, QStringLiteral("text"))->text().contains(QLatin1String("{{members}}")));
        child<QPlainTextEdit>(teams, "textPlainTextEdit")
            ->setPlainText(QStringLiteral("{{subject}} has {{value}}"));
        QVERIFY(!errorShown(teams, QStringLiteral("text")));
        QVERIFY2(saveButton()->isEnabled(), qPrintable(editor()->problems().join(u'\n')));

        // Email: recipients, subject, body, SMTP server.
        editor()->addStep(StepKind::Email);
        StepEditor *email = step(1);
        for (const QString &key : {QStringLiteral("to"), QStringLiteral("subject"),
                                   QStringLiteral("textBody"), QStringLiteral("smtpSecretRef")})
            QVERIFY2(errorShown(email, key), qPrintable(key));
        QVERIFY(!saveButton()->isEnabled());
        child<QLineEdit>(email, "toLineEdit")
            ->setText(QStringLiteral("owner@contoso.example, not-an-address"));
        QVERIFY(errorShown(email, QStringLiteral("to")));
        child<QLineEdit>(email, "toLineEdit")->setText(QStringLiteral("owner@contoso.example"));
        QVERIFY(!errorShown(email, QStringLiteral("to")));
        child<QLineEdit>(email, "subjectLineEdit")->setText(QStringLiteral("{{subject}}"));
        child<QPlainTextEdit>(email, "textBodyPlainTextEdit")->setPlainText(QStringLiteral("Now {{value}}"));
        child<QLineEdit>(email, "smtpHostLineEdit")->setText(QStringLiteral("127.0.0.1"));
        child<QLineEdit>(email, "smtpUserLineEdit")->setText(QStringLiteral("alerts"));
        QVERIFY(errorShown(email, QStringLiteral("smtpSecretRef"))); // a user without a password
        child<QLineEdit>(email, "smtpPasswordLineEdit")->setText(QStringLiteral("pw"));
        QVERIFY(!errorShown(email, QStringLiteral("smtpSecretRef")));

        // HTTP: URL, headers, JSON body.
        editor()->addStep(StepKind::HttpCall);
        StepEditor *http = step(2);
        QVERIFY(errorShown(http, QStringLiteral("url")));
        child<QLineEdit>(http, "urlLineEdit")->setText(QStringLiteral("not a url"));
        QVERIFY(errorShown(http, QStringLiteral("url")));
        child<QLineEdit>(http, "urlLineEdit")->setText(m_receiver.url().toString());
        QVERIFY(!errorShown(http, QStringLiteral("url")));
        child<QPlainTextEdit>(http, "headersPlainTextEdit")->setPlainText(QStringLiteral("X-Team data"));
        QVERIFY(errorShown(http, QStringLiteral("headers")));
        child<QPlainTextEdit>(http, "headersPlainTextEdit")
            ->setPlainText(QStringLiteral("Authorization: Bearer abc"));
        QVERIFY(errorShown(http, QStringLiteral("headers"))); // credentials are never stored in flows
        child<QPlainTextEdit>(http, "headersPlainTextEdit")->setPlainText(QStringLiteral("X-Team: data"));
        QVERIFY(!errorShown(http, QStringLiteral("headers")));
        child<QPlainTextEdit>(http, "bodyPlainTextEdit")->setPlainText(QStringLiteral("{\"a\": "));
        QVERIFY(errorShown(http, QStringLiteral("body")));
        child<QPlainTextEdit>(http, "bodyPlainTextEdit")
            ->setPlainText(QStringLiteral("{\"a\": \"{{nope}}\"}"));
        QVERIFY(errorShown(http, QStringLiteral("body")));
        child<QPlainTextEdit>(http, "bodyPlainTextEdit")
            ->setPlainText(QStringLiteral("{\"segment\": \"{{subject}}\"}"));
        QVERIFY(!errorShown(http, QStringLiteral("body")));

        // Get items: the entity.
        editor()->addStep(StepKind::GetItems);
        StepEditor *items = step(3);
        QVERIFY(errorShown(items, QStringLiteral("entity")));
        auto *entity = child<QComboBox>(items, "entityComboBox");
        QTRY_VERIFY(entity->count() > 0); // from the instance
        entity->setCurrentIndex(entity->findData(QStringLiteral("Customer")));
        QVERIFY(!errorShown(items, QStringLiteral("entity")));

        QVERIFY2(editor()->problems().isEmpty(), qPrintable(editor()->problems().join(u'\n')));
        QVERIFY(saveButton()->isEnabled());

        // Reordering and removing keep the editors with their steps.
        QCOMPARE(editor()->flow().steps.at(3).kind, StepKind::GetItems);
        auto *list = child<QWidget>(editor(), "stepListWidget");
        Q_UNUSED(list);
        QTest::mouseClick(child<QPushButton>(editor(), "moveStepUpButton"), Qt::LeftButton);
        QCOMPARE(editor()->flow().steps.at(2).kind, StepKind::GetItems);
        QCOMPARE(editor()->flow().steps.at(3).kind, StepKind::HttpCall);
        QTest::mouseClick(child<QPushButton>(editor(), "removeStepButton"), Qt::LeftButton);
        QCOMPARE(editor()->stepCount(), 3);
        QCOMPARE(editor()->flow().steps.at(2).kind, StepKind::HttpCall);
    }

    void theDimensionedMeasureCannotBeChosen()
    {
        m_pane->newFlow();
        setTrigger(TriggerKind::MeasureThresholdCrossed);
        auto *combo = child<QComboBox>(editor(), "subjectComboBox");
        QTRY_VERIFY(combo->findData(QStringLiteral("RevenueByStore")) >= 0);
        auto *model = qobject_cast<QStandardItemModel *>(combo->model());
        QStandardItem *dimensioned = model->item(combo->findData(QStringLiteral("RevenueByStore")));
        QVERIFY(!(dimensioned->flags() & Qt::ItemIsEnabled));
        QVERIFY(dimensioned->text().contains(QLatin1String("dimension")));
        QVERIFY(model->item(combo->findData(QStringLiteral("TotalRevenue")))->flags() & Qt::ItemIsEnabled);
        // Typed by name, it is refused with the reason.
        combo->setEditText(QStringLiteral("RevenueByStore"));
        QVERIFY(errorShown(editor(), QStringLiteral("subject")));
        QVERIFY(error(editor(), QStringLiteral("subject"))->text().contains(QLatin1String("dimension")));
    }

    void thresholdShowsTheCurrentValueAndWarns()
    {
        QVERIFY(m_fixture->setSegment(QStringLiteral("ChurnRisk"), 1200));
        m_pane->newFlow();
        setTrigger(TriggerKind::SegmentThresholdCrossed);
        editor()->reloadCatalogue();
        QVERIFY(chooseSubject(QStringLiteral("ChurnRisk")));
        auto *spin = child<QDoubleSpinBox>(editor(), "thresholdSpinBox");
        spin->setValue(2000);
        QTRY_COMPARE(child<QLabel>(editor(), "currentValueLabel")->text(),
                     QStringLiteral("Now: 1,200 members"));
        QVERIFY(child<QWidget>(editor(), "thresholdWarningLabel")->isHidden());
        spin->setValue(1000);
        QVERIFY(!child<QWidget>(editor(), "thresholdWarningLabel")->isHidden());
        QVERIFY(
            child<QLabel>(editor(), "thresholdWarningLabel")->text().contains(QLatin1String("drops back")));
    }

    void catalogueErrorsAreShownWithARetry()
    {
        m_fixture->connector->stop();
        m_pane->newFlow();
        editor()->reloadCatalogue();
        auto *status = child<QLabel>(editor(), "catalogueStatusLabel");
        QTRY_VERIFY(status->text().contains(QLatin1String("could not be loaded")));
        QCOMPARE(child<QPushButton>(editor(), "catalogueRetryButton")->text(), QStringLiteral("Try again"));
        QVERIFY(child<QPushButton>(editor(), "catalogueRetryButton")->isEnabled());
    }

    void secretsGoToTheSecretStoreNeverToTheDatabase()
    {
        const QString webhook = QStringLiteral("https://contoso.webhook.office.com/webhookb2/secret-%1")
                                    .arg(QUuid::createUuid().toString(QUuid::Id128));
        m_pane->newFlowFromTemplate(0);
        child<QLineEdit>(step(0), "webhookLineEdit")->setText(webhook);
        QVERIFY2(saveButton()->isEnabled(), qPrintable(editor()->problems().join(u'\n')));
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(editor()->flowId() != 0);
        const Flow stored = *FlowStore(m_fixture->db).get(editor()->flowId());
        const QString ref =
            stored.steps.first().parameters.value(QLatin1String("webhookSecretRef")).toString();
        QVERIFY(ref.startsWith(QLatin1String("teams-webhook-")));
        QVERIFY(m_secrets.keys().contains(ref));
        std::optional<QString> kept;
        m_secrets.read(ref, this, [&kept](std::optional<QString> secret, QString) { kept = secret; });
        QTRY_VERIFY(kept);
        QCOMPARE(*kept, webhook);
        // The field now says it is stored; nothing is left to save.
        QVERIFY(child<QLineEdit>(step(0), "webhookLineEdit")->text().isEmpty());
        QVERIFY(!editor()->isModified());
        QFile database(QDir(m_fixture->dataDir.path()).filePath(QStringLiteral("insights-admin.sqlite")));
        QVERIFY(database.open(QIODevice::ReadOnly));
        QVERIFY(!database.readAll().contains(webhook.toUtf8()));
        // An export carries the entry's name only.
        const QString exported = QDir(m_fixture->dataDir.path()).filePath(QStringLiteral("export.json"));
        m_pane->closeEditor();
        m_pane->exportFlows(exported);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(json.contains(ref.toUtf8()));
        QVERIFY(!json.contains(webhook.toUtf8()));
    }

    // A secret no flow names any more leaves the secret store: when its flow is deleted (not while a
    // duplicate still uses it), when the step gets a new one, and when a test-fired edit is discarded.
    void secretsNoFlowNamesLeaveTheStore()
    {
        const auto secret = [this](const QString &ref) {
            std::optional<QString> value;
            bool answered = false;
            m_secrets.read(ref, this, [&](std::optional<QString> read, QString) {
                value = read;
                answered = true;
            });
            return QTest::qWaitFor([&] { return answered; }) ? value : std::nullopt;
        };
        m_pane->newFlowFromTemplate(0);
        child<QLineEdit>(step(0), "webhookLineEdit")
            ->setText(QStringLiteral("https://contoso.webhook.office.com/one"));
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(editor()->flowId() != 0);
        const qint64 id = editor()->flowId();
        const QString first = FlowStore(m_fixture->db).get(id)->secretRefs().value(0);
        QVERIFY(secret(first));

        // A new webhook for the step: a new entry, and the old one goes.
        child<QLineEdit>(step(0), "webhookLineEdit")
            ->setText(QStringLiteral("https://contoso.webhook.office.com/two"));
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(FlowStore(m_fixture->db).get(id)->secretRefs().value(0) != first);
        const QString second = FlowStore(m_fixture->db).get(id)->secretRefs().value(0);
        QTRY_VERIFY(!m_secrets.keys().contains(first));
        QCOMPARE(*secret(second), QStringLiteral("https://contoso.webhook.office.com/two"));

        // Test fire writes the typed secret; Discard takes it back.
        child<QLineEdit>(step(0), "webhookLineEdit")
            ->setText(QStringLiteral("https://contoso.webhook.office.com/three"));
        const QStringList before = m_secrets.keys();
        QTest::mouseClick(child<QPushButton>(editor(), "testFireButton"), Qt::LeftButton);
        QTRY_VERIFY(m_secrets.keys().size() == before.size() + 1);
        MessagePrompt::setNextAnswer(1); // Discard
        bool left = false;
        m_pane->confirmLeave([&left](bool leave) { left = leave; });
        QTRY_VERIFY(left);
        QTRY_COMPARE(m_secrets.keys().size(), before.size());
        QVERIFY(m_secrets.keys().contains(second));

        // Deleted while a duplicate still names it: kept; the duplicate deleted too: gone.
        auto *table = child<QTableView>(m_pane.get(), "flowTableView");
        table->selectRow(m_pane->model()->rowOf(id));
        QTest::mouseClick(child<QPushButton>(m_pane.get(), "duplicateButton"), Qt::LeftButton);
        table->selectRow(m_pane->model()->rowOf(id));
        MessagePrompt::setNextAnswer(3); // Delete
        QTest::mouseClick(child<QPushButton>(m_pane.get(), "deleteButton"), Qt::LeftButton);
        QTRY_COMPARE(m_pane->model()->rowCount(), 1);
        QCoreApplication::processEvents();
        QVERIFY(m_secrets.keys().contains(second));
        table->selectRow(0);
        MessagePrompt::setNextAnswer(3); // Delete
        QTest::mouseClick(child<QPushButton>(m_pane.get(), "deleteButton"), Qt::LeftButton);
        QTRY_COMPARE(m_pane->model()->rowCount(), 0);
        QTRY_VERIFY(!m_secrets.keys().contains(second));
    }

    void importAsksForTheMissingSecrets()
    {
        const QString path = QDir(m_fixture->dataDir.path()).filePath(QStringLiteral("import.json"));
        Flow flow;
        flow.name = QStringLiteral("Imported");
        flow.steps.append(Step{StepKind::TeamsMessage,
                               {{QStringLiteral("webhookSecretRef"), QStringLiteral("teams-imported")},
                                {QStringLiteral("text"), QStringLiteral("{{subject}}")}}});
        QVERIFY(FlowJson::writeFile(path, {flow}));
        m_pane->importFlows(path);
        QCOMPARE(m_pane->model()->rowCount(), 1);
        QVERIFY(
            child<QLabel>(m_pane.get(), "messageLabel")->text().contains(QLatin1String("Imported 1 flow")));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_pane->findChild<QDialog *>(QStringLiteral("importSecretsDialog"))));
        auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("teams-imported"));
        QVERIFY(field);
        field->setText(QStringLiteral("https://contoso.webhook.office.com/imported"));
        QMetaObject::invokeMethod(dialog, [dialog] {
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        });
        QTRY_VERIFY(m_secrets.keys().contains(QStringLiteral("teams-imported")));

        // A broken file changes nothing and says why.
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"version\": 1, \"flows\": [{\"name\": 5}]}");
        broken.close();
        m_pane->importFlows(path);
        QCOMPARE(m_pane->model()->rowCount(), 1);
        QVERIFY(child<QLabel>(m_pane.get(), "messageLabel")->text().contains(QLatin1String("flows[0].name")));
    }

    void listActions()
    {
        Flow flow;
        flow.name = QStringLiteral("Listed");
        flow.steps.append(Step{StepKind::HttpCall,
                               {{QStringLiteral("method"), QStringLiteral("POST")},
                                {QStringLiteral("url"), m_receiver.url().toString()}}});
        const qint64 id = FlowStore(m_fixture->db).insert(flow);
        m_pane->importFlows(QString()); // a missing file: an error, nothing changes
        QVERIFY(child<QLabel>(m_pane.get(), "messageLabel")->text().startsWith(QStringLiteral("⚠")));
        auto *table = child<QTableView>(m_pane.get(), "flowTableView");
        QCOMPARE(table->model()->rowCount(), 0);
        m_pane->hide(); // stored by someone else: the pane reads the flows again when shown
        m_pane->show();
        QCOMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        QVERIFY(child<QPushButton>(m_pane.get(), "editButton")->isEnabled());

        QTest::mouseClick(child<QPushButton>(m_pane.get(), "duplicateButton"), Qt::LeftButton);
        QCOMPARE(m_pane->model()->rowCount(), 2);
        QCOMPARE(m_pane->model()->flowAt(1).name, QStringLiteral("Listed (copy)"));
        QVERIFY(!m_pane->model()->flowAt(1).enabled);
        QCOMPARE(child<QPushButton>(m_pane.get(), "toggleButton")->text(), QStringLiteral("Enable"));
        QTest::mouseClick(child<QPushButton>(m_pane.get(), "toggleButton"), Qt::LeftButton);
        QVERIFY(m_pane->model()->flowAt(1).enabled);

        MessagePrompt::setNextAnswer(4); // Cancel
        QTest::mouseClick(child<QPushButton>(m_pane.get(), "deleteButton"), Qt::LeftButton);
        QTest::qWait(0);
        QCoreApplication::processEvents();
        QCOMPARE(m_pane->model()->rowCount(), 2);
        MessagePrompt::setNextAnswer(3); // Delete
        QTest::mouseClick(child<QPushButton>(m_pane.get(), "deleteButton"), Qt::LeftButton);
        QTRY_COMPARE(m_pane->model()->rowCount(), 1);
        QVERIFY(MessagePrompt::lastQuestion().text.contains(QLatin1String("Listed (copy)")));
        QCOMPARE(m_pane->model()->flowAt(0).id, id);
    }

    void unsavedChangesAreGuarded()
    {
        m_pane->newFlowFromTemplate(0);
        child<QLineEdit>(step(0), "webhookLineEdit")
            ->setText(QStringLiteral("https://contoso.webhook.office.com/a"));
        QVERIFY(editor()->isModified());
        MessagePrompt::setNextAnswer(2); // Keep editing
        QTest::mouseClick(child<QPushButton>(editor(), "cancelButton"), Qt::LeftButton);
        QTRY_COMPARE(MessagePrompt::lastQuestion().title, QStringLiteral("Unsaved changes"));
        QVERIFY(m_pane->isEditing());
        bool left = false;
        MessagePrompt::setNextAnswer(0); // Save
        m_pane->confirmLeave([&left](bool leave) { left = leave; });
        QTRY_VERIFY(left);
        QVERIFY(!m_pane->isEditing());
        QCOMPARE(m_pane->model()->rowCount(), 1);

        m_pane->editFlow(m_pane->model()->flowAt(0).id);
        child<QLineEdit>(editor(), "nameLineEdit")->setText(QStringLiteral("Renamed"));
        MessagePrompt::setNextAnswer(1); // Discard
        left = false;
        m_pane->confirmLeave([&left](bool leave) { left = leave; });
        QTRY_VERIFY(left);
        QCOMPARE(m_pane->model()->flowAt(0).name,
                 QStringLiteral("Post to Teams when a data source refresh fails"));
    }

    void testFireShowsEachStepsResult()
    {
        m_pane->newFlow();
        child<QLineEdit>(editor(), "nameLineEdit")->setText(QStringLiteral("Test fire"));
        addHttpStep(m_receiver.url());
        const int before = m_receiver.count();
        QTest::mouseClick(child<QPushButton>(editor(), "testFireButton"), Qt::LeftButton);
        auto *results = child<QLabel>(editor(), "testResultsLabel");
        QTRY_VERIFY_WITH_TIMEOUT(results->text().contains(QLatin1String("Every step succeeded")), 15000);
        QVERIFY(results->text().contains(QLatin1String("succeeded")));
        QCOMPARE(m_receiver.count(), before + 1);
    }

    void anEditedThresholdTakesEffectInTheRunningWorker()
    {
        QVERIFY(m_fixture->setSegment(QStringLiteral("ChurnRisk"), 400));
        m_pane->newFlow();
        child<QLineEdit>(editor(), "nameLineEdit")->setText(QStringLiteral("Churn"));
        setTrigger(TriggerKind::SegmentThresholdCrossed);
        QVERIFY(chooseSubject(QStringLiteral("ChurnRisk")));
        child<QDoubleSpinBox>(editor(), "thresholdSpinBox")->setValue(2000);
        addHttpStep(m_receiver.url());
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        const qint64 id = editor()->flowId();
        QVERIFY(id != 0);
        QVERIFY(m_fixture->waitForCycles(3)); // the baseline at 400

        child<QDoubleSpinBox>(editor(), "thresholdSpinBox")->setValue(500);
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QCOMPARE(FlowStore(m_fixture->db).get(id)->trigger.threshold, 500.0);
        QVERIFY(m_fixture->waitForCycles(2));
        QVERIFY(m_fixture->setSegment(QStringLiteral("ChurnRisk"), 900)); // above 500, below 2000
        QVERIFY(m_fixture->waitForFirings(1));
        QVERIFY(m_fixture->waitForCycles(3));
        const QList<Firing> fired = m_fixture->firingsOf(id);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired.first().threshold, 500.0);
        QCOMPARE(fired.first().value, 900.0);
    }

    void getItemsPreviewsTheFirstRows()
    {
        m_pane->newFlow();
        editor()->addStep(StepKind::GetItems);
        StepEditor *items = step(0);
        auto *entity = child<QComboBox>(items, "entityComboBox");
        QTRY_VERIFY(entity->findData(QStringLiteral("Customer")) >= 0);
        entity->setCurrentIndex(entity->findData(QStringLiteral("Customer")));
        child<QLineEdit>(items, "selectLineEdit")->setText(QStringLiteral("CustomerId,FirstName"));
        QTest::mouseClick(child<QPushButton>(items, "previewButton"), Qt::LeftButton);
        auto *table = child<QTableWidget>(items, "previewTableWidget");
        QTRY_VERIFY_WITH_TIMEOUT(!table->isHidden(), 15000);
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("CustomerId"));
        QVERIFY(child<QLabel>(items, "previewStatusLabel")->text().contains(QLatin1String("5 rows")));

        // A filter the service refuses: the reason, no table.
        child<QLineEdit>(items, "filterLineEdit")->setText(QStringLiteral("NoSuchColumn eq 'x'"));
        QTest::mouseClick(child<QPushButton>(items, "previewButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(table->isHidden(), 15000);
        QTRY_VERIFY(child<QPushButton>(items, "previewButton")->isEnabled());
        QVERIFY(!child<QLabel>(items, "previewStatusLabel")->text().isEmpty());
    }

    void thePlaceholderMenuInsertsAtTheCursor()
    {
        m_pane->newFlow();
        editor()->addStep(StepKind::TeamsMessage);
        auto *title = child<QLineEdit>(step(0), "titleLineEdit");
        title->setText(QStringLiteral("Alert: "));
        title->setCursorPosition(title->text().size());
        const QList<QToolButton *> buttons =
            step(0)->findChildren<QToolButton *>(QStringLiteral("placeholderButton"));
        QVERIFY(!buttons.isEmpty());
        QMenu *menu = buttons.first()->menu(); // the title's: the first field with placeholders
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), TemplateEngine::placeholders().size());
        for (QAction *action : menu->actions()) {
            if (action->text() == QLatin1String("{{subject}}"))
                action->trigger();
        }
        QCOMPARE(title->text(), QStringLiteral("Alert: {{subject}}"));
        QVERIFY(!errorShown(step(0), QStringLiteral("title")));
    }

    void aSecondProcessSeesTheSameFlows()
    {
        Flow flow;
        flow.name = QStringLiteral("Shared with the next process");
        flow.steps.append(Step{StepKind::HttpCall,
                               {{QStringLiteral("method"), QStringLiteral("POST")},
                                {QStringLiteral("url"), m_receiver.url().toString()}}});
        m_pane->newFlow();
        child<QLineEdit>(editor(), "nameLineEdit")->setText(flow.name);
        addHttpStep(m_receiver.url());
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QVERIFY(editor()->flowId() != 0);

        const QString exported = QDir(m_fixture->dataDir.path()).filePath(QStringLiteral("second.json"));
        QProcess process;
        process.start(QStringLiteral(INSIGHTS_ADMIN_EXE),
                      {QStringLiteral("--data-dir"), m_fixture->dataDir.path(),
                       QStringLiteral("--export-flows"), exported});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const FlowJson::Result read = FlowJson::readFile(exported);
        QVERIFY2(read.ok(), qPrintable(read.errors.join(u'\n')));
        QCOMPARE(read.flows.size(), 1);
        QCOMPARE(read.flows.first().name, flow.name);
        QCOMPARE(read.flows.first().steps, flow.steps);
    }
};

QTEST_MAIN(TestPowerAutomatePane)
#include "tst_powerautomatepane.moc"
