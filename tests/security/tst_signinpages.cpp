// The HTML pages of the sign-in escape whatever they show: the loopback listener's success and failure pages
// (with the identity provider's error_description, which anyone who can reach the listener controls) and
// the sandbox identity provider's sign-in form and error pages (with the request's own parameters).
#include "embeddedsandbox.h"
#include "hostilestrings.h"
#include "httptestclient.h"
#include "loopbacklistener.h"
#include "signinflow.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace {

// `page` shows `text` literally: escaped when it has markup, never raw; otherwise byte for byte.
bool showsLiterally(const QByteArray &page, const QString &text, QString *why)
{
    if (HostileStrings::hasMarkup(text)) {
        if (page.contains(text.toUtf8())) {
            *why = QStringLiteral("raw markup in the page");
            return false;
        }
        if (!page.contains(text.toHtmlEscaped().toUtf8())) {
            *why = QStringLiteral("the escaped text is not in the page");
            return false;
        }
        return true;
    }
    if (!page.contains(text.toUtf8())) {
        *why = QStringLiteral("the text is not in the page intact");
        return false;
    }
    return true;
}

void addHostileRows()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("script") << HostileStrings::script();
    QTest::addRow("attribute") << HostileStrings::attribute();
    QTest::addRow("markup") << HostileStrings::markup();
    QTest::addRow("rtl") << HostileStrings::rtl();
    QTest::addRow("emoji") << HostileStrings::emoji();
}

} // namespace

class TestSignInPages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EmbeddedSandbox> m_sandbox;
    HttpTestClient m_http;

    QUrl authorizeUrl(const QList<QPair<QString, QString>> &parameters) const
    {
        QUrl url = m_sandbox->authorityUrl();
        url.setPath(url.path() + QStringLiteral("/oauth2/v2.0/authorize"));
        QUrlQuery query;
        for (const auto &parameter : parameters)
            query.addQueryItem(parameter.first,
                               QString::fromLatin1(QUrl::toPercentEncoding(parameter.second)));
        url.setQuery(query);
        return url;
    }

    QList<QPair<QString, QString>> validParameters() const
    {
        return {
            {QStringLiteral("client_id"), QStringLiteral("insights-admin")},
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:49152/callback")},
            {QStringLiteral("scope"), QStringLiteral("openid offline_access")},
            {QStringLiteral("state"), QStringLiteral("s")},
            {QStringLiteral("code_challenge"), HttpTestClient::challengeFor(HttpTestClient::makeVerifier())},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<EmbeddedSandbox>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    }

    void loopbackPageTitle_data() { addHostileRows(); }
    void loopbackPageTitle()
    {
        QFETCH(QString, text);
        const QByteArray response = LoopbackListener::htmlResponse(400, text, QString());
        const QByteArray body = response.mid(response.indexOf("\r\n\r\n") + 4);
        QString why;
        QVERIFY2(showsLiterally(body, text, &why), qPrintable(why));
        // Nothing the page shows can run script or load anything.
        QVERIFY(response.contains("Content-Security-Policy: default-src 'none'"));
        QVERIFY(response.contains("X-Content-Type-Options: nosniff"));
    }

    void loopbackPageLongTitle()
    {
        const QString text = HostileStrings::longName();
        const QByteArray response = LoopbackListener::htmlResponse(400, text, QString());
        QVERIFY(!response.contains("<i>end</i>"));
        QVERIFY(response.contains("&lt;i&gt;end&lt;/i&gt;"));
        const qsizetype length = response.mid(response.indexOf("\r\n\r\n") + 4).size();
        QVERIFY(response.contains(QByteArray("Content-Length: " + QByteArray::number(length) + "\r\n")));
    }

    // The failure page of a real sign-in: the callback carries an error_description the page shows.
    void signInFailurePage_data() { addHostileRows(); }
    void signInFailurePage()
    {
        QFETCH(QString, text);
        const ConnectionSettings settings = ConnectionSettings::sandboxDefaults(m_sandbox->baseUrl());
        QNetworkAccessManager nam;
        SignInFlow flow(&nam, settings);
        QUrl opened;
        flow.setBrowser([&](const QUrl &url) {
            opened = url;
            return true;
        });
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(opened.isValid(), 10000);
        const QUrlQuery authorize(opened);
        QUrl callback(authorize.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        query.addQueryItem(QStringLiteral("error_description"),
                           QString::fromLatin1(QUrl::toPercentEncoding(text)));
        query.addQueryItem(QStringLiteral("state"), authorize.queryItemValue(QStringLiteral("state")));
        callback.setQuery(query);

        const HttpTestClient::Response page = m_http.get(callback);
        QVERIFY(page.status >= 400);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QString why;
        QVERIFY2(showsLiterally(page.body, text, &why),
                 qPrintable(why + u'\n' + QString::fromUtf8(page.body)));
        QTRY_COMPARE(failed.size(), 1);
    }

    // The sandbox's sign-in form echoes the request's parameters into hidden fields.
    void sandboxSignInForm_data() { addHostileRows(); }
    void sandboxSignInForm()
    {
        QFETCH(QString, text);
        auto parameters = validParameters();
        for (auto &parameter : parameters) {
            if (parameter.first == QLatin1String("state"))
                parameter.second = text;
        }
        parameters.append({QStringLiteral("login_hint"), text});
        parameters.append({QStringLiteral("nonce"), text});
        const HttpTestClient::Response page = m_http.get(authorizeUrl(parameters));
        QCOMPARE(page.status, 200);
        QString why;
        QVERIFY2(showsLiterally(page.body, text, &why), qPrintable(why));
    }

    // Its error pages name the unknown client or redirect URI the request gave.
    void sandboxErrorPage_data() { addHostileRows(); }
    void sandboxErrorPage()
    {
        QFETCH(QString, text);
        auto parameters = validParameters();
        parameters[0].second = text; // client_id
        HttpTestClient::Response page = m_http.get(authorizeUrl(parameters));
        QCOMPARE(page.status, 400);
        QString why;
        QVERIFY2(showsLiterally(page.body, text, &why), qPrintable(why));

        parameters = validParameters();
        parameters[2].second = QStringLiteral("https://evil.example/") + text; // redirect_uri
        page = m_http.get(authorizeUrl(parameters));
        QCOMPARE(page.status, 400);
        QVERIFY2(showsLiterally(page.body, QStringLiteral("https://evil.example/") + text, &why),
                 qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestSignInPages)
#include "tst_signinpages.moc"
