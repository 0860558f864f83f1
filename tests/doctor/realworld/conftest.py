"""The corpus trees are other projects' code, with their own tests: never collected here."""

collect_ignore_glob = ["*/tree"]
