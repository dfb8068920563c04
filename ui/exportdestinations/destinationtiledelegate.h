#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

// Paints a destination of the catalogue as a card: icon, name, category, a two-line description and the
// tile's button ("Configure" or "Learn more"), in the colours of the style's palette.
//
//   +-----------------------------------------------+
//   | [icon]  Name                                  |
//   |         Category                              |
//   | Description, at most two lines, elided...     |
//   |                                  [ Button ]   |
//   +-----------------------------------------------+
class DestinationTileDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit DestinationTileDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The width of a tile: the view stretches tiles so that its rows are filled.
    void setTileWidth(int width) { m_tileWidth = width; }
    static int minimumTileWidth();

    // Where the tile's button is, for hit-testing by the view.
    QRect buttonRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    // The button under the mouse and the one held down, painted as hovered and pressed.
    void setHoveredButton(const QModelIndex &index) { m_hoveredButton = index; }
    void setPressedButton(const QModelIndex &index) { m_pressedButton = index; }

private:
    int m_tileWidth;
    QPersistentModelIndex m_hoveredButton;
    QPersistentModelIndex m_pressedButton;
};
