#pragma once

#include "stepeditor.h"

class QPushButton;
class QTableWidget;

// Get items from an entity: entity, $filter, $select, $orderby, a row limit, and a preview of the first rows.
class GetItemsStepEditor : public StepEditor
{
    Q_OBJECT

public:
    explicit GetItemsStepEditor(QWidget *parent = nullptr);
    void setEntities(const QList<CiEntity> &entities) override;
    // The preview's outcome: rows, or a sentence saying why there are none.
    void showPreview(const QList<QJsonObject> &rows);
    void showPreviewError(const QString &message);

protected:
    void load(const QJsonObject &parameters) override;
    QJsonObject parameters() const override;

private:
    QComboBox *m_entity;
    QLineEdit *m_filter;
    QLineEdit *m_select;
    QLineEdit *m_orderBy;
    QSpinBox *m_limit;
    QPushButton *m_previewButton;
    QLabel *m_previewStatus;
    QTableWidget *m_preview;
};
