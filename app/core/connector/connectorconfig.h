#pragma once

#include "apiclient.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

#include <chrono>

// Everything the connector worker needs to watch one connection: a value, copied to the worker's thread.
struct ConnectorConfig
{
    QString dataDir; // the database <dataDir>/insights-admin.sqlite (the worker opens its own connection)
    QUrl apiBase;    // ".../v1"
    QString subscriptionKey;
    QString instanceId;    // empty: the first of GET instances
    QString connectionKey; // names the persisted API budget window (RateWindowStore); default: apiBase

    // Polling: one jobs call per cycle, at this pace (fixed rate: the interval counts from a cycle's start).
    // The defaults keep an event's detection under 2 s at p95 and use about 50-65 of the 100 calls a minute.
    std::chrono::milliseconds activeInterval{1000}; // while a job runs
    std::chrono::milliseconds idleInterval{1250};
    std::chrono::milliseconds errorInterval{5000};                         // after a failed cycle
    std::chrono::milliseconds reconcileInterval{std::chrono::minutes(10)}; // segments and measures anyway
    std::chrono::milliseconds dataSourcesMaxAge{std::chrono::minutes(30)};
    int jobsTop = 10;      // jobs per listing, more while catching up
    int maxJobsTop = 1000; // the deepest catch-up listing

    // The API budget of the connection: the limiter's window and the share kept for interactive calls.
    int rateLimit = RateLimiter::kDefaultLimit;
    std::chrono::milliseconds rateWindow = RateLimiter::kDefaultWindow;
    int interactiveReserve = RateLimiter::kDefaultInteractiveReserve;
    std::chrono::milliseconds transferTimeout{std::chrono::seconds(30)};
    ApiClient::RetryPolicy retry;

    QString effectiveConnectionKey() const
    {
        return connectionKey.isEmpty() ? apiBase.toString(QUrl::RemoveUserInfo) : connectionKey;
    }
};

Q_DECLARE_METATYPE(ConnectorConfig)
