#pragma once

#include "flow.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

// The flows JSON format (FLOWS-FORMAT.md): what --import-flows / --export-flows and the flow editor read and
// write.
//
//   {"version": 1, "flows": [{"name": "...", "enabled": true,
//                             "trigger": {"type": "segmentThresholdCrossed", "subject": "...", "threshold":
//                             1000}, "steps": [{"type": "teamsMessage", "webhookSecretRef": "...", "text":
//                             "..."}]}]}
//
// Import validates everything and reports every problem as "<path>: <what is wrong>", e.g.
// "flows[2].trigger.threshold: a number is required", or the offset of a JSON syntax error. Nothing is
// imported unless everything is valid. Secrets are never part of the format: steps name secret store
// entries (`...SecretRef`), and a value that looks like a secret (a URL, spaces) is refused.
class FlowJson
{
    Q_DECLARE_TR_FUNCTIONS(FlowJson)

public:
    static constexpr int kVersion = 1;
    static constexpr int kMaxNameLength = 200;

    struct Result
    {
        QList<Flow> flows;  // empty unless ok()
        QStringList errors; // translated, one per problem, in document order
        bool ok() const { return errors.isEmpty(); }
    };

    static Result parse(const QByteArray &json);
    static Result readFile(const QString &path);

    // Indented JSON of `flows` in the format above (ids and timestamps are not part of it).
    static QByteArray serialize(const QList<Flow> &flows);
    static bool writeFile(const QString &path, const QList<Flow> &flows, QString *error = nullptr);

    // One flow as an element of "flows", and back.
    static QJsonObject toJson(const Flow &flow);
    // Validates one element of "flows"; `path` prefixes the errors ("flows[2]"; empty: "trigger.threshold").
    static std::optional<Flow> fromJson(const QJsonValue &value, const QString &path, QStringList *errors);
    // The same rules for a flow built in the editor: empty when it is valid.
    static QStringList validate(const Flow &flow);
};
