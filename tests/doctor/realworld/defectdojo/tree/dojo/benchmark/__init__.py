import dojo.benchmark.admin  # noqa: F401
