#include "browserbot.h"
#include "connectionsettings.h"
#include "embeddedsandbox.h"
#include "signin/signindialog.h"
#include "signinflow.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace std::chrono_literals;

class TestSignInDialog : public QObject
{
    Q_OBJECT

private:
    EmbeddedSandbox m_sandbox;
    QNetworkAccessManager m_network;

    SignInFlow *newFlow()
    {
        return new SignInFlow(&m_network, ConnectionSettings::sandboxDefaults(m_sandbox.baseUrl()));
    }

    template<typename T>
    static T *child(QWidget &dialog, const char *name)
    {
        return dialog.findChild<T *>(QLatin1String(name));
    }

private slots:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void signsInAndCloses()
    {
        BrowserBot bot;
        SignInFlow *flow = newFlow();
        flow->setBrowser(bot.asBrowser());
        SignInDialog dialog(flow);
        QSignalSpy signedIn(flow, &SignInFlow::signedIn);
        dialog.open();
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 15000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }

    void waitingShowsTheCountdownAndTheLink()
    {
        int opened = 0;
        SignInFlow *flow = newFlow();
        flow->setBrowser([&opened](const QUrl &) { return ++opened > 0; }); // a browser that never comes back
        SignInDialog dialog(flow);
        dialog.open();
        QTRY_COMPARE(flow->state(), SignInFlow::State::WaitingForBrowser);
        QCOMPARE(child<QLabel>(dialog, "stateLabel")->text(),
                 QStringLiteral("Waiting for you to sign in in your browser"));
        const QString countdown = child<QLabel>(dialog, "countdownLabel")->text();
        QVERIFY2(countdown == u"Time left: 5:00" || countdown == u"Time left: 4:59", qPrintable(countdown));
        QVERIFY(child<QLabel>(dialog, "countdownLabel")->isVisible());
        QVERIFY(!child<QLabel>(dialog, "errorLabel")->isVisible());

        QTest::mouseClick(child<QPushButton>(dialog, "copyLinkButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), flow->authorizeUrl().toString());
        QVERIFY(flow->authorizeUrl().query().contains(QLatin1String("code_challenge_method=S256")));
        QTest::mouseClick(child<QPushButton>(dialog, "openBrowserButton"), Qt::LeftButton);
        QCOMPARE(opened, 2);

        QVERIFY(flow->listenerPort() != 0);
        QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(flow->listenerPort(), quint16(0));
    }

    void denialIsExplainedWithDetailsAndRetry()
    {
        BrowserBot bot;
        BrowserCredentials deny;
        deny.consent = QStringLiteral("deny");
        SignInFlow *flow = newFlow();
        flow->setBrowser(bot.asBrowser(deny));
        SignInDialog dialog(flow);
        QSignalSpy retry(&dialog, &SignInDialog::retryRequested);
        dialog.open();
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), SignInFlow::State::Failed, 15000);
        QVERIFY(dialog.isVisible());
        QCOMPARE(child<QLabel>(dialog, "stateLabel")->text(), QStringLiteral("Sign-in did not complete"));
        QVERIFY(child<QLabel>(dialog, "errorLabel")->isVisible());
        QCOMPARE(child<QLabel>(dialog, "errorLabel")->text(), flow->error().message);
        QVERIFY(!child<QPlainTextEdit>(dialog, "detailsText")->isVisible());
        QTest::mouseClick(child<QToolButton>(dialog, "detailsButton"), Qt::LeftButton);
        QVERIFY(child<QPlainTextEdit>(dialog, "detailsText")->isVisible());
        QVERIFY(child<QPlainTextEdit>(dialog, "detailsText")
                    ->toPlainText()
                    .contains(QLatin1String("access_denied")));
        QCOMPARE(child<QPushButton>(dialog, "cancelButton")->text(), QStringLiteral("Close"));
        QTest::mouseClick(child<QPushButton>(dialog, "retryButton"), Qt::LeftButton);
        QCOMPARE(retry.size(), 1);
    }

    void timeoutIsExplained()
    {
        SignInFlow *flow = newFlow();
        flow->setBrowser([](const QUrl &) { return true; });
        flow->setTimeout(300ms);
        SignInDialog dialog(flow);
        dialog.open();
        QTRY_COMPARE_WITH_TIMEOUT(flow->state(), SignInFlow::State::Failed, 10000);
        QCOMPARE(flow->error().kind, SignInError::Kind::Timeout);
        QCOMPARE(child<QLabel>(dialog, "errorLabel")->text(), flow->error().message);
        QVERIFY(child<QPushButton>(dialog, "retryButton")->isVisible());
        QVERIFY(!child<QPushButton>(dialog, "copyLinkButton")->isVisible());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
