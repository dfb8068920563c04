#include "parameterspec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace {

QString index(qsizetype i)
{
    return u'[' + QString::number(i) + u']';
}

} // namespace

QList<ParameterSpec::Problem> ParameterSpec::check(const QJsonValue &value) const
{
    if (value.isUndefined() && !required)
        return {};
    QList<Problem> problems;
    switch (type) {
    case Type::Text:
        if (!value.isString() || (required && value.toString().trimmed().isEmpty()))
            return {
                {QString(), required ? tr("a non-empty string is required") : tr("a string is required")}};
        break;
    case Type::SecretRef: {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$"));
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return {{QString(), tr("a non-empty string is required")}};
        if (!name.match(value.toString()).hasMatch())
            return {{QString(), tr("the name of a secret store entry is required (letters, digits, \".\", "
                                   "\"_\", \"-\", \"@\"; at most 128), never the secret itself")}};
        break;
    }
    case Type::Number:
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return {{QString(), tr("a number is required")}};
        break;
    case Type::Integer: {
        const double n = value.toDouble(-1);
        if (!value.isDouble() || n != std::floor(n) || n < 1 || n > maximum)
            return {{QString(), tr("a whole number from 1 to %1 is required").arg(maximum)}};
        break;
    }
    case Type::Boolean:
        if (!value.isBool())
            return {{QString(), tr("true or false is required")}};
        break;
    case Type::Choice:
        if (!choices.contains(value.toString()))
            return {{QString(), tr("one of %1 is required").arg(choices.join(QStringLiteral(", ")))}};
        break;
    case Type::Addresses: {
        if (!value.isArray() || (required && value.toArray().isEmpty()))
            return {{QString(), required ? tr("a non-empty array of email addresses is required")
                                         : tr("an array of email addresses is required")}};
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString address = array.at(i).toString().trimmed();
            // Templates ({{...}}) are allowed; otherwise something@something.
            if (!array.at(i).isString() || address.isEmpty() ||
                (!address.contains(u'@') && !address.contains(u"{{")))
                problems.append({index(i), tr("an email address is required")});
        }
        break;
    }
    case Type::StringMap: {
        if (!value.isObject())
            return {{QString(), tr("a JSON object is required")}};
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString())
                problems.append({u'.' + it.key(), tr("a string is required")});
        }
        break;
    }
    case Type::AnyJson:
        break;
    }
    if (validate)
        problems += validate(value);
    return problems;
}
