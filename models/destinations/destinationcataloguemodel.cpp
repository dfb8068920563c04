#include "destinationcataloguemodel.h"

#include "plaintooltip.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

namespace {

QString uiLanguage()
{
    const QString name = QLocale().name(); // "ro_RO", "en_US", or "C"
    return name == QLatin1String("C") ? QStringLiteral("en") : name.section(u'_', 0, 0);
}

} // namespace

DestinationCatalogueModel::DestinationCatalogueModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QStringList DestinationCatalogueModel::categories()
{
    return {QStringLiteral("automation"),     QStringLiteral("analytics"), QStringLiteral("storage"),
            QStringLiteral("advertising"),    QStringLiteral("marketing"), QStringLiteral("sales-service"),
            QStringLiteral("data-onboarding")};
}

QString DestinationCatalogueModel::categoryName(const QString &category)
{
    if (category == u"automation")
        return tr("Automation");
    if (category == u"analytics")
        return tr("Analytics");
    if (category == u"storage")
        return tr("Storage");
    if (category == u"advertising")
        return tr("Advertising");
    if (category == u"marketing")
        return tr("Marketing");
    if (category == u"sales-service")
        return tr("Sales and service");
    if (category == u"data-onboarding")
        return tr("Data onboarding");
    return category;
}

bool DestinationCatalogueModel::load(const QString &path)
{
    beginResetModel();
    m_destinations.clear();
    m_error.clear();

    const auto fail = [this](const QString &message) {
        m_destinations.clear();
        m_error = message;
        endResetModel();
        return false;
    };

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read the destination catalogue %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("The destination catalogue %1 is not valid JSON (at offset %2: %3).")
                        .arg(path)
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
    const QJsonValue list = document.object().value(u"destinations");
    if (!list.isArray())
        return fail(tr("The destination catalogue %1 has no \"destinations\" list.").arg(path));

    const QString language = uiLanguage();
    const QStringList knownCategories = categories();
    QSet<QString> ids;
    const QJsonArray entries = list.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const auto bad = [&](const char *field) {
            return fail(tr("Destination %1 in the catalogue has a missing or invalid \"%2\".")
                            .arg(i + 1)
                            .arg(QLatin1String(field)));
        };
        Destination d;
        d.id = entry.value(u"id").toString();
        if (d.id.isEmpty() || ids.contains(d.id))
            return bad("id");
        ids.insert(d.id);
        d.name = entry.value(u"name").toString();
        if (d.name.isEmpty())
            return bad("name");
        d.category = entry.value(u"category").toString();
        if (!knownCategories.contains(d.category))
            return bad("category");
        const QJsonObject descriptions = entry.value(u"description").toObject();
        d.description = descriptions.value(language).toString(descriptions.value(u"en").toString());
        if (d.description.isEmpty())
            return bad("description");
        const QString iconFile = entry.value(u"icon").toString();
        d.icon = QIcon(QStringLiteral(":/icons/destinations/") + iconFile);
        if (iconFile.isEmpty() || d.icon.isNull())
            return bad("icon");
        d.docsUrl = QUrl(entry.value(u"docsUrl").toString(), QUrl::StrictMode);
        if (!d.docsUrl.isValid() || d.docsUrl.scheme() != u"https")
            return bad("docsUrl");
        const QJsonValue configurable = entry.value(u"configurable");
        if (!configurable.isBool())
            return bad("configurable");
        d.configurable = configurable.toBool();
        m_destinations.append(d);
    }
    endResetModel();
    return true;
}

QModelIndex DestinationCatalogueModel::indexOfId(const QString &id) const
{
    for (qsizetype row = 0; row < m_destinations.size(); ++row) {
        if (m_destinations.at(row).id == id)
            return index(int(row));
    }
    return {};
}

int DestinationCatalogueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_destinations.size());
}

QVariant DestinationCatalogueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Destination &d = m_destinations.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return d.name;
    case Qt::DecorationRole:
        return d.icon;
    case Qt::ToolTipRole:
        return plainToolTip(d.description);
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(d.name, categoryName(d.category));
    case Qt::AccessibleDescriptionRole:
        return tr("%1 Press Enter to %2.").arg(d.description, data(index, ActionTextRole).toString());
    case IdRole:
        return d.id;
    case DescriptionRole:
        return d.description;
    case CategoryRole:
        return d.category;
    case CategoryNameRole:
        return categoryName(d.category);
    case ConfigurableRole:
        return d.configurable;
    case ActionTextRole:
        return d.configurable ? tr("Configure") : tr("Learn more");
    case DocsUrlRole:
        return d.docsUrl;
    default:
        return {};
    }
}

QHash<int, QByteArray> DestinationCatalogueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "destinationId");
    names.insert(DescriptionRole, "description");
    names.insert(CategoryRole, "category");
    names.insert(CategoryNameRole, "categoryName");
    names.insert(ConfigurableRole, "configurable");
    names.insert(ActionTextRole, "actionText");
    names.insert(DocsUrlRole, "docsUrl");
    return names;
}
