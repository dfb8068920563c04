#include "controlapi.h"

#include "faultinjector.h"
#include "identityprovider.h"
#include "outbox.h"
#include "sandboxclock.h"
#include "sandboxserver.h"
#include "scenario.h"
#include "smtpsink.h"
#include "throttle.h"

#include <QJsonArray>

#include <cmath>

namespace {

using Method = QHttpServerRequest::Method;

SandboxResponse badRequest(const QString &description)
{
    return SandboxResponse::error(400, QStringLiteral("invalid_request"), description);
}

// The JSON object body of a control call, or the 400 answer for it.
std::optional<QJsonObject> jsonBody(const SandboxRequest &request, SandboxResponse *failure)
{
    QString error;
    auto object = parseJsonObject(request.body, &error);
    if (!object)
        *failure = SandboxResponse::error(400, QStringLiteral("invalid_json"), error);
    return object;
}

} // namespace

ControlApi::ControlApi(Scenario *scenario, FaultInjector *faults, Throttle *throttle, Outbox *outbox,
                       SmtpSink *smtp, IdentityProvider *identity, std::shared_ptr<const SandboxClock> clock)
    : m_scenario(scenario)
    , m_faults(faults)
    , m_throttle(throttle)
    , m_outbox(outbox)
    , m_smtp(smtp)
    , m_identity(identity)
    , m_clock(std::move(clock))
{}

void ControlApi::registerRoutes(SandboxServer &server)
{
    server.addRoute(Method::Post, QStringLiteral("/sandbox/control/refresh"),
                    [this](const SandboxRequest &r) { return refresh(r); });
    server.addRoute(Method::Put, QStringLiteral("/sandbox/control/segments/{}"),
                    [this](const SandboxRequest &r) { return setSegment(r); });
    server.addRoute(Method::Put, QStringLiteral("/sandbox/control/measures/{}"),
                    [this](const SandboxRequest &r) { return setMeasure(r); });
    server.addRoute(Method::Post, QStringLiteral("/sandbox/control/faults"),
                    [this](const SandboxRequest &r) { return addFault(r); });
    server.addRoute(
        Method::Get | Method::Delete, QStringLiteral("/sandbox/control/faults"),
        [this](const SandboxRequest &r) {
            if (r.method == Method::Delete)
                m_faults->clear();
            return SandboxResponse::json(QJsonObject{{QStringLiteral("pending"), m_faults->pending()}});
        });
    server.addRoute(Method::Get, QStringLiteral("/sandbox/control/counters"),
                    [this](const SandboxRequest &) { return counters(); });
    server.addRoute(Method::Get | Method::Delete, QStringLiteral("/sandbox/control/outbox"),
                    [this](const SandboxRequest &r) {
                        if (r.method == Method::Delete)
                            m_outbox->clear();
                        return outbox();
                    });
    server.addRoute(Method::Get, QStringLiteral("/sandbox/control/state"),
                    [this](const SandboxRequest &) { return SandboxResponse::json(m_scenario->snapshot()); });
    server.addRoute(Method::Post, QStringLiteral("/sandbox/control/tokens"),
                    [this](const SandboxRequest &r) { return tokens(r); });
    server.addRoute(Method::Post, QStringLiteral("/sandbox/control/tokens/expire"),
                    [this](const SandboxRequest &r) { return tokenFault(r, false); });
    server.addRoute(Method::Post, QStringLiteral("/sandbox/control/tokens/revoke"),
                    [this](const SandboxRequest &r) { return tokenFault(r, true); });
    server.addRoute(Method::Get, QStringLiteral("/sandbox/control/events"), [this](const SandboxRequest &r) {
        return page(r, m_scenario->events(), QStringLiteral("events"));
    });
    server.addRoute(Method::Get, QStringLiteral("/sandbox/control/calls"), [this](const SandboxRequest &r) {
        return page(r, m_throttle->calls(), QStringLiteral("calls"));
    });
    server.addRoute(Method::Post, QStringLiteral("/sandbox/teams/{}"),
                    [this](const SandboxRequest &r) { return teams(r); });
}

SandboxResponse ControlApi::refresh(const SandboxRequest &request)
{
    SandboxResponse failure;
    const auto body = jsonBody(request, &failure);
    if (!body)
        return failure;
    Scenario::RefreshRequest refresh;
    const QString kind = body->value(QStringLiteral("kind")).toString(QStringLiteral("full"));
    if (kind == QLatin1String("full"))
        refresh.kind = Scenario::RefreshKind::Full;
    else if (kind == QLatin1String("unification"))
        refresh.kind = Scenario::RefreshKind::Unification;
    else if (kind == QLatin1String("datasource"))
        refresh.kind = Scenario::RefreshKind::DataSource;
    else
        return badRequest(QStringLiteral("'kind' must be full, unification or datasource."));
    const QJsonValue dataSource = body->value(QStringLiteral("dataSource"));
    if (!dataSource.isUndefined() && !dataSource.isString())
        return badRequest(QStringLiteral("'dataSource' must be a string."));
    refresh.dataSource = dataSource.toString();
    if (refresh.kind == Scenario::RefreshKind::DataSource && refresh.dataSource.isEmpty())
        return badRequest(QStringLiteral("A datasource refresh needs 'dataSource'."));
    const QString outcome = body->value(QStringLiteral("outcome")).toString(QStringLiteral("successful"));
    if (outcome != QLatin1String("successful") && outcome != QLatin1String("failed"))
        return badRequest(QStringLiteral("'outcome' must be successful or failed."));
    refresh.fail = outcome == QLatin1String("failed");
    const QJsonValue scheduled = body->value(QStringLiteral("scheduled"));
    if (!scheduled.isUndefined() && !scheduled.isBool())
        return badRequest(QStringLiteral("'scheduled' must be true or false."));
    refresh.scheduled = scheduled.toBool(false);

    QString error;
    const auto jobId = m_scenario->submit(refresh, &error);
    if (!jobId)
        return SandboxResponse::error(404, QStringLiteral("not_found"), error);
    return SandboxResponse::json(QJsonObject{{QStringLiteral("jobId"), *jobId}});
}

SandboxResponse ControlApi::setSegment(const SandboxRequest &request)
{
    SandboxResponse failure;
    const auto body = jsonBody(request, &failure);
    if (!body)
        return failure;
    const QJsonValue count = body->value(QStringLiteral("count"));
    if (!count.isDouble() || count.toDouble() < 0 || count.toDouble() != std::floor(count.toDouble()))
        return badRequest(QStringLiteral("'count' must be a non-negative integer."));
    const QString name = request.captures.value(0);
    if (!m_scenario->findSegment(name))
        return SandboxResponse::error(404, QStringLiteral("not_found"),
                                      QStringLiteral("Unknown segment '%1'.").arg(name));
    QString error;
    const auto jobId = m_scenario->setSegmentCount(name, qint64(count.toDouble()), &error);
    if (!jobId)
        return badRequest(error);
    const auto *segment = m_scenario->findSegment(name);
    return SandboxResponse::json(QJsonObject{{QStringLiteral("name"), segment->name},
                                             {QStringLiteral("count"), segment->count},
                                             {QStringLiteral("jobId"), *jobId}});
}

SandboxResponse ControlApi::setMeasure(const SandboxRequest &request)
{
    SandboxResponse failure;
    const auto body = jsonBody(request, &failure);
    if (!body)
        return failure;
    const QString name = request.captures.value(0);
    const auto *measure = m_scenario->findMeasure(name);
    if (!measure)
        return SandboxResponse::error(404, QStringLiteral("not_found"),
                                      QStringLiteral("Unknown measure '%1'.").arg(name));
    QMap<QString, double> values;
    if (body->value(QStringLiteral("value")).isDouble()) {
        if (!measure->isScalar()) {
            return badRequest(QStringLiteral("'%1' has the dimension %2: give {\"values\": {\"<%2>\": X}}.")
                                  .arg(measure->name, measure->dimension));
        }
        values.insert(measure->name, body->value(QStringLiteral("value")).toDouble());
    } else if (body->value(QStringLiteral("values")).isObject()) {
        const QJsonObject given = body->value(QStringLiteral("values")).toObject();
        for (auto it = given.begin(); it != given.end(); ++it) {
            if (!it.value().isDouble())
                return badRequest(QStringLiteral("Every value in 'values' must be a number."));
            values.insert(it.key(), it.value().toDouble());
        }
    } else {
        return badRequest(QStringLiteral("Give 'value' (a number) or 'values' (an object of numbers)."));
    }
    QString error;
    const auto jobId = m_scenario->setMeasureValues(name, values, &error);
    if (!jobId)
        return badRequest(error);
    measure = m_scenario->findMeasure(name);
    QJsonObject current;
    for (auto it = measure->values.cbegin(); it != measure->values.cend(); ++it)
        current.insert(it.key(), it.value());
    return SandboxResponse::json(QJsonObject{{QStringLiteral("name"), measure->name},
                                             {QStringLiteral("values"), current},
                                             {QStringLiteral("jobId"), *jobId}});
}

SandboxResponse ControlApi::addFault(const SandboxRequest &request)
{
    SandboxResponse failure;
    const auto body = jsonBody(request, &failure);
    if (!body)
        return failure;
    const auto kind = FaultInjector::kindFromString(body->value(QStringLiteral("kind")).toString());
    if (!kind)
        return badRequest(QStringLiteral("'kind' must be http500, delay, throttle or drop."));
    const QJsonValue count = body->value(QStringLiteral("count"));
    const QJsonValue ms = body->value(QStringLiteral("ms"));
    if ((!count.isUndefined() && (!count.isDouble() || count.toInt(-1) < 1 || count.toInt() > 100000)) ||
        (!ms.isUndefined() && (!ms.isDouble() || ms.toInt(-1) < 0 || ms.toInt() > 600000))) {
        return badRequest(QStringLiteral("'count' must be 1..100000 and 'ms' 0..600000."));
    }
    const int defaultMs =
        *kind == FaultInjector::Kind::Throttle ? 1000 : (*kind == FaultInjector::Kind::Delay ? 1000 : 0);
    m_faults->add(*kind, count.toInt(1), ms.toInt(defaultMs));
    return SandboxResponse::json(QJsonObject{{QStringLiteral("pending"), m_faults->pending()}});
}

SandboxResponse ControlApi::counters() const
{
    QJsonArray connections;
    for (const Throttle::Counters &counters : m_throttle->counters()) {
        const qsizetype bar = counters.connection.indexOf(u'|');
        const QString key = counters.connection.mid(bar + 1);
        connections.append(
            QJsonObject{{QStringLiteral("subject"), counters.connection.left(bar)},
                        // Enough of the key to tell connections apart, never the whole secret.
                        {QStringLiteral("subscriptionKey"), QString(key.left(4) + QStringLiteral("..."))},
                        {QStringLiteral("callsLast60s"), counters.callsInWindow},
                        {QStringLiteral("maxCallsInAny60s"), counters.maxInAnyWindow},
                        {QStringLiteral("throttled429"), counters.throttled},
                        {QStringLiteral("attemptsLast60s"), counters.attemptsInWindow},
                        {QStringLiteral("maxAttemptsInAny60s"), counters.maxAttemptsInAnyWindow},
                        {QStringLiteral("refusedOverLimit"), counters.refusedOverLimit}});
    }
    return SandboxResponse::json(
        QJsonObject{{QStringLiteral("limit"), m_throttle->limit()},
                    {QStringLiteral("windowSeconds"), qint64(m_throttle->window().count())},
                    {QStringLiteral("connections"), connections}});
}

SandboxResponse ControlApi::outbox() const
{
    return SandboxResponse::json(QJsonObject{
        {QStringLiteral("teams"), m_outbox->teamsJson()},
        {QStringLiteral("emails"), m_outbox->emailsJson()},
        {QStringLiteral("smtp"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                             {QStringLiteral("port"), int(m_smtp->port())}}}});
}

SandboxResponse ControlApi::tokens(const SandboxRequest &request)
{
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        SandboxResponse failure;
        const auto parsed = jsonBody(request, &failure);
        if (!parsed)
            return failure;
        body = *parsed;
    }
    const QString scope = body.value(QStringLiteral("scope"))
                              .toString(QStringLiteral("https://api.ci.ai.microsoft.com/user_impersonation "
                                                       "offline_access openid"));
    return SandboxResponse::json(
        m_identity->issueTokens(body.value(QStringLiteral("subject")).toString(), scope));
}

SandboxResponse ControlApi::tokenFault(const SandboxRequest &request, bool revoke)
{
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        SandboxResponse failure;
        const auto parsed = jsonBody(request, &failure);
        if (!parsed)
            return failure;
        body = *parsed;
    }
    const QJsonValue subject = body.value(QStringLiteral("subject"));
    if (!subject.isUndefined() && !subject.isString())
        return badRequest(QStringLiteral("'subject' must be a string."));
    if (revoke) {
        return SandboxResponse::json(
            QJsonObject{{QStringLiteral("revoked"), m_identity->revokeSignIns(subject.toString())}});
    }
    return SandboxResponse::json(
        QJsonObject{{QStringLiteral("expired"), m_identity->expireAccessTokens(subject.toString())}});
}

SandboxResponse ControlApi::page(const SandboxRequest &request, const EventLog &log, const QString &key)
{
    constexpr int kDefaultLimit = 1000;
    constexpr int kMaxLimit = 10000;
    bool ok = true;
    const qint64 after = request.hasQueryItem(QStringLiteral("after"))
                             ? request.queryValue(QStringLiteral("after")).toLongLong(&ok)
                             : 0;
    if (!ok || after < 0)
        return badRequest(QStringLiteral("'after' must be a sequence number (0 or more)."));
    const int limit = request.hasQueryItem(QStringLiteral("limit"))
                          ? request.queryValue(QStringLiteral("limit")).toInt(&ok)
                          : kDefaultLimit;
    if (!ok || limit < 1 || limit > kMaxLimit)
        return badRequest(QStringLiteral("'limit' must be 1..%1.").arg(kMaxLimit));
    const QJsonArray entries = log.since(after, limit);
    const qint64 last =
        entries.isEmpty() ? after : qint64(entries.last().toObject().value(QStringLiteral("seq")).toDouble());
    return SandboxResponse::json(QJsonObject{{QStringLiteral("first"), double(log.firstSeq())},
                                             {QStringLiteral("next"), double(log.nextSeq())},
                                             {QStringLiteral("last"), double(last)},
                                             {key, entries}});
}

SandboxResponse ControlApi::teams(const SandboxRequest &request)
{
    SandboxResponse failure;
    const auto body = jsonBody(request, &failure);
    if (!body)
        return failure;
    m_outbox->addTeamsMessage({request.captures.value(0), m_clock->now(), request.body});
    // Teams incoming webhooks answer 200 with the text "1".
    return SandboxResponse::text(QByteArrayLiteral("1"));
}
