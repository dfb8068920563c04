// The template engine of the flow steps over fuzzed templates and contexts, in every mode.
//
// Input: a flags byte (bit 2: the context has items), then fields separated by 0x1F: the template text, a
// JSON body template, the items (a JSON array of objects), then flow name, trigger name, subject, value,
// threshold, previous value, data source name, job id, fired at and instance name. Missing fields are empty.
//
// Invariants, cheap enough to check on every input:
// - validate() lists each unknown placeholder once, as written in the text, and never a known one;
// - a text without "{{" renders to itself in every mode;
// - Html: with the '<' of the template removed, the output holds no '<' but those of the items table, so
//   no value is rendered as markup;
// - Json: with the template's quotes, backslashes and control characters removed, the output is a valid
//   JSON string literal body;
// - Url: a template of unreserved characters with known placeholders only renders to unreserved
//   characters and percent escapes;
// - renderJson keeps the shape of arrays and the JSON of its result parses again.
#include "templateengine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

using Mode = TemplateEngine::Mode;

QString withoutTableTags(QString html)
{
    static const QStringList tags{QStringLiteral("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">"),
                                  QStringLiteral("</table>"),
                                  QStringLiteral("<tr>"),
                                  QStringLiteral("</tr>"),
                                  QStringLiteral("<th>"),
                                  QStringLiteral("</th>"),
                                  QStringLiteral("<td>"),
                                  QStringLiteral("</td>")};
    for (const QString &tag : tags)
        html.remove(tag);
    return html;
}

bool isUnreserved(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' ||
           c == u'.' || c == u'_' || c == u'~';
}

void checkValidate(const QString &text)
{
    const QStringList unknown = TemplateEngine::validate(text);
    for (qsizetype i = 0; i < unknown.size(); ++i) {
        const QString &written = unknown.at(i);
        check(written.startsWith(QLatin1String("{{")) && written.endsWith(QLatin1String("}}")));
        check(text.contains(written));
        check(!TemplateEngine::isKnown(QStringView(written).mid(2, written.size() - 4).trimmed()));
        check(unknown.indexOf(written) == i);
    }
}

void checkModes(const QString &text, const TemplateContext &context)
{
    for (const Mode mode : {Mode::Text, Mode::Html, Mode::Json, Mode::Url}) {
        const QString rendered = TemplateEngine::render(text, context, mode);
        if (!text.contains(QLatin1String("{{")))
            check(rendered == text);
    }

    QString html = text;
    html.remove(u'<');
    check(!withoutTableTags(TemplateEngine::render(html, context, Mode::Html)).contains(u'<'));

    QString json;
    for (const QChar c : text) {
        if (c != u'"' && c != u'\\' && c.unicode() >= 0x20 && !c.isSurrogate())
            json += c;
    }
    const QByteArray literal = "[\"" + TemplateEngine::render(json, context, Mode::Json).toUtf8() + "\"]";
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(literal, &error);
    check(error.error == QJsonParseError::NoError && parsed.array().size() == 1);

    QString url;
    for (const QChar c : text) {
        if (isUnreserved(c) || c == u'{' || c == u'}')
            url += c;
    }
    if (TemplateEngine::validate(url).isEmpty()) {
        for (const QChar c : TemplateEngine::render(url, context, Mode::Url))
            check(isUnreserved(c) || c == u'%' || c == u'{' || c == u'}');
    }
}

void checkJson(const QJsonValue &body, const TemplateContext &context)
{
    (void)TemplateEngine::validateJson(body);
    const QJsonValue rendered = TemplateEngine::renderJson(body, context);
    if (body.isArray()) {
        check(rendered.isArray() && rendered.toArray().size() == body.toArray().size());
        check(QJsonDocument::fromJson(QJsonDocument(rendered.toArray()).toJson()).isArray());
    } else if (body.isObject()) {
        check(rendered.isObject() && rendered.toObject().size() <= body.toObject().size());
        check(QJsonDocument::fromJson(QJsonDocument(rendered.toObject()).toJson()).isObject());
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QList<QByteArray> fields =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)).split('\x1f');
    auto field = [&](qsizetype i) { return QString::fromUtf8(fields.value(i)); };

    TemplateContext context;
    const QJsonArray items = QJsonDocument::fromJson(fields.value(2)).array();
    for (const QJsonValue &item : items) {
        if (item.isObject())
            context.items.append(item.toObject());
    }
    context.hasItems = (data[0] & 4) != 0;
    context.flowName = field(3);
    context.triggerName = field(4);
    context.subject = field(5);
    context.value = field(6);
    context.threshold = field(7);
    context.previousValue = field(8);
    context.dataSourceName = field(9);
    context.jobId = field(10);
    context.firedAt = field(11);
    context.instanceName = field(12);

    const QString text = field(0);
    checkValidate(text);
    checkModes(text, context);
    (void)TemplateEngine::splitAtItems(text);

    const QJsonDocument body = QJsonDocument::fromJson(fields.value(1));
    if (body.isObject())
        checkJson(body.object(), context);
    else if (body.isArray())
        checkJson(body.array(), context);
    return 0;
}
