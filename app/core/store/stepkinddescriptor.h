#pragma once

#include "parameterspec.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

enum class StepKind;

// Everything about one step kind, said once: its stable id (FLOWS-FORMAT.md), its texts, its parameters
// (with which are required, which name secret store entries and their rules), the placeholders it fills for
// the steps after it and how a new step of the kind starts. Step, FlowJson, the flow editor and the template
// engine read it. The kind's action (insights_steps: StepAction::create) and its editor (ui:
// StepEditor::create) are registered under the same kind.
struct StepKindDescriptor
{
    Q_DECLARE_TR_FUNCTIONS(Step)

public:
    StepKind kind;
    QString id;
    const char *nameText;            // QT_TRANSLATE_NOOP("Step", ...): use name()
    const char *descriptionText;     // one line
    QList<ParameterSpec> parameters; // in the order of FLOWS-FORMAT.md
    // Rules over several parameters: the problems of the step as a whole (translated).
    std::function<QStringList(const QJsonObject &parameters)> validate;
    QStringList placeholders; // filled for the later steps (Get items: its rows)
    QJsonObject defaults;     // the parameters of a new step

    QString name() const { return tr(nameText); }
    QString description() const { return tr(descriptionText); }

    const ParameterSpec *parameter(QStringView key) const;
    QStringList parameterKeys() const;
    QStringList secretRefKeys() const;

    // In the order of the editor's menu.
    static const QList<StepKindDescriptor> &all();
    static const StepKindDescriptor &of(StepKind kind);
    static const StepKindDescriptor *find(QStringView id); // null for an unknown id
};
