#include "templateengine.h"

#include "stepkinddescriptor.h"
#include "triggerkinddescriptor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUrl>

namespace {

// One {{...}} in a text: where it starts, how long it is, and its trimmed name.
struct Placeholder
{
    qsizetype start = -1;
    qsizetype length = 0;
    QStringView name;
};

// The next placeholder at or after `from`: "{{", then anything but a line break up to "}}".
Placeholder nextPlaceholder(QStringView text, qsizetype from)
{
    while (true) {
        const qsizetype open = text.indexOf(u"{{", from);
        if (open < 0)
            return {};
        const qsizetype close = text.indexOf(u"}}", open + 2);
        if (close < 0)
            return {};
        const QStringView inside = text.mid(open + 2, close - open - 2);
        if (inside.contains(u'\n') || inside.contains(u'{')) {
            from = open + 1;
            continue;
        }
        return {open, close + 2 - open, inside.trimmed()};
    }
}

// Those every firing fills, then those of the trigger kinds and of the step kinds (their descriptors).
const QStringList &knownNames()
{
    static const QStringList names = [] {
        QStringList names{QStringLiteral("flow.name"), QStringLiteral("trigger.name"),
                          QStringLiteral("subject"), QStringLiteral("firedAt"),
                          QStringLiteral("instance.name")};
        const auto add = [&names](const QStringList &more) {
            for (const QString &name : more) {
                if (!names.contains(name))
                    names.append(name);
            }
        };
        for (const TriggerKindDescriptor &kind : TriggerKindDescriptor::all())
            add(kind.placeholders);
        for (const StepKindDescriptor &kind : StepKindDescriptor::all())
            add(kind.placeholders);
        return names;
    }();
    return names;
}

QJsonArray rowsArray(const QList<QJsonObject> &rows)
{
    QJsonArray array;
    for (const QJsonObject &row : rows)
        array.append(row);
    return array;
}

QString optionalNumber(const std::optional<double> &value)
{
    return value ? TemplateContext::formatNumber(*value) : QString();
}

void collectUnknown(QStringView text, QStringList *unknown)
{
    qsizetype from = 0;
    while (true) {
        const Placeholder p = nextPlaceholder(text, from);
        if (p.start < 0)
            return;
        if (!TemplateEngine::isKnown(p.name)) {
            const QString written = text.mid(p.start, p.length).toString();
            if (!unknown->contains(written))
                unknown->append(written);
        }
        from = p.start + p.length;
    }
}

void collectUnknownJson(const QJsonValue &value, QStringList *unknown)
{
    if (value.isString()) {
        collectUnknown(QStringView(value.toString()), unknown);
    } else if (value.isArray()) {
        for (const QJsonValue &element : value.toArray())
            collectUnknownJson(element, unknown);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            collectUnknown(QStringView(it.key()), unknown);
            collectUnknownJson(it.value(), unknown);
        }
    }
}

} // namespace

QString TemplateContext::formatNumber(double value)
{
    // Whole numbers without a fraction, others with up to 15 significant digits; never a locale's separators.
    return QLocale::c().toString(value, 'g', 15);
}

TemplateContext TemplateContext::fromFiring(const Firing &firing, const QString &instanceName)
{
    TemplateContext context;
    context.flowName = firing.flowName;
    context.triggerName = Trigger::displayName(firing.trigger);
    context.subject = firing.subject;
    context.value = optionalNumber(firing.value);
    context.threshold = optionalNumber(firing.threshold);
    context.previousValue = optionalNumber(firing.previousValue);
    context.jobId = firing.jobId;
    const QDateTime firedAt = firing.occurredAt.isValid() ? firing.occurredAt : firing.detectedAt;
    context.firedAt = firedAt.isValid() ? firedAt.toUTC().toString(Qt::ISODate) : QString();
    context.dataSourceName = firing.payload.value(QLatin1String("dataSourceName")).toString();
    if (context.dataSourceName.isEmpty())
        context.dataSourceName = firing.payload.value(QLatin1String("dataSource"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
    if (context.dataSourceName.isEmpty() &&
        TriggerKindDescriptor::of(firing.trigger).subject == TriggerKindDescriptor::Subject::DataSource)
        context.dataSourceName = firing.subject;
    context.instanceName = instanceName.isEmpty()
                               ? firing.payload.value(QLatin1String("instanceName")).toString()
                               : instanceName;
    return context;
}

QStringList TemplateEngine::placeholders()
{
    return knownNames();
}

bool TemplateEngine::isKnown(QStringView name)
{
    return knownNames().contains(name);
}

QStringList TemplateEngine::validate(QStringView text)
{
    QStringList unknown;
    collectUnknown(text, &unknown);
    return unknown;
}

QStringList TemplateEngine::validateJson(const QJsonValue &value)
{
    QStringList unknown;
    collectUnknownJson(value, &unknown);
    return unknown;
}

std::optional<QString> TemplateEngine::value(QStringView name, const TemplateContext &context, Mode mode)
{
    if (name == u"items") {
        switch (mode) {
        case Mode::Html:
            return htmlTable(context.items);
        case Mode::Json:
            return jsonEscape(
                QString::fromUtf8(QJsonDocument(rowsArray(context.items)).toJson(QJsonDocument::Compact)));
        case Mode::Url:
            return QString::fromLatin1(QUrl::toPercentEncoding(textTable(context.items)));
        case Mode::Text:
            return textTable(context.items);
        }
        return {};
    }
    QString raw;
    if (name == u"flow.name")
        raw = context.flowName;
    else if (name == u"trigger.name")
        raw = context.triggerName;
    else if (name == u"subject")
        raw = context.subject;
    else if (name == u"value")
        raw = context.value;
    else if (name == u"threshold")
        raw = context.threshold;
    else if (name == u"previousValue")
        raw = context.previousValue;
    else if (name == u"dataSource.name")
        raw = context.dataSourceName;
    else if (name == u"job.id")
        raw = context.jobId;
    else if (name == u"firedAt")
        raw = context.firedAt;
    else if (name == u"instance.name")
        raw = context.instanceName;
    else if (name == u"items.count")
        raw = QString::number(context.items.size());
    else
        return std::nullopt;
    switch (mode) {
    case Mode::Html:
        return htmlEscape(raw);
    case Mode::Json:
        return jsonEscape(raw);
    case Mode::Url:
        return QString::fromLatin1(QUrl::toPercentEncoding(raw));
    case Mode::Text:
        return raw;
    }
    return raw;
}

QList<std::pair<QString, QStringList>> TemplateEngine::unknownPlaceholders(const Step &step)
{
    QList<std::pair<QString, QStringList>> unknown;
    for (const ParameterSpec &spec : StepKindDescriptor::of(step.kind).parameters) {
        if (!spec.templated || !step.parameters.contains(spec.key))
            continue;
        if (const QStringList found = validateJson(step.parameters.value(spec.key)); !found.isEmpty())
            unknown.append({spec.key, found});
    }
    return unknown;
}

QString TemplateEngine::render(QStringView text, const TemplateContext &context, Mode mode)
{
    QString result;
    result.reserve(text.size());
    qsizetype from = 0;
    while (true) {
        const Placeholder p = nextPlaceholder(text, from);
        if (p.start < 0)
            break;
        result += text.mid(from, p.start - from);
        const std::optional<QString> replacement = value(p.name, context, mode);
        // Unknown: kept as written, never a blank.
        result += replacement ? *replacement : text.mid(p.start, p.length).toString();
        from = p.start + p.length;
    }
    result += text.mid(from);
    return result;
}

QJsonValue TemplateEngine::renderJson(const QJsonValue &value, const TemplateContext &context)
{
    if (value.isString()) {
        const QString text = value.toString();
        const Placeholder p = nextPlaceholder(text, 0);
        if (p.start == 0 && p.length == text.size()) {
            if (p.name == u"items")
                return rowsArray(context.items);
            if (p.name == u"items.count")
                return qint64(context.items.size());
            if (p.name == u"value" || p.name == u"threshold" || p.name == u"previousValue") {
                const std::optional<QString> number = TemplateEngine::value(p.name, context, Mode::Text);
                bool ok = false;
                const double parsed = number ? QLocale::c().toDouble(*number, &ok) : 0;
                if (ok)
                    return parsed;
                if (number && number->isEmpty())
                    return QJsonValue(QJsonValue::Null);
            }
        }
        return render(text, context, Mode::Text);
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &element : value.toArray())
            array.append(renderJson(element, context));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it)
            object.insert(render(it.key(), context, Mode::Text), renderJson(it.value(), context));
        return object;
    }
    return value;
}

QStringList TemplateEngine::splitAtItems(QStringView text)
{
    QStringList parts;
    qsizetype from = 0;
    qsizetype partStart = 0;
    while (true) {
        const Placeholder p = nextPlaceholder(text, from);
        if (p.start < 0)
            break;
        if (p.name == u"items") {
            parts.append(text.mid(partStart, p.start - partStart).toString());
            partStart = p.start + p.length;
        }
        from = p.start + p.length;
    }
    parts.append(text.mid(partStart).toString());
    return parts;
}

QStringList TemplateEngine::columns(const QList<QJsonObject> &rows)
{
    QStringList columns;
    for (const QJsonObject &row : rows) {
        for (auto it = row.begin(); it != row.end(); ++it) {
            if (!columns.contains(it.key()))
                columns.append(it.key());
        }
    }
    return columns;
}

QString TemplateEngine::cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return TemplateContext::formatNumber(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString TemplateEngine::htmlTable(const QList<QJsonObject> &rows)
{
    if (rows.isEmpty())
        return htmlEscape(tr("(no items)"));
    const QStringList header = columns(rows);
    QString html = QStringLiteral("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr>");
    for (const QString &column : header)
        html += QStringLiteral("<th>") + htmlEscape(column) + QStringLiteral("</th>");
    html += QStringLiteral("</tr>\n");
    for (const QJsonObject &row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString &column : header)
            html +=
                QStringLiteral("<td>") + htmlEscape(cellText(row.value(column))) + QStringLiteral("</td>");
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>");
    return html;
}

QString TemplateEngine::textTable(const QList<QJsonObject> &rows)
{
    if (rows.isEmpty())
        return tr("(no items)");
    const QStringList header = columns(rows);
    QString text = header.join(QStringLiteral(" | "));
    for (const QJsonObject &row : rows) {
        QStringList cells;
        for (const QString &column : header)
            cells.append(cellText(row.value(column)));
        text += u'\n' + cells.join(QStringLiteral(" | "));
    }
    return text;
}

QString TemplateEngine::htmlEscape(QStringView text)
{
    QString escaped = text.toString().toHtmlEscaped(); // & < > "
    escaped.replace(u'\'', QLatin1String("&#39;"));
    return escaped;
}

QString TemplateEngine::jsonEscape(QStringView text)
{
    // The JSON writer's escaping of a one-string array, without the brackets and quotes.
    const QByteArray json = QJsonDocument(QJsonArray{text.toString()}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(2, json.size() - 4));
}
