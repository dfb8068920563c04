#pragma once

#include "clock.h"
#include "connectorjob.h"
#include "flow.h"

#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <chrono>
#include <functional>

class ApiClient;
class ApiJob;
class Database;
class ObservationStore;
class QNetworkAccessManager;
class StepRunner;
struct Firing;

// The interactive requests, served on the worker's thread beside the poll cycle, never through it: the
// catalogue, a Get items preview, a test firing and a resubmission. Connector turns each job of the GUI
// thread into a ticket and a queued call here; the answer goes back by one queued path, answered(ticket,
// answer), and Connector hands it to the job (see connector.h).
//
// Their API calls go at Interactive priority (the rate limiter serves them first and keeps a reserve for
// them). Every request gets exactly one answer: while not serving (not started, or signed out) at once with
// a sentence saying to sign in; cancelAll() (the worker stopped) fails those in flight.
class ConnectorRequests : public QObject
{
    Q_OBJECT

public:
    // What the worker lends while it runs signed in; a null runner means not serving.
    struct Serving
    {
        StepRunner *runner = nullptr;
        Database *db = nullptr;
        ObservationStore *observations = nullptr;
        QString instanceId, instanceName; // as the poll cycle knows them (empty: the request reads them)
        QString configuredInstanceId;     // the connection settings' instance (empty: the first one)
        std::chrono::milliseconds transferTimeout{0};
    };

    // `clock`, `network` and `api` are the worker's and outlive the requests.
    ConnectorRequests(const Clock &clock, QNetworkAccessManager *network, ApiClient *api,
                      QObject *parent = nullptr);
    ~ConnectorRequests() override;

    void setServing(const Serving &serving);
    // Fails the requests in flight (their calls are aborted: "cancelled").
    void cancelAll();

    void requestCatalogue(quint64 ticket);
    void previewItems(quint64 ticket, const Step &getItemsStep, int rows);
    void testFire(quint64 ticket, const Flow &flow);
    void resubmit(quint64 ticket, const QString &firingId, bool failedOnly);

signals:
    void answered(quint64 ticket, const ConnectorAnswer &answer);

private:
    using BodyHandler = std::function<void(const QByteArray &body)>;
    using FailHandler = std::function<void(const QString &message)>;
    using InstanceHandler = std::function<void(const QString &instanceId, const QString &instanceName)>;

    void succeed(quint64 ticket, const QVariant &result);
    void fail(quint64 ticket, const QString &message);
    FailHandler failer(quint64 ticket);
    // False (and the request fails with `notSignedIn`) unless serving.
    bool accept(quint64 ticket, const QString &notSignedIn);
    // One Interactive call; on failure `failWith` gets `failure` with the call's own sentence as %1.
    void interactiveGet(const QString &path, const QUrlQuery &query, const QString &failure,
                        const FailHandler &failWith, BodyHandler onSuccess);
    // The instance being watched (without a call once known), for a request.
    void withInstance(const FailHandler &failWith, const InstanceHandler &then);
    void fireTest(quint64 ticket, const Flow &flow, const Firing &sample);

    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    ApiClient *m_api;
    Serving m_serving;
    QList<QPointer<ApiJob>> m_calls; // in flight
};
