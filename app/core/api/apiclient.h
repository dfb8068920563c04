#pragma once

#include "ratelimiter.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>

class ApiClient;
class QNetworkAccessManager;
class QTimer;

// One call of the Customer Insights API: it waits for budget, sends, retries what is worth retrying, and
// emits finished() exactly once. It deletes itself after finished() unless the receiver keeps it with
// setAutoDelete(false).
//
//   queued --budget--> sent --200--> done
//                        |--network error, timeout, 5xx--> backoff --> queued (at most maxAttempts)
//                        |--429--> every call held until Retry-After --> queued
//                        |--401--> parked until the token is renewed --> queued (once), else SignInExpired
//                        '--other 4xx, malformed JSON--> failed at once
class ApiJob : public QObject
{
    Q_OBJECT

public:
    enum class Error
    {
        None,
        Network,
        Timeout,
        Http,
        SignInExpired,
        Malformed,
        Aborted
    };
    Q_ENUM(Error)

    Error error() const { return m_error; }
    // A sentence for the user, and the raw details (status, service message) for the log and Details.
    QString errorString() const { return m_errorString; }
    QString details() const { return m_details; }
    int httpStatus() const { return m_httpStatus; }
    QByteArray body() const { return m_body; }
    int attempts() const { return m_attempts; }
    QUrl url() const { return m_url; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    void abort();

signals:
    void finished(ApiJob *job);

private:
    friend class ApiClient;
    ApiJob(ApiClient *client, QByteArray method, QUrl url, QByteArray body, RateLimiter::Priority priority);

    void enqueue();
    void send();
    void handleReply();
    void retryLater(const QString &reason);
    void finish(Error error, const QString &message = {}, const QString &details = {});

    ApiClient *m_client;
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_requestBody;
    RateLimiter::Priority m_priority;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer;
    Error m_error = Error::None;
    QString m_errorString;
    QString m_details;
    QByteArray m_body;
    int m_httpStatus = 0;
    int m_attempts = 0;
    int m_throttled = 0;
    bool m_renewedToken = false;
    bool m_aborted = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

// Sends API calls for one connection through its rate limiter, with the bearer token and subscription key.
// Owned by the thread that uses it: the connector worker's (its poll cycle, its requests and the steps).
class ApiClient : public QObject
{
    Q_OBJECT

public:
    struct RetryPolicy
    {
        int maxAttempts = 4;
        std::chrono::milliseconds firstDelay = std::chrono::seconds(1);
        std::chrono::milliseconds maxDelay = std::chrono::seconds(30);
        int maxThrottled = 8; // 429s one call survives before it gives up
    };

    ApiClient(QNetworkAccessManager *network, RateLimiter *limiter, const Clock &clock,
              QObject *parent = nullptr);

    void setBaseUrl(const QUrl &apiBase) { m_baseUrl = apiBase; } // ".../v1"
    void setSubscriptionKey(const QString &key) { m_subscriptionKey = key; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    QUrl baseUrl() const { return m_baseUrl; }
    RateLimiter *rateLimiter() const { return m_limiter; }

    // `path` is relative to the API base ("instances/{id}/manage/segments").
    ApiJob *get(const QString &path, const QUrlQuery &query = {},
                RateLimiter::Priority priority = RateLimiter::Priority::Background);
    ApiJob *post(const QString &path, const QUrlQuery &query, const QByteArray &jsonBody,
                 RateLimiter::Priority priority = RateLimiter::Priority::Background);

public slots:
    // A new access token: calls parked on a 401 go again.
    void setAccessToken(const QString &token);
    // The token could not be renewed: calls parked on a 401 fail with SignInExpired and `reason`.
    void failAuthentication(const QString &reason);

signals:
    // A call got 401: renew the token, then setAccessToken() or failAuthentication(). Emitted once per
    // renewal, however many calls are parked.
    void accessTokenRequired();

private:
    friend class ApiJob;
    ApiJob *create(const QByteArray &method, const QString &path, const QUrlQuery &query,
                   const QByteArray &body, RateLimiter::Priority priority);
    void park(ApiJob *job);
    std::chrono::milliseconds backoff(int attempt) const;

    QNetworkAccessManager *m_network;
    RateLimiter *m_limiter;
    const Clock &m_clock;
    QUrl m_baseUrl;
    QString m_subscriptionKey;
    QString m_accessToken;
    std::chrono::milliseconds m_timeout = std::chrono::seconds(30);
    RetryPolicy m_retry;
    QList<QPointer<ApiJob>> m_parked;
    bool m_renewing = false;
};

// When a 429's Retry-After ends: delta-seconds or an HTTP date. Empty when the header is absent or invalid.
std::optional<QDateTime> parseRetryAfter(const QByteArray &value, const QDateTime &now);
