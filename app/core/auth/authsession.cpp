#include "authsession.h"

#include "authlog.h"
#include "endpointdiscovery.h"
#include "secretstore.h"
#include "tokenrequest.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr qint64 kMaxTimerStepMs = 5 * 60 * 1000; // re-check the wall clock at least this often (suspend)
constexpr int kFirstRetrySeconds = 15;
constexpr int kMaxRetrySeconds = 5 * 60;

QString encodeSecret(const QString &refreshToken, const QString &account)
{
    QJsonObject json{{QStringLiteral("refresh_token"), refreshToken}};
    if (!account.isEmpty())
        json.insert(QStringLiteral("account"), account);
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

std::pair<QString, QString> decodeSecret(const QString &secret)
{
    const QJsonDocument document = QJsonDocument::fromJson(secret.toUtf8());
    if (!document.isObject())
        return {secret.trimmed(), QString()}; // a bare refresh token
    const QJsonObject json = document.object();
    return {json.value(u"refresh_token").toString(), json.value(u"account").toString()};
}

} // namespace

AuthSession::AuthSession(QNetworkAccessManager *nam, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_secrets(secrets)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_refreshTimer, &QTimer::timeout, this, &AuthSession::handleRefreshTimer);
}

AuthSession::~AuthSession()
{
    abortNetwork();
}

void AuthSession::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
    if (m_keySource == KeySource::None)
        readSubscriptionKey();
    else if (m_keySource == KeySource::Unsaved && !m_refreshToken.isEmpty())
        saveSubscriptionKey();
    if (!m_refreshToken.isEmpty())
        persist();
    emit secretStoreStatusChanged(secretStoreStatus());
}

void AuthSession::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void AuthSession::setSettings(const ConnectionSettings &settings)
{
    const bool sameConnection = settings.secretKey() == m_settings.secretKey() &&
                                settings.authorizeUrl == m_settings.authorizeUrl &&
                                settings.tokenUrl == m_settings.tokenUrl;
    m_settings = settings;
    if (sameConnection)
        return;
    m_tokenUrl.clear();
    if (m_keySource != KeySource::None) {
        m_subscriptionKey.clear(); // the other connection's key
        m_keySource = KeySource::None;
        m_keyError.clear();
        emit subscriptionKeyChanged(QString());
    }
    readSubscriptionKey();
    if (m_state != State::SignedOut) {
        qCDebug(lcAuth) << "session: another connection - signed out in memory";
        ++m_generation;
        abortNetwork();
        clearMemory();
        m_stored = false;
        emit accessTokenChanged(QString());
        setState(State::SignedOut);
    }
}

QString AuthSession::stateText() const
{
    switch (m_state) {
    case State::SignedOut:
        return tr("Not signed in");
    case State::Restoring:
        return tr("Signing in with the remembered account…");
    case State::SignedIn:
        return m_account.isEmpty() ? tr("Signed in") : tr("Signed in as %1").arg(m_account);
    case State::Refreshing:
        return tr("Signed in as %1; renewing the access token…").arg(m_account);
    case State::Expired:
        return tr("Sign-in expired: sign in again to continue.");
    }
    return {};
}

QString AuthSession::secretStoreStatus() const
{
    if (!m_secrets)
        return tr("Checking the system secret store…");
    if (m_secrets->isPersistent() && !m_storeError.isEmpty())
        return tr("Not remembered: the system secret store refused it (%1)").arg(m_storeError);
    return m_secrets->status();
}

QDateTime AuthSession::refreshTimeFor(const QDateTime &issuedAt, const QDateTime &expiresAt)
{
    if (!issuedAt.isValid() || !expiresAt.isValid())
        return {};
    const qint64 lifetime = std::max<qint64>(0, issuedAt.msecsTo(expiresAt));
    const QDateTime at80 = issuedAt.addMSecs(lifetime * 8 / 10);
    const QDateTime before5 = expiresAt.addSecs(-5 * 60);
    const QDateTime half = issuedAt.addMSecs(lifetime / 2);
    return std::max(std::min(at80, before5), half);
}

void AuthSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcAuth) << "session:" << state;
    emit stateChanged(state);
}

void AuthSession::restore()
{
    if (m_state != State::SignedOut && m_state != State::Expired) {
        qCDebug(lcAuth) << "session: restore() ignored in state" << m_state;
        return;
    }
    if (!m_secrets || !m_settings.validate().isEmpty()) {
        qCDebug(lcAuth) << "session: nothing to restore";
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Restoring);
    const QString key = m_settings.secretKey();
    enqueueSecretOperation([this, key, generation] {
        m_secrets->read(key, this, [this, generation](std::optional<QString> secret, const QString &error) {
            finishSecretOperation();
            if (generation != m_generation)
                return;
            if (!error.isEmpty())
                qCWarning(lcAuth).noquote() << "session: secret store read failed:" << error;
            const auto [refreshToken, account] =
                secret ? decodeSecret(*secret) : std::pair<QString, QString>();
            if (refreshToken.isEmpty()) {
                qCDebug(lcAuth) << "session: no remembered sign-in";
                setState(State::SignedOut);
                return;
            }
            m_refreshToken = refreshToken;
            m_account = account;
            m_stored = m_secrets->isPersistent();
            startRefresh(State::Restoring);
        });
    });
}

void AuthSession::adopt(const TokenSet &tokens)
{
    if (!tokens.isValid())
        return;
    ++m_generation;
    abortNetwork();
    clearMemory();
    m_retryDelaySeconds = 0;
    applyTokens(tokens, true);
    if (tokens.refreshToken.isEmpty())
        forget(); // an older remembered token belongs to another sign-in
}

void AuthSession::refreshNow()
{
    if (m_state != State::SignedIn || m_refreshToken.isEmpty())
        return;
    startRefresh(State::Refreshing);
}

void AuthSession::signOut()
{
    qCInfo(lcAuth) << "session: signing out";
    ++m_generation;
    abortNetwork();
    clearMemory();
    m_lastError = SignInError();
    forget();
    emit accessTokenChanged(QString());
    setState(State::SignedOut);
}

void AuthSession::applyTokens(const TokenSet &tokens, bool persistAlways)
{
    if (m_keySource == KeySource::Unsaved)
        saveSubscriptionKey(); // before the refresh token: a caller waiting for that write sees both done
    const QString previousRefreshToken = m_refreshToken;
    const QString previousAccount = m_account;
    m_accessToken = tokens.accessToken;
    m_expiresAt = tokens.expiresAt;
    if (!tokens.account.isEmpty())
        m_account = tokens.account;
    if (!tokens.refreshToken.isEmpty())
        m_refreshToken = tokens.refreshToken; // rotation: the new one replaces the old
    if (!m_refreshToken.isEmpty() &&
        (persistAlways || m_refreshToken != previousRefreshToken || m_account != previousAccount))
        persist();
    m_refreshAt = refreshTimeFor(m_now().toUTC(), m_expiresAt);
    scheduleRefresh();
    emit accessTokenChanged(m_accessToken);
    setState(State::SignedIn);
}

void AuthSession::startRefresh(State during)
{
    if (m_refreshToken.isEmpty() || m_tokenRequest || m_discovery)
        return;
    setState(during);
    m_refreshTimer.stop();
    if (m_tokenUrl.isValid()) {
        postRefresh(m_tokenUrl);
        return;
    }
    m_discovery = new EndpointDiscovery(m_nam, m_settings, this);
    connect(m_discovery, &EndpointDiscovery::discovered, this, [this](const AuthEndpoints &endpoints) {
        m_discovery->deleteLater();
        m_tokenUrl = endpoints.tokenUrl;
        postRefresh(m_tokenUrl);
    });
    connect(m_discovery, &EndpointDiscovery::failed, this, [this](const SignInError &error) {
        m_discovery->deleteLater();
        handleRefreshFailure(error);
    });
    m_discovery->start();
}

void AuthSession::postRefresh(const QUrl &tokenUrl)
{
    qCDebug(lcAuth) << "session: refreshing the access token";
    m_tokenRequest = new TokenRequest(m_nam, tokenUrl,
                                      {
                                          {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                          {QStringLiteral("refresh_token"), m_refreshToken},
                                          {QStringLiteral("client_id"), m_settings.clientId},
                                          {QStringLiteral("scope"), m_settings.scopes.join(u' ')},
                                      },
                                      this);
    m_tokenRequest->setClock(m_now);
    connect(m_tokenRequest, &TokenRequest::succeeded, this, [this](const TokenSet &tokens) {
        m_tokenRequest->deleteLater();
        qCInfo(lcAuth) << "session: access token refreshed";
        m_retryDelaySeconds = 0;
        m_lastError = SignInError();
        applyTokens(tokens, false);
    });
    connect(m_tokenRequest, &TokenRequest::failed, this, [this](const SignInError &error) {
        m_tokenRequest->deleteLater();
        handleRefreshFailure(error);
    });
    m_tokenRequest->start();
}

void AuthSession::handleRefreshFailure(const SignInError &error)
{
    m_lastError = error;
    if (error.kind == SignInError::Kind::InvalidGrant) {
        expire(error);
        return;
    }
    if (m_state == State::Restoring) {
        // The remembered token stays remembered: the next restore() tries again.
        qCWarning(lcAuth) << "session: could not restore the sign-in:" << error.kind;
        clearMemory();
        m_stored = false;
        emit refreshFailed(error);
        setState(State::SignedOut);
        return;
    }
    m_retryDelaySeconds =
        m_retryDelaySeconds == 0 ? kFirstRetrySeconds : std::min(m_retryDelaySeconds * 2, kMaxRetrySeconds);
    qCWarning(lcAuth) << "session: refresh failed:" << error.kind << "- retrying in" << m_retryDelaySeconds
                      << "s";
    m_refreshAt = m_now().toUTC().addSecs(m_retryDelaySeconds);
    scheduleRefresh();
    emit refreshFailed(error);
    setState(State::SignedIn);
}

void AuthSession::expire(const SignInError &error)
{
    qCWarning(lcAuth) << "session: sign-in expired";
    ++m_generation;
    abortNetwork();
    const QString account = m_account;
    clearMemory();
    m_account = account; // still shown: "Sign-in expired for ..."
    forget();
    SignInError shown = error;
    shown.message = tr("Your sign-in has expired. Sign in again.");
    m_lastError = shown;
    emit accessTokenChanged(QString());
    emit refreshFailed(shown);
    setState(State::Expired);
}

void AuthSession::abortNetwork()
{
    if (m_tokenRequest) {
        m_tokenRequest->abort();
        delete m_tokenRequest;
    }
    if (m_discovery) {
        m_discovery->abort();
        delete m_discovery;
    }
}

void AuthSession::clearMemory()
{
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_account.clear();
    m_expiresAt = QDateTime();
    m_refreshAt = QDateTime();
}

void AuthSession::scheduleRefresh()
{
    // Without a refresh token the session simply ends at expiry.
    const QDateTime target = m_refreshToken.isEmpty() ? m_expiresAt : m_refreshAt;
    if (!target.isValid()) {
        m_refreshTimer.stop();
        return;
    }
    const qint64 delay = std::clamp<qint64>(m_now().msecsTo(target), 0, kMaxTimerStepMs);
    m_refreshTimer.start(std::chrono::milliseconds(delay));
}

void AuthSession::handleRefreshTimer()
{
    const QDateTime target = m_refreshToken.isEmpty() ? m_expiresAt : m_refreshAt;
    if (!target.isValid())
        return;
    if (m_now() < target) {
        scheduleRefresh();
        return;
    }
    if (!m_refreshToken.isEmpty()) {
        startRefresh(State::Refreshing);
        return;
    }
    expire(SignInError{SignInError::Kind::InvalidGrant, QString(),
                       QStringLiteral("the access token expired and the server issued no refresh token")});
}

void AuthSession::persist()
{
    if (!m_secrets)
        return;
    const QString key = m_settings.secretKey();
    const QString secret = encodeSecret(m_refreshToken, m_account);
    enqueueSecretOperation([this, key, secret] {
        m_secrets->write(key, secret, this, [this](bool ok, const QString &error) {
            m_stored = ok && m_secrets && m_secrets->isPersistent();
            m_storeError = ok ? QString() : error;
            if (!ok)
                qCWarning(lcAuth).noquote()
                    << "session: the secret store refused the refresh token:" << error;
            else
                qCDebug(lcAuth) << "session: refresh token stored, persistent:" << m_stored;
            emit secretStoreStatusChanged(secretStoreStatus());
            finishSecretOperation();
        });
    });
}

void AuthSession::forget()
{
    m_stored = false;
    if (!m_secrets)
        return;
    const QString key = m_settings.secretKey();
    enqueueSecretOperation([this, key] {
        m_secrets->remove(key, this, [this](bool ok, const QString &error) {
            if (!ok) {
                qCWarning(lcAuth).noquote() << "session: could not remove the refresh token:" << error;
            } else {
                m_stored = false;
                qCDebug(lcAuth) << "session: remembered refresh token removed";
            }
            emit secretStoreStatusChanged(secretStoreStatus());
            finishSecretOperation();
        });
    });
}

// One secret store operation at a time, in order: a sign-out right after a sign-in must not be overtaken
// by the sign-in's write.
void AuthSession::enqueueSecretOperation(std::function<void()> operation)
{
    m_secretQueue.append(std::move(operation));
    if (!m_secretBusy)
        finishSecretOperation();
}

void AuthSession::finishSecretOperation()
{
    m_secretBusy = false;
    if (m_secretQueue.isEmpty() || !m_secrets)
        return;
    m_secretBusy = true;
    const auto operation = m_secretQueue.takeFirst();
    operation();
}

SecretStore *AuthSession::secretStore() const
{
    return m_secrets;
}

QString AuthSession::subscriptionKeyStatus() const
{
    switch (m_keySource) {
    case KeySource::None:
        return m_secrets ? tr("Missing") : tr("Checking the system secret store…");
    case KeySource::Stored:
        return tr("Stored");
    case KeySource::Unsaved:
        return tr("Not stored yet: it is stored once you are signed in");
    case KeySource::ThisRun:
        return m_keyError.isEmpty()
                   ? tr("Not stored: used until the app closes")
                   : tr("Not stored: the system secret store refused it (%1)").arg(m_keyError);
    }
    return {};
}

void AuthSession::setSubscriptionKey(const QString &key, bool remember)
{
    m_subscriptionKey = key.trimmed();
    m_keyError.clear();
    if (m_subscriptionKey.isEmpty())
        m_keySource = KeySource::None;
    else
        m_keySource = remember ? KeySource::Unsaved : KeySource::ThisRun;
    emit subscriptionKeyChanged(m_subscriptionKey);
    if (m_keySource == KeySource::Unsaved && m_state == State::SignedIn)
        saveSubscriptionKey();
}

void AuthSession::readSubscriptionKey()
{
    if (!m_secrets)
        return;
    const QString key = m_settings.subscriptionKeySecretKey();
    enqueueSecretOperation([this, key] {
        m_secrets->read(key, this, [this, key](std::optional<QString> secret, const QString &error) {
            finishSecretOperation();
            // Meanwhile another key was given, or this is another connection's.
            if (m_keySource != KeySource::None || key != m_settings.subscriptionKeySecretKey())
                return;
            if (!error.isEmpty())
                qCWarning(lcAuth).noquote() << "session: secret store read failed:" << error;
            if (secret && !secret->isEmpty()) {
                m_subscriptionKey = *secret;
                m_keySource = m_secrets->isPersistent() ? KeySource::Stored : KeySource::ThisRun;
            }
            emit subscriptionKeyChanged(m_subscriptionKey);
        });
    });
}

void AuthSession::saveSubscriptionKey()
{
    if (!m_secrets || m_keyWritePending)
        return;
    m_keyWritePending = true;
    const QString key = m_settings.subscriptionKeySecretKey();
    const QString secret = m_subscriptionKey;
    enqueueSecretOperation([this, key, secret] {
        m_secrets->write(key, secret, this, [this, secret](bool ok, const QString &error) {
            m_keyWritePending = false;
            finishSecretOperation();
            if (secret != m_subscriptionKey) {
                if (m_keySource == KeySource::Unsaved && m_state == State::SignedIn)
                    saveSubscriptionKey(); // replaced meanwhile: the new one
                return;
            }
            m_keySource =
                ok && m_secrets && m_secrets->isPersistent() ? KeySource::Stored : KeySource::ThisRun;
            m_keyError = ok ? QString() : error;
            if (!ok)
                qCWarning(lcAuth).noquote()
                    << "session: the secret store refused the subscription key:" << error;
            emit subscriptionKeyChanged(m_subscriptionKey);
        });
    });
}
