#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// One parameter of a trigger kind or a step kind: its JSON key (FLOWS-FORMAT.md), its type, whether it is
// required, whether it names a secret store entry, and any rule beyond its type. The flows JSON import
// (FlowJson), the flow editor and the template placeholders all read these; nothing else repeats the keys.
struct ParameterSpec
{
    // Its messages are those of the flows JSON import.
    Q_DECLARE_TR_FUNCTIONS(FlowJson)

public:
    enum class Type
    {
        Text,      // a string; `required` ones must not be blank
        SecretRef, // the name of a secret store entry (never the secret itself)
        Number,    // a finite number
        Integer,   // a whole number from 1 to `maximum`
        Boolean,
        Choice,    // one of `choices`
        Addresses, // an array of email addresses (or {{placeholders}}); `required`: not empty
        StringMap, // an object of strings (HTTP headers)
        AnyJson,   // any JSON value (an HTTP body)
    };

    // A problem of a value beyond its type: `subPath` is appended to the parameter's path ("" for the value
    // itself, ".Authorization" for one header), `message` is translated.
    struct Problem
    {
        QString subPath;
        QString message;
    };
    using Validator = std::function<QList<Problem>(const QJsonValue &value)>;

    QString key;
    Type type = Type::Text;
    bool required = false;
    bool templated = false; // may hold {{placeholders}}: unknown ones are refused (editor and runner)
    QStringList choices;    // Choice
    int maximum = 0;        // Integer
    Validator validate;     // more rules, when the value has the right type
    // A new secret of this parameter is stored under "<secretPrefix>-<random>" (SecretRef).
    QString secretPrefix;

    bool isSecret() const { return type == Type::SecretRef; }

    // The problems of `value` (undefined: the parameter is absent), as (subPath, message).
    QList<Problem> check(const QJsonValue &value) const;
};
