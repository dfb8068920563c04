#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

// Catches what the application hands to the system browser (QDesktopServices::openUrl) for the given
// schemes, for as long as it lives, so that no test opens a real browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    explicit UrlCatcher(const QStringList &schemes = {QStringLiteral("http"), QStringLiteral("https")});
    ~UrlCatcher() override;

    QList<QUrl> urls() const { return m_urls; }

signals:
    void urlOpened(const QUrl &url);

public slots:
    void openUrl(const QUrl &url);

private:
    QStringList m_schemes;
    QList<QUrl> m_urls;
};
