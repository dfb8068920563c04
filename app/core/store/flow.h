#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// The flow model: a flow is one trigger (with its parameters) and an ordered list of steps. Plain value
// types, copied freely between threads (queued signals carry them). The stable ids below are the ones of
// the flows JSON (FLOWS-FORMAT.md) and of the --headless output: never change them.

// The six triggers of the connector. Each is described once, with its id, texts and parameters, in
// TriggerKindDescriptor (triggerkinddescriptor.cpp); the helpers below read it.
enum class TriggerKind
{
    DataSourceRefreshFailed,
    DataSourceRefreshSucceeded,
    SegmentThresholdCrossed,
    MeasureThresholdCrossed,
    FullRefreshCompleted,
    UnificationRefreshCompleted,
};

struct Trigger
{
    Q_DECLARE_TR_FUNCTIONS(Trigger)

public:
    TriggerKind kind = TriggerKind::DataSourceRefreshFailed;
    // The API name of the data source (or its dataSourceId), segment or measure. Empty = any data source
    // (data source triggers only; required for the threshold triggers, unused by the others).
    QString subject;
    double threshold = 0;                // threshold triggers: fires on <= threshold -> > threshold
    bool permanentFailuresOnly = false;  // DataSourceRefreshFailed only
    bool includeManualRefreshes = false; // FullRefreshCompleted only: also on-demand full refreshes

    static QList<TriggerKind> allKinds();
    static QString id(TriggerKind kind);                          // "dataSourceRefreshFailed", ...
    static std::optional<TriggerKind> kindFromId(QStringView id); // nullopt for an unknown id
    static QString displayName(TriggerKind kind);                 // translated
    static QString description(TriggerKind kind);                 // translated, one line
    // Which parameters apply to a kind; the others are ignored (and rejected by the flows JSON import).
    static bool takesSubject(TriggerKind kind);
    static bool requiresSubject(TriggerKind kind);
    static bool takesThreshold(TriggerKind kind);
    static bool takesPermanentFailuresOnly(TriggerKind kind);
    static bool takesIncludeManualRefreshes(TriggerKind kind);

    friend bool operator==(const Trigger &, const Trigger &) = default;
};

// The step kinds. Each is described once, with its id, texts and parameters (keys, types, which are
// required, which name secrets, their rules), in StepKindDescriptor (stepkinddescriptor.cpp); its action and
// its editor are registered under the same kind.
enum class StepKind
{
    TeamsMessage,
    Email,
    HttpCall,
    GetItems,
};

// One step of a flow: its kind and its parameters (text values may hold {{placeholders}}).
//
// Secrets are NEVER stored in a flow: a `...SecretRef` is the name of an entry of the secret store (the
// Teams webhook URL, the SMTP server and credentials, the HMAC key live there).
struct Step
{
    Q_DECLARE_TR_FUNCTIONS(Step)

public:
    StepKind kind = StepKind::TeamsMessage;
    QJsonObject parameters;

    static QList<StepKind> allKinds();
    static QString id(StepKind kind); // "teamsMessage", ...
    static std::optional<StepKind> kindFromId(QStringView id);
    static QString displayName(StepKind kind);       // translated
    static QString description(StepKind kind);       // translated, one line
    static QStringList parameterKeys(StepKind kind); // every key the kind knows, in FLOWS-FORMAT.md's order
    static QStringList secretRefKeys(StepKind kind); // the keys naming secret store entries

    friend bool operator==(const Step &, const Step &) = default;
};

struct Flow
{
    qint64 id = 0; // 0 until stored
    QString name;
    bool enabled = true;
    Trigger trigger;
    QList<Step> steps;
    QDateTime created, modified; // UTC, set by FlowStore

    // The secret store entries its steps name (webhookSecretRef, ...), each once, in step order.
    QStringList secretRefs() const;

    friend bool operator==(const Flow &, const Flow &) = default;
};

Q_DECLARE_METATYPE(Trigger)
Q_DECLARE_METATYPE(Step)
Q_DECLARE_METATYPE(Flow)
