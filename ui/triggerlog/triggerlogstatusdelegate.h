#pragma once

#include "triggerlog/triggerlogrecord.h"

#include <QIcon>
#include <QStyledItemDelegate>

// Paints the status cell of the trigger log as icon + text, tinted by the status (never colour alone):
// succeeded, failed, retrying (warning) and pending/running. Reads TriggerLogModel::StatusRole only.
class TriggerLogStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TriggerLogStatusDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QIcon icon(TriggerLogRecord::Status status);
    // The tint of `status` readable on `palette`'s base colour.
    static QColor color(TriggerLogRecord::Status status, const QPalette &palette);

private:
    static constexpr int kIconSize = 16;
    static constexpr int kSpacing = 6;
};
