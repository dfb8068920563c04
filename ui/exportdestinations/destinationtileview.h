#pragma once

#include <QListView>

class DestinationTileDelegate;

// The Discover grid: tiles in rows that wrap with the width. Arrow keys move between tiles; Enter or Space
// presses the current tile's button, as does a click on the button.
class DestinationTileView : public QListView
{
    Q_OBJECT

public:
    explicit DestinationTileView(QWidget *parent = nullptr);

    // Where the button of the tile at `index` is, in viewport coordinates.
    QRect buttonRect(const QModelIndex &index) const;

signals:
    void buttonClicked(const QModelIndex &index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QModelIndex buttonAt(const QPoint &pos) const;

    DestinationTileDelegate *m_delegate;
    QPersistentModelIndex m_pressed;
};
