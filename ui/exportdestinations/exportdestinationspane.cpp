#include "exportdestinationspane.h"

#include "common/fonts.h"
#include "destinations/destinationcataloguemodel.h"
#include "destinations/destinationfiltermodel.h"
#include "destinations/mydestinationsmodel.h"
#include "ui_exportdestinationspane.h"

#include <QDesktopServices>
#include <QHeaderView>

ExportDestinationsPane::ExportDestinationsPane(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ExportDestinationsPane>())
    , m_catalogue(new DestinationCatalogueModel(this))
    , m_filter(new DestinationFilterModel(this))
    , m_myDestinations(new MyDestinationsModel(this))
{
    m_ui->setupUi(this);
    Fonts::emphasize(m_ui->titleLabel, Fonts::kPaneTitle);
    m_ui->searchLineEdit->addAction(QIcon(QStringLiteral(":/icons/ui/search.svg")),
                                    QLineEdit::LeadingPosition);

    // The catalogue ships inside the application; failing to read it is a packaging defect, said plainly.
    if (!m_catalogue->load())
        m_ui->noMatchLabel->setText(m_catalogue->errorString());
    m_filter->setSourceModel(m_catalogue);
    m_ui->tileView->setModel(m_filter);

    m_ui->categoryComboBox->addItem(tr("All categories"), QString());
    for (const QString &category : DestinationCatalogueModel::categories())
        m_ui->categoryComboBox->addItem(DestinationCatalogueModel::categoryName(category), category);

    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, m_filter, &DestinationFilterModel::setFilterText);
    connect(m_ui->categoryComboBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter->setCategory(m_ui->categoryComboBox->itemData(index).toString()); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ExportDestinationsPane::updateDiscoverState);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ExportDestinationsPane::updateDiscoverState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ExportDestinationsPane::updateDiscoverState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ExportDestinationsPane::updateDiscoverState);
    connect(m_ui->tileView, &DestinationTileView::buttonClicked, this, &ExportDestinationsPane::activateTile);

    m_ui->myDestinationsView->setModel(m_myDestinations);
    m_ui->myDestinationsView->horizontalHeader()->setSectionResizeMode(MyDestinationsModel::NameColumn,
                                                                       QHeaderView::Stretch);
    connect(m_myDestinations, &QAbstractItemModel::modelReset, this,
            &ExportDestinationsPane::updateMyDestinationsState);
    connect(m_ui->goToDiscoverButton, &QPushButton::clicked, this,
            [this] { m_ui->destinationTabs->setCurrentWidget(m_ui->discoverTab); });

    updateDiscoverState();
    updateMyDestinationsState();
    if (m_filter->rowCount() > 0)
        m_ui->tileView->setCurrentIndex(m_filter->index(0, 0));
    setFocusProxy(m_ui->tileView);
}

ExportDestinationsPane::~ExportDestinationsPane() = default;

void ExportDestinationsPane::activateTile(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (index.data(DestinationCatalogueModel::ConfigurableRole).toBool())
        emit configureRequested(index.data(DestinationCatalogueModel::IdRole).toString());
    else
        QDesktopServices::openUrl(index.data(DestinationCatalogueModel::DocsUrlRole).toUrl());
}

void ExportDestinationsPane::updateDiscoverState()
{
    const int shown = m_filter->rowCount();
    m_ui->discoverStack->setCurrentWidget(shown > 0 ? static_cast<QWidget *>(m_ui->tileView)
                                                    : m_ui->noMatchLabel);
    m_ui->countLabel->setText(tr("Showing %1 of %2").arg(shown).arg(m_catalogue->rowCount()));
}

void ExportDestinationsPane::updateMyDestinationsState()
{
    m_ui->myDestinationsStack->setCurrentWidget(m_myDestinations->rowCount() > 0
                                                    ? static_cast<QWidget *>(m_ui->myDestinationsView)
                                                    : m_ui->emptyStatePage);
}
