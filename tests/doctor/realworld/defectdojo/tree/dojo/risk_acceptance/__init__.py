import dojo.risk_acceptance.admin  # noqa: F401
