#pragma once

#include <QLoggingCategory>

// insights.auth: states, kinds, HTTP statuses and URLs without their query. Never a token, code,
// verifier, state or password.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
