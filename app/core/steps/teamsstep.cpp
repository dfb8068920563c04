#include "teamsstep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace {

QJsonObject textBlock(const QString &text, bool title = false)
{
    QJsonObject block{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                      {QStringLiteral("text"), text},
                      {QStringLiteral("wrap"), true}};
    if (title) {
        block.insert(QStringLiteral("size"), QStringLiteral("Medium"));
        block.insert(QStringLiteral("weight"), QStringLiteral("Bolder"));
    }
    return block;
}

QJsonObject tableCell(const QString &text, bool header)
{
    QJsonObject block = textBlock(text);
    if (header)
        block.insert(QStringLiteral("weight"), QStringLiteral("Bolder"));
    return {{QStringLiteral("type"), QStringLiteral("TableCell")},
            {QStringLiteral("items"), QJsonArray{block}}};
}

// {{items}} in a card: an Adaptive Card Table (schema 1.5) with the column names as its first row.
QJsonObject itemsTable(const QList<QJsonObject> &rows)
{
    const QStringList columns = TemplateEngine::columns(rows);
    QJsonArray columnDefinitions;
    QJsonArray headerCells;
    for (const QString &column : columns) {
        columnDefinitions.append(QJsonObject{{QStringLiteral("width"), 1}});
        headerCells.append(tableCell(column, true));
    }
    QJsonArray tableRows{QJsonObject{{QStringLiteral("type"), QStringLiteral("TableRow")},
                                     {QStringLiteral("cells"), headerCells}}};
    for (const QJsonObject &row : rows) {
        QJsonArray cells;
        for (const QString &column : columns)
            cells.append(tableCell(TemplateEngine::cellText(row.value(column)), false));
        tableRows.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TableRow")},
                                     {QStringLiteral("cells"), cells}});
    }
    return {{QStringLiteral("type"), QStringLiteral("Table")},
            {QStringLiteral("firstRowAsHeader"), true},
            {QStringLiteral("showGridLines"), true},
            {QStringLiteral("columns"), columnDefinitions},
            {QStringLiteral("rows"), tableRows}};
}

} // namespace

QString TeamsStep::summary(const TemplateContext &context)
{
    QString line = context.subject.isEmpty()
                       ? tr("%1: %2").arg(context.flowName, context.triggerName)
                       : tr("%1: %2 (%3)").arg(context.flowName, context.triggerName, context.subject);
    if (!context.value.isEmpty())
        line += u' ' + tr("value %1").arg(context.value);
    // Link-free: a summary shows in notifications, where a link would be a phishing lure.
    static const QRegularExpression url(QStringLiteral(R"(\b[a-zA-Z][a-zA-Z0-9+.-]*://\S*)"));
    line.replace(url, QStringLiteral("[link]"));
    return line;
}

QJsonObject TeamsStep::message(const QJsonObject &parameters, const TemplateContext &context)
{
    QJsonArray body;
    const QString title = parameters.value(QLatin1String("title")).toString();
    body.append(textBlock(title.isEmpty()
                              ? context.triggerName
                              : TemplateEngine::render(title, context, TemplateEngine::Mode::Text),
                          true));
    const QStringList parts =
        TemplateEngine::splitAtItems(parameters.value(QLatin1String("text")).toString());
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            body.append(context.items.isEmpty() ? textBlock(TemplateEngine::textTable({}))
                                                : itemsTable(context.items));
        const QString text =
            TemplateEngine::render(parts.at(i), context, TemplateEngine::Mode::Text).trimmed();
        if (!text.isEmpty())
            body.append(textBlock(text));
    }
    QJsonArray facts;
    const auto addFact = [&facts](const QString &title, const QString &value) {
        if (!value.isEmpty())
            facts.append(QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("value"), value}});
    };
    addFact(tr("Flow"), context.flowName);
    addFact(tr("Trigger"), context.triggerName);
    addFact(tr("Subject"), context.subject);
    addFact(tr("Value"), context.value);
    addFact(tr("Threshold"), context.threshold);
    addFact(tr("Time"), context.firedAt);
    body.append(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("FactSet")}, {QStringLiteral("facts"), facts}});

    const QJsonObject card{
        {QStringLiteral("$schema"), QStringLiteral("http://adaptivecards.io/schemas/adaptive-card.json")},
        {QStringLiteral("type"), QStringLiteral("AdaptiveCard")},
        {QStringLiteral("version"), QStringLiteral("1.5")},
        {QStringLiteral("body"), body}};
    return {{QStringLiteral("type"), QStringLiteral("message")},
            {QStringLiteral("summary"), summary(context)},
            {QStringLiteral("attachments"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("contentType"), QStringLiteral("application/vnd.microsoft.card.adaptive")},
                 {QStringLiteral("contentUrl"), QJsonValue(QJsonValue::Null)},
                 {QStringLiteral("content"), card}}}}};
}

void TeamsStep::start()
{
    const QUrl url(m_input.secret(QStringLiteral("webhookSecretRef")), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        return finish(StepOutcome::permanent(
            0, tr("The secret store entry \"%1\" does not hold a webhook URL.")
                   .arg(m_input.step.parameters.value(QLatin1String("webhookSecretRef")).toString())));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body =
        QJsonDocument(message(m_input.step.parameters, m_input.context)).toJson(QJsonDocument::Compact);
    send(request, "POST", body, tr("the Teams channel"));
}
