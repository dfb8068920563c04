#pragma once

#include <QLoggingCategory>

// insights.steps: step attempts and their outcomes. Never a secret: webhook URLs, passwords, signing
// secrets and tokens are redacted before anything is logged or recorded.
Q_DECLARE_LOGGING_CATEGORY(lcSteps)
