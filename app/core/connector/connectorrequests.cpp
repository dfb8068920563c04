#include "connectorrequests.h"

#include "apiclient.h"
#include "connectorlog.h"
#include "database.h"
#include "getitemsstep.h"
#include "instancecatalogue.h"
#include "observedvalue.h"
#include "steprunner.h"
#include "triggervalidation.h"

#include <algorithm>
#include <memory>

ConnectorRequests::ConnectorRequests(const Clock &clock, QNetworkAccessManager *network, ApiClient *api,
                                     QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(network)
    , m_api(api)
{}

ConnectorRequests::~ConnectorRequests()
{
    for (const QPointer<ApiJob> &job : std::as_const(m_calls)) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

void ConnectorRequests::setServing(const Serving &serving)
{
    m_serving = serving;
}

void ConnectorRequests::cancelAll()
{
    // Each aborted call answers its request: "cancelled".
    const QList<QPointer<ApiJob>> calls = std::exchange(m_calls, {});
    for (const QPointer<ApiJob> &job : calls) {
        if (job)
            job->abort();
    }
}

void ConnectorRequests::succeed(quint64 ticket, const QVariant &result)
{
    emit answered(ticket, ConnectorAnswer{true, result, {}});
}

void ConnectorRequests::fail(quint64 ticket, const QString &message)
{
    emit answered(ticket, ConnectorAnswer{false, {}, message});
}

ConnectorRequests::FailHandler ConnectorRequests::failer(quint64 ticket)
{
    return [this, ticket](const QString &message) { fail(ticket, message); };
}

bool ConnectorRequests::accept(quint64 ticket, const QString &notSignedIn)
{
    if (m_serving.runner && m_serving.db)
        return true;
    qCInfo(lcConnector) << "request" << ticket << "refused: not started or signed out";
    fail(ticket, notSignedIn);
    return false;
}

void ConnectorRequests::interactiveGet(const QString &path, const QUrlQuery &query, const QString &failure,
                                       const FailHandler &failWith, BodyHandler onSuccess)
{
    ApiJob *job = m_api->get(path, query, RateLimiter::Priority::Interactive);
    m_calls.append(job);
    connect(job, &ApiJob::finished, this,
            [this, failure, failWith, onSuccess = std::move(onSuccess)](ApiJob *job) {
                m_calls.removeAll(job);
                if (job->error() != ApiJob::Error::None) {
                    qCInfo(lcConnector).noquote() << "request call" << job->url().path()
                                                  << "failed:" << job->errorString() << job->details();
                    return failWith(failure.arg(job->errorString()));
                }
                onSuccess(job->body());
            });
}

void ConnectorRequests::withInstance(const FailHandler &failWith, const InstanceHandler &then)
{
    const auto ready = [this, then](const QString &id, const QString &name) {
        // Also before the first cycle has learnt the instance: test firings and resubmissions need it.
        if (m_serving.runner && (m_serving.instanceId.isEmpty() || id == m_serving.instanceId))
            m_serving.runner->setConnection(m_api, id, name);
        then(id, name);
    };
    if (!m_serving.instanceId.isEmpty() && !m_serving.instanceName.isEmpty())
        return ready(m_serving.instanceId, m_serving.instanceName);
    // Not adopted here: the cycle learns the instance itself (with its job history and detector state).
    interactiveGet(
        QStringLiteral("instances"), {}, tr("The Customer Insights instance could not be read. %1"), failWith,
        [this, failWith, ready](const QByteArray &body) {
            QList<CiInstance> instances;
            QString error;
            if (!CiModels::parseInstances(body, &instances, &error)) {
                qCWarning(lcConnector).noquote() << "unexpected instances:" << error;
                return failWith(tr("Customer Insights sent an unexpected list of instances. Try again "
                                   "later; the details are in the log."));
            }
            const QString wanted =
                m_serving.instanceId.isEmpty() ? m_serving.configuredInstanceId : m_serving.instanceId;
            for (const CiInstance &instance : std::as_const(instances)) {
                if (wanted.isEmpty() || instance.id == wanted)
                    return ready(instance.id, instance.name);
            }
            if (wanted.isEmpty())
                return failWith(tr("This account has no Customer Insights instance. Sign in with "
                                   "an account that has one."));
            failWith(tr("This account cannot see the instance %1. Check the instance in the "
                        "connection settings on the Account page.")
                         .arg(wanted));
        });
}

void ConnectorRequests::requestCatalogue(quint64 ticket)
{
    if (!accept(ticket, tr("Not signed in. Sign in on the Account page to load the instance's data "
                           "sources, segments and measures.")))
        return;
    struct Pending
    {
        InstanceCatalogue catalogue;
        int outstanding = 4;
        bool failed = false;
    };
    auto pending = std::make_shared<Pending>();
    const FailHandler failWith = [this, ticket, pending](const QString &message) {
        if (!std::exchange(pending->failed, true))
            fail(ticket, message);
    };
    withInstance(failWith, [this, ticket, pending, failWith](const QString &id, const QString &name) {
        pending->catalogue.instanceId = id;
        pending->catalogue.instanceName = name;
        const auto done = [this, ticket, pending] {
            if (--pending->outstanding > 0 || pending->failed)
                return;
            pending->catalogue.fetchedAt = m_clock.now().toUTC();
            if (m_serving.db && m_serving.observations &&
                !ObservedValue::record(*m_serving.db, *m_serving.observations,
                                       ObservedValue::of(pending->catalogue.segments,
                                                         pending->catalogue.measures, m_clock.now())))
                qCWarning(lcConnector).noquote()
                    << "observations not recorded:" << m_serving.db->errorString();
            qCInfo(lcConnector) << "catalogue" << ticket << "ready:" << pending->catalogue.segments.size()
                                << "segments," << pending->catalogue.measures.size() << "measures,"
                                << pending->catalogue.entities.size() << "entities";
            succeed(ticket, QVariant::fromValue(pending->catalogue));
        };
        const auto parsed = [failWith](bool ok, const QString &error, const QString &message) {
            if (!ok) {
                qCWarning(lcConnector).noquote() << message << error;
                failWith(message);
            }
            return ok;
        };
        const QString base = QStringLiteral("instances/") + id;
        interactiveGet(
            base + QStringLiteral("/manage/datasources"), {}, tr("The data sources could not be loaded. %1"),
            failWith, [pending, done, parsed](const QByteArray &body) {
                QString error;
                if (parsed(CiModels::parseDataSources(body, &pending->catalogue.dataSources, &error), error,
                           tr("Customer Insights sent an unexpected list of data sources. Try "
                              "again later; the details are in the log.")))
                    done();
            });
        interactiveGet(
            base + QStringLiteral("/manage/segments"), {}, tr("The segments could not be loaded. %1"),
            failWith, [pending, done, parsed](const QByteArray &body) {
                QString error;
                if (parsed(CiModels::parseSegments(body, &pending->catalogue.segments, &error), error,
                           tr("Customer Insights sent an unexpected list of segments. Try again "
                              "later; the details are in the log.")))
                    done();
            });
        interactiveGet(
            base + QStringLiteral("/manage/measures"), {}, tr("The measures could not be loaded. %1"),
            failWith, [pending, done, parsed](const QByteArray &body) {
                QString error;
                if (parsed(CiModels::parseMeasures(body, &pending->catalogue.measures, &error), error,
                           tr("Customer Insights sent an unexpected list of measures. Try again "
                              "later; the details are in the log.")))
                    done();
            });
        interactiveGet(
            base + QStringLiteral("/manage/entities"), {}, tr("The entities could not be loaded. %1"),
            failWith, [pending, done, parsed](const QByteArray &body) {
                QString error;
                if (parsed(CiModels::parseEntities(body, &pending->catalogue.entities, &error), error,
                           tr("Customer Insights sent an unexpected list of entities. Try again "
                              "later; the details are in the log.")))
                    done();
            });
    });
}

void ConnectorRequests::previewItems(quint64 ticket, const Step &getItemsStep, int rows)
{
    if (!accept(ticket, tr("Not signed in. Sign in on the Account page to preview the items of an "
                           "entity.")))
        return;
    if (getItemsStep.kind != StepKind::GetItems) {
        fail(ticket, tr("Only a Get items step has items to preview."));
        return;
    }
    const FailHandler failWith = failer(ticket);
    withInstance(failWith, [this, ticket, getItemsStep, rows](const QString &id, const QString &name) {
        // The step's own action (its query building and paging), at Interactive priority.
        StepInput input;
        input.step = getItemsStep;
        input.step.parameters.insert(QStringLiteral("limit"), std::clamp(rows, 1, GetItemsStep::kMaxLimit));
        input.firingId = QStringLiteral("preview");
        input.context.instanceName = name;
        input.network = m_network;
        input.api = m_api;
        input.instanceId = id;
        input.apiPriority = RateLimiter::Priority::Interactive;
        input.transferTimeout = m_serving.transferTimeout;
        StepAction *action = StepAction::create(std::move(input), this);
        connect(action, &StepAction::finished, this, [this, ticket, action](const StepOutcome &outcome) {
            action->deleteLater();
            if (outcome.result == StepOutcome::Result::Succeeded)
                succeed(ticket, QVariant::fromValue(outcome.items));
            else
                fail(ticket, tr("The items cannot be previewed. %1").arg(outcome.detail));
        });
        action->start();
    });
}

void ConnectorRequests::testFire(quint64 ticket, const Flow &flow)
{
    if (!accept(ticket, tr("Not signed in. Sign in on the Account page to test-fire a flow.")))
        return;
    const FailHandler failWith = failer(ticket);
    withInstance(failWith, [this, ticket, flow, failWith](const QString &id, const QString &name) {
        // A sample of the trigger with the instance's current values, where the instance has them.
        Firing sample = StepRunner::sampleFiring(flow, m_clock.now());
        sample.payload.insert(QStringLiteral("instance"),
                              QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}});
        sample.payload.insert(QStringLiteral("trigger"), Trigger::id(flow.trigger.kind));
        const QString base = QStringLiteral("instances/") + id;
        // The current value, as if it had just crossed the threshold (from the threshold, or from below it).
        const auto crossing = [](Firing &firing, const QString &subject, double value, double threshold) {
            firing.subject = subject;
            firing.value = value;
            firing.threshold = threshold;
            firing.previousValue = std::min(value, threshold);
            firing.payload.insert(QStringLiteral("subject"), subject);
            firing.payload.insert(QStringLiteral("value"), value);
            firing.payload.insert(QStringLiteral("previousValue"), *firing.previousValue);
            firing.payload.insert(QStringLiteral("threshold"), threshold);
        };
        switch (flow.trigger.kind) {
        case TriggerKind::SegmentThresholdCrossed:
            return interactiveGet(
                base + QStringLiteral("/manage/segments"), {},
                tr("The test firing needs the segment's current member count, which could not be read. %1"),
                failWith, [this, ticket, flow, sample, crossing](const QByteArray &body) mutable {
                    QList<CiSegment> segments;
                    QString error;
                    if (CiModels::parseSegments(body, &segments, &error)) {
                        const CiSegment *segment =
                            TriggerValidation::findSegment(segments, flow.trigger.subject);
                        if (segment && segment->entityCount) {
                            crossing(sample, segment->name, double(*segment->entityCount),
                                     flow.trigger.threshold);
                            sample.occurredAt = segment->evaluationDate.isValid() ? segment->evaluationDate
                                                                                  : sample.occurredAt;
                            sample.payload.insert(
                                QStringLiteral("segment"),
                                QJsonObject{{QStringLiteral("name"), segment->name},
                                            {QStringLiteral("friendlyName"), segment->friendlyName}});
                        }
                    } else {
                        qCWarning(lcConnector).noquote() << "unexpected segments:" << error;
                    }
                    fireTest(ticket, flow, sample);
                });
        case TriggerKind::MeasureThresholdCrossed:
            return interactiveGet(
                base + QStringLiteral("/manage/measures"), {},
                tr("The test firing needs the measure's current value, which could not be read. %1"),
                failWith, [this, ticket, flow, sample, crossing](const QByteArray &body) mutable {
                    QList<CiMeasure> measures;
                    QString error;
                    if (CiModels::parseMeasures(body, &measures, &error)) {
                        const CiMeasure *measure =
                            TriggerValidation::findMeasure(measures, flow.trigger.subject);
                        if (measure && measure->value && !measure->hasDimensions) {
                            crossing(sample, measure->name, *measure->value, flow.trigger.threshold);
                            sample.occurredAt = measure->evaluationTime.isValid() ? measure->evaluationTime
                                                                                  : sample.occurredAt;
                            sample.payload.insert(
                                QStringLiteral("measure"),
                                QJsonObject{{QStringLiteral("name"), measure->name},
                                            {QStringLiteral("displayName"), measure->displayName}});
                        }
                    } else {
                        qCWarning(lcConnector).noquote() << "unexpected measures:" << error;
                    }
                    fireTest(ticket, flow, sample);
                });
        case TriggerKind::DataSourceRefreshFailed:
        case TriggerKind::DataSourceRefreshSucceeded:
            return interactiveGet(
                base + QStringLiteral("/manage/datasources"), {},
                tr("The test firing needs the data source's name, which could not be read. %1"), failWith,
                [this, ticket, flow, sample](const QByteArray &body) mutable {
                    QList<CiDataSource> sources;
                    QString error;
                    if (!CiModels::parseDataSources(body, &sources, &error))
                        qCWarning(lcConnector).noquote() << "unexpected data sources:" << error;
                    const QString subject = flow.trigger.subject;
                    const auto match =
                        std::find_if(sources.cbegin(), sources.cend(), [&](const CiDataSource &s) {
                            return subject.isEmpty() || s.name == subject ||
                                   s.id.compare(subject, Qt::CaseInsensitive) == 0 ||
                                   s.friendlyName == subject;
                        });
                    if (match != sources.cend()) {
                        sample.subject = match->name;
                        sample.payload.insert(QStringLiteral("subject"), match->name);
                        sample.payload.insert(
                            QStringLiteral("dataSource"),
                            QJsonObject{{QStringLiteral("name"), match->name},
                                        {QStringLiteral("friendlyName"), match->friendlyName},
                                        {QStringLiteral("id"), match->id}});
                    } else if (!subject.isEmpty()) {
                        sample.payload.insert(QStringLiteral("dataSource"),
                                              QJsonObject{{QStringLiteral("name"), subject}});
                    }
                    fireTest(ticket, flow, sample);
                });
        case TriggerKind::FullRefreshCompleted:
        case TriggerKind::UnificationRefreshCompleted:
            break;
        }
        fireTest(ticket, flow, sample);
    });
}

void ConnectorRequests::fireTest(quint64 ticket, const Flow &flow, const Firing &sample)
{
    if (!m_serving.runner)
        return fail(ticket, tr("The connector stopped before the test firing could start. "
                               "Sign in on the Account page and test-fire again."));
    const QString firingId = m_serving.runner->testFire(flow, sample);
    if (firingId.isEmpty()) {
        fail(ticket, tr("The test firing could not be recorded in the trigger log: %1")
                         .arg(m_serving.db->errorString()));
        return;
    }
    succeed(ticket, firingId);
}

void ConnectorRequests::resubmit(quint64 ticket, const QString &firingId, bool failedOnly)
{
    if (!accept(ticket, tr("Not signed in. Sign in on the Account page to resubmit a firing.")))
        return;
    const FailHandler failWith = failer(ticket);
    withInstance(failWith, [this, ticket, firingId, failedOnly](const QString &, const QString &) {
        if (!m_serving.runner)
            return fail(ticket, tr("The connector stopped before the firing could be "
                                   "resubmitted. Sign in on the Account page and resubmit it "
                                   "again."));
        QString error;
        if (!m_serving.runner->resubmit(firingId, failedOnly, &error))
            return fail(ticket, error);
        succeed(ticket, firingId);
    });
}
