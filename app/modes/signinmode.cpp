#include "signinmode.h"

#include "headlesssignin.h"
#include "modecontext.h"

#include <QCoreApplication>

int runSignInMode(ModeContext &context)
{
    const std::unique_ptr<HeadlessSignIn> signIn = context.createHeadlessSignIn();
    QObject::connect(signIn.get(), &HeadlessSignIn::finished, signIn.get(), [&context](int exitCode) {
        if (exitCode == 0)
            context.saveTenantConnection();
        QCoreApplication::exit(exitCode);
    });
    context.probeSecretStore([&signIn](SecretStore *) { signIn->start(); });
    return QCoreApplication::exec();
}
