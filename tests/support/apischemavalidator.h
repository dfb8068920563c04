#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

// Checks JSON bodies against ci-api-schema.json (the public models' keys, types, formats and enum values).
// A type is a model name ("GraphJobInfo"), a list of one ("[GraphJobInfo]") or a primitive ("string").
// Strict where the schema is: keys a model does not have are errors (except in open models), every field
// may be null or absent, shallow models are checked one level deep.
class ApiSchemaValidator
{
public:
    bool load(const QString &schemaFile, QString *error);

    // The problems found, each with a JSON path ("$[0].tasks[2].taskStatus: ..."); empty when valid.
    QStringList validate(const QJsonValue &value, const QString &type) const;

    bool hasModel(const QString &name) const { return m_models.contains(name); }
    QJsonArray operations() const { return m_schema.value(QStringLiteral("operations")).toArray(); }

    static bool isUuid(const QString &text);
    static bool isDateTime(const QString &text);

private:
    void checkSpec(const QJsonValue &value, const QJsonValue &spec, const QString &path, bool shallow,
                   QStringList *errors) const;
    void checkType(const QJsonValue &value, const QString &type, const QString &path, bool shallow,
                   QStringList *errors) const;
    void checkModel(const QJsonValue &value, const QString &model, const QString &path, bool shallow,
                    QStringList *errors) const;

    QJsonObject m_schema;
    QJsonObject m_models;
    QSet<QString> m_openModels;
    QSet<QString> m_shallowModels;
};
