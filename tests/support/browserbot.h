#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

struct BrowserCredentials
{
    QString username = QStringLiteral("admin@contoso.example");
    QString password = QStringLiteral("sandbox");
    QString consent = QStringLiteral("accept"); // or "deny"
};

// Plays the system browser against an OAuth authorization server's HTML sign-in form (the sandbox's):
// GET the authorize URL, fill in and POST the form, follow the 302 to the app's loopback redirect, and
// read the page the app answers with. A real QNetworkAccessManager, no scripting, no sleeps.
class BrowserBot : public QObject
{
    Q_OBJECT

public:
    using Credentials = BrowserCredentials;

    explicit BrowserBot(QObject *parent = nullptr);

    // Opens `authorizeUrl` and, when `submitAutomatically`, submits the form with `credentials`.
    void open(const QUrl &authorizeUrl, const Credentials &credentials = {}, bool submitAutomatically = true);
    // Submits the sign-in form currently shown.
    void submit(const Credentials &credentials);
    // Follows a redirect by hand (e.g. after a test has tampered with it).
    void follow(const QUrl &url);

    // Called with the authorization server's redirect target; returns where the "browser" goes instead
    // (e.g. a tampered state). Return an empty URL to never come back (a closed browser).
    void setRedirectHook(std::function<QUrl(const QUrl &)> hook) { m_redirectHook = std::move(hook); }

    // Usable as SignInFlow::setBrowser(): opens the URL and submits with the default credentials.
    std::function<bool(const QUrl &)> asBrowser(const Credentials &credentials = {});

    QString formPage() const { return m_formPage; }
    QUrl redirectTarget() const { return m_redirectTarget; } // where the server redirected (code, state)
    int callbackStatus() const { return m_callbackStatus; }
    QString callbackPage() const { return m_callbackPage; }
    int opened() const { return m_opened; }

    // The `name` parameter of a URL's query, decoded.
    static QString queryValue(const QUrl &url, const QString &name);

signals:
    void formShown(const QString &html);                    // the sign-in form (again after a wrong password)
    void redirected(const QUrl &target);                    // the server's 302 Location
    void callbackAnswered(int status, const QString &html); // the app's loopback page
    void failed(const QString &why);

private:
    void handleFormReply(QNetworkReply *reply, const Credentials &credentials, bool submitAutomatically);

    QNetworkAccessManager m_nam;
    std::function<QUrl(const QUrl &)> m_redirectHook;
    QString m_formPage;
    QUrl m_formAction;
    QList<std::pair<QString, QString>> m_hiddenFields;
    QUrl m_redirectTarget;
    int m_callbackStatus = 0;
    QString m_callbackPage;
    int m_opened = 0;
};
