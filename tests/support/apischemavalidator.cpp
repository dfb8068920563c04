#include "apischemavalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

bool ApiSchemaValidator::load(const QString &schemaFile, QString *error)
{
    QFile file(schemaFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = parseError.errorString();
        return false;
    }
    m_schema = document.object();
    m_models = m_schema.value(QStringLiteral("models")).toObject();
    const QJsonArray open = m_schema.value(QStringLiteral("openModels")).toArray();
    for (const QJsonValue &name : open)
        m_openModels.insert(name.toString());
    const QJsonArray shallow = m_schema.value(QStringLiteral("shallowModels")).toArray();
    for (const QJsonValue &name : shallow)
        m_shallowModels.insert(name.toString());
    return !m_models.isEmpty();
}

bool ApiSchemaValidator::isUuid(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return pattern.match(text).hasMatch();
}

bool ApiSchemaValidator::isDateTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?(Z|[+-]\\d{2}:\\d{2})?$"));
    return pattern.match(text).hasMatch();
}

QStringList ApiSchemaValidator::validate(const QJsonValue &value, const QString &type) const
{
    QStringList errors;
    if (type.startsWith(u'[') && type.endsWith(u']')) {
        if (!value.isArray()) {
            errors.append(QStringLiteral("$: expected an array of %1").arg(type.mid(1, type.size() - 2)));
            return errors;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            checkType(array.at(i), type.mid(1, type.size() - 2), QStringLiteral("$[%1]").arg(i), false,
                      &errors);
        return errors;
    }
    checkType(value, type, QStringLiteral("$"), false, &errors);
    return errors;
}

void ApiSchemaValidator::checkType(const QJsonValue &value, const QString &type, const QString &path,
                                   bool shallow, QStringList *errors) const
{
    if (value.isNull() || value.isUndefined())
        return; // every field may be null or absent
    if (m_models.contains(type)) {
        if (!shallow)
            checkModel(value, type, path, false, errors);
        else if (!value.isObject())
            errors->append(QStringLiteral("%1: expected an object (%2)").arg(path, type));
        return;
    }
    checkSpec(value, QJsonObject{{QStringLiteral("type"), type}}, path, shallow, errors);
}

void ApiSchemaValidator::checkModel(const QJsonValue &value, const QString &model, const QString &path,
                                    bool shallow, QStringList *errors) const
{
    if (!value.isObject()) {
        errors->append(QStringLiteral("%1: expected an object (%2)").arg(path, model));
        return;
    }
    const QJsonObject fields = m_models.value(model).toObject();
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString fieldPath = path + u'.' + it.key();
        if (!fields.contains(it.key())) {
            if (!m_openModels.contains(model))
                errors->append(QStringLiteral("%1: unknown key in %2").arg(fieldPath, model));
            continue;
        }
        checkSpec(it.value(), fields.value(it.key()), fieldPath, shallow, errors);
    }
}

void ApiSchemaValidator::checkSpec(const QJsonValue &value, const QJsonValue &specValue, const QString &path,
                                   bool shallow, QStringList *errors) const
{
    if (value.isNull() || value.isUndefined())
        return;
    if (specValue.isString()) {
        checkType(value, specValue.toString(), path, shallow, errors);
        return;
    }
    const QJsonObject spec = specValue.toObject();
    const QString type = spec.value(QStringLiteral("type")).toString();
    auto fail = [&](const QString &what) { errors->append(QStringLiteral("%1: %2").arg(path, what)); };

    if (type == QLatin1String("string")) {
        if (!value.isString())
            return fail(QStringLiteral("expected a string"));
        const QString text = value.toString();
        if (spec.value(QStringLiteral("format")).toString() == QLatin1String("uuid") && !isUuid(text))
            fail(QStringLiteral("'%1' is not a uuid").arg(text));
        const QJsonArray allowed = spec.value(QStringLiteral("enum")).toArray();
        if (!allowed.isEmpty() && !allowed.contains(text))
            fail(QStringLiteral("'%1' is not one of the enum values").arg(text));
    } else if (type == QLatin1String("date-time")) {
        if (!value.isString() || !isDateTime(value.toString()))
            fail(QStringLiteral("expected an ISO 8601 date-time, got %1").arg(value.toVariant().toString()));
    } else if (type == QLatin1String("integer")) {
        if (!value.isDouble() || std::floor(value.toDouble()) != value.toDouble())
            fail(QStringLiteral("expected an integer"));
    } else if (type == QLatin1String("number")) {
        if (!value.isDouble())
            fail(QStringLiteral("expected a number"));
    } else if (type == QLatin1String("boolean")) {
        if (!value.isBool())
            fail(QStringLiteral("expected a boolean"));
    } else if (type == QLatin1String("object")) {
        if (!value.isObject())
            return fail(QStringLiteral("expected an object"));
        if (shallow || !spec.contains(QStringLiteral("values")))
            return;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            checkSpec(it.value(), spec.value(QStringLiteral("values")), path + u'.' + it.key(), shallow,
                      errors);
    } else if (type == QLatin1String("array")) {
        if (!value.isArray())
            return fail(QStringLiteral("expected an array"));
        if (shallow)
            return;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            checkSpec(array.at(i), spec.value(QStringLiteral("items")), path + QStringLiteral("[%1]").arg(i),
                      shallow, errors);
    } else if (m_models.contains(type)) {
        if (shallow) {
            if (!value.isObject())
                fail(QStringLiteral("expected an object (%1)").arg(type));
            return;
        }
        checkModel(value, type, path, false, errors);
    } else {
        fail(QStringLiteral("unknown type '%1' in the schema").arg(type));
    }
}
