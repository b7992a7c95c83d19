"""Settings: appearance, backups, export and import."""
