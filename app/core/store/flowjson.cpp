#include "flowjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace {

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString index(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

// Collects "<path>: <message>" errors while walking a document.
class Checker
{
    Q_DECLARE_TR_FUNCTIONS(FlowJson)

public:
    explicit Checker(QStringList *errors)
        : m_errors(errors)
    {}

    void error(const QString &path, const QString &message)
    {
        m_errors->append(path.isEmpty() ? message : path + u": " + message);
        m_failed = true;
    }
    bool failed() const { return m_failed; }

    bool object(const QJsonValue &value, const QString &path)
    {
        if (value.isObject())
            return true;
        error(path, tr("a JSON object is required"));
        return false;
    }

    // Reports every key of `object` not in `known`.
    void knownKeys(const QJsonObject &object, const QString &path, const QStringList &known,
                   const QString &hint = QString())
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                error(join(path, it.key()),
                      tr("unknown field (known: %1)").arg(known.join(QStringLiteral(", "))) + hint);
        }
    }

    std::optional<QString> string(const QJsonObject &object, const QString &key, const QString &path,
                                  bool required, bool nonEmpty)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                error(join(path, key),
                      nonEmpty ? tr("a non-empty string is required") : tr("a string is required"));
            return std::nullopt;
        }
        if (!value.isString()) {
            error(join(path, key),
                  nonEmpty ? tr("a non-empty string is required") : tr("a string is required"));
            return std::nullopt;
        }
        if (nonEmpty && value.toString().trimmed().isEmpty()) {
            error(join(path, key), tr("a non-empty string is required"));
            return std::nullopt;
        }
        return value.toString();
    }

    std::optional<bool> boolean(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isBool()) {
            error(join(path, key), tr("true or false is required"));
            return std::nullopt;
        }
        return value.toBool();
    }

    std::optional<double> number(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QJsonValue value = object.value(key);
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            error(join(path, key), tr("a number is required"));
            return std::nullopt;
        }
        return value.toDouble();
    }

    void secretRef(const QJsonObject &object, const QString &key, const QString &path, bool required)
    {
        const std::optional<QString> ref = string(object, key, path, required, true);
        static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$"));
        if (ref && !name.match(*ref).hasMatch()) {
            error(join(path, key), tr("the name of a secret store entry is required (letters, digits, \".\", "
                                      "\"_\", \"-\", \"@\"; at most 128), never the secret itself"));
        }
    }

    void addresses(const QJsonObject &object, const QString &key, const QString &path, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && !required)
            return;
        if (!value.isArray() || (required && value.toArray().isEmpty())) {
            error(join(path, key), required ? tr("a non-empty array of email addresses is required")
                                            : tr("an array of email addresses is required"));
            return;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString address = array.at(i).toString().trimmed();
            // Templates ({{...}}) are allowed; otherwise something@something.
            if (!array.at(i).isString() || address.isEmpty() ||
                (!address.contains(u'@') && !address.contains(u"{{")))
                error(index(join(path, key), i), tr("an email address is required"));
        }
    }

private:
    QStringList *m_errors;
    bool m_failed = false;
};

void checkStepParameters(Checker &check, StepKind kind, const QJsonObject &step, const QString &path)
{
    switch (kind) {
    case StepKind::TeamsMessage:
        check.secretRef(step, QStringLiteral("webhookSecretRef"), path, true);
        check.string(step, QStringLiteral("title"), path, false, false);
        check.string(step, QStringLiteral("text"), path, true, true);
        return;
    case StepKind::Email:
        check.addresses(step, QStringLiteral("to"), path, true);
        check.addresses(step, QStringLiteral("cc"), path, false);
        check.string(step, QStringLiteral("subject"), path, true, true);
        check.string(step, QStringLiteral("textBody"), path, false, false);
        check.string(step, QStringLiteral("htmlBody"), path, false, false);
        if (!step.contains(u"textBody") && !step.contains(u"htmlBody"))
            check.error(path, FlowJson::tr("textBody or htmlBody is required"));
        check.secretRef(step, QStringLiteral("smtpSecretRef"), path, true);
        return;
    case StepKind::HttpCall: {
        static const QStringList methods = {QStringLiteral("GET"), QStringLiteral("POST"),
                                            QStringLiteral("PUT"), QStringLiteral("PATCH"),
                                            QStringLiteral("DELETE")};
        const QJsonValue method = step.value(u"method");
        if (!methods.contains(method.toString()))
            check.error(join(path, QStringLiteral("method")),
                        FlowJson::tr("one of %1 is required").arg(methods.join(QStringLiteral(", "))));
        const std::optional<QString> url = check.string(step, QStringLiteral("url"), path, true, true);
        if (url && !url->startsWith(u"https://", Qt::CaseInsensitive) &&
            !url->startsWith(u"http://", Qt::CaseInsensitive)) {
            check.error(join(path, QStringLiteral("url")),
                        FlowJson::tr("an http:// or https:// URL is required"));
        }
        const QJsonValue headers = step.value(u"headers");
        if (!headers.isUndefined() && check.object(headers, join(path, QStringLiteral("headers")))) {
            const QJsonObject object = headers.toObject();
            static const QRegularExpression credential(
                QStringLiteral(
                    "^(authorization|proxy-authorization|cookie)$|token|secret|password|api-?key|-key$"),
                QRegularExpression::CaseInsensitiveOption);
            for (auto it = object.begin(); it != object.end(); ++it) {
                const QString headerPath = join(join(path, QStringLiteral("headers")), it.key());
                if (!it.value().isString())
                    check.error(headerPath, FlowJson::tr("a string is required"));
                if (credential.match(it.key()).hasMatch())
                    check.error(headerPath,
                                FlowJson::tr("headers that carry credentials are not stored in flows; "
                                             "sign the request with signingSecretRef instead"));
            }
        }
        if (step.contains(u"signingSecretRef"))
            check.secretRef(step, QStringLiteral("signingSecretRef"), path, false);
        return; // body: any JSON value
    }
    case StepKind::GetItems: {
        check.string(step, QStringLiteral("entity"), path, true, true);
        check.string(step, QStringLiteral("filter"), path, false, false);
        check.string(step, QStringLiteral("select"), path, false, false);
        check.string(step, QStringLiteral("orderBy"), path, false, false);
        const QJsonValue limit = step.value(u"limit");
        if (!limit.isUndefined()) {
            const double n = limit.toDouble(-1);
            if (!limit.isDouble() || n != std::floor(n) || n < 1 || n > FlowJson::kMaxGetItemsLimit)
                check.error(
                    join(path, QStringLiteral("limit")),
                    FlowJson::tr("a whole number from 1 to %1 is required").arg(FlowJson::kMaxGetItemsLimit));
        }
        return;
    }
    }
}

std::optional<Trigger> triggerFromJson(Checker &check, const QJsonValue &value, const QString &path)
{
    if (!check.object(value, path))
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const std::optional<QString> type = check.string(object, QStringLiteral("type"), path, true, true);
    if (!type)
        return std::nullopt;
    const std::optional<TriggerKind> kind = Trigger::kindFromId(*type);
    if (!kind) {
        QStringList known;
        for (TriggerKind k : Trigger::allKinds())
            known << Trigger::id(k);
        check.error(join(path, QStringLiteral("type")),
                    FlowJson::tr("unknown trigger type \"%1\" (known: %2)")
                        .arg(*type, known.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    Trigger trigger;
    trigger.kind = *kind;
    QStringList known{QStringLiteral("type")};
    if (Trigger::takesSubject(*kind))
        known << QStringLiteral("subject");
    if (Trigger::takesThreshold(*kind))
        known << QStringLiteral("threshold");
    if (Trigger::takesPermanentFailuresOnly(*kind))
        known << QStringLiteral("permanentFailuresOnly");
    if (Trigger::takesIncludeManualRefreshes(*kind))
        known << QStringLiteral("includeManualRefreshes");
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            check.error(join(path, it.key()), FlowJson::tr("does not apply to the trigger %1 (it takes: %2)")
                                                  .arg(*type, known.mid(1).join(QStringLiteral(", "))));
    }
    if (Trigger::takesSubject(*kind)) {
        const bool required = Trigger::requiresSubject(*kind);
        if (std::optional<QString> subject =
                check.string(object, QStringLiteral("subject"), path, required, required)) {
            trigger.subject = subject->trimmed();
        }
    }
    if (Trigger::takesThreshold(*kind)) {
        if (std::optional<double> threshold = check.number(object, QStringLiteral("threshold"), path)) {
            trigger.threshold = *threshold;
            if (*kind == TriggerKind::SegmentThresholdCrossed && *threshold < 0)
                check.error(join(path, QStringLiteral("threshold")),
                            FlowJson::tr("a number of members (0 or more) is required"));
        }
    }
    if (Trigger::takesPermanentFailuresOnly(*kind))
        trigger.permanentFailuresOnly =
            check.boolean(object, QStringLiteral("permanentFailuresOnly"), path).value_or(false);
    if (Trigger::takesIncludeManualRefreshes(*kind))
        trigger.includeManualRefreshes =
            check.boolean(object, QStringLiteral("includeManualRefreshes"), path).value_or(false);
    return trigger;
}

std::optional<Step> stepFromJson(Checker &check, const QJsonValue &value, const QString &path)
{
    if (!check.object(value, path))
        return std::nullopt;
    QJsonObject object = value.toObject();
    const std::optional<QString> type = check.string(object, QStringLiteral("type"), path, true, true);
    if (!type)
        return std::nullopt;
    const std::optional<StepKind> kind = Step::kindFromId(*type);
    if (!kind) {
        QStringList known;
        for (StepKind k : Step::allKinds())
            known << Step::id(k);
        check.error(join(path, QStringLiteral("type")), FlowJson::tr("unknown step type \"%1\" (known: %2)")
                                                            .arg(*type, known.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    object.remove(u"type");
    check.knownKeys(object, path, Step::parameterKeys(*kind),
                    FlowJson::tr(". Secrets are not stored in flows: name a secret store entry in a "
                                 "...SecretRef field instead."));
    checkStepParameters(check, *kind, object, path);
    return Step{*kind, object};
}

} // namespace

std::optional<Flow> FlowJson::fromJson(const QJsonValue &value, const QString &path, QStringList *errors)
{
    QStringList sink;
    Checker check(errors ? errors : &sink);
    if (!check.object(value, path))
        return std::nullopt;
    const QJsonObject object = value.toObject();
    check.knownKeys(object, path,
                    {QStringLiteral("name"), QStringLiteral("enabled"), QStringLiteral("trigger"),
                     QStringLiteral("steps")});
    Flow flow;
    if (std::optional<QString> name = check.string(object, QStringLiteral("name"), path, true, true)) {
        flow.name = name->trimmed();
        if (flow.name.size() > kMaxNameLength)
            check.error(join(path, QStringLiteral("name")), tr("at most %1 characters").arg(kMaxNameLength));
    }
    flow.enabled = check.boolean(object, QStringLiteral("enabled"), path).value_or(true);
    if (std::optional<Trigger> trigger =
            triggerFromJson(check, object.value(u"trigger"), join(path, QStringLiteral("trigger")))) {
        flow.trigger = *trigger;
    }
    const QJsonValue steps = object.value(u"steps");
    const QString stepsPath = join(path, QStringLiteral("steps"));
    if (!steps.isUndefined()) {
        if (!steps.isArray()) {
            check.error(stepsPath, tr("an array is required"));
        } else {
            const QJsonArray array = steps.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (std::optional<Step> step = stepFromJson(check, array.at(i), index(stepsPath, i)))
                    flow.steps.append(*step);
            }
        }
    }
    if (check.failed())
        return std::nullopt;
    return flow;
}

FlowJson::Result FlowJson::parse(const QByteArray &json)
{
    Result result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors
            << tr("Not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return result;
    }
    Checker check(&result.errors);
    if (!document.isObject()) {
        check.error(
            QString(),
            tr("the document must be a JSON object {\"version\": %1, \"flows\": [...]}").arg(kVersion));
        return result;
    }
    const QJsonObject root = document.object();
    check.knownKeys(root, QString(), {QStringLiteral("version"), QStringLiteral("flows")});
    const QJsonValue version = root.value(u"version");
    if (!version.isDouble()) {
        check.error(QStringLiteral("version"), tr("a number is required"));
    } else if (version.toDouble() != kVersion) {
        check.error(QStringLiteral("version"),
                    tr("unsupported version %1 (this version of Insights Admin reads version %2)")
                        .arg(version.toDouble())
                        .arg(kVersion));
        return result; // the rest may mean something else
    }
    const QJsonValue flows = root.value(u"flows");
    if (!flows.isArray()) {
        check.error(QStringLiteral("flows"), tr("an array is required"));
        return result;
    }
    const QJsonArray array = flows.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (std::optional<Flow> flow =
                fromJson(array.at(i), index(QStringLiteral("flows"), i), &result.errors))
            result.flows.append(*flow);
    }
    if (!result.ok())
        result.flows.clear();
    return result;
}

FlowJson::Result FlowJson::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.errors << tr("Cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    return parse(file.readAll());
}

QJsonObject FlowJson::toJson(const Flow &flow)
{
    const Trigger &t = flow.trigger;
    QJsonObject trigger{{QStringLiteral("type"), Trigger::id(t.kind)}};
    if (Trigger::takesSubject(t.kind))
        trigger.insert(QStringLiteral("subject"), t.subject);
    if (Trigger::takesThreshold(t.kind))
        trigger.insert(QStringLiteral("threshold"), t.threshold);
    if (Trigger::takesPermanentFailuresOnly(t.kind))
        trigger.insert(QStringLiteral("permanentFailuresOnly"), t.permanentFailuresOnly);
    if (Trigger::takesIncludeManualRefreshes(t.kind))
        trigger.insert(QStringLiteral("includeManualRefreshes"), t.includeManualRefreshes);

    QJsonArray steps;
    for (const Step &step : flow.steps) {
        // Only the known parameters: whatever else a caller put there (never a secret) stays behind.
        QJsonObject object{{QStringLiteral("type"), Step::id(step.kind)}};
        for (const QString &key : Step::parameterKeys(step.kind)) {
            if (step.parameters.contains(key))
                object.insert(key, step.parameters.value(key));
        }
        steps.append(object);
    }
    return {{QStringLiteral("name"), flow.name},
            {QStringLiteral("enabled"), flow.enabled},
            {QStringLiteral("trigger"), trigger},
            {QStringLiteral("steps"), steps}};
}

QByteArray FlowJson::serialize(const QList<Flow> &flows)
{
    QJsonArray array;
    for (const Flow &flow : flows)
        array.append(toJson(flow));
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), kVersion}, {QStringLiteral("flows"), array}})
        .toJson(QJsonDocument::Indented);
}

bool FlowJson::writeFile(const QString &path, const QList<Flow> &flows, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(serialize(flows)) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QStringList FlowJson::validate(const Flow &flow)
{
    QStringList errors;
    QJsonObject object = toJson(flow);
    // toJson() drops unknown step parameters; put them back so the editor hears about them.
    QJsonArray steps;
    for (const Step &step : flow.steps) {
        QJsonObject s = step.parameters;
        s.insert(QStringLiteral("type"), Step::id(step.kind));
        steps.append(s);
    }
    object.insert(QStringLiteral("steps"), steps);
    fromJson(object, QString(), &errors);
    return errors;
}
