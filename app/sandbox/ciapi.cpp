#include "ciapi.h"

#include "identityprovider.h"
#include "odataquery.h"
#include "sandboxserver.h"
#include "throttle.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace {

using Method = QHttpServerRequest::Method;

const QString kWorkflow = QStringLiteral("main");
constexpr int kMaxListTop = 1000;
const QString kCreatedBy = QStringLiteral("admin@contoso.example");

QJsonValue optionalTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(CiApi::timestamp(time)) : QJsonValue(QJsonValue::Null);
}

std::optional<int> topParameter(const SandboxRequest &request, int fallback)
{
    if (!request.hasQueryItem(QStringLiteral("top")))
        return fallback;
    bool ok = false;
    const int top = request.queryValue(QStringLiteral("top")).toInt(&ok);
    if (!ok || top < 0)
        return std::nullopt;
    return std::min(top, kMaxListTop);
}

bool boolParameter(const SandboxRequest &request, const QString &name, bool fallback)
{
    if (!request.hasQueryItem(name))
        return fallback;
    return request.queryValue(name).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

QString formatValue(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

CiApi::CiApi(Scenario *scenario, IdentityProvider *identity, Throttle *throttle, FaultInjector *faults,
             const SandboxServer *server, QString subscriptionKey)
    : m_scenario(scenario)
    , m_identity(identity)
    , m_throttle(throttle)
    , m_faults(faults)
    , m_server(server)
    , m_subscriptionKey(std::move(subscriptionKey))
{}

QString CiApi::connectionKey(const QString &subject, const QString &subscriptionKey)
{
    return subject + u'|' + subscriptionKey;
}

QString CiApi::timestamp(const QDateTime &time)
{
    // The service's .NET format: seven fraction digits and a Z.
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("0000Z");
}

void CiApi::registerRoutes(SandboxServer &server)
{
    auto route = [&](Method method, const QString &pattern, bool odata, auto member) {
        server.addRoute(method, pattern, [this, odata, member](const SandboxRequest &request) {
            return guarded(request, odata,
                           [this, member](const SandboxRequest &r) { return member(this, r); });
        });
    };
    route(Method::Get, QStringLiteral("/v1/instances"), false,
          [](CiApi *api, const SandboxRequest &) { return api->listInstances(); });
    route(Method::Get, QStringLiteral("/v1/instances/{}"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->getInstance(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/manage/datasources"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->listDataSources(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/manage/datasources/{}"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->getDataSource(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/manage/segments"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->listSegments(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/manage/measures"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->listMeasures(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/manage/measures/{}"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->getMeasure(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/manage/entities"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->listEntities(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/data/{}"), true,
          [](CiApi *api, const SandboxRequest &r) { return api->queryData(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/workflows/{}/jobs"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->listJobs(r); });
    route(Method::Post, QStringLiteral("/v1/instances/{}/workflows/{}/jobs"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->submitJob(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/workflows/{}/jobs/{}"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->getJob(r); });
    route(Method::Post, QStringLiteral("/v1/instances/{}/workflows/{}/jobs/{}/cancel"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->cancelJob(r); });
    route(Method::Get, QStringLiteral("/v1/instances/{}/workflows/{}/history"), false,
          [](CiApi *api, const SandboxRequest &r) { return api->listHistory(r); });
}

SandboxResponse CiApi::apiError(int status, const QString &code, const QString &message)
{
    return SandboxResponse::json(
        QJsonObject{{QStringLiteral("errorCode"), code},
                    {QStringLiteral("message"), message},
                    {QStringLiteral("httpStatusCode"), QString::number(status)},
                    {QStringLiteral("exceptionCulprit"),
                     status >= 500 ? QStringLiteral("system") : QStringLiteral("user")},
                    {QStringLiteral("resultSeverity"), QStringLiteral("error")}},
        status);
}

SandboxResponse CiApi::odataError(int status, const QString &code, const QString &message)
{
    return SandboxResponse::json(QJsonObject{{QStringLiteral("errorCode"), code},
                                             {QStringLiteral("message"), message},
                                             {QStringLiteral("target"), QJsonValue::Null},
                                             {QStringLiteral("details"), QJsonArray()}},
                                 status);
}

SandboxResponse CiApi::guarded(const SandboxRequest &request, bool odata, const Operation &operation)
{
    auto error = [odata](int status, const QString &code, const QString &message) {
        return odata ? odataError(status, code, message) : apiError(status, code, message);
    };
    const QString authorityUrl = m_server->baseUrl().toString() + u'/' + m_identity->options().tenant +
                                 QStringLiteral("/oauth2/v2.0/authorize");
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer ")) {
        SandboxResponse response =
            error(401, QStringLiteral("Unauthorized"), QStringLiteral("A Bearer access token is required."));
        response.setHeader("WWW-Authenticate",
                           QStringLiteral("Bearer authorization_uri=\"%1\"").arg(authorityUrl).toUtf8());
        return response;
    }
    const auto token = m_identity->validateAccessToken(QString::fromLatin1(authorization.mid(7).trimmed()));
    if (!token) {
        SandboxResponse response = error(401, QStringLiteral("Unauthorized"),
                                         QStringLiteral("The access token is invalid, expired or revoked."));
        response.setHeader(
            "WWW-Authenticate",
            QStringLiteral("Bearer authorization_uri=\"%1\", error=\"invalid_token\", "
                           "error_description=\"The access token is invalid, expired or revoked\"")
                .arg(authorityUrl)
                .toUtf8());
        return response;
    }
    const QString key = QString::fromUtf8(request.header("Ocp-Apim-Subscription-Key"));
    if (key.isEmpty()) {
        return error(
            403, QStringLiteral("MissingSubscriptionKey"),
            QStringLiteral("Access denied due to missing subscription key (Ocp-Apim-Subscription-Key)."));
    }
    if (key != m_subscriptionKey) {
        return error(403, QStringLiteral("InvalidSubscriptionKey"),
                     QStringLiteral("Access denied due to an invalid subscription key."));
    }

    const QString connection = connectionKey(token->subject, key);
    auto tooMany = [&](int retryAfter) {
        SandboxResponse response =
            error(429, QStringLiteral("TooManyRequests"),
                  QStringLiteral("Rate limit is exceeded. Try again in %1 seconds.").arg(retryAfter));
        response.setHeader("Retry-After", QByteArray::number(retryAfter));
        return response;
    };
    m_throttle->recordCall(connection);
    // The call record (GET /sandbox/control/calls): what each call of the connection met.
    const auto logged = [&](const QString &outcome, int delayMs = 0) {
        m_throttle->logCall(token->subject,
                            request.method == Method::Get ? QStringLiteral("GET") : QStringLiteral("POST"),
                            request.url.path(), outcome, delayMs);
    };
    const auto fault = m_faults->take();
    if (fault && fault->kind == FaultInjector::Kind::Throttle) {
        m_throttle->recordThrottled(connection);
        logged(QStringLiteral("throttled"));
        return tooMany(std::max(1, (fault->ms + 999) / 1000));
    }
    const Throttle::Decision decision = m_throttle->admit(connection);
    if (!decision.allowed) {
        logged(QStringLiteral("refused"));
        return tooMany(decision.retryAfterSeconds);
    }
    if (fault) {
        switch (fault->kind) {
        case FaultInjector::Kind::Http500:
            logged(QStringLiteral("http500"));
            return error(500, QStringLiteral("InternalServerError"),
                         QStringLiteral("Injected server error."));
        case FaultInjector::Kind::Drop:
            logged(QStringLiteral("drop"));
            return SandboxResponse::dropConnection();
        case FaultInjector::Kind::Delay: {
            SandboxResponse response = operation(request);
            response.delayMs = fault->ms;
            logged(QStringLiteral("served"), fault->ms);
            return response;
        }
        case FaultInjector::Kind::Throttle:
            break;
        }
    }
    logged(QStringLiteral("served"));
    return operation(request);
}

bool CiApi::knownInstance(const QString &id) const
{
    return id.compare(m_scenario->instance().id, Qt::CaseInsensitive) == 0;
}

QJsonObject CiApi::instanceInfo() const
{
    const auto &instance = m_scenario->instance();
    return QJsonObject{{QStringLiteral("instanceId"), instance.id},
                       {QStringLiteral("name"), instance.name},
                       {QStringLiteral("instanceType"), instance.type},
                       {QStringLiteral("expiryTimeUtc"), QJsonValue::Null},
                       {QStringLiteral("scaleUnitId"), instance.scaleUnitId},
                       {QStringLiteral("azureRegion"), instance.region},
                       {QStringLiteral("platformType"), QStringLiteral("CustomerInsights")}};
}

SandboxResponse CiApi::listInstances() const
{
    return SandboxResponse::json(QJsonArray{instanceInfo()});
}

#define INSIGHTS_REQUIRE_INSTANCE(request)                                                                   \
    if (!knownInstance(request.captures.value(0)))                                                           \
        return apiError(404, QStringLiteral("InstanceNotFound"),                                             \
                        QStringLiteral("Instance '%1' not found.").arg(request.captures.value(0)));

SandboxResponse CiApi::getInstance(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_INSTANCE(request)
    const auto &instance = m_scenario->instance();
    return SandboxResponse::json(QJsonObject{
        {QStringLiteral("instanceId"), instance.id},
        {QStringLiteral("name"), instance.name},
        {QStringLiteral("instanceType"), instance.type},
        {QStringLiteral("provisioningState"), QStringLiteral("active")},
        {QStringLiteral("isB2B"), false},
        {QStringLiteral("isB2C"), true},
        {QStringLiteral("region"), instance.region},
        {QStringLiteral("azureRegion"), instance.region},
        {QStringLiteral("platformType"), QStringLiteral("CustomerInsights")},
        {QStringLiteral("refreshSchedule"),
         QJsonObject{{QStringLiteral("isActive"), true},
                     {QStringLiteral("timezoneId"), QStringLiteral("UTC")},
                     {QStringLiteral("cronSchedules"), QJsonArray{QStringLiteral("*/30 * * * * *")}},
                     {QStringLiteral("instanceId"), instance.id}}},
        {QStringLiteral("version"), 1},
        {QStringLiteral("createdBy"), kCreatedBy},
        {QStringLiteral("createdUtc"), timestamp(instance.created)},
        {QStringLiteral("updatedBy"), kCreatedBy},
        {QStringLiteral("updatedUtc"), timestamp(instance.created)}});
}

QJsonObject CiApi::dataSourceInfo(const Scenario::DataSource &source, bool includeModel) const
{
    QJsonArray entityInformation;
    for (const QString &entity : source.entityNames) {
        entityInformation.append(QJsonObject{{QStringLiteral("entityName"), entity},
                                             {QStringLiteral("entityType"), QStringLiteral("unspecified")}});
    }
    const QJsonObject metadata{
        {QStringLiteral("dataSourceId"), source.id},
        {QStringLiteral("name"), source.name},
        {QStringLiteral("friendlyName"), source.friendlyName},
        {QStringLiteral("kind"), source.kind},
        {QStringLiteral("isActive"), true},
        {QStringLiteral("entityNames"), QJsonArray::fromStringList(source.entityNames)},
        {QStringLiteral("entitiesCount"), int(source.entityNames.size())},
        {QStringLiteral("entityInformation"), entityInformation},
        {QStringLiteral("provisioningState"), QStringLiteral("active")},
        {QStringLiteral("lastRefresh"), optionalTime(source.lastRefresh)},
        {QStringLiteral("refreshState"), source.refreshState},
        {QStringLiteral("version"), 1},
        {QStringLiteral("createdBy"), kCreatedBy},
        {QStringLiteral("createdUtc"), timestamp(source.created)},
        {QStringLiteral("updatedBy"), kCreatedBy},
        {QStringLiteral("updatedUtc"), optionalTime(source.lastRefresh)},
        {QStringLiteral("instanceId"), m_scenario->instance().id}};
    QJsonObject info{{QStringLiteral("dataSourceMetadata"), metadata}};
    if (includeModel) {
        QJsonArray entities;
        for (const QString &entity : source.entityNames)
            entities.append(
                QJsonObject{{QStringLiteral("name"), entity}, {QStringLiteral("isHidden"), false}});
        info.insert(QStringLiteral("model"),
                    QJsonObject{{QStringLiteral("name"), source.name},
                                {QStringLiteral("version"), QStringLiteral("1.0")},
                                {QStringLiteral("culture"), QStringLiteral("en-US")},
                                {QStringLiteral("modifiedTime"), optionalTime(source.lastRefresh)},
                                {QStringLiteral("entities"), entities}});
    }
    return info;
}

SandboxResponse CiApi::listDataSources(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_INSTANCE(request)
    QJsonArray result;
    for (const auto &source : m_scenario->dataSources())
        result.append(dataSourceInfo(source, true));
    return SandboxResponse::json(result);
}

SandboxResponse CiApi::getDataSource(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_INSTANCE(request)
    const auto *source = m_scenario->findDataSource(request.captures.value(1));
    if (!source) {
        return apiError(404, QStringLiteral("DataSourceNotFound"),
                        QStringLiteral("Data source '%1' not found.").arg(request.captures.value(1)));
    }
    return SandboxResponse::json(
        dataSourceInfo(*source, boolParameter(request, QStringLiteral("includeModel"), true)));
}

QJsonObject CiApi::segmentMetadata(const Scenario::Segment &segment, bool history) const
{
    QJsonObject status{{QStringLiteral("jobStatus"), segment.jobStatus},
                       {QStringLiteral("evaluationDate"), optionalTime(segment.evaluationDate)},
                       {QStringLiteral("entityCount"), segment.count}};
    if (!segment.lastRunId.isEmpty())
        status.insert(QStringLiteral("lastSuccessfulRunId"), segment.lastRunId);
    QJsonObject result{{QStringLiteral("kind"), QStringLiteral("default")},
                       {QStringLiteral("name"), segment.name},
                       {QStringLiteral("friendlyName"), segment.friendlyName},
                       {QStringLiteral("description"), segment.description},
                       {QStringLiteral("state"), QStringLiteral("active")},
                       {QStringLiteral("evaluationStatus"), status},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("createdBy"), kCreatedBy},
                       {QStringLiteral("createdUtc"), timestamp(segment.created)},
                       {QStringLiteral("updatedBy"), kCreatedBy},
                       {QStringLiteral("updatedUtc"), timestamp(segment.created)},
                       {QStringLiteral("instanceId"), m_scenario->instance().id}};
    if (history) {
        QJsonArray entries;
        for (auto it = segment.history.crbegin(); it != segment.history.crend(); ++it) {
            entries.append(QJsonObject{{QStringLiteral("evaluationDate"), timestamp(it->date)},
                                       {QStringLiteral("entityCount"), it->count},
                                       {QStringLiteral("jobStatus"), it->jobStatus}});
        }
        result.insert(QStringLiteral("evaluationStatusHistory"), entries);
    }
    return result;
}

SandboxResponse CiApi::listSegments(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_INSTANCE(request)
    const bool history = boolParameter(request, QStringLiteral("includeHistoricStats"), false);
    QJsonArray result;
    for (const auto &segment : m_scenario->segments())
        result.append(segmentMetadata(segment, history));
    return SandboxResponse::json(result);
}

QJsonObject CiApi::measureMetadata(const Scenario::Measure &measure, bool history) const
{
    auto output = [&](const QMap<QString, double> &values, const QDateTime &time) {
        QJsonObject map;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            map.insert(it.key(), formatValue(it.value(), measure.decimals));
        return QJsonObject{{QStringLiteral("measureName"), measure.name},
                           {QStringLiteral("evaluationTime"), optionalTime(time)},
                           {QStringLiteral("values"), map}};
    };
    QJsonArray dimensions;
    if (!measure.isScalar()) {
        dimensions.append(QJsonObject{{QStringLiteral("field"), measure.dimension},
                                      {QStringLiteral("alias"), measure.dimension},
                                      {QStringLiteral("displayName"), measure.dimension},
                                      {QStringLiteral("order"), 0},
                                      {QStringLiteral("bucket"), QStringLiteral("none")},
                                      {QStringLiteral("isReadOnly"), false}});
    }
    const QJsonObject definition{{QStringLiteral("kind"), QStringLiteral("attribute")},
                                 {QStringLiteral("isScalar"), measure.isScalar()},
                                 {QStringLiteral("type"), QStringLiteral("structured")},
                                 {QStringLiteral("dimensions"), dimensions},
                                 {QStringLiteral("aggregates"),
                                  QJsonArray{QJsonObject{{QStringLiteral("operation"), QStringLiteral("sum")},
                                                         {QStringLiteral("field"), QStringLiteral("Amount")},
                                                         {QStringLiteral("alias"), measure.name},
                                                         {QStringLiteral("displayName"), measure.displayName},
                                                         {QStringLiteral("order"), 0}}}}};
    QJsonObject latest{{QStringLiteral("state"), measure.state},
                       {QStringLiteral("endTime"), optionalTime(measure.evaluationTime)}};
    if (!measure.lastRunId.isEmpty())
        latest.insert(QStringLiteral("lastSuccessfulRunId"), measure.lastRunId);
    QJsonObject result{{QStringLiteral("name"), measure.name},
                       {QStringLiteral("displayName"), measure.displayName},
                       {QStringLiteral("description"), measure.description},
                       {QStringLiteral("definition"), definition},
                       {QStringLiteral("latestEvaluation"), latest},
                       {QStringLiteral("output"), output(measure.values, measure.evaluationTime)},
                       {QStringLiteral("evaluationStats"),
                        QJsonObject{{QStringLiteral("lastSuccessful"), optionalTime(measure.evaluationTime)},
                                    {QStringLiteral("consecutiveFailureCount"), 0}}},
                       {QStringLiteral("isTemplate"), false},
                       {QStringLiteral("isCreatedFromTemplate"), false},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("createdBy"), kCreatedBy},
                       {QStringLiteral("createdUtc"), timestamp(measure.created)},
                       {QStringLiteral("updatedBy"), kCreatedBy},
                       {QStringLiteral("updatedUtc"), timestamp(measure.created)},
                       {QStringLiteral("instanceId"), m_scenario->instance().id}};
    if (history) {
        QJsonArray outputs;
        QJsonArray evaluations;
        for (auto it = measure.history.crbegin(); it != measure.history.crend(); ++it) {
            outputs.append(output(it->values, it->time));
            evaluations.append(QJsonObject{{QStringLiteral("state"), QStringLiteral("completed")},
                                           {QStringLiteral("endTime"), timestamp(it->time)},
                                           {QStringLiteral("lastSuccessfulRunId"), it->runId}});
        }
        result.insert(QStringLiteral("outputHistory"), outputs);
        result.insert(QStringLiteral("evaluationHistory"), evaluations);
    }
    return result;
}

SandboxResponse CiApi::listMeasures(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_INSTANCE(request)
    QJsonArray result;
    for (const auto &measure : m_scenario->measures())
        result.append(measureMetadata(measure, false));
    return SandboxResponse::json(result);
}

SandboxResponse CiApi::getMeasure(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_INSTANCE(request)
    const auto *measure = m_scenario->findMeasure(request.captures.value(1));
    if (!measure) {
        return apiError(404, QStringLiteral("MeasureNotFound"),
                        QStringLiteral("Measure '%1' not found.").arg(request.captures.value(1)));
    }
    return SandboxResponse::json(
        measureMetadata(*measure, boolParameter(request, QStringLiteral("includeHistoricStats"), false)));
}

SandboxResponse CiApi::listEntities(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_INSTANCE(request)
    QJsonArray entities;
    QJsonArray attributes;
    for (const auto &column : m_scenario->customers().columns()) {
        attributes.append(
            QJsonObject{{QStringLiteral("name"), column.name}, {QStringLiteral("dataType"), column.type}});
    }
    entities.append(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Customer")},
                    {QStringLiteral("qualifiedEntityName"), QStringLiteral("Customer")},
                    {QStringLiteral("dataflowType"), QStringLiteral("conflationResolveConflicts")},
                    {QStringLiteral("entityType"), QStringLiteral("profile")},
                    {QStringLiteral("semanticType"), QStringLiteral("Customer")},
                    {QStringLiteral("attributes"), attributes}});
    for (const auto &source : m_scenario->dataSources()) {
        for (const QString &entity : source.entityNames) {
            entities.append(
                QJsonObject{{QStringLiteral("name"), entity},
                            {QStringLiteral("qualifiedEntityName"), QString(source.name + u'_' + entity)},
                            {QStringLiteral("dataSourceName"), source.name},
                            {QStringLiteral("datasourceId"), source.id},
                            {QStringLiteral("dataflowType"), source.kind},
                            {QStringLiteral("entityType"), QStringLiteral("unspecified")},
                            {QStringLiteral("refreshTime"), optionalTime(source.lastRefresh)}});
        }
    }
    return SandboxResponse::json(QJsonObject{{QStringLiteral("instanceId"), m_scenario->instance().id},
                                             {QStringLiteral("entities"), entities}});
}

SandboxResponse CiApi::queryData(const SandboxRequest &request) const
{
    if (!knownInstance(request.captures.value(0))) {
        return odataError(404, QStringLiteral("InstanceNotFound"),
                          QStringLiteral("Instance '%1' not found.").arg(request.captures.value(0)));
    }
    const QString entity = request.captures.value(1);
    if (entity != QLatin1String("Customer")) {
        return odataError(404, QStringLiteral("EntityNotFound"),
                          QStringLiteral("Entity '%1' not found (the sandbox serves Customer).").arg(entity));
    }
    const CustomerTable &table = m_scenario->customers();
    QStringList attributes;
    for (const auto &column : table.columns())
        attributes.append(column.name);
    QString error;
    const auto query = ODataQuery::parse(
        request.query, attributes, [&](const QString &segment) { return table.hasSegment(segment); }, &error);
    if (!query)
        return odataError(400, QStringLiteral("BadRequest"), error);

    QHash<QString, qint64> counts;
    for (const auto &segment : m_scenario->segments())
        counts.insert(segment.name, segment.count);
    const auto membership = [&](const QString &segment, int row) {
        return table.isMember(segment, row, counts.value(segment));
    };
    QList<int> page;
    qsizetype total = table.size();
    if (!query->filter() && query->orderBy().isEmpty()) {
        // Plain paging touches only the rows of the page.
        for (int i = query->skip(); i < table.size() && page.size() < query->top(); ++i)
            page.append(i);
    } else {
        QList<int> rows;
        rows.reserve(table.size());
        for (int i = 0; i < table.size(); ++i) {
            if (query->matches(table.row(i), i, membership))
                rows.append(i);
        }
        if (!query->orderBy().isEmpty()) {
            std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
                for (const auto &key : query->orderBy()) {
                    const int c = ODataQuery::compare(table.row(a).value(key.attribute),
                                                      table.row(b).value(key.attribute));
                    if (c != 0)
                        return key.descending ? c > 0 : c < 0;
                }
                return false;
            });
        }
        total = rows.size();
        page = rows.mid(query->skip(), query->top());
    }
    QJsonArray value;
    for (const int index : std::as_const(page)) {
        const QJsonObject &row = table.row(index);
        if (query->select().isEmpty()) {
            value.append(row);
        } else {
            QJsonObject projected;
            for (const QString &name : query->select())
                projected.insert(name, row.value(name));
            value.append(projected);
        }
    }
    QString context = m_server->baseUrl().toString() + QStringLiteral("/v1/instances/") +
                      m_scenario->instance().id + QStringLiteral("/data/$metadata#Customer");
    if (!query->select().isEmpty())
        context += u'(' + query->select().join(u',') + u')';
    QJsonObject payload{{QStringLiteral("@odata.context"), context}, {QStringLiteral("value"), value}};
    if (query->count())
        payload.insert(QStringLiteral("@odata.count"), int(total));
    return SandboxResponse::json(payload);
}

QJsonObject CiApi::taskInfo(const Scenario::Task &task, const QString &jobId) const
{
    QJsonArray errors;
    if (!task.errorMessage.isEmpty()) {
        errors.append(QJsonObject{{QStringLiteral("errorCode"), task.status == QLatin1String("timedOut")
                                                                    ? QStringLiteral("TaskTimedOut")
                                                                    : QStringLiteral("TaskFailed")},
                                  {QStringLiteral("message"), task.errorMessage},
                                  {QStringLiteral("exceptionCulprit"), QStringLiteral("external")},
                                  {QStringLiteral("resultSeverity"), QStringLiteral("error")}});
    }
    const QJsonObject info{{QStringLiteral("taskId"), task.id},
                           {QStringLiteral("taskStatus"), task.status},
                           {QStringLiteral("operationType"), task.operationType},
                           {QStringLiteral("subType"), QStringLiteral("noSubType")},
                           {QStringLiteral("jobIds"), QJsonArray{jobId}},
                           {QStringLiteral("friendlyName"), task.friendlyName},
                           {QStringLiteral("submittedTimestamp"), optionalTime(task.submitted)},
                           {QStringLiteral("endTimestamp"), optionalTime(task.end)},
                           {QStringLiteral("ciErrors"), errors}};
    return info;
}

QJsonObject CiApi::jobInfo(const Scenario::Job &job, bool includeTasks) const
{
    QJsonObject info{{QStringLiteral("jobId"), job.id},
                     {QStringLiteral("jobType"), QStringLiteral("full")},
                     {QStringLiteral("jobSubmissionKind"), job.submissionKind},
                     {QStringLiteral("jobStatus"), job.status},
                     {QStringLiteral("operationType"), job.operationType},
                     {QStringLiteral("subType"), QStringLiteral("noSubType")},
                     {QStringLiteral("submittedTimestamp"), optionalTime(job.submitted)},
                     {QStringLiteral("endTimestamp"), optionalTime(job.end)},
                     {QStringLiteral("shouldForceRunRequestedNodes"), false},
                     {QStringLiteral("idList"), QJsonArray::fromStringList(job.identifiers)}};
    if (includeTasks) {
        QJsonArray tasks;
        for (const auto &task : job.tasks())
            tasks.append(taskInfo(task, job.id));
        info.insert(QStringLiteral("tasks"), tasks);
    }
    return info;
}

#define INSIGHTS_REQUIRE_WORKFLOW(request)                                                                   \
    INSIGHTS_REQUIRE_INSTANCE(request)                                                                       \
    if (request.captures.value(1) != kWorkflow)                                                              \
        return apiError(404, QStringLiteral("WorkflowNotFound"),                                             \
                        QStringLiteral("Workflow '%1' not found (the sandbox has 'main').")                  \
                            .arg(request.captures.value(1)));

SandboxResponse CiApi::listJobs(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_WORKFLOW(request)
    const auto top = topParameter(request, 10);
    if (!top)
        return apiError(400, QStringLiteral("BadRequest"),
                        QStringLiteral("top must be a non-negative integer."));
    const bool includeTasks = boolParameter(request, QStringLiteral("includeTasks"), false);
    QJsonArray result;
    const auto &jobs = m_scenario->jobs();
    for (auto it = jobs.crbegin(); it != jobs.crend() && result.size() < *top; ++it)
        result.append(jobInfo(*it, includeTasks));
    return SandboxResponse::json(result);
}

SandboxResponse CiApi::getJob(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_WORKFLOW(request)
    const auto *job = m_scenario->findJob(request.captures.value(2));
    if (!job) {
        return apiError(404, QStringLiteral("JobNotFound"),
                        QStringLiteral("Job '%1' not found.").arg(request.captures.value(2)));
    }
    return SandboxResponse::json(
        jobInfo(*job, boolParameter(request, QStringLiteral("includeTasks"), false)));
}

SandboxResponse CiApi::submitJob(const SandboxRequest &request)
{
    INSIGHTS_REQUIRE_WORKFLOW(request)
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        QString error;
        const auto parsed = parseJsonObject(request.body, &error);
        if (!parsed)
            return apiError(400, QStringLiteral("BadRequest"), error);
        body = *parsed;
    }
    QString operationType = request.queryValue(QStringLiteral("operationType"));
    if (operationType.isEmpty())
        operationType = body.value(QStringLiteral("operationType")).toString(QStringLiteral("all"));
    QStringList identifiers =
        request.queryValue(QStringLiteral("identifiers")).split(u',', Qt::SkipEmptyParts);
    if (identifiers.isEmpty()) {
        const QJsonArray fromBody = body.value(QStringLiteral("identifiers")).toArray();
        for (const QJsonValue &value : fromBody)
            identifiers.append(value.toString());
    }
    Scenario::RefreshRequest refresh;
    if (operationType == QLatin1String("all")) {
        refresh.kind = Scenario::RefreshKind::Full;
    } else if (operationType == QLatin1String("ingestion")) {
        if (identifiers.isEmpty()) {
            return apiError(400, QStringLiteral("BadRequest"),
                            QStringLiteral("An ingestion job needs the data source in 'identifiers'."));
        }
        refresh.kind = Scenario::RefreshKind::DataSource;
        refresh.dataSource = identifiers.constFirst();
    } else if (operationType == QLatin1String("map") || operationType == QLatin1String("match") ||
               operationType == QLatin1String("merge")) {
        refresh.kind = Scenario::RefreshKind::Unification;
    } else if (operationType == QLatin1String("segmentation")) {
        refresh.kind = Scenario::RefreshKind::Segmentation;
    } else if (operationType == QLatin1String("measures")) {
        refresh.kind = Scenario::RefreshKind::Measures;
    } else {
        return apiError(
            400, QStringLiteral("BadRequest"),
            QStringLiteral("operationType '%1' is not supported by the sandbox.").arg(operationType));
    }
    QString error;
    const auto jobId = m_scenario->submit(refresh, &error);
    if (!jobId)
        return apiError(404, QStringLiteral("DataSourceNotFound"), error);
    return SandboxResponse::json(jobInfo(*m_scenario->findJob(*jobId), true));
}

SandboxResponse CiApi::cancelJob(const SandboxRequest &request)
{
    INSIGHTS_REQUIRE_WORKFLOW(request)
    const QString jobId = request.captures.value(2);
    if (!m_scenario->cancel(jobId))
        return apiError(404, QStringLiteral("JobNotFound"), QStringLiteral("Job '%1' not found.").arg(jobId));
    return SandboxResponse::json(jobInfo(*m_scenario->findJob(jobId), true));
}

SandboxResponse CiApi::listHistory(const SandboxRequest &request) const
{
    INSIGHTS_REQUIRE_WORKFLOW(request)
    const auto top = topParameter(request, 10);
    if (!top)
        return apiError(400, QStringLiteral("BadRequest"),
                        QStringLiteral("top must be a non-negative integer."));
    QJsonArray result;
    const auto &jobs = m_scenario->jobs();
    for (auto job = jobs.crbegin(); job != jobs.crend() && result.size() < *top; ++job) {
        const QList<Scenario::Task> tasks = job->tasks();
        for (auto task = tasks.crbegin(); task != tasks.crend() && result.size() < *top; ++task) {
            if (task->status != QLatin1String("queued"))
                result.append(taskInfo(*task, job->id));
        }
    }
    return SandboxResponse::json(result);
}
