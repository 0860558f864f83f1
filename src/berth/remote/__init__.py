"""Reaching a deployed environment: its named configuration, commands in its running containers, its logs."""
