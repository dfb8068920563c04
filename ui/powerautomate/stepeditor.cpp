#include "stepeditor.h"

#include "common/fielderror.h"
#include "emailstepeditor.h"
#include "getitemsstepeditor.h"
#include "httpstepeditor.h"
#include "teamsstepeditor.h"
#include "templateengine.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace {

// The unknown placeholders of a text as one sentence, empty when there are none.
QString placeholderProblem(const QStringList &unknown)
{
    if (unknown.isEmpty())
        return {};
    return StepEditor::tr("Unknown placeholder: %1. Use the { } menu to insert a known one.")
        .arg(unknown.join(QStringLiteral(", ")));
}

QToolButton *placeholderButton(QWidget *parent, std::function<void(const QString &)> insert)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("placeholderButton"));
    button->setText(QStringLiteral("{ }"));
    button->setToolTip(StepEditor::tr("Insert a placeholder"));
    button->setAccessibleName(StepEditor::tr("Insert a placeholder"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    for (const QString &name : TemplateEngine::placeholders()) {
        const QString placeholder = QStringLiteral("{{%1}}").arg(name);
        menu->addAction(placeholder, button, [insert, placeholder] { insert(placeholder); });
    }
    button->setMenu(menu);
    return button;
}

} // namespace

namespace {

using Factory = StepEditor *(*)(QWidget *parent);

template<typename Editor>
StepEditor *make(QWidget *parent)
{
    return new Editor(parent);
}

// The editor of each step kind of StepKindDescriptor::all().
constexpr std::pair<StepKind, Factory> kEditors[] = {
    {StepKind::TeamsMessage, make<TeamsStepEditor>},
    {StepKind::Email, make<EmailStepEditor>},
    {StepKind::HttpCall, make<HttpStepEditor>},
    {StepKind::GetItems, make<GetItemsStepEditor>},
};

} // namespace

StepEditor *StepEditor::create(StepKind kind, QWidget *parent)
{
    for (const auto &[editorKind, factory] : kEditors) {
        if (editorKind == kind)
            return factory(parent);
    }
    return nullptr;
}

StepEditor::StepEditor(StepKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_form(new QFormLayout)
    , m_generalError(FieldError::create(QStringLiteral("stepError"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading =
        new QLabel(QStringLiteral("<b>%1</b>").arg(Step::displayName(kind).toHtmlEscaped()), this);
    layout->addWidget(heading);
    auto *description = new QLabel(Step::description(kind), this);
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(description);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    layout->addLayout(m_form);
    layout->addWidget(m_generalError);
    layout->addStretch(1);
}

void StepEditor::addRow(const QString &label, QWidget *field, const QString &key)
{
    auto *cell = new QWidget(this);
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    QLabel *error = FieldError::create(key + QStringLiteral("Error"), cell);
    layout->addWidget(error);
    m_errorLabels.insert(key, error);
    m_form->addRow(label, cell);
}

QWidget *StepEditor::withPlaceholders(QLineEdit *field)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(placeholderButton(row, [field](const QString &text) {
        field->insert(text);
        field->setFocus();
    }));
    return row;
}

QWidget *StepEditor::withPlaceholders(QPlainTextEdit *field)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(placeholderButton(row,
                                        [field](const QString &text) {
                                            field->insertPlainText(text);
                                            field->setFocus();
                                        }),
                      0, Qt::AlignTop);
    return row;
}

QLineEdit *StepEditor::addSecretRow(const QString &label, const QString &key, const QString &hint)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(key.chopped(QStringView(u"SecretRef").size()) +
                         QStringLiteral("LineEdit")); // webhookLineEdit
    field->setEchoMode(QLineEdit::Password);
    field->setToolTip(hint);
    field->setClearButtonEnabled(true);
    m_secretFields.insert(key, field);
    watch(field);
    addRow(label, field, key);
    return field;
}

void StepEditor::watch(QLineEdit *field)
{
    connect(field, &QLineEdit::textChanged, this, &StepEditor::changed);
}

void StepEditor::watch(QPlainTextEdit *field)
{
    connect(field, &QPlainTextEdit::textChanged, this, &StepEditor::changed);
}

void StepEditor::watch(QComboBox *field)
{
    connect(field, &QComboBox::currentTextChanged, this, &StepEditor::changed);
}

void StepEditor::watch(QSpinBox *field)
{
    connect(field, &QSpinBox::valueChanged, this, &StepEditor::changed);
}

void StepEditor::setStep(const Step &step)
{
    Q_ASSERT(step.kind == m_kind);
    const QSignalBlocker blocker(this);
    m_secretRefs.clear();
    for (const QString &key : Step::secretRefKeys(m_kind)) {
        const QString ref = step.parameters.value(key).toString();
        if (!ref.isEmpty())
            m_secretRefs.insert(key, ref);
    }
    for (auto it = m_secretFields.cbegin(); it != m_secretFields.cend(); ++it) {
        it.value()->clear();
        it.value()->setPlaceholderText(m_secretRefs.contains(it.key())
                                           ? tr("Stored in the system secret store. Type to replace it.")
                                           : QString());
    }
    load(step.parameters);
}

Step StepEditor::step() const
{
    QJsonObject parameters = this->parameters();
    for (auto it = m_secretRefs.cbegin(); it != m_secretRefs.cend(); ++it)
        parameters.insert(it.key(), it.value());
    return Step{m_kind, parameters};
}

QHash<QString, QString> StepEditor::enteredSecrets() const
{
    QHash<QString, QString> secrets;
    for (auto it = m_secretFields.cbegin(); it != m_secretFields.cend(); ++it) {
        if (!it.value()->text().trimmed().isEmpty())
            secrets.insert(it.key(), it.value()->text().trimmed());
    }
    return secrets;
}

void StepEditor::setSecretRef(const QString &key, const QString &ref)
{
    m_secretRefs.insert(key, ref);
    if (QLineEdit *field = m_secretFields.value(key)) {
        const QSignalBlocker blocker(field);
        field->clear();
        field->setPlaceholderText(tr("Stored in the system secret store. Type to replace it."));
    }
    emit changed();
}

QHash<QString, QString> StepEditor::problems() const
{
    QHash<QString, QString> problems;
    for (const auto &[key, unknown] : TemplateEngine::unknownPlaceholders(step()))
        problems.insert(key, placeholderProblem(unknown));
    return problems;
}

void StepEditor::showErrors(const QHash<QString, QString> &errors)
{
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it)
        FieldError::show(it.value(), errors.value(it.key()));
    QStringList general;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (!m_errorLabels.contains(it.key()))
            general.append(it.value());
    }
    FieldError::show(m_generalError, general.join(u'\n'));
}

void StepEditor::setEntities(const QList<CiEntity> &) {}

void StepEditor::setKnownSecretRefs(const QStringList &) {}

QPlainTextEdit *StepEditor::textArea(int lines, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 2 * edit->frameWidth() + 8);
    return edit;
}
