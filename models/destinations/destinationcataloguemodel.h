#pragma once

#include <QAbstractListModel>
#include <QIcon>
#include <QList>
#include <QUrl>

// The export destinations of the Discover tab, read from a catalogue JSON file
// (resources/destinations/catalogue.json). Names are brand names; descriptions carry their own
// translations in the file, picked by the default QLocale's language.
class DestinationCatalogueModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        DescriptionRole,
        CategoryRole,     // the category id ("automation")
        CategoryNameRole, // its translated name ("Automation")
        ConfigurableRole, // true when this app configures the destination itself
        ActionTextRole,   // "Configure" or "Learn more"
        DocsUrlRole,
    };
    Q_ENUM(Role)

    struct Destination
    {
        QString id;
        QString name;
        QString category;
        QString description;
        QIcon icon;
        QUrl docsUrl;
        bool configurable = false;
    };

    static constexpr auto kDefaultCatalogue = ":/destinations/catalogue.json";
    static constexpr auto kPowerAutomateId = "power-automate";

    explicit DestinationCatalogueModel(QObject *parent = nullptr);

    // Replaces the content with the catalogue at `path`. On failure the model is left empty and
    // errorString() says what is wrong, naming the entry and the field.
    bool load(const QString &path = QLatin1String(kDefaultCatalogue));
    QString errorString() const { return m_error; }

    QModelIndex indexOfId(const QString &id) const;
    static QString categoryName(const QString &category);
    static QStringList categories();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Destination> m_destinations;
    QString m_error;
};
