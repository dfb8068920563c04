#include "customertable.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

constexpr quint32 kRowSeed = 0x5eed2026;

const char *const kFirstNames[] = {"Ava",   "Liam", "Mia",   "Noah",  "Zoe",   "Omar",  "Ines",  "Kai",
                                   "Lena",  "Ravi", "Sofia", "Mateo", "Yuki",  "Amara", "Jonas", "Priya",
                                   "Elena", "Hugo", "Nora",  "Felix", "Chloe", "Diego", "Hana",  "Ivan"};
const char *const kLastNames[] = {"Anderson", "Brown",  "Chen",   "Diaz",  "Evans", "Fischer", "Garcia",
                                  "Hughes",   "Ivanov", "Jensen", "Kim",   "Lopez", "Martin",  "Nguyen",
                                  "Olsen",    "Patel",  "Quinn",  "Rossi", "Silva", "Tanaka",  "Urban",
                                  "Varga",    "Weber",  "Xu",     "Young", "Zimmer"};
const char *const kTiers[] = {"Bronze", "Silver", "Gold", "Platinum"};

template<typename T, std::size_t N>
QString pick(QRandomGenerator &rng, const T (&items)[N])
{
    return QString::fromLatin1(items[rng.bounded(quint32(N))]);
}

int compareValues(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isBool() && b.isBool())
        return int(a.toBool()) - int(b.toBool());
    return QString::compare(a.toString(), b.toString());
}

} // namespace

CustomerTable::CustomerTable(int count, const QStringList &stores, const QStringList &cities)
{
    m_columns = {{QStringLiteral("CustomerId"), QStringLiteral("string")},
                 {QStringLiteral("FirstName"), QStringLiteral("string")},
                 {QStringLiteral("LastName"), QStringLiteral("string")},
                 {QStringLiteral("FullName"), QStringLiteral("string")},
                 {QStringLiteral("Email"), QStringLiteral("string")},
                 {QStringLiteral("City"), QStringLiteral("string")},
                 {QStringLiteral("Store"), QStringLiteral("string")},
                 {QStringLiteral("LoyaltyTier"), QStringLiteral("string")},
                 {QStringLiteral("TotalSpend"), QStringLiteral("number")},
                 {QStringLiteral("OrderCount"), QStringLiteral("integer")},
                 {QStringLiteral("NewsletterOptIn"), QStringLiteral("boolean")},
                 {QStringLiteral("LastPurchaseDate"), QStringLiteral("date-time")},
                 {QStringLiteral("CreatedOn"), QStringLiteral("date-time")}};

    QRandomGenerator rng(kRowSeed);
    const QDateTime reference(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    m_rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString first = pick(rng, kFirstNames);
        const QString last = pick(rng, kLastNames);
        const int orders = int(rng.bounded(1, 60));
        const double spend = std::round(orders * (20.0 + rng.generateDouble() * 180.0) * 100.0) / 100.0;
        const QString store =
            stores.isEmpty() ? QString() : stores.at(int(rng.bounded(quint32(stores.size()))));
        const QString city =
            cities.isEmpty() ? QString() : cities.at(int(rng.bounded(quint32(cities.size()))));
        const QDateTime created = reference.addDays(-qint64(rng.bounded(30, 1500)));
        const QDateTime lastPurchase = reference.addSecs(-qint64(rng.bounded(3600, 400 * 86400)));
        m_rows.append(QJsonObject{
            {QStringLiteral("CustomerId"), QStringLiteral("CUST-%1").arg(i + 1, 5, 10, QLatin1Char('0'))},
            {QStringLiteral("FirstName"), first},
            {QStringLiteral("LastName"), last},
            {QStringLiteral("FullName"), QString(first + u' ' + last)},
            {QStringLiteral("Email"),
             QStringLiteral("%1.%2.%3@example.com").arg(first.toLower(), last.toLower()).arg(i + 1)},
            {QStringLiteral("City"), city},
            {QStringLiteral("Store"), store},
            {QStringLiteral("LoyaltyTier"), pick(rng, kTiers)},
            {QStringLiteral("TotalSpend"), spend},
            {QStringLiteral("OrderCount"), orders},
            {QStringLiteral("NewsletterOptIn"), rng.bounded(100) < 55},
            {QStringLiteral("LastPurchaseDate"), lastPurchase.toString(Qt::ISODate)},
            {QStringLiteral("CreatedOn"), created.toString(Qt::ISODate)}});
    }
}

bool CustomerTable::hasColumn(const QString &name) const
{
    return std::any_of(m_columns.cbegin(), m_columns.cend(), [&](const Column &c) { return c.name == name; });
}

void CustomerTable::defineSegment(const QString &segment, const QString &attribute, bool descending)
{
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    if (hasColumn(attribute)) {
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            const int c = compareValues(m_rows.at(a).value(attribute), m_rows.at(b).value(attribute));
            return descending ? c > 0 : c < 0;
        });
    }
    QList<int> ranks(m_rows.size());
    for (int position = 0; position < order.size(); ++position)
        ranks[order.at(position)] = position;
    m_ranks.insert(segment, ranks);
}

bool CustomerTable::isMember(const QString &segment, int row, qint64 count) const
{
    const auto it = m_ranks.constFind(segment);
    return it != m_ranks.cend() && it->at(row) < count;
}
