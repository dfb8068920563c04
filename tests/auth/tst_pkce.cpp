#include "pkce.h"

#include <QSet>
#include <QTest>

class TestPkce : public QObject
{
    Q_OBJECT

private slots:
    // RFC 7636 appendix B.
    void rfc7636AppendixB()
    {
        const int octets[] = {116, 24,  223, 180, 151, 153, 224, 37,  79, 250, 96, 125, 216, 173, 187, 186,
                              22,  212, 37,  77,  105, 214, 191, 240, 91, 88,  5,  88,  83,  132, 141, 121};
        QByteArray rfcOctets;
        for (int octet : octets)
            rfcOctets.append(char(octet));
        const QByteArray verifier = Pkce::base64Url(rfcOctets);
        QCOMPARE(verifier, QByteArrayLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        QCOMPARE(Pkce::challengeS256(verifier),
                 QByteArrayLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void base64UrlHasNoPaddingOrUnsafeCharacters_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("empty") << QByteArray() << QByteArray();
        QTest::addRow("one byte") << QByteArray("\xfb", 1) << QByteArrayLiteral("-w");
        QTest::addRow("two bytes") << QByteArray("\xff\xff", 2) << QByteArrayLiteral("__8");
        QTest::addRow("three bytes") << QByteArrayLiteral("abc") << QByteArrayLiteral("YWJj");
    }

    void base64UrlHasNoPaddingOrUnsafeCharacters()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(Pkce::base64Url(input), expected);
    }

    void verifierIs32RandomBytes()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray verifier = Pkce::createVerifier();
            QCOMPARE(verifier.size(), 43); // 32 bytes, base64url without padding
            for (char c : verifier)
                QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_',
                         verifier.constData());
            const auto decoded = QByteArray::fromBase64Encoding(verifier, QByteArray::Base64UrlEncoding);
            QVERIFY(decoded);
            QCOMPARE(decoded.decoded.size(), 32);
            seen.insert(verifier);
        }
        QCOMPARE(seen.size(), 200);
    }

    void randomTokenSizes()
    {
        QCOMPARE(Pkce::randomToken(32).size(), 43);
        QCOMPARE(Pkce::randomToken(9).size(), 12);
        QCOMPARE(Pkce::randomToken(1).size(), 2);
        QVERIFY(Pkce::randomToken(32) != Pkce::randomToken(32));
    }

    void challengeIs43Characters() { QCOMPARE(Pkce::challengeS256(Pkce::createVerifier()).size(), 43); }

    void equalSecrets()
    {
        QVERIFY(Pkce::equalSecrets("abc", "abc"));
        QVERIFY(!Pkce::equalSecrets("abc", "abd"));
        QVERIFY(!Pkce::equalSecrets("abc", "abcd"));
        QVERIFY(!Pkce::equalSecrets("", "a"));
        QVERIFY(Pkce::equalSecrets("", ""));
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
