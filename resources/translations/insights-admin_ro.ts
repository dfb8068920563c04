<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro_RO">
<context>
    <name>CommandLine</name>
    <message>
        <source>Configure and run Power Automate flows for Dynamics 365 Customer Insights.</source>
        <translation>Configurați și rulați fluxuri Power Automate pentru Dynamics 365 Customer Insights.</translation>
    </message>
    <message>
        <source>Keep all state under &lt;dir&gt; (default: %1).</source>
        <translation>Păstrează toate datele în &lt;dir&gt; (implicit: %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt; (en, ro) instead of the system's.</source>
        <translation>Folosește limba &lt;code&gt; (en, ro) în locul celei a sistemului.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>cod</translation>
    </message>
    <message>
        <source>Run '%1 --help' for the options.</source>
        <translation>Rulați „%1 --help” pentru a vedea opțiunile.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument neașteptat: %1</translation>
    </message>
    <message>
        <source>The language "%1" is not available; using %2.
</source>
        <translation>Limba „%1” nu este disponibilă; se folosește %2.
</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1. Choose another one with --data-dir.
</source>
        <translation>Dosarul de date %1 nu poate fi creat. Alegeți altul cu --data-dir.
</translation>
    </message>
</context>
<context>
    <name>DestinationCatalogueModel</name>
    <message>
        <source>Automation</source>
        <translation>Automatizare</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analiză</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stocare</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>Publicitate</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Sales and service</source>
        <translation>Vânzări și servicii</translation>
    </message>
    <message>
        <source>Data onboarding</source>
        <translation>Integrare de date</translation>
    </message>
    <message>
        <source>Cannot read the destination catalogue %1: %2</source>
        <translation>Catalogul de destinații %1 nu poate fi citit: %2</translation>
    </message>
    <message>
        <source>The destination catalogue %1 is not valid JSON (at offset %2: %3).</source>
        <translation>Catalogul de destinații %1 nu este JSON valid (la poziția %2: %3).</translation>
    </message>
    <message>
        <source>The destination catalogue %1 has no "destinations" list.</source>
        <translation>Catalogul de destinații %1 nu are o listă „destinations”.</translation>
    </message>
    <message>
        <source>Destination %1 in the catalogue has a missing or invalid "%2".</source>
        <translation>Destinația %1 din catalog are câmpul „%2” lipsă sau nevalid.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 Press Enter to %2.</source>
        <translation>%1 Apăsați Enter pentru: %2.</translation>
    </message>
    <message>
        <source>Configure</source>
        <translation>Configurare</translation>
    </message>
    <message>
        <source>Learn more</source>
        <translation>Aflați mai multe</translation>
    </message>
</context>
<context>
    <name>DestinationTileView</name>
    <message>
        <source>Export destinations catalogue</source>
        <translation>Catalogul destinațiilor de export</translation>
    </message>
</context>
<context>
    <name>ExportDestinationsPane</name>
    <message>
        <source>Export destinations</source>
        <translation>Destinații de export</translation>
    </message>
    <message>
        <source>Share segments, measures and events from Customer Insights with the apps and services you use.</source>
        <translation>Partajați segmente, măsuri și evenimente din Customer Insights cu aplicațiile și serviciile pe care le folosiți.</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>Descoperiți</translation>
    </message>
    <message>
        <source>Search destinations</source>
        <translation>Căutați destinații</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>No export destination matches your search. Clear the search box or pick another category.</source>
        <translation>Nicio destinație de export nu corespunde căutării. Goliți caseta de căutare sau alegeți altă categorie.</translation>
    </message>
    <message>
        <source>My export destinations</source>
        <translation>Destinațiile mele de export</translation>
    </message>
    <message>
        <source>You have not set up any export destination yet. On the Discover tab, choose Configure on the Power Automate tile to connect Customer Insights to your flows.</source>
        <translation>Nu ați configurat încă nicio destinație de export. În fila Descoperiți, alegeți Configurare pe dala Power Automate pentru a conecta Customer Insights la fluxurile dvs.</translation>
    </message>
    <message>
        <source>Go to Discover</source>
        <translation>Mergeți la Descoperiți</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toate categoriile</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>Se afișează %1 din %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Insights Admin</source>
        <translation>Insights Admin</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigare</translation>
    </message>
    <message>
        <source>Export destinations</source>
        <translation>Destinații de export</translation>
    </message>
    <message>
        <source>Power Automate</source>
        <translation>Power Automate</translation>
    </message>
    <message>
        <source>Flows run against a Customer Insights instance you are signed in to. Interactive sign-in is not available in this version yet, so no flow can be configured.</source>
        <translation>Fluxurile rulează pe o instanță Customer Insights la care sunteți conectat. Conectarea interactivă nu este încă disponibilă în această versiune, deci nu se poate configura niciun flux.</translation>
    </message>
    <message>
        <source>Trigger log</source>
        <translation>Jurnalul declanșatoarelor</translation>
    </message>
    <message>
        <source>The trigger log lists every firing of your flows once the connector is signed in and running.</source>
        <translation>Jurnalul declanșatoarelor afișează fiecare declanșare a fluxurilor dvs. după ce conectorul este conectat și rulează.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cont</translation>
    </message>
    <message>
        <source>Your signed-in account and connection settings will be shown here.</source>
        <translation>Contul conectat și setările conexiunii vor fi afișate aici.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Neconectat</translation>
    </message>
    <message>
        <source>Connector stopped</source>
        <translation>Conector oprit</translation>
    </message>
    <message>
        <source>%1 / %2 calls in the last 60 s</source>
        <translation>%1 / %2 apeluri în ultimele 60 s</translation>
    </message>
</context>
<context>
    <name>MyDestinationsModel</name>
    <message>
        <source>Ready</source>
        <translation>Pregătit</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Este necesară conectarea</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Eroare</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creat</translation>
    </message>
</context>
<context>
    <name>PlaceholderPane</name>
    <message>
        <source>Sign in to continue</source>
        <translation>Conectați-vă pentru a continua</translation>
    </message>
</context>
</TS>