#include "stepkinddescriptor.h"

#include "flow.h"

#include <QRegularExpression>

namespace {

using Type = ParameterSpec::Type;
using Problems = QList<ParameterSpec::Problem>;

ParameterSpec text(const QString &key, bool required = false)
{
    return {key, Type::Text, required, true, {}, 0, {}, {}};
}

ParameterSpec secret(const QString &key, bool required, const QString &prefix)
{
    return {key, Type::SecretRef, required, false, {}, 0, {}, prefix};
}

ParameterSpec addresses(const QString &key, bool required)
{
    return {key, Type::Addresses, required, true, {}, 0, {}, {}};
}

Problems httpUrl(const QJsonValue &value)
{
    const QString url = value.toString();
    if (!url.startsWith(u"https://", Qt::CaseInsensitive) && !url.startsWith(u"http://", Qt::CaseInsensitive))
        return {{QString(), ParameterSpec::tr("an http:// or https:// URL is required")}};
    return {};
}

Problems noCredentialHeaders(const QJsonValue &value)
{
    static const QRegularExpression credential(
        QStringLiteral("^(authorization|proxy-authorization|cookie)$|token|secret|password|api-?key|-key$"),
        QRegularExpression::CaseInsensitiveOption);
    Problems problems;
    const QJsonObject headers = value.toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (credential.match(it.key()).hasMatch())
            problems.append(
                {u'.' + it.key(), ParameterSpec::tr("headers that carry credentials are not stored "
                                                    "in flows; sign the request with "
                                                    "signingSecretRef instead")});
    }
    return problems;
}

} // namespace

const QList<StepKindDescriptor> &StepKindDescriptor::all()
{
    static const QList<StepKindDescriptor> kinds = {
        {StepKind::TeamsMessage,
         QStringLiteral("teamsMessage"),
         QT_TRANSLATE_NOOP("Step", "Post a message to a Teams channel"),
         QT_TRANSLATE_NOOP("Step", "Posts a card to a channel through its incoming webhook."),
         {secret(QStringLiteral("webhookSecretRef"), true, QStringLiteral("teams-webhook")),
          text(QStringLiteral("title")), text(QStringLiteral("text"), true)},
         {},
         {},
         {}},
        {StepKind::Email,
         QStringLiteral("email"),
         QT_TRANSLATE_NOOP("Step", "Send an email"),
         QT_TRANSLATE_NOOP("Step", "Sends a plain text and HTML email through your SMTP server."),
         {addresses(QStringLiteral("to"), true), addresses(QStringLiteral("cc"), false),
          text(QStringLiteral("subject"), true), text(QStringLiteral("textBody")),
          text(QStringLiteral("htmlBody")),
          secret(QStringLiteral("smtpSecretRef"), true, QStringLiteral("smtp-server"))},
         [](const QJsonObject &parameters) -> QStringList {
             if (!parameters.contains(u"textBody") && !parameters.contains(u"htmlBody"))
                 return {ParameterSpec::tr("textBody or htmlBody is required")};
             return {};
         },
         {},
         {}},
        {StepKind::HttpCall,
         QStringLiteral("httpCall"),
         QT_TRANSLATE_NOOP("Step", "Call an HTTP endpoint"),
         QT_TRANSLATE_NOOP("Step",
                           "Sends a request with a JSON body to a URL, optionally signed with HMAC-SHA256."),
         {{QStringLiteral("method"),
           Type::Choice,
           true,
           false,
           {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
            QStringLiteral("DELETE")},
           0,
           {},
           {}},
          {QStringLiteral("url"), Type::Text, true, true, {}, 0, httpUrl, {}},
          {QStringLiteral("headers"), Type::StringMap, false, true, {}, 0, noCredentialHeaders, {}},
          {QStringLiteral("body"), Type::AnyJson, false, true, {}, 0, {}, {}},
          secret(QStringLiteral("signingSecretRef"), false, QStringLiteral("http-signing"))},
         {},
         {},
         {{QStringLiteral("method"), QStringLiteral("POST")}}},
        {StepKind::GetItems,
         QStringLiteral("getItems"),
         QT_TRANSLATE_NOOP("Step", "Get items from an entity"),
         QT_TRANSLATE_NOOP("Step", "Reads rows of an entity of the instance for the following steps."),
         {{QStringLiteral("entity"), Type::Text, true, true, {}, 0, {}, {}},
          {QStringLiteral("filter"), Type::Text, false, true, {}, 0, {}, {}},
          {QStringLiteral("select"), Type::Text, false, true, {}, 0, {}, {}},
          {QStringLiteral("orderBy"), Type::Text, false, true, {}, 0, {}, {}},
          {QStringLiteral("limit"), Type::Integer, false, false, {}, 10000, {}, {}}},
         {},
         {QStringLiteral("items"), QStringLiteral("items.count")},
         {}},
    };
    return kinds;
}

const StepKindDescriptor &StepKindDescriptor::of(StepKind kind)
{
    for (const StepKindDescriptor &descriptor : all()) {
        if (descriptor.kind == kind)
            return descriptor;
    }
    Q_UNREACHABLE();
}

const StepKindDescriptor *StepKindDescriptor::find(QStringView id)
{
    for (const StepKindDescriptor &descriptor : all()) {
        if (descriptor.id == id)
            return &descriptor;
    }
    return nullptr;
}

const ParameterSpec *StepKindDescriptor::parameter(QStringView key) const
{
    for (const ParameterSpec &spec : parameters) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

QStringList StepKindDescriptor::parameterKeys() const
{
    QStringList keys;
    for (const ParameterSpec &spec : parameters)
        keys.append(spec.key);
    return keys;
}

QStringList StepKindDescriptor::secretRefKeys() const
{
    QStringList keys;
    for (const ParameterSpec &spec : parameters) {
        if (spec.isSecret())
            keys.append(spec.key);
    }
    return keys;
}
