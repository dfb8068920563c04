#pragma once

#include <QMainWindow>

class ExportDestinationsPane;
class QLabel;
class QListWidget;
class QStackedWidget;

// The application window: a navigation list on the left, the current pane on the right and a status bar
// with the connection state, the connector worker's state and the API budget.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Pane
    {
        ExportDestinations,
        PowerAutomate,
        TriggerLog,
        Account
    };
    Q_ENUM(Pane)

    explicit MainWindow(QWidget *parent = nullptr);

    Pane currentPane() const;
    ExportDestinationsPane *exportDestinationsPane() const { return m_exportDestinations; }

public slots:
    void showPane(MainWindow::Pane pane);

private:
    void addPane(Pane pane, const QString &iconPath, const QString &title, QWidget *widget);
    void setBudget(int used, int limit);

    QListWidget *m_navigation;
    QStackedWidget *m_panes;
    ExportDestinationsPane *m_exportDestinations;
    QLabel *m_connectionLabel;
    QLabel *m_workerLabel;
    QLabel *m_budgetLabel;
};
