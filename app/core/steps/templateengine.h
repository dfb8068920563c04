#pragma once

#include "firinglog.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Fills the {{placeholders}} of docs/steps.md into the text of a step. One context per firing:
//
//   TemplateContext context = TemplateContext::fromFiring(firing, instanceName);
//   context.items = rowsOfAnEarlierGetItemsStep; context.hasItems = true;
//   TemplateEngine::render(u"{{subject}} has {{value}} members", context, TemplateEngine::Mode::Html);
//
// Escaping follows where the text goes: Html escapes &<>"' (and renders {{items}} as a <table>), Json
// escapes for the inside of a JSON string literal, Url percent-encodes, Text leaves values as they are
// ({{items}} as a plain-text table). An unknown placeholder is left as written (never a blank);
// validate() lists them so the editor, and the runner before it sends anything, can refuse the text.
struct TemplateContext
{
    QString flowName;
    QString triggerName; // translated display name of the trigger
    QString subject;
    QString value, threshold, previousValue; // formatted numbers, empty when the trigger has none
    QString dataSourceName;
    QString jobId;
    QString firedAt; // ISO 8601 UTC
    QString instanceName;
    QList<QJsonObject> items; // rows of the flow's last Get items step
    bool hasItems = false;

    // The firing's fields; dataSourceName comes from payload "dataSourceName" (or "dataSource": {"name"}),
    // else the subject of a data source trigger; instanceName from the argument, else payload
    // "instanceName". firedAt is when the event occurred, else when it was detected.
    static TemplateContext fromFiring(const Firing &firing, const QString &instanceName = {});
    static QString formatNumber(double value);
};

class TemplateEngine
{
    Q_DECLARE_TR_FUNCTIONS(TemplateEngine)

public:
    enum class Mode
    {
        Text,
        Html,
        Json, // inside a JSON string literal
        Url,  // a URL: values percent-encoded
    };

    // Every known placeholder name, without braces ("flow.name", ..., "items.count").
    static QStringList placeholders();
    static bool isKnown(QStringView name);

    // The unknown placeholders of `text`, each once, in order of appearance, as written ("{{foo}}").
    static QStringList validate(QStringView text);
    // The same over every string of a JSON value (an HTTP body).
    static QStringList validateJson(const QJsonValue &value);
    // The unknown placeholders of each parameter of `step` that may hold them (ParameterSpec::templated), in
    // the order of its kind's parameters; parameters without any are left out.
    static QList<std::pair<QString, QStringList>> unknownPlaceholders(const Step &step);

    static QString render(QStringView text, const TemplateContext &context, Mode mode);

    // An HTTP body: every string is rendered as Text (the JSON writer escapes it); a string that is exactly
    // one placeholder becomes a typed value: {{items}} a JSON array of the rows, {{items.count}} and numeric
    // values numbers.
    static QJsonValue renderJson(const QJsonValue &value, const TemplateContext &context);

    // The value of one placeholder for `mode` (no escaping besides the mode's); nullopt when unknown.
    static std::optional<QString> value(QStringView name, const TemplateContext &context, Mode mode);

    // `text` cut at each {{items}}: n placeholders give n + 1 parts (a card puts a table between them).
    static QStringList splitAtItems(QStringView text);

    // The columns of a set of rows: the keys of the rows in order of first appearance.
    static QStringList columns(const QList<QJsonObject> &rows);
    static QString cellText(const QJsonValue &value);
    static QString htmlTable(const QList<QJsonObject> &rows);
    static QString textTable(const QList<QJsonObject> &rows);
    static QString htmlEscape(QStringView text);
    static QString jsonEscape(QStringView text);
};
