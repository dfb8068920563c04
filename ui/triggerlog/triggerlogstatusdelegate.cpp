#include "triggerlogstatusdelegate.h"

#include "triggerlog/triggerlogmodel.h"

#include <QApplication>
#include <QPainter>

namespace {

const QStyle *styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

bool isDark(const QColor &color)
{
    return color.lightnessF() < 0.5;
}

} // namespace

TriggerLogStatusDelegate::TriggerLogStatusDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QIcon TriggerLogStatusDelegate::icon(TriggerLogRecord::Status status)
{
    static const QIcon ok(QStringLiteral(":/icons/ui/status-ok.svg"));
    static const QIcon error(QStringLiteral(":/icons/ui/status-error.svg"));
    static const QIcon warning(QStringLiteral(":/icons/ui/status-warning.svg"));
    static const QIcon pending(QStringLiteral(":/icons/ui/status-pending.svg"));
    switch (status) {
    case TriggerLogRecord::Status::Succeeded:
        return ok;
    case TriggerLogRecord::Status::Failed:
        return error;
    case TriggerLogRecord::Status::Retrying:
    case TriggerLogRecord::Status::NoSteps:
        return warning;
    case TriggerLogRecord::Status::Pending:
    case TriggerLogRecord::Status::Running:
        return pending;
    }
    return pending;
}

QColor TriggerLogStatusDelegate::color(TriggerLogRecord::Status status, const QPalette &palette)
{
    const bool dark = isDark(palette.color(QPalette::Base));
    switch (status) {
    case TriggerLogRecord::Status::Succeeded:
        return dark ? QColor(0x6c, 0xcb, 0x5f) : QColor(0x0e, 0x70, 0x0e);
    case TriggerLogRecord::Status::Failed:
        return dark ? QColor(0xff, 0x99, 0xa4) : QColor(0xc4, 0x2b, 0x1c);
    case TriggerLogRecord::Status::Retrying:
    case TriggerLogRecord::Status::NoSteps:
        return dark ? QColor(0xfc, 0xe1, 0x00) : QColor(0x9d, 0x5d, 0x00);
    case TriggerLogRecord::Status::Pending:
    case TriggerLogRecord::Status::Running:
        break;
    }
    return palette.color(QPalette::Text);
}

void TriggerLogStatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto status = TriggerLogRecord::Status(index.data(TriggerLogModel::StatusRole).toInt());
    const QString text = opt.text;
    opt.text.clear();
    opt.icon = QIcon();
    const QStyle *style = styleOf(option);
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, option.widget);

    const QRect content =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, option.widget).adjusted(2, 0, -2, 0);
    const QRect iconRect(content.left(), content.center().y() - kIconSize / 2 + 1, kIconSize, kIconSize);
    icon(status).paint(painter, iconRect);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    QColor pen = selected ? opt.palette.color(group, QPalette::HighlightedText) : color(status, opt.palette);
    painter->save();
    painter->setPen(pen);
    QFont font = opt.font;
    if (status == TriggerLogRecord::Status::Failed)
        font.setWeight(QFont::DemiBold);
    painter->setFont(font);
    const QRect textRect = content.adjusted(kIconSize + kSpacing, 0, 0, 0);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize TriggerLogStatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    const int width =
        QFontMetrics(font).horizontalAdvance(index.data().toString()) + kIconSize + kSpacing + 16;
    return {qMax(size.width(), width), qMax(size.height(), kIconSize + 8)};
}
