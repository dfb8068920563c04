#include "headlesssignin.h"

#include "authsession.h"
#include "signinflow.h"

HeadlessSignIn::HeadlessSignIn(QNetworkAccessManager *network, AuthSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_flow(new SignInFlow(network, session->settings(), this))
    , m_print([](const QString &) {})
{
    connect(m_flow, &SignInFlow::stateChanged, this, [this](SignInFlow::State state) {
        if (state == SignInFlow::State::WaitingForBrowser)
            m_print(tr("Sign in in your browser. If it did not open, open this link: %1")
                        .arg(m_flow->authorizeUrl().toString(QUrl::FullyEncoded)));
    });
    connect(m_flow, &SignInFlow::signedIn, this, &HeadlessSignIn::adopt);
    connect(m_flow, &SignInFlow::failed, this, &HeadlessSignIn::fail);
}

void HeadlessSignIn::start()
{
    m_print(tr("Signing in to %1…").arg(m_session->settings().authority.toString()));
    m_flow->start();
}

void HeadlessSignIn::adopt(const TokenSet &tokens)
{
    // Done once the secret store has answered: the next start then signs in without a browser.
    connect(
        m_session, &AuthSession::secretStoreStatusChanged, this,
        [this] {
            m_print(tr("Signed in as %1.").arg(m_session->account()));
            m_print(m_session->secretStoreStatus());
            m_print(tr("Subscription key: %1").arg(m_session->subscriptionKeyStatus()));
            emit finished(0);
        },
        Qt::SingleShotConnection);
    m_session->adopt(tokens);
}

void HeadlessSignIn::fail(const SignInError &error)
{
    m_print(error.message);
    if (!error.details.isEmpty())
        m_print(tr("Details: %1").arg(error.details));
    emit finished(1);
}
