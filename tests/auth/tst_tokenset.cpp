#include "tokenset.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QByteArray jwt(const QJsonObject &claims, const QByteArray &signature = "sig")
{
    const auto part = [](const QJsonObject &object) {
        return QJsonDocument(object)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return part(QJsonObject{{QStringLiteral("alg"), QStringLiteral("none")}}) + '.' + part(claims) + '.' +
           signature;
}

} // namespace

class TestTokenSet : public QObject
{
    Q_OBJECT

private slots:
    void account_data()
    {
        QTest::addColumn<QByteArray>("idToken");
        QTest::addColumn<QString>("account");
        const QJsonObject all{{QStringLiteral("preferred_username"), QStringLiteral("admin@contoso.example")},
                              {QStringLiteral("upn"), QStringLiteral("upn@contoso.example")},
                              {QStringLiteral("email"), QStringLiteral("mail@contoso.example")},
                              {QStringLiteral("name"), QStringLiteral("Contoso Admin")}};
        QTest::addRow("preferred_username first") << jwt(all) << QStringLiteral("admin@contoso.example");
        QJsonObject noPreferred = all;
        noPreferred.remove(QStringLiteral("preferred_username"));
        QTest::addRow("then upn") << jwt(noPreferred) << QStringLiteral("upn@contoso.example");
        noPreferred.remove(QStringLiteral("upn"));
        QTest::addRow("then email") << jwt(noPreferred) << QStringLiteral("mail@contoso.example");
        noPreferred.remove(QStringLiteral("email"));
        QTest::addRow("then name") << jwt(noPreferred) << QStringLiteral("Contoso Admin");
        QTest::addRow("unsigned (alg none, empty signature)")
            << jwt(all, QByteArray()) << QStringLiteral("admin@contoso.example");
        QTest::addRow("unicode") << jwt({{QStringLiteral("name"), QStringLiteral("Ștefan Ionescu")}})
                                 << QStringLiteral("Ștefan Ionescu");
        QTest::addRow("empty claim skipped")
            << jwt({{QStringLiteral("preferred_username"), QStringLiteral(" ")},
                    {QStringLiteral("upn"), QStringLiteral("u")}})
            << QStringLiteral("u");
        QTest::addRow("no claims") << jwt({{QStringLiteral("sub"), QStringLiteral("x")}}) << QString();
        QTest::addRow("not a JWT") << QByteArray("opaque-token") << QString();
        QTest::addRow("empty") << QByteArray() << QString();
        QTest::addRow("two parts") << QByteArray("a.b") << QString();
        QTest::addRow("bad base64") << QByteArray("a.!!!.c") << QString();
        QTest::addRow("not JSON") << QByteArray("a.") +
                                         QByteArray("hello").toBase64(QByteArray::Base64UrlEncoding) + ".c"
                                  << QString();
        QTest::addRow("number claim") << jwt({{QStringLiteral("preferred_username"), 42}}) << QString();
    }

    void account()
    {
        QFETCH(QByteArray, idToken);
        QFETCH(QString, account);
        QCOMPARE(accountFromIdToken(idToken), account);
    }
};

QTEST_GUILESS_MAIN(TestTokenSet)
#include "tst_tokenset.moc"
