#pragma once

#include <QWidget>

#include <memory>

class DestinationCatalogueModel;
class DestinationFilterModel;
class MyDestinationsModel;
namespace Ui {
class ExportDestinationsPane;
}

// Admin > Export destinations: the Discover tab (a catalogue of destination tiles) and the My export
// destinations tab (the destinations set up in this app).
class ExportDestinationsPane : public QWidget
{
    Q_OBJECT

public:
    explicit ExportDestinationsPane(QWidget *parent = nullptr);
    ~ExportDestinationsPane() override;

    DestinationCatalogueModel *catalogue() const { return m_catalogue; }
    MyDestinationsModel *myDestinations() const { return m_myDestinations; }

signals:
    // The user chose Configure on a destination this app configures itself.
    void configureRequested(const QString &destinationId);

private:
    void activateTile(const QModelIndex &index);
    void updateDiscoverState();
    void updateMyDestinationsState();

    std::unique_ptr<Ui::ExportDestinationsPane> m_ui;
    DestinationCatalogueModel *m_catalogue;
    DestinationFilterModel *m_filter;
    MyDestinationsModel *m_myDestinations;
};
