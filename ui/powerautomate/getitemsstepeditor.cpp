#include "getitemsstepeditor.h"

#include "cimodels.h"
#include "stepkinddescriptor.h"
#include "templateengine.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

GetItemsStepEditor::GetItemsStepEditor(QWidget *parent)
    : StepEditor(StepKind::GetItems, parent)
    , m_entity(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_select(new QLineEdit(this))
    , m_orderBy(new QLineEdit(this))
    , m_limit(new QSpinBox(this))
    , m_previewButton(new QPushButton(tr("Preview"), this))
    , m_previewStatus(new QLabel(this))
    , m_preview(new QTableWidget(this))
{
    m_entity->setObjectName(QStringLiteral("entityComboBox"));
    m_entity->setEditable(true);
    m_entity->setInsertPolicy(QComboBox::NoInsert);
    m_filter->setObjectName(QStringLiteral("filterLineEdit"));
    m_filter->setPlaceholderText(QStringLiteral("Country eq 'Denmark'"));
    m_select->setObjectName(QStringLiteral("selectLineEdit"));
    m_select->setPlaceholderText(tr("Columns, separated by commas (all when empty)"));
    m_orderBy->setObjectName(QStringLiteral("orderByLineEdit"));
    m_orderBy->setPlaceholderText(QStringLiteral("LastName asc"));
    m_limit->setObjectName(QStringLiteral("limitSpinBox"));
    m_limit->setRange(1, StepKindDescriptor::of(StepKind::GetItems).parameter(u"limit")->maximum);
    m_limit->setValue(100);
    watch(m_entity);
    for (QLineEdit *field : {m_filter, m_select, m_orderBy})
        watch(field);
    watch(m_limit);
    addRow(tr("Entity"), m_entity, QStringLiteral("entity"));
    addRow(tr("Filter"), withPlaceholders(m_filter), QStringLiteral("filter"));
    addRow(tr("Columns"), m_select, QStringLiteral("select"));
    addRow(tr("Order by"), m_orderBy, QStringLiteral("orderBy"));
    addRow(tr("Row limit"), m_limit, QStringLiteral("limit"));

    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewStatus->setObjectName(QStringLiteral("previewStatusLabel"));
    m_previewStatus->setWordWrap(true);
    m_previewStatus->setTextFormat(Qt::PlainText);
    auto *previewRow = new QWidget(this);
    auto *previewLayout = new QHBoxLayout(previewRow);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewButton);
    previewLayout->addWidget(m_previewStatus, 1);
    form()->addRow(QString(), previewRow);
    m_preview->setObjectName(QStringLiteral("previewTableWidget"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->setMinimumHeight(m_preview->fontMetrics().height() * 8);
    form()->addRow(QString(), m_preview);
    form()->setRowVisible(m_preview, false);
    connect(m_previewButton, &QPushButton::clicked, this, [this] {
        m_previewStatus->setText(tr("Loading the first rows…"));
        m_previewButton->setEnabled(false);
        emit previewRequested(step());
    });
}

void GetItemsStepEditor::setEntities(const QList<CiEntity> &entities)
{
    const QString current = m_entity->currentText();
    const QSignalBlocker blocker(m_entity);
    m_entity->clear();
    for (const CiEntity &entity : entities) {
        const QString label = entity.dataSourceName.isEmpty()
                                  ? entity.name
                                  : tr("%1 (from %2)").arg(entity.name, entity.dataSourceName);
        m_entity->addItem(label, entity.qualifiedName.isEmpty() ? entity.name : entity.qualifiedName);
    }
    const int index = m_entity->findData(current);
    if (index >= 0)
        m_entity->setCurrentIndex(index);
    else
        m_entity->setEditText(current);
}

void GetItemsStepEditor::showPreview(const QList<QJsonObject> &rows)
{
    m_previewButton->setEnabled(true);
    const QStringList columns = TemplateEngine::columns(rows);
    m_preview->clear();
    m_preview->setColumnCount(int(columns.size()));
    m_preview->setRowCount(int(rows.size()));
    m_preview->setHorizontalHeaderLabels(columns);
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < columns.size(); ++column)
            m_preview->setItem(
                row, column,
                new QTableWidgetItem(TemplateEngine::cellText(rows.at(row).value(columns.at(column)))));
    }
    m_preview->resizeColumnsToContents();
    form()->setRowVisible(m_preview, !rows.isEmpty());
    m_previewStatus->setText(rows.isEmpty() ? tr("No rows match.")
                                            : tr("The first %n row(s):", nullptr, int(rows.size())));
}

void GetItemsStepEditor::showPreviewError(const QString &message)
{
    m_previewButton->setEnabled(true);
    form()->setRowVisible(m_preview, false);
    m_previewStatus->setText(message);
}

void GetItemsStepEditor::load(const QJsonObject &parameters)
{
    const QString entity = parameters.value(QLatin1String("entity")).toString();
    const int index = m_entity->findData(entity);
    if (index >= 0)
        m_entity->setCurrentIndex(index);
    else
        m_entity->setEditText(entity);
    m_filter->setText(parameters.value(QLatin1String("filter")).toString());
    m_select->setText(parameters.value(QLatin1String("select")).toString());
    m_orderBy->setText(parameters.value(QLatin1String("orderBy")).toString());
    m_limit->setValue(parameters.value(QLatin1String("limit")).toInt(100));
}

QJsonObject GetItemsStepEditor::parameters() const
{
    const int index = m_entity->currentIndex();
    const QString entity = index >= 0 && m_entity->itemText(index) == m_entity->currentText()
                               ? m_entity->itemData(index).toString()
                               : m_entity->currentText().trimmed();
    QJsonObject parameters{{QStringLiteral("entity"), entity}, {QStringLiteral("limit"), m_limit->value()}};
    if (!m_filter->text().trimmed().isEmpty())
        parameters.insert(QStringLiteral("filter"), m_filter->text().trimmed());
    if (!m_select->text().trimmed().isEmpty())
        parameters.insert(QStringLiteral("select"), m_select->text().trimmed());
    if (!m_orderBy->text().trimmed().isEmpty())
        parameters.insert(QStringLiteral("orderBy"), m_orderBy->text().trimmed());
    return parameters;
}
