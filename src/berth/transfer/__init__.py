"""Data transfer between environments: database dumps, restores, pulls and pushes, backups, the database tunnel and media sync."""
