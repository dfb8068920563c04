#include "apiclient.h"

#include "cimodels.h"
#include "clock.h"

#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcApi, "insights.api")

std::optional<QDateTime> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional(now.addSecs(std::min<qlonglong>(seconds, 24 * 3600)))
                            : std::nullopt;
    // An HTTP date (RFC 9110 IMF-fixdate): "Tue, 24 Nov 2026 09:00:00 GMT".
    const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!date.isValid())
        return std::nullopt;
    QDateTime utc = date;
    utc.setTimeSpec(Qt::UTC);
    return utc;
}

// ---------------------------------------------------------------------------------------------------------

ApiJob::ApiJob(ApiClient *client, QByteArray method, QUrl url, QByteArray body,
               RateLimiter::Priority priority)
    : QObject(client)
    , m_client(client)
    , m_method(std::move(method))
    , m_url(std::move(url))
    , m_requestBody(std::move(body))
    , m_priority(priority)
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &ApiJob::enqueue);
}

void ApiJob::enqueue()
{
    m_client->m_limiter->acquire(m_priority, this, [this] { send(); });
}

void ApiJob::send()
{
    if (m_finished)
        return;
    ++m_attempts;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_client->m_accessToken.toUtf8());
    request.setRawHeader("Ocp-Apim-Subscription-Key", m_client->m_subscriptionKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(m_client->m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_requestBody.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json-patch+json; charset=utf-8"));
    m_reply = m_client->m_network->sendCustomRequest(request, m_method, m_requestBody);
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::handleReply);
}

void ApiJob::handleReply()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_finished)
        return;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = reply->readAll();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString where = m_url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);

    if (m_aborted)
        return finish(Error::Aborted, tr("The request was cancelled."));
    if (m_httpStatus == 0) {
        const bool timedOut = networkError == QNetworkReply::OperationCanceledError ||
                              networkError == QNetworkReply::TimeoutError;
        qCInfo(lcApi) << m_method << where << "attempt" << m_attempts << "failed:" << reply->errorString();
        if (m_attempts < m_client->m_retry.maxAttempts)
            return retryLater(reply->errorString());
        return timedOut ? finish(Error::Timeout,
                                 tr("Customer Insights did not answer in time. Check your network "
                                    "connection; the connector keeps trying."),
                                 reply->errorString())
                        : finish(Error::Network,
                                 tr("Customer Insights cannot be reached. Check your network "
                                    "connection; the connector keeps trying."),
                                 reply->errorString());
    }
    if (m_httpStatus == 429) {
        const QDateTime now = m_client->m_clock.now();
        const std::optional<QDateTime> until = parseRetryAfter(reply->rawHeader("Retry-After"), now);
        // Without a usable Retry-After, back off as for an error.
        m_client->m_limiter->holdUntil(until.value_or(now.addMSecs(m_client->backoff(m_throttled).count())));
        qCInfo(lcApi) << m_method << where << "throttled (429), Retry-After"
                      << reply->rawHeader("Retry-After");
        if (++m_throttled > m_client->m_retry.maxThrottled)
            return finish(Error::Http,
                          tr("Customer Insights keeps refusing calls for exceeding its rate limit."),
                          QStringLiteral("HTTP 429"));
        --m_attempts; // a throttled call was not answered: it does not use up an attempt
        return enqueue();
    }
    if (m_httpStatus == 401) {
        if (m_renewedToken)
            return finish(
                Error::SignInExpired, tr("Customer Insights no longer accepts your sign-in. Sign in again."),
                QStringLiteral("HTTP 401 %1").arg(QString::fromLatin1(reply->rawHeader("WWW-Authenticate"))));
        m_renewedToken = true;
        --m_attempts;
        return m_client->park(this);
    }
    if (m_httpStatus >= 500) {
        qCInfo(lcApi) << m_method << where << "attempt" << m_attempts << "got HTTP" << m_httpStatus;
        if (m_attempts < m_client->m_retry.maxAttempts)
            return retryLater(QStringLiteral("HTTP %1").arg(m_httpStatus));
    }
    if (m_httpStatus == 403) {
        // The API gateway's answers about the Ocp-Apim-Subscription-Key header: the user can fix them.
        const QString code = CiModels::errorCode(m_body);
        const QString details =
            QStringLiteral("HTTP 403 %1 %2 %3").arg(code, QString::fromLatin1(m_method), where);
        if (code == QLatin1String("MissingSubscriptionKey"))
            return finish(
                Error::Http,
                tr("Customer Insights needs the API subscription key of this connection and none is "
                   "stored: enter it in the Account pane, or sign in again with --subscription-key."),
                details);
        if (code == QLatin1String("InvalidSubscriptionKey"))
            return finish(
                Error::Http,
                tr("Customer Insights refused the API subscription key of this connection: enter the "
                   "right one in the Account pane, or sign in again with --subscription-key."),
                details);
    }
    if (m_httpStatus >= 400) {
        const QString message = CiModels::errorMessage(m_body);
        return finish(
            Error::Http,
            tr("Customer Insights refused the request (HTTP %1)%2")
                .arg(m_httpStatus)
                .arg(message.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + message),
            QStringLiteral("HTTP %1 %2 %3").arg(m_httpStatus).arg(QString::fromLatin1(m_method), where));
    }
    if (!m_body.isEmpty()) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return finish(
                Error::Malformed, tr("Customer Insights sent a response that is not valid JSON."),
                QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    }
    finish(Error::None);
}

void ApiJob::retryLater(const QString &reason)
{
    const auto delay = m_client->backoff(m_attempts);
    qCInfo(lcApi) << "retrying" << m_url.path() << "in" << delay.count() << "ms after" << reason;
    m_retryTimer->start(delay);
}

void ApiJob::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply)
        m_reply->abort(); // handleReply() finishes
    else
        finish(Error::Aborted, tr("The request was cancelled."));
}

void ApiJob::finish(Error error, const QString &message, const QString &details)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorString = message;
    m_details = details;
    m_retryTimer->stop();
    if (error != Error::None)
        qCWarning(lcApi) << m_method << m_url.toString(QUrl::RemoveQuery) << "failed:" << error << details;
    emit finished(this);
    if (m_autoDelete)
        deleteLater();
}

// ---------------------------------------------------------------------------------------------------------

ApiClient::ApiClient(QNetworkAccessManager *network, RateLimiter *limiter, const Clock &clock,
                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_limiter(limiter)
    , m_clock(clock)
{}

ApiJob *ApiClient::create(const QByteArray &method, const QString &path, const QUrlQuery &query,
                          const QByteArray &body, RateLimiter::Priority priority)
{
    QUrl url = m_baseUrl;
    url.setPath(url.path() + (url.path().endsWith(u'/') ? QString() : QStringLiteral("/")) + path);
    url.setQuery(query);
    auto *job = new ApiJob(this, method, url, body, priority);
    // Started from the event loop, so that the caller can connect to finished() first.
    QMetaObject::invokeMethod(job, &ApiJob::enqueue, Qt::QueuedConnection);
    return job;
}

ApiJob *ApiClient::get(const QString &path, const QUrlQuery &query, RateLimiter::Priority priority)
{
    return create(QByteArrayLiteral("GET"), path, query, {}, priority);
}

ApiJob *ApiClient::post(const QString &path, const QUrlQuery &query, const QByteArray &jsonBody,
                        RateLimiter::Priority priority)
{
    return create(QByteArrayLiteral("POST"), path, query, jsonBody, priority);
}

void ApiClient::park(ApiJob *job)
{
    m_parked.append(job);
    if (!m_renewing) {
        m_renewing = true;
        qCInfo(lcApi) << "access token refused (401): asking for a new one";
        emit accessTokenRequired();
    }
}

void ApiClient::setAccessToken(const QString &token)
{
    m_accessToken = token;
    m_renewing = false;
    const QList<QPointer<ApiJob>> parked = std::exchange(m_parked, {});
    for (const QPointer<ApiJob> &job : parked) {
        if (job)
            job->enqueue();
    }
}

void ApiClient::failAuthentication(const QString &reason)
{
    m_renewing = false;
    const QList<QPointer<ApiJob>> parked = std::exchange(m_parked, {});
    for (const QPointer<ApiJob> &job : parked) {
        if (job)
            job->finish(ApiJob::Error::SignInExpired, reason, QStringLiteral("HTTP 401"));
    }
}

std::chrono::milliseconds ApiClient::backoff(int attempt) const
{
    // Exponential with full jitter between half and all of the step, so that clients do not retry in step.
    const qint64 step = std::min<qint64>(m_retry.maxDelay.count(), m_retry.firstDelay.count()
                                                                       << std::clamp(attempt - 1, 0, 16));
    const qint64 jittered = step / 2 + qint64(QRandomGenerator::global()->bounded(double(step / 2 + 1)));
    return std::chrono::milliseconds(jittered);
}
