#include "authsession.h"
#include "browserbot.h"
#include "connectionsettings.h"
#include "connectorstatus.h"
#include "database.h"
#include "destinations/destinationcataloguemodel.h"
#include "embeddedsandbox.h"
#include "exportdestinations/destinationtileview.h"
#include "exportdestinations/exportdestinationspane.h"
#include "mainwindow/mainwindow.h"
#include "secretstore.h"
#include "signin/signindialog.h"
#include "urlcatcher.h"

#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
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

private slots:
    void initTestCase()
    {
        QVERIFY2(m_database.open(m_dataDir.path(), QStringLiteral("gui")),
                 qPrintable(m_database.errorString()));
    }

    void startsOnExportDestinations()
    {
        MainWindow window(&m_session, &m_network, m_database);
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
        MainWindow window(&m_session, &m_network, m_database);
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
        MainWindow window(&m_session, &m_network, m_database);
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
        UrlCatcher browser;
        BrowserBot bot;
        connect(&browser, &UrlCatcher::urlOpened, &bot, [&bot](const QUrl &url) { bot.open(url); });

        MainWindow window(&session, &m_network, m_database);
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
        QCOMPARE(browser.urls().size(), 1);
        QTRY_COMPARE(bot.callbackStatus(), 200);
        QVERIFY(bot.callbackPage().contains(QLatin1String("Signed in")));
        QTRY_VERIFY(!window.findChild<SignInDialog *>());
        QCOMPARE(panes->currentWidget()->findChild<QLabel *>(QStringLiteral("headingLabel"))->text(),
                 QStringLiteral("Connected as admin@contoso.example"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("connectionStatusLabel"))->text(),
                 QStringLiteral("Signed in as admin@contoso.example"));

        // Signed in, Configure goes straight to the pane.
        window.showPane(MainWindow::Pane::ExportDestinations);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button.center());
        QCOMPARE(window.currentPane(), MainWindow::Pane::PowerAutomate);
        QVERIFY(!window.findChild<SignInDialog *>());
        QCOMPARE(browser.urls().size(), 1);
    }

    void clickOutsideTheButtonDoesNotActivate()
    {
        MainWindow window(&m_session, &m_network, m_database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<DestinationTileView *>(QStringLiteral("tileView"));
        const QModelIndex tile = tileOf(view, QLatin1String(DestinationCatalogueModel::kPowerAutomateId));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(tile).topLeft() + QPoint(30, 30));
        QCOMPARE(window.currentPane(), MainWindow::Pane::ExportDestinations);
        QCOMPARE(view->currentIndex(), tile);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
