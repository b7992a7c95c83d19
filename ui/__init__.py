"""KAP Companion's window: PySide6 widgets that call the core in `kapcompanion`.

Thin by design: views show what the core returns and pass the client's actions back to it;
they own no rules and write no SQL. Every user-visible string goes through `tr()`.
"""
