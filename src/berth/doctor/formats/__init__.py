"""Light parsers for the files that are not Python: Dockerfile, Compose YAML, nginx, shell."""
