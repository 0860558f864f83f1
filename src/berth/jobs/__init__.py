"""One-off container jobs: wait for the services, migrate once, file database backups."""
