# pylint: disable=undefined-variable
INSTALLED_APPS.append("test_me")  # noqa: F821
