#pragma once

#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>

// A real QNetworkAccessManager that also remembers every request it sends (method, URL, body), so tests
// can see what the code under test posted: the token exchange, the code_verifier.
class RecordingNam : public QNetworkAccessManager
{
public:
    struct Request
    {
        Operation operation;
        QUrl url;
        QByteArray body;
    };

    RecordingNam() { setProxy(QNetworkProxy::NoProxy); }

    QList<Request> requests;

    QList<Request> postsTo(const QUrl &url) const
    {
        QList<Request> result;
        for (const Request &request : requests) {
            if (request.operation == PostOperation && request.url.adjusted(QUrl::RemoveQuery) == url)
                result.append(request);
        }
        return result;
    }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        requests.append({operation, request.url(),
                         outgoingData ? outgoingData->peek(outgoingData->size()) : QByteArray()});
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    }
};
