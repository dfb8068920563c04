#include "destinationtileview.h"

#include "destinationtiledelegate.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include <algorithm>

DestinationTileView::DestinationTileView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new DestinationTileDelegate(this))
{
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setSpacing(6);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    viewport()->setAutoFillBackground(false);
    setAccessibleName(tr("Export destinations catalogue"));
}

QRect DestinationTileView::buttonRect(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->buttonRect(option, index);
}

QModelIndex DestinationTileView::buttonAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    return index.isValid() && buttonRect(index).contains(pos) ? index : QModelIndex();
}

void DestinationTileView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (currentIndex().isValid() &&
            (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier)) {
            emit buttonClicked(currentIndex());
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QListView::keyPressEvent(event);
}

void DestinationTileView::mouseMoveEvent(QMouseEvent *event)
{
    const QModelIndex button = buttonAt(event->position().toPoint());
    m_delegate->setHoveredButton(button);
    setCursor(button.isValid() ? Qt::PointingHandCursor : Qt::ArrowCursor);
    viewport()->update();
    QListView::mouseMoveEvent(event);
}

void DestinationTileView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = buttonAt(event->position().toPoint());
        m_delegate->setPressedButton(m_pressed);
        viewport()->update();
    }
    QListView::mousePressEvent(event);
}

void DestinationTileView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const QPersistentModelIndex pressed = m_pressed;
    m_pressed = QModelIndex();
    m_delegate->setPressedButton({});
    viewport()->update();
    if (pressed.isValid() && buttonAt(event->position().toPoint()) == pressed)
        emit buttonClicked(pressed);
}

void DestinationTileView::resizeEvent(QResizeEvent *event)
{
    // As many tiles of at least the minimum width as fit, stretched to fill the row.
    const int cell = DestinationTileDelegate::minimumTileWidth() + 2 * spacing();
    const int available = viewport()->width() - 1;
    const int columns = std::max(1, available / cell);
    m_delegate->setTileWidth(
        std::max(DestinationTileDelegate::minimumTileWidth(), available / columns - 2 * spacing()));
    scheduleDelayedItemsLayout();
    QListView::resizeEvent(event); // lays the items out again with the new size hint
}

void DestinationTileView::leaveEvent(QEvent *event)
{
    m_delegate->setHoveredButton({});
    unsetCursor();
    viewport()->update();
    QListView::leaveEvent(event);
}
