#include "destinationtiledelegate.h"

#include "destinations/destinationcataloguemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace {
constexpr int kMinimumTileWidth = 300;
constexpr int kTileHeight = 148;
constexpr int kMargin = 16;
constexpr int kIconSize = 40;
constexpr int kRadius = 8;

const QStyle *styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

// Draws `text` wrapped into at most `maxLines` lines inside `rect`, eliding the last one.
void drawWrapped(QPainter *painter, const QRect &rect, const QString &text, int maxLines)
{
    const QFontMetrics metrics(painter->font());
    QTextLayout layout(text, painter->font());
    layout.beginLayout();
    int y = rect.top();
    for (int lineNumber = 0; lineNumber < maxLines; ++lineNumber) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        const bool last = lineNumber == maxLines - 1;
        const QString lineText =
            last ? text.mid(line.textStart()) : text.mid(line.textStart(), line.textLength());
        const QString shown = last ? metrics.elidedText(lineText, Qt::ElideRight, rect.width()) : lineText;
        painter->drawText(QRect(rect.left(), y, rect.width(), metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, shown.trimmed());
        y += metrics.lineSpacing();
    }
    layout.endLayout();
}
} // namespace

DestinationTileDelegate::DestinationTileDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_tileWidth(kMinimumTileWidth)
{}

int DestinationTileDelegate::minimumTileWidth()
{
    return kMinimumTileWidth;
}

QSize DestinationTileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int lineHeight = option.fontMetrics.lineSpacing();
    // Icon row, two description lines and the button row, never smaller than the design size.
    return {m_tileWidth, std::max(kTileHeight, kMargin * 3 + kIconSize + lineHeight * 2 + 36)};
}

QRect DestinationTileDelegate::buttonRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionButton button;
    button.text = index.data(DestinationCatalogueModel::ActionTextRole).toString();
    button.fontMetrics = option.fontMetrics;
    const QSize textSize = option.fontMetrics.size(Qt::TextShowMnemonic, button.text);
    QSize size = styleOf(option)->sizeFromContents(QStyle::CT_PushButton, &button, textSize, option.widget);
    size.rwidth() = std::max(size.width() + 16, 96);
    const QRect tile = option.rect.adjusted(4, 4, -4, -4);
    return {tile.right() - kMargin - size.width() + 1, tile.bottom() - kMargin - size.height() + 1,
            size.width(), size.height()};
}

void DestinationTileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const bool focused = option.state & QStyle::State_HasFocus;
    const bool enabled = option.state & QStyle::State_Enabled;

    // The card, with a border that shows hover, selection and keyboard focus.
    const QRectF card = QRectF(option.rect).adjusted(4.5, 4.5, -4.5, -4.5);
    QPainterPath path;
    path.addRoundedRect(card, kRadius, kRadius);
    const QColor base = palette.color(QPalette::Base);
    const QColor highlight = palette.color(QPalette::Highlight);
    painter->fillPath(path, selected  ? mix(base, highlight, 0.08)
                            : hovered ? mix(base, highlight, 0.03)
                                      : base);
    QColor border = mix(base, palette.color(QPalette::Text), 0.18);
    qreal borderWidth = 1.0;
    if (selected || focused) {
        border = highlight;
        borderWidth = 2.0;
    } else if (hovered) {
        border = mix(base, highlight, 0.6);
    }
    painter->setPen(QPen(border, borderWidth));
    painter->drawPath(path);

    const QRect content = option.rect.adjusted(4 + kMargin, 4 + kMargin, -4 - kMargin, -4 - kMargin);
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    icon.paint(painter, QRect(content.topLeft(), QSize(kIconSize, kIconSize)), Qt::AlignCenter,
               enabled ? QIcon::Normal : QIcon::Disabled);

    // Name and category beside the icon.
    const QColor textColor = palette.color(enabled ? QPalette::Active : QPalette::Disabled, QPalette::Text);
    const QColor secondaryColor = mix(base, textColor, 0.62);
    const int textLeft = content.left() + kIconSize + 12;
    QFont nameFont = option.font;
    nameFont.setWeight(QFont::DemiBold);
    nameFont.setPointSizeF(option.font.pointSizeF() * 1.08);
    painter->setFont(nameFont);
    painter->setPen(textColor);
    const QFontMetrics nameMetrics(nameFont);
    const QRect nameRect(textLeft, content.top() + 1, content.right() - textLeft, nameMetrics.height());
    painter->drawText(
        nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        nameMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, nameRect.width()));
    QFont smallFont = option.font;
    smallFont.setPointSizeF(option.font.pointSizeF() * 0.92);
    painter->setFont(smallFont);
    painter->setPen(secondaryColor);
    const QFontMetrics smallMetrics(smallFont);
    painter->drawText(QRect(textLeft, nameRect.bottom() + 3, nameRect.width(), smallMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(DestinationCatalogueModel::CategoryNameRole).toString());

    // Two lines of description under the icon.
    painter->setFont(option.font);
    painter->setPen(textColor);
    const QRect button = buttonRect(option, index);
    const QRect description(content.left(), content.top() + kIconSize + 10, content.width(),
                            button.top() - 8 - (content.top() + kIconSize + 10));
    drawWrapped(painter, description, index.data(DestinationCatalogueModel::DescriptionRole).toString(), 2);

    // The button. Configure is the primary action and is filled with the highlight colour.
    QStyleOptionButton buttonOption;
    buttonOption.initFrom(option.widget);
    buttonOption.rect = button;
    buttonOption.text = index.data(DestinationCatalogueModel::ActionTextRole).toString();
    buttonOption.state = QStyle::State_Raised | (enabled ? QStyle::State_Enabled : QStyle::State_None);
    if (m_hoveredButton == index)
        buttonOption.state |= QStyle::State_MouseOver;
    if (m_pressedButton == index)
        buttonOption.state |= QStyle::State_Sunken;
    if (focused)
        buttonOption.state |= QStyle::State_HasFocus;
    if (index.data(DestinationCatalogueModel::ConfigurableRole).toBool()) {
        QColor fill = highlight;
        if (m_pressedButton == index)
            fill = fill.darker(125);
        else if (m_hoveredButton == index)
            fill = fill.darker(110);
        QPainterPath buttonPath;
        buttonPath.addRoundedRect(QRectF(button).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter->fillPath(buttonPath, fill);
        QFont buttonFont = option.font;
        buttonFont.setWeight(QFont::DemiBold);
        painter->setFont(buttonFont);
        painter->setPen(palette.color(QPalette::HighlightedText));
        painter->drawText(button, Qt::AlignCenter, buttonOption.text);
    } else {
        buttonOption.palette = palette;
        styleOf(option)->drawControl(QStyle::CE_PushButton, &buttonOption, painter, option.widget);
    }
    painter->restore();
}
