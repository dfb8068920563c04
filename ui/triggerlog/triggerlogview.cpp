#include "triggerlogview.h"

#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>

TriggerLogView::TriggerLogView(QWidget *parent)
    : QTableView(parent)
    , m_newRowsButton(new QPushButton(this))
{
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_newRowsButton->setObjectName(QStringLiteral("newFiringsButton"));
    m_newRowsButton->setCursor(Qt::PointingHandCursor);
    m_newRowsButton->hide();
    connect(m_newRowsButton, &QPushButton::clicked, this, &TriggerLogView::jumpToNewest);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0)
            setNewRows(0);
    });
}

void TriggerLogView::setModel(QAbstractItemModel *model)
{
    disconnect(m_aboutToInsert);
    disconnect(m_inserted);
    disconnect(m_reset);
    QTableView::setModel(model);
    setNewRows(0);
    if (!model)
        return;
    // Connected after the view and its headers: by the time inserted() runs, the header knows the new rows.
    m_aboutToInsert = connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                              [this](const QModelIndex &parent, int first) { aboutToInsert(parent, first); });
    m_inserted = connect(model, &QAbstractItemModel::rowsInserted, this, &TriggerLogView::inserted);
    m_reset = connect(model, &QAbstractItemModel::modelReset, this, [this] { setNewRows(0); });
}

bool TriggerLogView::isFollowing() const
{
    return verticalScrollBar()->value() == 0;
}

void TriggerLogView::aboutToInsert(const QModelIndex &parent, int first)
{
    m_valueBeforeInsert = verticalScrollBar()->value();
    m_readingBeforeInsert = !parent.isValid() && first == 0 && m_valueBeforeInsert > 0;
}

void TriggerLogView::inserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || first != 0 || !m_readingBeforeInsert)
        return;
    m_readingBeforeInsert = false;
    // Keep the rows being read in place: scroll down by the height of what arrived above them.
    updateGeometries();
    const int added = verticalHeader()->sectionPosition(last) + verticalHeader()->sectionSize(last) -
                      verticalHeader()->sectionPosition(first);
    verticalScrollBar()->setValue(m_valueBeforeInsert + added);
    setNewRows(m_newRows + last - first + 1);
}

void TriggerLogView::jumpToNewest()
{
    scrollToTop();
    setNewRows(0);
}

void TriggerLogView::setNewRows(int count)
{
    if (count == m_newRows)
        return;
    m_newRows = count;
    if (count > 0) {
        m_newRowsButton->setText(count == 1 ? tr("↑ 1 new firing") : tr("↑ %1 new firings").arg(count));
        m_newRowsButton->setAccessibleName(m_newRowsButton->text());
        m_newRowsButton->adjustSize();
        placeButton();
        m_newRowsButton->show();
        m_newRowsButton->raise();
    } else {
        m_newRowsButton->hide();
    }
    emit newRowCountChanged(count);
}

void TriggerLogView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    placeButton();
}

void TriggerLogView::placeButton()
{
    const QRect area = viewport()->geometry();
    const QSize size = m_newRowsButton->sizeHint();
    m_newRowsButton->setGeometry(area.left() + (area.width() - size.width()) / 2, area.top() + 8,
                                 size.width(), size.height());
}
