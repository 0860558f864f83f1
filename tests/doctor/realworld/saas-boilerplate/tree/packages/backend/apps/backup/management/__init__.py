# Management commands for backup system
