#include "getitemsstep.h"

#include "apiclient.h"
#include "cimodels.h"

#include <QUrlQuery>

GetItemsStep::~GetItemsStep()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

void GetItemsStep::start()
{
    const QJsonObject &parameters = m_input.step.parameters;
    if (!m_input.api || m_input.instanceId.isEmpty())
        return finish(
            StepOutcome::permanent(0, tr("Get items needs a Customer Insights connection; none is set up.")));
    if (parameters.value(QLatin1String("entity")).toString().trimmed().isEmpty())
        return finish(StepOutcome::permanent(0, tr("The step names no entity to get items from.")));
    m_limit = std::clamp(parameters.value(QLatin1String("limit")).toInt(kDefaultLimit), 1, kMaxLimit);
    requestPage();
}

void GetItemsStep::requestPage()
{
    const QJsonObject &parameters = m_input.step.parameters;
    QUrlQuery query;
    const auto add = [&](const char *key, const QString &name) {
        const QString value = TemplateEngine::render(parameters.value(QLatin1String(key)).toString(),
                                                     m_input.context, TemplateEngine::Mode::Text)
                                  .trimmed();
        if (!value.isEmpty())
            query.addQueryItem(name, value);
    };
    add("filter", QStringLiteral("$filter"));
    add("select", QStringLiteral("$select"));
    add("orderBy", QStringLiteral("$orderby"));
    query.addQueryItem(QStringLiteral("$top"),
                       QString::number(qMin(kPageSize, m_limit - int(m_rows.size()))));
    query.addQueryItem(QStringLiteral("$skip"), QString::number(m_rows.size()));
    const QString path = QStringLiteral("instances/") + m_input.instanceId + QStringLiteral("/data/") +
                         parameters.value(QLatin1String("entity")).toString().trimmed();
    m_job = m_input.api->get(path, query, m_input.apiPriority);
    connect(m_job, &ApiJob::finished, this, &GetItemsStep::handlePage);
}

void GetItemsStep::handlePage(ApiJob *job)
{
    m_job = nullptr;
    const QString entity = m_input.step.parameters.value(QLatin1String("entity")).toString();
    if (job->error() != ApiJob::Error::None) {
        const QString detail = tr("Reading %1 failed after %n row(s): %2", nullptr, int(m_rows.size()))
                                   .arg(entity, job->errorString());
        const bool retryable =
            job->error() == ApiJob::Error::Network || job->error() == ApiJob::Error::Timeout ||
            (job->error() == ApiJob::Error::Http && (job->httpStatus() >= 500 || job->httpStatus() == 429));
        return finish(retryable ? StepOutcome::retryable(job->httpStatus(), detail)
                                : StepOutcome::permanent(job->httpStatus(), detail));
    }
    CiRowsPage page;
    QString error;
    if (!CiModels::parseRowsPage(job->body(), &page, &error))
        return finish(StepOutcome::permanent(
            job->httpStatus(),
            tr("Customer Insights sent rows of %1 in an unexpected shape: %2").arg(entity, error)));
    ++m_pages;
    const int wanted = m_limit - int(m_rows.size());
    m_rows.append(page.rows.mid(0, wanted));
    // A short page is the last one.
    if (page.rows.size() >= qMin(kPageSize, wanted) && int(m_rows.size()) < m_limit && !page.rows.isEmpty())
        return requestPage();
    StepOutcome outcome = StepOutcome::succeeded(
        job->httpStatus(),
        tr("Read %n row(s) of %1 in %2 page(s).", nullptr, int(m_rows.size())).arg(entity).arg(m_pages));
    outcome.hasItems = true;
    outcome.items = m_rows;
    finish(outcome);
}
