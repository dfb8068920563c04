#pragma once

#include "connectionsettings.h"
#include "endpointdiscovery.h"
#include "signinerror.h"
#include "tokenset.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

class LoopbackListener;
class QNetworkAccessManager;
class TokenRequest;

// One interactive sign-in attempt: OAuth 2.0 authorization code + PKCE over a loopback redirect
// (RFC 6749, 7636, 8252).
//
//   app                       listener 127.0.0.1:P     browser               authorization server
//    | start()                     |                      |                          |
//    | Discovering ---- GET {authority}/v2.0/.well-known/openid-configuration ------> |
//    | listen() ------------------>|                      |                          |
//    | OpeningBrowser: open(authorize?state=S&code_challenge=C&redirect_uri=...) -->  |
//    | WaitingForBrowser (deadline)|                      |--- sign in, consent ---->|
//    |                             |<-- GET /callback?code=X&state=S (302) ----------|
//    |<-- callbackReceived --------| (held; favicon etc. get 404)                    |
//    | state == S ? else Failed(StateMismatch), X is never used                       |
//    | stopListening()             |                      |                          |
//    | ExchangingCode ---- POST token: code=X, code_verifier=V, redirect_uri --------->|
//    |<------------------------------------------ access/refresh/id token -----------|
//    | respond(success page) ----->|--- "Signed in" ----->|                          |
//    | SignedIn: signedIn(tokens)  | closed               |                          |
//
// Every other outcome (denied, timeout, cancel, network, token error) answers the browser with an error
// page when it is still waiting, closes the listener and ends in Failed with failed(error). A flow runs
// once; start a new SignInFlow to try again.
class SignInFlow : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Discovering,
        OpeningBrowser,
        WaitingForBrowser,
        ExchangingCode,
        SignedIn,
        Failed
    };
    Q_ENUM(State)

    SignInFlow(QNetworkAccessManager *nam, const ConnectionSettings &settings, QObject *parent = nullptr);
    ~SignInFlow() override;

    // How the authorize URL reaches the user's browser; returns false when no browser could be opened (the
    // flow keeps waiting: the user can copy the link). Default: SystemBrowser::open ($BROWSER, then
    // xdg-open), for the first opening and openBrowserAgain() alike.
    using Browser = std::function<bool(const QUrl &)>;
    void setBrowser(Browser open);
    void setTimeout(std::chrono::milliseconds timeout); // how long to wait for the browser; default 5 min
    void setClock(std::function<QDateTime()> now);      // for deadline() and token expiry; default UTC now

    void start();
    void cancel();
    void openBrowserAgain();

    State state() const { return m_state; }
    QUrl authorizeUrl() const { return m_authorizeUrl; } // the sign-in link, once the browser is opened
    quint16 listenerPort() const;                        // 0 when not listening
    QHostAddress listenerAddress() const;                // 127.0.0.1 while listening
    QDateTime deadline() const { return m_deadline; }    // when waiting for the browser ends (UTC)
    QUrl tokenUrl() const { return m_endpoints.tokenUrl; }
    SignInError error() const { return m_error; } // after Failed

    // The sentence for the browser tab after a successful sign-in.
    static QString successPageText();

signals:
    // signedIn / failed are emitted before stateChanged(SignedIn / Failed).
    void stateChanged(SignInFlow::State state);
    void signedIn(const TokenSet &tokens);
    void failed(const SignInError &error);
    void browserOpenFailed(); // the system browser could not be opened; show the link

private:
    void setState(State state);
    void beginWithEndpoints(const AuthEndpoints &endpoints);
    void openBrowser();
    void handleCallback(const QUrlQuery &query);
    void exchangeCode(const QString &code);
    void fail(const SignInError &error);
    void finishListener();
    void respondWithError(int status, const QString &message, const QString &providerDescription);

    QNetworkAccessManager *m_nam;
    ConnectionSettings m_settings;
    Browser m_browser;
    std::function<QDateTime()> m_now;
    std::chrono::milliseconds m_timeout{std::chrono::minutes(5)};

    State m_state = State::Idle;
    AuthEndpoints m_endpoints;
    QByteArray m_verifier;
    QByteArray m_stateToken;
    QUrl m_redirectUri;
    QUrl m_authorizeUrl;
    QDateTime m_deadline;
    SignInError m_error;
    QTimer m_timeoutTimer;
    LoopbackListener *m_listener = nullptr;
    QPointer<EndpointDiscovery> m_discovery;
    QPointer<TokenRequest> m_tokenRequest;
};
