#include "signinflow.h"

#include "authlog.h"
#include "loopbacklistener.h"
#include "pkce.h"
#include "systembrowser.h"
#include "tokenrequest.h"

SignInFlow::SignInFlow(QNetworkAccessManager *nam, const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_settings(settings)
    , m_browser([](const QUrl &url) { return SystemBrowser::open(url); })
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcAuth) << "sign-in timed out waiting for the browser";
        fail(SignInError{SignInError::Kind::Timeout,
                         tr("The sign-in timed out: the browser did not come back in time. Try again."),
                         QStringLiteral("no callback within %1 s").arg(m_timeout.count() / 1000)});
    });
}

SignInFlow::~SignInFlow()
{
    if (m_discovery)
        m_discovery->abort();
    if (m_tokenRequest)
        m_tokenRequest->abort();
}

void SignInFlow::setBrowser(Browser open)
{
    m_browser = std::move(open);
}

void SignInFlow::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void SignInFlow::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

quint16 SignInFlow::listenerPort() const
{
    return m_listener && m_listener->isListening() ? m_listener->port() : 0;
}

QHostAddress SignInFlow::listenerAddress() const
{
    return m_listener && m_listener->isListening() ? m_listener->address() : QHostAddress();
}

QString SignInFlow::successPageText()
{
    return tr("Signed in to Insights Admin — you can close this tab.");
}

void SignInFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcAuth) << "sign-in:" << state;
    emit stateChanged(state);
}

void SignInFlow::start()
{
    if (m_state != State::Idle) {
        qCWarning(lcAuth) << "sign-in: start() ignored in state" << m_state;
        return;
    }
    if (const QStringList problems = m_settings.validate(); !problems.isEmpty()) {
        fail(SignInError{SignInError::Kind::Configuration,
                         tr("The connection settings are incomplete. Check them in the Account pane."),
                         problems.join(u'\n')});
        return;
    }
    setState(State::Discovering);
    m_discovery = new EndpointDiscovery(m_nam, m_settings, this);
    connect(m_discovery, &EndpointDiscovery::discovered, this, &SignInFlow::beginWithEndpoints);
    connect(m_discovery, &EndpointDiscovery::failed, this, &SignInFlow::fail);
    m_discovery->start();
}

void SignInFlow::beginWithEndpoints(const AuthEndpoints &endpoints)
{
    if (m_discovery)
        m_discovery->deleteLater();
    if (m_state != State::Discovering)
        return;
    m_endpoints = endpoints;

    // The listener must be up before the browser can possibly come back.
    m_listener = new LoopbackListener(this);
    connect(m_listener, &LoopbackListener::callbackReceived, this, &SignInFlow::handleCallback);
    if (!m_listener->listen()) {
        fail(SignInError{SignInError::Kind::Listener,
                         tr("Could not start the local sign-in listener on 127.0.0.1."),
                         m_listener->errorString()});
        return;
    }
    m_redirectUri = m_listener->redirectUri();
    m_verifier = Pkce::createVerifier();
    m_stateToken = Pkce::randomToken(32);

    QUrl url = m_endpoints.authorizeUrl;
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    if (!query.isEmpty())
        query += '&';
    query += TokenRequest::encodeForm({
        {QStringLiteral("client_id"), m_settings.clientId},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("scope"), m_settings.scopes.join(u' ')},
        {QStringLiteral("state"), QString::fromLatin1(m_stateToken)},
        {QStringLiteral("code_challenge"), QString::fromLatin1(Pkce::challengeS256(m_verifier))},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    });
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    m_authorizeUrl = url;

    m_deadline = m_now().toUTC().addMSecs(m_timeout.count());
    m_timeoutTimer.start(m_timeout);
    openBrowser();
}

void SignInFlow::openBrowser()
{
    setState(State::OpeningBrowser);
    qCDebug(lcAuth) << "opening the browser at"
                    << m_authorizeUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    const QPointer<SignInFlow> self(this);
    const bool opened = m_browser && m_browser(m_authorizeUrl);
    if (!self || m_state != State::OpeningBrowser)
        return; // the browser hook already finished or cancelled the flow
    if (!opened) {
        qCWarning(lcAuth) << "could not open the system browser";
        emit browserOpenFailed();
    }
    setState(State::WaitingForBrowser);
}

void SignInFlow::openBrowserAgain()
{
    if (m_state != State::WaitingForBrowser)
        return;
    qCDebug(lcAuth) << "opening the browser again";
    if (!(m_browser && m_browser(m_authorizeUrl))) {
        qCWarning(lcAuth) << "could not open the system browser";
        emit browserOpenFailed();
    }
}

void SignInFlow::cancel()
{
    if (m_state == State::SignedIn || m_state == State::Failed)
        return;
    qCDebug(lcAuth) << "sign-in cancelled in state" << m_state;
    fail(
        SignInError{SignInError::Kind::Cancelled, tr("Sign-in was cancelled."), QStringLiteral("cancelled")});
}

void SignInFlow::handleCallback(const QUrlQuery &query)
{
    if (m_state != State::WaitingForBrowser && m_state != State::OpeningBrowser) {
        m_listener->respond(404, tr("Not found"), QString());
        return;
    }
    const auto value = [&query](const QString &key) { return query.queryItemValue(key, QUrl::FullyDecoded); };

    // The state comes first: a forged or stale callback's code or error is never acted on.
    const QStringList states = query.allQueryItemValues(QStringLiteral("state"), QUrl::FullyDecoded);
    if (states.size() != 1 || !Pkce::equalSecrets(states.first().toUtf8(), m_stateToken)) {
        qCWarning(lcAuth) << "callback state does not match this sign-in attempt; its code is discarded";
        fail(SignInError{SignInError::Kind::StateMismatch,
                         tr("The answer from the browser does not belong to this sign-in attempt, so it was "
                            "rejected. Sign in again."),
                         QStringLiteral("state mismatch")});
        return;
    }

    const QString error = value(QStringLiteral("error"));
    const QString description = value(QStringLiteral("error_description"));
    if (!error.isEmpty()) {
        const bool denied = error == u"access_denied";
        qCWarning(lcAuth).noquote() << "authorization endpoint returned" << error;
        QString details = error;
        if (!description.isEmpty())
            details += QStringLiteral(": ") + description;
        respondWithError(400,
                         denied ? tr("Sign-in was declined, so Insights Admin was not connected.")
                                : tr("The sign-in server could not complete the sign-in."),
                         description.isEmpty() ? error : description);
        fail(SignInError{denied ? SignInError::Kind::Denied : SignInError::Kind::Authorization,
                         denied
                             ? tr("Sign-in was declined. To connect, sign in again and accept the requested "
                                  "permissions.")
                             : tr("The sign-in server could not complete the sign-in."),
                         details});
        return;
    }

    const QString code = value(QStringLiteral("code"));
    if (code.isEmpty()) {
        qCWarning(lcAuth) << "callback without a code";
        fail(SignInError{SignInError::Kind::Authorization,
                         tr("The sign-in server sent the browser back without a sign-in code."),
                         QStringLiteral("callback without code")});
        return;
    }

    // The first valid callback ends listening.
    m_timeoutTimer.stop();
    m_listener->stopListening();
    exchangeCode(code);
}

void SignInFlow::exchangeCode(const QString &code)
{
    setState(State::ExchangingCode);
    m_tokenRequest =
        new TokenRequest(m_nam, m_endpoints.tokenUrl,
                         {
                             {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("code"), code},
                             {QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded)},
                             {QStringLiteral("client_id"), m_settings.clientId},
                             {QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier)},
                         },
                         this);
    m_tokenRequest->setClock(m_now);
    connect(m_tokenRequest, &TokenRequest::succeeded, this, [this](const TokenSet &tokens) {
        m_tokenRequest->deleteLater();
        m_listener->respond(200, tr("Signed in to Insights Admin"),
                            QStringLiteral("<p>%1</p>").arg(successPageText().toHtmlEscaped()));
        finishListener();
        qCInfo(lcAuth) << "signed in";
        emit signedIn(tokens);
        setState(State::SignedIn);
    });
    connect(m_tokenRequest, &TokenRequest::failed, this, [this](SignInError error) {
        m_tokenRequest->deleteLater();
        if (error.kind == SignInError::Kind::InvalidGrant)
            error.message = tr("The sign-in server rejected the sign-in code. Sign in again.");
        fail(error);
    });
    m_tokenRequest->start();
}

void SignInFlow::respondWithError(int status, const QString &message, const QString &providerDescription)
{
    if (!m_listener)
        return;
    QString html = QStringLiteral("<p>%1</p>").arg(message.toHtmlEscaped());
    if (!providerDescription.isEmpty())
        html += QStringLiteral("\n<p>%1</p>")
                    .arg(tr("The sign-in server said: %1").arg(providerDescription.toHtmlEscaped()));
    html += QStringLiteral("\n<p>%1</p>")
                .arg(tr("You can close this tab and return to Insights Admin.").toHtmlEscaped());
    m_listener->respond(status, tr("Sign-in failed"), html);
}

void SignInFlow::fail(const SignInError &error)
{
    if (m_state == State::SignedIn || m_state == State::Failed)
        return;
    m_error = error;
    m_timeoutTimer.stop();
    if (m_discovery)
        m_discovery->abort();
    if (m_tokenRequest)
        m_tokenRequest->abort();
    respondWithError(400, error.message, QString()); // when the browser is still waiting
    finishListener();
    qCWarning(lcAuth) << "sign-in failed:" << error.kind;
    emit failed(error);
    setState(State::Failed);
}

void SignInFlow::finishListener()
{
    if (m_listener)
        m_listener->close();
    // Single use: forget the secrets of this attempt.
    m_verifier.fill('\0');
    m_verifier.clear();
    m_stateToken.fill('\0');
    m_stateToken.clear();
}
