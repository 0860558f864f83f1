"""
Pytest configuration for SSO tests.

All fixtures are now registered via pytest_factoryboy in fixtures.py
and included via the main conftest.py pytest_plugins list.
"""

# Fixtures are auto-discovered from fixtures.py via pytest_plugins in main conftest
