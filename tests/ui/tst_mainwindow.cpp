#include "authsession.h"
#include "browserbot.h"
#include "common/messageprompt.h"
#include "connectionsettings.h"
#include "connector.h"
#include "connectorstatus.h"
#include "database.h"
#include "destinations/destinationcataloguemodel.h"
#include "destinations/mydestinationsmodel.h"
#include "embeddedsandbox.h"
#include "exportdestinations/destinationtileview.h"
#include "exportdestinations/exportdestinationspane.h"
#include "httptestclient.h"
#include "mainwindow/mainwindow.h"
#include "observationstore.h"
#include "powerautomate/floweditor.h"
#include "powerautomate/powerautomatepane.h"
#include "powerautomate/stepeditor.h"
#include "secretstore.h"
#include "signin/signindialog.h"
#include "translations.h"
#include "triggerlog/triggerlogmodel.h"
#include "triggerlog/triggerlogpane.h"
#include "triggerlog/triggerlogview.h"

#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static QModelIndex tileOf(DestinationTileView *view, const QString &id)
    {
        const QModelIndexList found = view->model()->match(
            view->model()->index(0, 0), DestinationCatalogueModel::IdRole, id, 1, Qt::MatchExactly);
        return found.value(0);
    }

    QTemporaryDir m_dataDir;
    Database m_database;
    QNetworkAccessManager m_network;
    MemorySecretStore m_secrets;
    AuthSession m_session{&m_network, &m_secrets};
    Connector m_connector;

private slots:
    void initTestCase()
    {
        QVERIFY(Translations::install(*QCoreApplication::instance(), QStringLiteral("en"))); // plural forms
        QVERIFY2(m_database.open(m_dataDir.path(), QStringLiteral("gui")),
                 qPrintable(m_database.errorString()));
    }

    void startsOnExportDestinations()
    {
        MainWindow window(&m_session, &m_network, m_database, &m_connector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPane(), MainWindow::Pane::ExportDestinations);
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), 4);
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Export destinations"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("connectionStatusLabel"))->text(),
                 QStringLiteral("Not signed in"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("budgetStatusLabel"))->text(),
                 QStringLiteral("0 / 100 calls in the last 60 s"));
    }

    void statusBarShowsTheConnector_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("used");
        QTest::addColumn<QString>("worker");
        QTest::addColumn<QString>("budget");
        QTest::addRow("stopped") << int(ConnectorStatus::State::Stopped) << 0 << QStringLiteral("Stopped")
                                 << QStringLiteral("0 / 100 calls in the last 60 s");
        QTest::addRow("polling") << int(ConnectorStatus::State::Polling) << 37 << QStringLiteral("Polling")
                                 << QStringLiteral("37 / 100 calls in the last 60 s");
        QTest::addRow("held") << int(ConnectorStatus::State::Held) << 100
                              << QStringLiteral("Held until 14:03:12")
                              << QStringLiteral("100 / 100 calls in the last 60 s");
        QTest::addRow("signed out") << int(ConnectorStatus::State::SignedOut) << 3
                                    << QStringLiteral("Signed out")
                                    << QStringLiteral("3 / 100 calls in the last 60 s");
    }

    void statusBarShowsTheConnector()
    {
        QFETCH(int, state);
        QFETCH(int, used);
        QFETCH(QString, worker);
        QFETCH(QString, budget);
        MainWindow window(&m_session, &m_network, m_database, &m_connector);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("workerStatusLabel"))->text(),
                 QStringLiteral("Stopped"));
        ConnectorStatus status;
        status.state = ConnectorStatus::State(state);
        status.callsInWindow = used;
        status.heldUntil = QDateTime(QDate::currentDate(), QTime(14, 3, 12)).toUTC();
        window.setConnectorStatus(status);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("workerStatusLabel"))->text(), worker);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("budgetStatusLabel"))->text(), budget);
    }

    void navigationSwitchesPanes()
    {
        MainWindow window(&m_session, &m_network, m_database, &m_connector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
        auto *panes = window.findChild<QStackedWidget *>(QStringLiteral("paneStack"));
        const QRect trigger = navigation->visualItemRect(navigation->item(2));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, trigger.center());
        QCOMPARE(window.currentPane(), MainWindow::Pane::TriggerLog);
        QCOMPARE(panes->currentWidget()->objectName(), QStringLiteral("triggerLogPane"));
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(panes->currentWidget()->objectName(), QStringLiteral("accountPane"));
    }

    void configureSignsInThroughTheBrowserAndOpensThePowerAutomatePane()
    {
        EmbeddedSandbox sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        MemorySecretStore secrets;
        AuthSession session(&m_network, &secrets);
        session.setSettings(ConnectionSettings::sandboxDefaults(sandbox.baseUrl()));
        // The system browser is a bot that fills in the sandbox's sign-in form.
        BrowserBot bot;
        MainWindow window(&session, &m_network, m_database, &m_connector);
        window.setBrowser(bot.asBrowser());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<DestinationTileView *>(QStringLiteral("tileView"));
        QVERIFY(view);
        const QModelIndex tile = tileOf(view, QLatin1String(DestinationCatalogueModel::kPowerAutomateId));
        QVERIFY(tile.isValid());
        QCOMPARE(tile.data(DestinationCatalogueModel::ActionTextRole).toString(),
                 QStringLiteral("Configure"));
        const QRect button = view->buttonRect(tile);
        QVERIFY(view->viewport()->rect().contains(button));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button.center());

        QCOMPARE(window.currentPane(), MainWindow::Pane::PowerAutomate);
        auto *panes = window.findChild<QStackedWidget *>(QStringLiteral("paneStack"));
        QCOMPARE(panes->currentWidget()->objectName(), QStringLiteral("powerAutomatePane"));
        QVERIFY(window.findChild<SignInDialog *>());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), AuthSession::State::SignedIn, 15000);
        QCOMPARE(bot.opened(), 1);
        QTRY_COMPARE(bot.callbackStatus(), 200);
        QVERIFY(bot.callbackPage().contains(QLatin1String("Signed in")));
        QTRY_VERIFY(!window.findChild<SignInDialog *>());
        QCOMPARE(panes->currentWidget()->findChild<QLabel *>(QStringLiteral("headingLabel"))->text(),
                 QStringLiteral("Connected as admin@contoso.example"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("connectionStatusLabel"))->text(),
                 QStringLiteral("Signed in as admin@contoso.example"));

        // The connection is one of "My export destinations" now, also after the session ends.
        MyDestinationsModel *mine = window.exportDestinationsPane()->myDestinations();
        QCOMPARE(mine->rowCount(), 1);
        QCOMPARE(mine->index(0, MyDestinationsModel::NameColumn).data().toString(),
                 QStringLiteral("Power Automate (admin@contoso.example)"));
        QCOMPARE(mine->index(0, 0).data(MyDestinationsModel::StatusRole).toInt(),
                 int(MyDestinationsModel::Status::Ready));
        QVERIFY(mine->index(0, MyDestinationsModel::CreatedColumn).data().isValid());

        // Signed in, Configure goes straight to the pane.
        window.showPane(MainWindow::Pane::ExportDestinations);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button.center());
        QCOMPARE(window.currentPane(), MainWindow::Pane::PowerAutomate);
        QVERIFY(!window.findChild<SignInDialog *>());
        QCOMPARE(bot.opened(), 1);

        session.signOut();
        QCOMPARE(mine->rowCount(), 1);
        QCOMPARE(mine->index(0, 0).data(MyDestinationsModel::StatusRole).toInt(),
                 int(MyDestinationsModel::Status::NeedsSignIn));
        MainWindow later(&session, &m_network, m_database, &m_connector); // the next start remembers it
        QCOMPARE(later.exportDestinationsPane()->myDestinations()->rowCount(), 1);
    }

    // Leaving the flow editor with unsaved changes, by the navigation or by closing the window, asks first.
    void unsavedFlowEditsAreGuarded()
    {
        MainWindow window(&m_session, &m_network, m_database, &m_connector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPane(MainWindow::Pane::PowerAutomate);
        PowerAutomatePane *pane = window.powerAutomatePane();
        pane->newFlow();
        pane->editor()
            ->findChild<QLineEdit *>(QStringLiteral("nameLineEdit"))
            ->setText(QStringLiteral("Unsaved"));
        QVERIFY(pane->editor()->isModified());

        MessagePrompt::setNextAnswer(2); // Keep editing
        window.showPane(MainWindow::Pane::TriggerLog);
        QTRY_COMPARE(MessagePrompt::lastQuestion().title, QStringLiteral("Unsaved changes"));
        QCoreApplication::processEvents();
        QCOMPARE(window.currentPane(), MainWindow::Pane::PowerAutomate);
        QVERIFY(pane->isEditing());

        MessagePrompt::setNextAnswer(2); // Keep editing
        QVERIFY(!window.close());
        QCoreApplication::processEvents();
        QVERIFY(window.isVisible());

        MessagePrompt::setNextAnswer(1); // Discard
        window.showPane(MainWindow::Pane::TriggerLog);
        QTRY_COMPARE(window.currentPane(), MainWindow::Pane::TriggerLog);
        QVERIFY(!pane->isEditing());
        QVERIFY(window.close()); // nothing left to ask about
    }

    void clickOutsideTheButtonDoesNotActivate()
    {
        MainWindow window(&m_session, &m_network, m_database, &m_connector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<DestinationTileView *>(QStringLiteral("tileView"));
        const QModelIndex tile = tileOf(view, QLatin1String(DestinationCatalogueModel::kPowerAutomateId));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(tile).topLeft() + QPoint(30, 30));
        QCOMPARE(window.currentPane(), MainWindow::Pane::ExportDestinations);
        QCOMPARE(view->currentIndex(), tile);
    }

    // The whole story (issue #8): an empty data folder, Configure, the interactive sign-in, the template
    // "Post to Teams when a data source refresh fails", a failed refresh in the sandbox, and the firing in
    // the trigger log with its Teams step succeeded and the message in the sandbox's Teams sink.
    void wholeStory()
    {
        SandboxOptions options;
        options.scenarioFile = QStringLiteral(QUIET_SCENARIO);
        options.speed = 10;
        EmbeddedSandbox sandbox(options);
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        QTemporaryDir dataDir;
        Database database;
        QVERIFY2(database.open(dataDir.path(), QStringLiteral("story")), qPrintable(database.errorString()));
        MemorySecretStore secrets;
        AuthSession session(&m_network, &secrets);
        session.setSettings(ConnectionSettings::sandboxDefaults(sandbox.baseUrl()));
        Connector connector;
        connector.setSecretStore(&secrets);
        ConnectorConfig config;
        config.dataDir = dataDir.path();
        config.apiBase = sandbox.apiBaseUrl();
        config.subscriptionKey = sandbox.subscriptionKey();
        config.activeInterval = std::chrono::milliseconds(200);
        config.idleInterval = std::chrono::milliseconds(300);
        config.rateLimit = 10000; // test pace
        connector.followSession(&session, config);
        BrowserBot bot;
        MainWindow window(&session, &m_network, database, &connector);
        window.setBrowser(bot.asBrowser());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // INSIGHTS_SCREENSHOTS=DIR saves the README's screenshots of the story on the way.
        const QString screenshots = qEnvironmentVariable("INSIGHTS_SCREENSHOTS");
        const auto shot = [&](const QString &name) {
            if (screenshots.isEmpty())
                return;
            QCoreApplication::processEvents(); // lay out and update before painting
            QVERIFY(window.grab().save(QDir(screenshots).filePath(name + QStringLiteral(".png"))));
        };
        auto *view = window.findChild<DestinationTileView *>(QStringLiteral("tileView"));
        const QModelIndex tile = tileOf(view, QLatin1String(DestinationCatalogueModel::kPowerAutomateId));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->buttonRect(tile).center());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), AuthSession::State::SignedIn, 15000);
        QCOMPARE(window.currentPane(), MainWindow::Pane::PowerAutomate);
        QTRY_VERIFY(connector.isStarted());

        // The template, with the channel's webhook: the sandbox's Teams sink.
        PowerAutomatePane *pane = window.powerAutomatePane();
        auto *start = pane->findChild<QPushButton *>(QStringLiteral("template0Button"));
        QVERIFY(start && start->isVisible());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(pane->isEditing());
        QUrl webhook = sandbox.baseUrl();
        webhook.setPath(QStringLiteral("/sandbox/teams/data-ops"));
        pane->editor()
            ->stepEditor(0)
            ->findChild<QLineEdit *>(QStringLiteral("webhookLineEdit"))
            ->setText(webhook.toString());
        auto *save = pane->editor()->findChild<QPushButton *>(QStringLiteral("saveButton"));
        QVERIFY2(save->isEnabled(), qPrintable(pane->editor()->problems().join(u'\n')));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(pane->editor()->flowId() != 0);
        QTest::mouseClick(pane->editor()->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                          Qt::LeftButton);
        QVERIFY(!pane->isEditing());
        if (!screenshots.isEmpty()) {
            // A threshold flow in the editor, with the segment's recent values charted: a few evaluations of
            // Churn risk first, each observed by the worker.
            QUrl segment = sandbox.baseUrl();
            segment.setPath(QStringLiteral("/sandbox/control/segments/ChurnRisk"));
            ObservationStore observations(database);
            for (const int count : {760, 820, 905, 870, 940, 1010, 960}) {
                const qsizetype before =
                    observations.recent(TriggerKind::SegmentThresholdCrossed, QStringLiteral("ChurnRisk"))
                        .size();
                HttpTestClient().sendJson("PUT", segment, {{QStringLiteral("count"), count}});
                connector.requestCatalogue(&window); // the catalogue records what it reads, like a poll
                QTRY_VERIFY(
                    observations.recent(TriggerKind::SegmentThresholdCrossed, QStringLiteral("ChurnRisk"))
                        .size() > before);
            }
            pane->newFlowFromTemplate(1);
            QTRY_VERIFY(pane->editor()->findChild<QComboBox *>(QStringLiteral("subjectComboBox"))->count() >
                        0);
            auto *subject = pane->editor()->findChild<QComboBox *>(QStringLiteral("subjectComboBox"));
            subject->setCurrentIndex(subject->findData(QStringLiteral("ChurnRisk")));
            pane->editor()
                ->findChild<QLineEdit *>(QStringLiteral("nameLineEdit"))
                ->setText(QStringLiteral("Email the retention team when churn risk passes 1,000"));
            auto *email = pane->editor()->stepEditor(0);
            email->findChild<QLineEdit *>(QStringLiteral("toLineEdit"))
                ->setText(QStringLiteral("retention@contoso.example"));
            email->findChild<QLineEdit *>(QStringLiteral("smtpHostLineEdit"))
                ->setText(QStringLiteral("smtp.contoso.example"));
            shot(QStringLiteral("flow-editor"));
            MessagePrompt::setNextAnswer(1); // discard
            bool left = false;
            pane->confirmLeave([&left](bool leave) { left = leave; });
            QTRY_VERIFY(left);
        }

        // The sandbox fails a data source refresh.
        HttpTestClient http;
        QUrl control = sandbox.baseUrl();
        control.setPath(QStringLiteral("/sandbox/control/refresh"));
        QTRY_VERIFY_WITH_TIMEOUT(connector.status().lastPollAt.isValid(), 15000); // its baseline is taken
        QCOMPARE(http.postJson(control, {{QStringLiteral("kind"), QStringLiteral("datasource")},
                                         {QStringLiteral("dataSource"), QStringLiteral("LoyaltyProgram")},
                                         {QStringLiteral("outcome"), QStringLiteral("failed")}})
                     .status,
                 200);

        // The firing appears in the trigger log, its Teams step succeeded.
        window.showPane(MainWindow::Pane::TriggerLog);
        TriggerLogModel *log = window.triggerLogPane()->model();
        QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() >= 1, 20000);
        const QModelIndex row = log->index(0, 0);
        QCOMPARE(row.data(TriggerLogModel::SubjectRole).toString(), QStringLiteral("LoyaltyProgram"));
        QCOMPARE(row.data(TriggerLogModel::FlowNameRole).toString(),
                 QStringLiteral("Post to Teams when a data source refresh fails"));
        QTRY_COMPARE_WITH_TIMEOUT(log->index(0, 0).data(TriggerLogModel::StatusRole).toInt(),
                                  int(TriggerLogRecord::Status::Succeeded), 20000);

        // And the message is in the sandbox's Teams sink, with the data source named.
        control.setPath(QStringLiteral("/sandbox/control/outbox"));
        const QJsonArray teams = http.get(control).object().value(QStringLiteral("teams")).toArray();
        QCOMPARE(teams.size(), 1);
        const QByteArray message = QJsonDocument(teams.first().toObject()).toJson();
        QVERIFY2(message.contains("LoyaltyProgram"), message.constData());
        QVERIFY(message.contains("data-ops"));

        // Resubmit from the trigger log: the step runs again, the channel gets the message a second time.
        window.triggerLogPane()->view()->selectRow(0);
        MessagePrompt::setNextAnswer(TriggerLogPane::ResubmitAllAnswer);
        window.triggerLogPane()->requestResubmit();
        QTRY_VERIFY_WITH_TIMEOUT(
            http.get(control).object().value(QStringLiteral("teams")).toArray().size() == 2, 20000);
        QTRY_VERIFY(window.triggerLogPane()->findChild<QLabel *>(QStringLiteral("messageLabel")) &&
                    window.triggerLogPane()
                        ->findChild<QLabel *>(QStringLiteral("messageLabel"))
                        ->text()
                        .startsWith(QLatin1String("Resubmitted: the steps run again"))); // the job's answer
        QTRY_COMPARE_WITH_TIMEOUT(log->index(0, 0).data(TriggerLogModel::StatusRole).toInt(),
                                  int(TriggerLogRecord::Status::Succeeded), 20000);
        if (!screenshots.isEmpty()) {
            // More of the demo for the pictures: the example flows (one per trigger) and a few events.
            // Below the example flows' thresholds first (the scenario's own values vary around them).
            control.setPath(QStringLiteral("/sandbox/control/segments/HighValueCustomers"));
            http.sendJson("PUT", control, {{QStringLiteral("count"), 1180}});
            control.setPath(QStringLiteral("/sandbox/control/measures/TotalRevenue"));
            http.sendJson("PUT", control, {{QStringLiteral("value"), 1240000}});
            QSignalSpy reloaded(&connector, &Connector::flowsReloaded);
            pane->importFlows(QStringLiteral(EXAMPLE_FLOWS));
            QTRY_VERIFY(!reloaded.isEmpty());
            const QDateTime since = connector.status().lastPollAt;
            QTRY_VERIFY_WITH_TIMEOUT(connector.status().lastPollAt > since.addSecs(1), 15000); // baselines
            window.showPane(MainWindow::Pane::PowerAutomate);
            shot(QStringLiteral("flows"));
            const auto fired = [log](const QString &trigger) {
                return !log->match(log->index(0, 0), TriggerLogModel::TriggerIdRole, trigger, 1,
                                   Qt::MatchExactly)
                            .isEmpty();
            };
            control.setPath(QStringLiteral("/sandbox/control/segments/HighValueCustomers"));
            http.sendJson("PUT", control, {{QStringLiteral("count"), 1310}});
            control.setPath(QStringLiteral("/sandbox/control/measures/TotalRevenue"));
            http.sendJson("PUT", control, {{QStringLiteral("value"), 1296400}});
            QTRY_VERIFY_WITH_TIMEOUT(fired(QStringLiteral("segmentThresholdCrossed")) &&
                                         fired(QStringLiteral("measureThresholdCrossed")),
                                     30000);
            control.setPath(QStringLiteral("/sandbox/control/refresh"));
            http.postJson(control, {{QStringLiteral("kind"), QStringLiteral("full")},
                                    {QStringLiteral("scheduled"), true}});
            http.postJson(control, {{QStringLiteral("kind"), QStringLiteral("datasource")},
                                    {QStringLiteral("dataSource"), QStringLiteral("PosTransactions")},
                                    {QStringLiteral("outcome"), QStringLiteral("failed")}});
            QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() >= 10, 30000);
            window.showPane(MainWindow::Pane::TriggerLog);
            const QModelIndexList teamsRows = log->match(
                log->index(0, 0), TriggerLogModel::FlowNameRole,
                QStringLiteral("Post to Teams when a data source refresh fails"), 1, Qt::MatchExactly);
            QVERIFY(!teamsRows.isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(teamsRows.first().data(TriggerLogModel::StatusRole).toInt(),
                                      int(TriggerLogRecord::Status::Succeeded), 20000);
            window.triggerLogPane()->view()->selectRow(
                window.triggerLogPane()->filterModel()->mapFromSource(teamsRows.first()).row());
            shot(QStringLiteral("trigger-log"));
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
