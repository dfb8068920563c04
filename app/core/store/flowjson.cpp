#include "flowjson.h"

#include "stepkinddescriptor.h"
#include "triggerkinddescriptor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

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

    // Reports the problems of one parameter; true when it has none.
    bool parameter(const QJsonObject &object, const ParameterSpec &spec, const QString &path)
    {
        const QList<ParameterSpec::Problem> problems = spec.check(object.value(spec.key));
        for (const ParameterSpec::Problem &problem : problems)
            error(join(path, spec.key) + problem.subPath, problem.message);
        return problems.isEmpty();
    }

private:
    QStringList *m_errors;
    bool m_failed = false;
};

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
    const TriggerKindDescriptor &descriptor = TriggerKindDescriptor::of(*kind);
    QStringList known{QStringLiteral("type")};
    for (const ParameterSpec &spec : descriptor.parameters)
        known << spec.key;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            check.error(join(path, it.key()), FlowJson::tr("does not apply to the trigger %1 (it takes: %2)")
                                                  .arg(*type, known.mid(1).join(QStringLiteral(", "))));
    }
    Trigger trigger;
    trigger.kind = *kind;
    for (const ParameterSpec &spec : descriptor.parameters) {
        if (!check.parameter(object, spec, path))
            continue;
        const QJsonValue value = object.value(spec.key);
        if (spec.key == u"subject")
            trigger.subject = value.toString().trimmed();
        else if (spec.key == u"threshold")
            trigger.threshold = value.toDouble();
        else if (spec.key == u"permanentFailuresOnly")
            trigger.permanentFailuresOnly = value.toBool(false);
        else if (spec.key == u"includeManualRefreshes")
            trigger.includeManualRefreshes = value.toBool(false);
    }
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
    const StepKindDescriptor *descriptor = StepKindDescriptor::find(*type);
    if (!descriptor) {
        QStringList known;
        for (StepKind k : Step::allKinds())
            known << Step::id(k);
        check.error(join(path, QStringLiteral("type")), FlowJson::tr("unknown step type \"%1\" (known: %2)")
                                                            .arg(*type, known.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    object.remove(u"type");
    check.knownKeys(object, path, descriptor->parameterKeys(),
                    FlowJson::tr(". Secrets are not stored in flows: name a secret store entry in a "
                                 "...SecretRef field instead."));
    for (const ParameterSpec &spec : descriptor->parameters)
        check.parameter(object, spec, path);
    if (descriptor->validate) {
        for (const QString &problem : descriptor->validate(object))
            check.error(path, problem);
    }
    return Step{descriptor->kind, object};
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
