#pragma once

#include <QTableView>

class QPushButton;

// The trigger log's table. New rows arrive at the top: while the view is at the top they simply show
// (the log "scrolls" itself); once the user has scrolled away to read, the rows they read stay where they
// are and a "N new firings" button at the top jumps back to the newest.
class TriggerLogView : public QTableView
{
    Q_OBJECT

public:
    explicit TriggerLogView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    bool isFollowing() const; // at the top: new rows show as they come
    int newRowCount() const { return m_newRows; }
    QPushButton *newRowsButton() const { return m_newRowsButton; }

public slots:
    void jumpToNewest();

signals:
    void newRowCountChanged(int count);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void aboutToInsert(const QModelIndex &parent, int first);
    void inserted(const QModelIndex &parent, int first, int last);
    void setNewRows(int count);
    void placeButton();

    QPushButton *m_newRowsButton;
    QMetaObject::Connection m_aboutToInsert, m_inserted, m_reset;
    int m_newRows = 0;
    int m_valueBeforeInsert = 0;
    bool m_readingBeforeInsert = false;
};
