#pragma once

#include "parameterspec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

enum class TriggerKind;

// Everything about one trigger kind, said once: its stable id (FLOWS-FORMAT.md, --headless), its texts, its
// parameters and the placeholders its firings fill. Trigger, FlowJson, the flow editor and the template
// engine read it; the kind's detection lives in the connector worker.
//
// The parameters are those of a Trigger: "subject" (Trigger::subject), "threshold", "permanentFailuresOnly"
// and "includeManualRefreshes"; a kind lists those that apply.
struct TriggerKindDescriptor
{
    Q_DECLARE_TR_FUNCTIONS(Trigger)

public:
    // What the subject names: the editor lists those of the instance.
    enum class Subject
    {
        None,
        DataSource, // empty: any data source
        Segment,    // its member count is the value
        Measure,    // a business measure without dimension
    };

    TriggerKind kind;
    QString id;
    const char *nameText;        // QT_TRANSLATE_NOOP("Trigger", ...): use name()
    const char *descriptionText; // one line
    const char *limitsText;      // when it fires and when not
    QList<ParameterSpec> parameters;
    QStringList placeholders; // beyond the ones every firing fills (TemplateEngine)
    Subject subject = Subject::None;

    QString name() const { return tr(nameText); }
    QString description() const { return tr(descriptionText); }
    QString limits() const { return tr(limitsText); }

    const ParameterSpec *parameter(QStringView key) const;
    bool takes(QStringView key) const { return parameter(key) != nullptr; }

    // In the order of the editor's list.
    static const QList<TriggerKindDescriptor> &all();
    static const TriggerKindDescriptor &of(TriggerKind kind);
    static const TriggerKindDescriptor *find(QStringView id); // null for an unknown id
};
