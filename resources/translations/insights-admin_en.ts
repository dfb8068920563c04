<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message numerus="yes">
        <source>Imported %n flow(s) from %1.
</source>
        <translation>
            <numerusform>Imported %n flow from %1.
</numerusform>
            <numerusform>Imported %n flows from %1.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n flow(s) to %1.
</source>
        <translation>
            <numerusform>Exported %n flow to %1.
</numerusform>
            <numerusform>Exported %n flows to %1.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlowEditor</name>
    <message numerus="yes">
        <source>%1 (%Ln member(s))</source>
        <translation>
            <numerusform>%1 (%Ln member)</numerusform>
            <numerusform>%1 (%Ln members)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Now: %Ln member(s)</source>
        <translation>
            <numerusform>Now: %Ln member</numerusform>
            <numerusform>Now: %Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GetItemsStep</name>
    <message numerus="yes">
        <source>Reading %1 failed after %n row(s): %2</source>
        <translation>
            <numerusform>Reading %1 failed after %n row: %2</numerusform>
            <numerusform>Reading %1 failed after %n rows: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %n row(s) of %1 in %2 page(s).</source>
        <translation>
            <numerusform>Read %n row of %1 in %2 page.</numerusform>
            <numerusform>Read %n rows of %1 in %2 pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GetItemsStepEditor</name>
    <message numerus="yes">
        <source>The first %n row(s):</source>
        <translation>
            <numerusform>The first %n row:</numerusform>
            <numerusform>The first %n rows:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PowerAutomatePane</name>
    <message numerus="yes">
        <source>Imported %n flow(s) from %1.</source>
        <translation>
            <numerusform>Imported %n flow from %1.</numerusform>
            <numerusform>Imported %n flows from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n flow(s) to %1. Secrets are not part of the file: the steps name their secret store entries, and an import asks for them.</source>
        <translation>
            <numerusform>Exported %n flow to %1. Secrets are not part of the file: the steps name their secret store entries, and an import asks for them.</numerusform>
            <numerusform>Exported %n flows to %1. Secrets are not part of the file: the steps name their secret store entries, and an import asks for them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThresholdChart</name>
    <message numerus="yes">
        <source>%n value(s) observed, the latest %1.</source>
        <translation>
            <numerusform>%n value observed, the latest %1.</numerusform>
            <numerusform>%n values observed, the latest %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
