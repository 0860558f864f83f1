# Backup management commands
