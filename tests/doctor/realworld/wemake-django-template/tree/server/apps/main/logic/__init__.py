"""
This package is a place for your business logic.

Please, do not create any other files inside your app package.
Place all files here, including: logic, forms, serializers.

Decoupling is a good thing. We need more of that.

Try using https://github.com/dry-python/
It is awesome for writing business logic!
"""
