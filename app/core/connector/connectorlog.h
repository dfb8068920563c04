#pragma once

#include <QLoggingCategory>

// insights.connector: the worker, the detectors and the trigger engine. Never a token.
Q_DECLARE_LOGGING_CATEGORY(lcConnector)
