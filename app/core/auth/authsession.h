#pragma once

#include "connectionsettings.h"
#include "signinerror.h"
#include "tokenset.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class EndpointDiscovery;
class QNetworkAccessManager;
class SecretStore;
class TokenRequest;

// The signed-in session of one connection, on the GUI thread. The access token lives in memory only; the
// refresh token lives in memory and in the SecretStore (key ConnectionSettings::secretKey()), so that the
// next start signs in without a browser (restore()). Tokens are refreshed ahead of expiry (at 80 % of the
// lifetime or 5 minutes before it, whichever is first) and a rotated refresh token replaces the stored one.
// invalid_grant means the session is over: state Expired, the user signs in again.
//
// The connection's API subscription key (Ocp-Apim-Subscription-Key) lives beside the refresh token in the
// SecretStore (key ConnectionSettings::subscriptionKeySecretKey()), never in settings.ini or the database:
// it is read when the store is known (and for each other connection), and a key given with
// setSubscriptionKey() (--subscription-key, the Account pane) replaces it there once signed in.
//
//   SignedOut --restore()--> Restoring --ok--> SignedIn --timer/refreshNow()--> Refreshing --ok--> SignedIn
//       ^   (nothing remembered / network)  \--invalid_grant--> Expired <--invalid_grant--/  \--network-->
//       SignedIn | (retried later)
//       +-- signOut() from any state;  adopt(tokens) from any state --> SignedIn
class AuthSession : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        SignedOut,
        Restoring,
        SignedIn,
        Refreshing,
        Expired
    };
    Q_ENUM(State)

    // `secrets` may be null while the system secret store is still being probed: see setSecretStore().
    AuthSession(QNetworkAccessManager *nam, SecretStore *secrets, QObject *parent = nullptr);
    ~AuthSession() override;

    // The store found by SecretStoreProbe, once known. A sign-in made meanwhile is remembered in it.
    void setSecretStore(SecretStore *secrets);
    // The app's secret store (also the flow steps' secrets); null while it is being probed.
    SecretStore *secretStore() const;

    // Settings of another connection (other authority, client or endpoints) end the current session in
    // memory; what is remembered for the old connection stays remembered.
    void setSettings(const ConnectionSettings &settings);
    ConnectionSettings settings() const { return m_settings; }
    void setClock(std::function<QDateTime()> now);

    void restore();                     // signs in silently with a remembered refresh token
    void adopt(const TokenSet &tokens); // after SignInFlow::signedIn
    void refreshNow();
    void signOut(); // forgets everything, in memory and in the secret store

    State state() const { return m_state; }
    QString account() const { return m_account; }
    QString accessToken() const { return m_accessToken; }
    QDateTime expiresAt() const { return m_expiresAt; }
    QDateTime nextRefreshAt() const { return m_refreshAt; } // invalid when none is planned
    SignInError lastError() const { return m_lastError; }
    // The state in one sentence, for the status bar and the Account pane: "Not signed in", "Signed in as
    // admin@contoso.example", "Sign-in expired: sign in again to continue.", ...
    QString stateText() const;

    // Whether the refresh token is in a persistent secret store right now.
    bool remembersRefreshToken() const { return m_stored; }
    // "Remembered in the system secret store" / "Not remembered: no secret store available" / ...
    QString secretStoreStatus() const;

    QString subscriptionKey() const { return m_subscriptionKey; } // empty while none is known
    // Uses `key` from now on. `remember`: saved in the secret store (replacing the stored one) once signed
    // in, at once when already signed in; otherwise it is used for this run only (the embedded sandbox's).
    void setSubscriptionKey(const QString &key, bool remember = true);
    // "Stored", "Missing", ... for the Account pane and --sign-in.
    QString subscriptionKeyStatus() const;

    // When to refresh a token issued at `issuedAt` that expires at `expiresAt`: at 80 % of its lifetime or
    // 5 minutes before expiry, whichever is first, but not before half of its lifetime.
    static QDateTime refreshTimeFor(const QDateTime &issuedAt, const QDateTime &expiresAt);

signals:
    void stateChanged(AuthSession::State state);
    void accessTokenChanged(const QString &accessToken); // empty when signed out or expired
    void refreshFailed(const SignInError &error);
    void secretStoreStatusChanged(const QString &status);
    void subscriptionKeyChanged(const QString &key); // also when only its status changed

private:
    void setState(State state);
    void applyTokens(const TokenSet &tokens, bool persist);
    void startRefresh(State during);
    void postRefresh(const QUrl &tokenUrl);
    void handleRefreshFailure(const SignInError &error);
    void expire(const SignInError &error);
    void abortNetwork();
    void clearMemory();
    void scheduleRefresh();
    void handleRefreshTimer();

    void persist();
    void forget();
    void readSubscriptionKey();
    void saveSubscriptionKey();
    void enqueueSecretOperation(std::function<void()> operation);
    void finishSecretOperation();

    QNetworkAccessManager *m_nam;
    QPointer<SecretStore> m_secrets;
    ConnectionSettings m_settings;
    std::function<QDateTime()> m_now;

    State m_state = State::SignedOut;
    QString m_accessToken;
    QString m_refreshToken;
    QString m_account;
    QDateTime m_expiresAt;
    QDateTime m_refreshAt;
    SignInError m_lastError;
    int m_retryDelaySeconds = 0;
    quint64 m_generation = 0; // bumped whenever the session is replaced; stale callbacks compare it

    QUrl m_tokenUrl; // discovered or explicit
    QPointer<EndpointDiscovery> m_discovery;
    QPointer<TokenRequest> m_tokenRequest;
    QTimer m_refreshTimer;

    bool m_stored = false;
    QString m_storeError;

    enum class KeySource
    {
        None,    // no key known
        Stored,  // read from, or written to, a persistent secret store
        Unsaved, // given, to be saved once signed in
        ThisRun, // given for this run only, or the store is not persistent
    };
    QString m_subscriptionKey;
    KeySource m_keySource = KeySource::None;
    QString m_keyError;
    bool m_keyWritePending = false;
    QList<std::function<void()>> m_secretQueue;
    bool m_secretBusy = false;
};
